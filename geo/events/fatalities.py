"""Fatalities: the number of deaths a sentence gives ("12 killed", "killing at least five",
"faisant douze morts"), in digits or in English and French number words (data/fatality_words.json)."""

from __future__ import annotations

import re
from functools import cache

from geo.datafiles import read_json

_TOKEN = re.compile(
    r"\d{1,3}(?:[ ,.\u202f\u00a0]\d{3})+(?!\d)|\d+|[^\W\d_]+(?:[-'’][^\W\d_]+)*['’]?"
)
LOOK_AHEAD = 5  # words between a count and its word of death ("12 people have been killed")


@cache
def _words() -> dict:
    """The vocabulary: number words, words of death after and before a count, fillers, stops."""
    data = read_json("fatality_words.json")
    return {
        "numbers": {k.lower(): v for k, v in data["numbers"].items()},
        "after": [w.lower().split() for w in data["death_after"]],
        "before": [w.lower().split() for w in data["death_before"]],
        "filler": frozenset(w.lower() for w in data["filler"]),
        "stop": frozenset(w.lower() for w in data["stop"]),
    }


def fatalities(sentence: str) -> int | None:
    """The deaths the sentence reports (the first count tied to a word of death), or None."""
    tokens = [t.lower().replace("’", "'") for t in _TOKEN.findall(sentence)]
    for at in range(len(tokens)):
        count = _count_at(tokens, at)
        if count is None:
            continue
        value, after = count
        if _death_follows(tokens, after) or _death_precedes(tokens, at):
            return value
    return None


def _count_at(tokens: list[str], at: int) -> tuple[int, int] | None:
    """``(value, index after it)`` of a count starting at ``tokens[at]``, or None."""
    numbers = _words()["numbers"]
    if at + 1 < len(tokens) and f"{tokens[at]} {tokens[at + 1]}" in numbers:
        return numbers[f"{tokens[at]} {tokens[at + 1]}"], at + 2
    token = tokens[at]
    if token[0].isdecimal():
        digits = re.sub(r"\D", "", token)
        return (int(digits), at + 1) if digits and len(digits) <= 6 else None
    value = _number_word(token, numbers)
    return (value, at + 1) if value is not None else None


def _number_word(token: str, numbers: dict[str, int]) -> int | None:
    """A number word, or a compound of them ("twenty-five", "vingt-cinq", "quatre-vingt-dix")."""
    if token in numbers:
        return numbers[token]
    parts = token.split("-")
    if len(parts) < 2:
        return None
    head = "-".join(parts[:2])
    if head in numbers:  # quatre-vingt-dix
        parts = [head, *parts[2:]]
    values = [numbers.get(p) for p in parts if p != "et"]
    return sum(values) if values and None not in values else None


def _death_follows(tokens: list[str], at: int) -> bool:
    """Whether a word of death comes within a few fillers after ``tokens[at]``."""
    words = _words()
    for index in range(at, min(len(tokens), at + LOOK_AHEAD + 1)):
        if any(tokens[index : index + len(w)] == w for w in words["after"]):
            return True
        if tokens[index] in words["stop"] or tokens[index] not in words["filler"]:
            return False
    return False


def _death_precedes(tokens: list[str], at: int) -> bool:
    """Whether a word of killing ends just before the count (fillers such as "at least" between)."""
    words = _words()
    end = at
    while end > 0 and tokens[end - 1] in words["filler"] and at - end < 3:
        end -= 1
    return any(end >= len(w) and tokens[end - len(w) : end] == w for w in words["before"])
