"""Tokens with character offsets, French elisions split off, sentence starts marked."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from geo.recognize.words import arabic_articles, elided_words

_WORD = re.compile(r"[^\W_]+(?:[-'’‘.][^\W_]+)*\.?", re.UNICODE)
_SENTENCE_END = re.compile(r"[.!?:;«»\"“”—|•]|\n")


# Not frozen: a frozen dataclass takes three times as long to build, an article has hundreds
# of tokens, and nothing changes a token once ``tokenize`` has made it.
@dataclass(slots=True)
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
    tokens: list[Token] = []
    for span_start, span_end in spans if spans is not None else [(0, len(text))]:
        previous_end = span_start
        for match in _WORD.finditer(text, span_start, span_end):
            word, start = _word_and_start(match)
            end = start + len(word)
            between = text[previous_end:start]
            sentence_start = previous_end == span_start or (
                between != " " and _SENTENCE_END.search(between) is not None
            )
            tokens.append(Token(word, start, end, sentence_start, _capitalised(word)))
            previous_end = end
    return tokens


def _word_and_start(match: re.Match) -> tuple[str, int]:
    """The word a match of ``_WORD`` holds, without a final full stop, a possessive or an
    elision, and where it starts."""
    word, start = match.group(), match.start()
    if word[-1] == "." and not _is_abbreviation(word):
        word = word[:-1]
    if word[-2:] in ("'s", "’s"):
        word = word[:-2]  # English possessive: "Iraq's north"
    # only a word with an apostrophe can open with an elision: most skip the pattern
    if "'" in word or "’" in word or "‘" in word:
        elision = _elision().match(word)
        if elision and len(word) > elision.end():
            return word[elision.end() :], start + elision.end()
    return word, start


def _capitalised(word: str) -> bool:
    """Whether ``word`` starts with a capital, or with a lower-case Arabic article and a hyphen
    before one ("al-Bab")."""
    if word[:1].isupper():
        return True
    return ("-" in word or "‑" in word) and _arabic_article().match(word) is not None


def _is_abbreviation(word: str) -> bool:
    """ "U.S." and "St." keep their final full stop; an ordinary word and "UK." do not."""
    return word.count(".") >= 2 or (len(word) <= 4 and word[:1].isupper() and word[1:-1].islower())
