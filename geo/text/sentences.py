"""Sentences with character offsets, within the article's content spans."""

from __future__ import annotations

import re
from collections.abc import Iterable

# A sentence ends at . ! ? followed by a space and a capital, or at a line break.
_END = re.compile(r"(?<=[.!?»”\"])\s+(?=[«“\"A-ZÀ-Ý0-9—-])|\n+")
_ABBREVIATIONS = re.compile(
    r"\b(?:[A-Z]|Mr|Mrs|Ms|Dr|St|Jan|Feb|Aug|Sept|Oct|Nov|Dec|Gen|Col|Lt|Sgt|U\.S|U\.K|M)\.$"
)


def split_sentences(
    text: str, spans: Iterable[tuple[int, int]] | None = None
) -> list[tuple[int, int]]:
    """The ``(start, end)`` of every sentence of ``text`` (or of its ``spans``), stripped of spaces."""
    result = []
    for span_start, span_end in spans if spans is not None else [(0, len(text))]:
        start = span_start
        for match in _END.finditer(text, span_start, span_end):
            if (
                match.group().strip() == ""
                and "\n" not in match.group()
                and _ABBREVIATIONS.search(text, start, match.start())
            ):
                continue
            result.extend(_stripped(text, start, match.start()))
            start = match.end()
        result.extend(_stripped(text, start, span_end))
    return result


def _stripped(text: str, start: int, end: int) -> list[tuple[int, int]]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return [(start, end)] if end > start else []
