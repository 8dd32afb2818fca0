"""Where in a text each kind of date expression can stand, so that its pattern reads only there.

Every expression of a kind contains one of a few words: a month name, a weekday, "days",
"semaine", a hyphen for an ISO date. A search of the lower-cased text finds those words; each
kind's pattern then reads only the few words around them (as many as its longest expression
spans, and one more on each side for what its lookarounds see). An expression cannot lie
elsewhere, so the matches are those of the pattern read over the whole range, to the
character. A kind without such words is read whole, and so is a text holding a letter that
``str.lower`` does not fold as a case-insensitive pattern compares it (the long s, the
dotless i).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from functools import cache

Window = tuple[int, int]
# the words one of which every match holds, and the most words a match spans
KindKeys = tuple[tuple[str, ...], int]

WORD_KINDS = (
    "days_ago",
    "last_week",
    "last_month",
    "last_weekend",
    "this_week",
    "this_month",
    "day_before",
    "day_after",
)
_GAP = re.compile(r"[\s-]+")  # the words a match spans lie between spaces and hyphens


def words_in(phrases: Iterable[str]) -> int:
    """The most words any of ``phrases`` has, counted as a match spans them."""
    return max((len([w for w in _GAP.split(p) if w]) for p in phrases), default=0)


def date_kind_keys(w: Mapping) -> dict[str, KindKeys]:
    """For every kind of :mod:`geo.events.dates`, the words one of which each of its matches
    holds (lower case) and the most words a match spans, from the vocabulary ``w``."""
    months, weekdays = tuple(w["months"]), tuple(w["weekdays"])
    number = words_in(w["numbers"])
    part = words_in([*w["early"], *w["mid"], *w["late"]])
    keys: dict[str, KindKeys] = {
        "iso": (("-",), 3),
        "day_month": (months, 4),  # "3rd March, 2016", "1er mars."
        "month_day": (months, 4),
        "part_month": (months, words_in(w["before_part"]) + part + words_in(w["part_of"]) + 3),
        "month_year": (months, words_in(w["before_month"]) + 2),
        "month_of_year": (months, 2),
        "year": (("19", "20"), words_in(w["before_year"]) + 1),
        "night": (weekdays, words_in(w["night_from"]) + words_in(w["night_to"]) + 2),
        "next_weekday": (weekdays, max(words_in(w["next_before"]), words_in(w["next_after"])) + 1),
        "since_weekday": (weekdays, words_in(w["since"]) + 1),
        "weekday": (weekdays, 1),
        "weeks_ago": (("semaine", "week"), 3 + number + 1),  # "il y a deux semaines"
        "n_days_ago": (("jours", "days"), 3 + number + 1),  # "il y a trois jours"
        "span": (
            tuple(w["span_units"]),
            words_in(w["span_after"]) + words_in(w["span_about"]) + number + 1,
        ),
    }
    for kind in WORD_KINDS:  # the expressions are the words themselves
        keys[kind] = (tuple(w[kind]), words_in(w[kind]))
    return {kind: (tuple(k.lower() for k in found), span) for kind, (found, span) in keys.items()}


def folds_as_patterns(text: str) -> bool:
    """Whether ``str.lower`` folds every letter of ``text`` one for one, as a case-insensitive
    pattern compares it (not so for "İ", nor for "ı" and "ſ", which match "i" and "s")."""
    return all(
        len(c.lower()) == 1 and c.upper().lower() == c.lower() for c in set(text) if ord(c) > 127
    )


@cache
def _words_from(reach: int) -> re.Pattern:
    """The rest of a word, then ``reach`` more words (read forward or in the reversed text)."""
    return re.compile(rf"[^\s-]*(?:[\s-]+[^\s-]+){{0,{reach}}}")


class DateScan:
    """The windows of ``text[start:end]`` in which each kind of date expression may stand."""

    def __init__(self, text: str, start: int, end: int, keys: Mapping[str, KindKeys]) -> None:
        end = min(end, len(text))  # as a pattern reads a range: within the text
        start = max(0, min(start, end))
        self.text, self.start, self.end, self._keys = text, start, end, keys
        segment = text[start:end]
        self._lowered = segment.lower() if folds_as_patterns(segment) else None
        self._reversed: str | None = None
        self._places: dict[str, list[int]] = {}

    def windows(self, kind: str) -> list[Window]:
        """The ranges to read for ``kind``, in text order, not overlapping."""
        if self._lowered is None or kind not in self._keys:
            return [(self.start, self.end)]
        words, span = self._keys[kind]
        return _merged(
            [
                self._around(self.start + at, self.start + at + len(word), span + 1)
                for word in words
                for at in self._places_of(word)
            ]
        )

    def _places_of(self, word: str) -> list[int]:
        """Every offset of ``word`` in the lower-cased range, overlapping ones too."""
        if word not in self._places:
            found, at = [], self._lowered.find(word)
            while at >= 0:
                found.append(at)
                at = self._lowered.find(word, at + 1)
            self._places[word] = found
        return self._places[word]

    def _around(self, first: int, last: int, reach: int) -> Window:
        """``reach`` words either side of the words holding ``text[first:last]``."""
        if self._reversed is None:
            self._reversed = self.text[self.start : self.end][::-1]
        words = _words_from(reach)
        before = words.match(self._reversed, self.end - first).end() - (self.end - first)
        after = words.match(self.text, last, self.end).end()
        return first - before, after

    def matches(self, kind: str, pattern: re.Pattern) -> Iterator[re.Match]:
        """The matches of ``pattern`` (the pattern of ``kind``) in the range, in text order."""
        for a, b in self.windows(kind):
            yield from pattern.finditer(self.text, a, b)


def _merged(spans: Sequence[Window]) -> list[Window]:
    """Overlapping or touching ranges joined, in order."""
    out: list[list[int]] = []
    for a, b in sorted(spans):
        if out and a <= out[-1][1]:
            out[-1][1] = max(out[-1][1], b)
        else:
            out.append([a, b])
    return [(a, b) for a, b in out]
