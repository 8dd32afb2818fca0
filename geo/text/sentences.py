"""Sentences with character offsets, within the article's content spans."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from functools import cache

from geo.datafiles import read_json

# A sentence ends at . ! ? followed by a space and a capital, or at a line break.
_END = re.compile(r"(?<=[.!?»”\"])\s+(?=[«“\"A-ZÀ-Ý0-9—-])|\n+")
# An abbreviation ends where a sentence would: only the last few characters before it are
# searched, not the whole sentence so far ("A. B. C. ..." would make that quadratic).
ABBREVIATION_REACH = 10
# Longer than any sentence of the benchmark corpora (1,864 characters at most).
MAX_SENTENCE_CHARS = 2_000


@cache
def _abbreviation_before() -> re.Pattern:
    """An initial or an abbreviation of ``data/abbreviations.json`` ending the text searched."""
    words = [
        re.escape(w.removesuffix(".")) for w in read_json("abbreviations.json")["abbreviations"]
    ]
    return re.compile(rf"\b(?:[A-Z]|{'|'.join(words)})\.$")


def split_sentences(
    text: str, spans: Iterable[tuple[int, int]] | None = None
) -> list[tuple[int, int]]:
    """The ``(start, end)`` of every sentence of ``text`` (or of its ``spans``), stripped of spaces."""
    result = []
    abbreviation = _abbreviation_before()
    for span_start, span_end in spans if spans is not None else [(0, len(text))]:
        start = span_start
        for match in _END.finditer(text, span_start, span_end):
            if (
                match.group().strip() == ""
                and "\n" not in match.group()
                and abbreviation.search(
                    text, max(start, match.start() - ABBREVIATION_REACH), match.start()
                )
            ):
                continue
            result.extend(_bounded(text, start, match.start()))
            start = match.end()
        result.extend(_bounded(text, start, span_end))
    return result


def sentences_within(
    text: str, sentences: Sequence[tuple[int, int]], spans: Sequence[tuple[int, int]]
) -> list[tuple[int, int]]:
    """``split_sentences(text, spans)``, taken from ``sentences`` (those of the whole text) when
    the spans are whole lines of at most ``MAX_SENTENCE_CHARS``: no sentence crosses a line
    break, and none of those lines is cut, so both splits find the same sentences in them."""
    if "\r" in text or not all(_whole_line(text, a, b) for a, b in spans):
        return split_sentences(text, spans)
    starts = [a for a, _ in spans]
    inside = []
    for start, end in sentences:
        line = bisect_right(starts, start) - 1
        if line >= 0 and end <= spans[line][1]:
            inside.append((start, end))
    return inside


def _whole_line(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is a line of at most ``MAX_SENTENCE_CHARS``."""
    return (
        end - start <= MAX_SENTENCE_CHARS
        and (start == 0 or text[start - 1] == "\n")
        and (end == len(text) or text[end] == "\n")
    )


def _bounded(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A sentence, or pieces of it cut at spaces when it is longer than ``MAX_SENTENCE_CHARS``
    (a text without full stops): every sentence is quoted whole with each of its places."""
    pieces = []
    while end - start > MAX_SENTENCE_CHARS:
        cut = text.rfind(" ", start + 1, start + MAX_SENTENCE_CHARS)
        cut = cut if cut > start else start + MAX_SENTENCE_CHARS
        pieces.extend(_stripped(text, start, cut))
        start = cut
    return pieces + _stripped(text, start, end)


def _stripped(text: str, start: int, end: int) -> list[tuple[int, int]]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return [(start, end)] if end > start else []
