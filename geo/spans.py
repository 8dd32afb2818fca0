"""Character spans searched by bisection, so that a long article costs no pass over every span
for each new one.

Two needs recur in the stages: whether a new span overlaps one already kept (recognition,
dates), and which items start inside a sentence (events).
"""

from __future__ import annotations

from bisect import bisect_left, insort
from collections.abc import Callable, Iterable, Sequence
from typing import Generic, TypeVar

T = TypeVar("T")


class DisjointSpans:
    """Spans ``[start, end)`` that do not overlap one another, kept in order.

    Two spans overlap when ``a.start < b.end and b.start < a.end``. As the spans held never
    overlap, their ends grow with their starts: the one that starts last before a new span
    ends is the only one that can reach into it.
    """

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        self._spans: list[tuple[int, int]] = []
        for start, end in spans:
            self.add(start, end)

    def overlaps(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` overlaps a span held."""
        before_end = bisect_left(self._spans, (end,))  # spans that start before ``end``
        return before_end > 0 and self._spans[before_end - 1][1] > start

    def add(self, start: int, end: int) -> None:
        """Hold one more span (it must overlap none held)."""
        insort(self._spans, (start, end))


class ItemsByOffset(Generic[T]):
    """Items found by the character offsets they have (a mention's start, every start of a
    shape's mentions): those of a sentence in their original order, by bisection."""

    def __init__(self, items: Sequence[T], offsets: Callable[[T], Iterable[int]]) -> None:
        pairs = sorted((offset, n) for n, item in enumerate(items) for offset in offsets(item))
        self._items = items
        self._offsets = [offset for offset, _ in pairs]
        self._numbers = [n for _, n in pairs]

    def within(self, start: int, end: int) -> tuple[T, ...]:
        """The items with an offset in ``[start, end)``, each once, in the order given."""
        low, high = bisect_left(self._offsets, start), bisect_left(self._offsets, end)
        return tuple(self._items[n] for n in sorted(set(self._numbers[low:high])))


def first_at_or_after(sorted_offsets: Sequence[int], offset: int) -> int | None:
    """The first of ``sorted_offsets`` that is ``offset`` or more, or None."""
    i = bisect_left(sorted_offsets, offset)
    return sorted_offsets[i] if i < len(sorted_offsets) else None


def any_within(sorted_offsets: Sequence[int], start: int, end: int) -> bool:
    """Whether one of ``sorted_offsets`` lies in ``[start, end)``."""
    found = first_at_or_after(sorted_offsets, start)
    return found is not None and found < end
