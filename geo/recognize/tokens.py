"""Tokens with character offsets, French elisions split off, sentence starts marked."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from geo.recognize.words import arabic_articles, elided_words

_WORD = re.compile(r"[^\W_]+(?:[-'’‘.][^\W_]+)*\.?", re.UNICODE)
_SENTENCE_END = re.compile(r"[.!?:;«»\"“”—|•]|\n")


@dataclass(frozen=True, slots=True)
class Token:
    """A word of the text: its characters, offsets, and whether a sentence starts with it."""

    text: str
    start: int
    end: int
    sentence_start: bool
    # the word starts with an upper-case letter, or with a lower-case Arabic article joined
    # to one ("al-Bab")
    capitalised: bool = False


@cache
def _elision() -> re.Pattern:
    """An elided word opening a word: in "l'Euphrate", "d’Haditha", "jusqu'à", the article or
    preposition is not part of the name."""
    words = "|".join(map(re.escape, elided_words()))
    return re.compile(rf"^(?:{words})['’‘]", re.IGNORECASE)


@cache
def _arabic_article() -> re.Pattern:
    """An Arabic article written in lower case before a capitalised name: "al-Bab", "ez-Zor"."""
    articles = "|".join(sorted(map(re.escape, arabic_articles()), key=len, reverse=True))
    return re.compile(rf"(?:{articles})[-‑][A-Z]")


def tokenize(text: str, spans: Iterable[tuple[int, int]] | None = None) -> list[Token]:
    """The words of ``text`` (or of its ``spans`` only), elisions split off."""
    elision_pattern, arabic_article = _elision(), _arabic_article()
    tokens: list[Token] = []
    for span_start, span_end in spans if spans is not None else [(0, len(text))]:
        previous_end = span_start
        for match in _WORD.finditer(text, span_start, span_end):
            word, start = match.group(), match.start()
            if word.endswith(".") and not _is_abbreviation(word):
                word = word[:-1]
            if word[-2:] in ("'s", "’s"):
                word = word[:-2]  # English possessive: "Iraq's north"
            elision = elision_pattern.match(word)
            if elision and len(word) > elision.end():
                start += elision.end()
                word = word[elision.end() :]
            between = text[previous_end:start]
            sentence_start = previous_end == span_start or (
                between != " " and bool(_SENTENCE_END.search(between))
            )
            capitalised = word[:1].isupper() or bool(arabic_article.match(word))
            tokens.append(Token(word, start, start + len(word), sentence_start, capitalised))
            previous_end = start + len(word)
    return tokens


def _is_abbreviation(word: str) -> bool:
    """ "U.S." and "St." keep their final full stop; an ordinary word and "UK." do not."""
    return word.count(".") >= 2 or (len(word) <= 4 and word[:1].isupper() and word[1:-1].islower())
