"""Event triggers and actors: the words of data/event_types.json and data/actors.json, each
vocabulary in one pattern, and the statements a sentence joins."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from geo.datafiles import read_json


@cache
def _groups(vocabulary: str) -> dict[str, list[str]]:
    """Event types (``"types"``, the intent phrases first, as a battle) or actors (``"actors"``),
    each with its trigger words or aliases, in the order of their data file."""
    if vocabulary == "types":
        data = read_json("event_types.json")
        return {"battle_intent": data["intent"], **data["types"]}
    return read_json("actors.json")["actors"]


def _words(items) -> re.Pattern:
    """Any of ``items`` at a word start, case-insensitively, the longest first."""
    body = "|".join(sorted((re.escape(i) for i in items), key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{body})", re.IGNORECASE)


@cache
def _one_pass(vocabulary: str) -> tuple[re.Pattern, dict[str, str]]:
    """Every word of a vocabulary in one pattern, and the group each word names (the first
    group of the file that lists it)."""
    group_of: dict[str, str] = {}
    for group, items in _groups(vocabulary).items():
        for item in items:
            group_of.setdefault(item.lower(), group)
    return _words(group_of), group_of


@cache
def _type_patterns() -> dict[str, re.Pattern]:
    """The triggers of each event type alone, to find where a statement's words are."""
    return {name: _words(items) for name, items in _groups("types").items()}


@cache
def _clause_breaks() -> re.Pattern:
    data = read_json("event_types.json")
    body = "|".join(
        re.escape(b) + (r"(?!\w)" if b[-1].isalnum() else "") for b in data["clause_breaks"]
    )
    return re.compile(body, re.IGNORECASE)


def statements(text: str, sentences: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sentences cut where they join two statements that each have an event trigger
    ("the left bank is under government control, while the west remains in their hands")."""
    out = []
    for start, end in sentences:
        for match in _clause_breaks().finditer(text, start, end):
            if event_type(text[start : match.start()]) and event_type(text[match.start() : end]):
                out.append((start, match.start()))
                start = match.start() + 1  # past the comma or semicolon
        out.append((start, end))
    return [(a + len(text[a:b]) - len(text[a:b].lstrip()), b) for a, b in out]


def event_type(sentence: str) -> str | None:
    """The first event type (in the order of data/event_types.json) whose trigger occurs in the
    sentence, or None."""
    pattern, type_of = _one_pass("types")
    found = {type_of.get(m.group().lower()) for m in pattern.finditer(sentence)}
    first = next((name for name in _groups("types") if name in found), None)
    return "battle" if first == "battle_intent" else first


def actors_in(sentence: str) -> list[tuple[int, str]]:
    """``(offset, actor)`` for every actor named in the sentence, in text order, once each."""
    pattern, actor_of = _one_pass("actors")
    found: dict[str, int] = {}
    for match in pattern.finditer(sentence):
        actor = actor_of.get(match.group().lower())
        if actor is not None:
            found.setdefault(actor, match.start())
    return sorted((pos, actor) for actor, pos in found.items())


def trigger_position(kind: str, sentence: str) -> int | None:
    """Where the first trigger of an event type starts in the sentence, or None."""
    pattern = _type_patterns().get(kind)
    match = pattern.search(sentence) if pattern else None
    return match.start() if match else None
