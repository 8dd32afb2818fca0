"""Boilerplate out: the character spans of a page's text that are the article itself.

Share buttons, ad labels, embed instructions and bylines are dropped line by line; a
"related articles" heading ends the article. Offsets stay those of the original text.
"""

from __future__ import annotations

import re
from functools import cache

from geo.datafiles import DataFile, read_json

Span = tuple[int, int]


@cache
def boilerplate_patterns(
    path: DataFile = "boilerplate.json",
) -> tuple[re.Pattern, re.Pattern]:
    """The compiled (line to drop, end of article) patterns of ``data/boilerplate.json``."""
    rules = read_json(path)
    drop = re.compile("|".join(f"(?:{p})" for p in rules["drop_line"]), re.IGNORECASE)
    end = re.compile("|".join(f"(?:{p})" for p in rules["end_of_article"]), re.IGNORECASE)
    return drop, end


def content_spans(text: str) -> list[Span]:
    """The spans of ``text`` that are article content, in order; ``text[a:b]`` for each."""
    drop, end = boilerplate_patterns()
    spans: list[Span] = []
    for start, stop in _lines(text):
        line = " ".join(text[start:stop].split()).rstrip(":").strip()
        if not line:
            continue
        if _is_heading(line) and end.fullmatch(line):
            break
        if drop.fullmatch(line):
            continue
        spans.append((start, stop))
    return spans


def _is_heading(line: str) -> bool:
    """A short line without a closing full stop: the shape of a section heading."""
    return len(line) <= 60 and not line.endswith((".", "?", "!"))


def _lines(text: str) -> list[Span]:
    """The ``(start, end)`` span of every line, without its line break."""
    spans, start = [], 0
    for match in re.finditer(r"\r\n|\n|\r", text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return spans
