"""Event triggers and actors: the words of data/event_types.json and data/actors.json, each
vocabulary in one pattern, and the statements a sentence joins.

An event's class is a key of ``classes`` in data/event_types.json (``armed_clash``,
``air_drone_strike``, ``territory_held``, ...); :mod:`geo.events.acled` names it in ACLED's terms.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from functools import cache
from itertools import accumulate, islice
from typing import NamedTuple

from geo.datafiles import read_json

# More clause breaks than any sentence of the benchmark corpora has (11 at most).
MAX_CLAUSE_BREAKS = 16
_WORD_CHAR = re.compile(r"\w")
_INTENT = "intent"
_NOT_TRIGGERS = "not_triggers"  # words that begin like a trigger and hide it ("firefighters")
DISASTER = "disaster"  # the event type of floods and earthquakes, outside ACLED's
# What a sentence of non-conflict news (sport, elections, commemorations) cannot be; in an
# article of such news with no word of conflict anywhere, no sentence can be the first three
# (an arrest of activists in an election story stays an arrest).
_CONFLICT_ONLY = (
    "Battles",
    "Explosions/Remote violence",
    "Violence against civilians",
    "Strategic developments",
)
_VIOLENT = _CONFLICT_ONLY[:3]


@cache
def _groups(vocabulary: str) -> dict[str, list[str]]:
    """Event classes (``"types"``, the intent phrases first, the words that are no trigger
    last) or actors (``"actors"``), each with its trigger words or aliases, in the order of
    their data file."""
    if vocabulary == "types":
        data = read_json("event_types.json")
        classes = {name: c["triggers"] for name, c in data["classes"].items()}
        return {_INTENT: data["intent"], **classes, _NOT_TRIGGERS: data["not_triggers"]}
    return read_json("actors.json")["actors"]


def _words(items, *, folded: bool = False) -> re.Pattern:
    """Any of ``items`` at a word start, case-insensitively (or in a text already in lower case
    by :func:`fold_case`, ``folded``, which reads faster), the longest first.

    The items are folded into a prefix tree, so that the pattern reads each character once
    at a position instead of trying every item there.
    """
    tree: dict = {}
    for item in items:
        node = tree
        for char in item.lower():
            node = node.setdefault(char, {})
        node[_END] = {}
    flags = 0 if folded else re.IGNORECASE
    return re.compile(rf"(?<!\w)(?:{_branches(tree)})", flags)


_END = ""  # the key of a prefix tree's node that marks the end of an item


def _branches(node: dict) -> str:
    """The pattern of a prefix tree's node: its longest continuation, else its end."""
    children = [re.escape(char) + _branches(child) for char, child in node.items() if char]
    if not children:
        return ""
    body = children[0] if len(children) == 1 else f"(?:{'|'.join(children)})"
    return f"(?:{body})?" if _END in node else body


@cache
def _one_pass(vocabulary: str) -> tuple[re.Pattern, dict[str, str | None]]:
    """Every word of a vocabulary in one pattern, and the group each word names (the first
    group of the file that lists it; None for the words that are no trigger)."""
    group_of: dict[str, str | None] = {}
    for group, items in _groups(vocabulary).items():
        for item in items:
            group_of.setdefault(item.lower(), None if group == _NOT_TRIGGERS else group)
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
    ("the left bank is under government control, while the west remains in their hands").

    Only the first ``MAX_CLAUSE_BREAKS`` breaks of a sentence are tried: more make a list, not
    two statements, and each try reads the sentence.
    """
    out = []
    for start, end in sentences:
        rest = _TriggersAfterBreaks(text, end)
        breaks = islice(_clause_breaks().finditer(text, start, end), MAX_CLAUSE_BREAKS)
        for match in breaks:
            if _has_event_type(text[start : match.start()]) and rest.after(match.start()):
                out.append((start, match.start()))
                start = match.start() + 1  # past the comma or semicolon
        out.append((start, end))
    return [(a + len(text[a:b]) - len(text[a:b].lstrip()), b) for a, b in out]


class _TriggersAfterBreaks:
    """Whether the rest of a sentence from each of its clause breaks on (in text order) has an
    event trigger, without reading the same rest again for every break.

    No trigger starts at a break's comma or semicolon, so the rest from a later break holds
    the first match found from an earlier one if that lies after it, and no match at all if
    the earlier rest held none.
    """

    def __init__(self, text: str, end: int) -> None:
        self._text, self._end = text, end
        self._first_trigger: int | None = None
        self._nothing_from: int | None = None

    def after(self, at: int) -> bool:
        """Whether ``text[at:end]`` has an event type (as :func:`_has_event_type` says)."""
        rest = self._text[at : self._end]
        if _WORD_CHAR.match(rest):  # a trigger might start here: read it all
            return _has_event_type(rest)
        if self._nothing_from is not None and at >= self._nothing_from:
            return False
        if self._first_trigger is not None and at < self._first_trigger:
            return True
        pattern, type_of = _one_pass("types")
        first = pattern.search(rest)
        if first is None:
            self._nothing_from = at
            return False
        if type_of.get(first.group().lower()):
            self._first_trigger = at + first.start()
            return True
        return _has_event_type(rest)


def event_type(sentence: str) -> str | None:
    """The event class of one sentence read alone (:func:`sentence_types`), or None."""
    return sentence_types([sentence])[0]


def sentence_types(sentences: Sequence[str]) -> list[str | None]:
    """The event class of each sentence of an article, in text order, or None.

    A sentence's class is the first (in the order of data/event_types.json) whose trigger it
    has, read as the ACLED Codebook defines the classes (:func:`_by_codebook`); news that is no
    conflict event gets no conflict class. Then the article around it (:func:`_by_article`).
    """
    read = _read(sentences)
    return _by_article([_type_of(words) for words in read], read)


def _by_article(kinds: list[str | None], read: list[_SentenceWords]) -> list[str | None]:
    """The classes of an article's sentences read together: a report of sport or an election
    with no word of conflict anywhere has no battle, explosion or violence against civilians;
    "a similar attack" is the kind of event told before it; an evacuation in a story of a
    flood is the flood."""
    cues = frozenset().union(*(words.lists for words in read))
    if "non_conflict" in cues and "conflict_cues" not in cues:
        kinds = [None if k in _conflict_classes(_VIOLENT) else k for k in kinds]
    data, told = _event_data(), None
    disaster = next((k for k in kinds if k and _class_type(k) == DISASTER), None)
    for i, (words, kind) in enumerate(zip(read, kinds, strict=True)):
        if told and kind in (None, *data["generic_classes"]) and "likeness_words" in words.lists:
            kinds[i] = kind = told
        if disaster and kind in data["follows_disaster"]:
            kinds[i] = kind = disaster
        told = kind or told
    return kinds


# The lists of data/event_types.json that tell how to read a sentence's triggers.
_CUE_LISTS = (
    "non_conflict",
    "conflict_cues",
    "support_phrases",
    "civilian_targets",
    "state_sides",
    "killing_words",
    "attack_words",
    "armed_perpetrators",
    "likeness_words",
)


class _SentenceWords(NamedTuple):
    """What one reading of an article found in one of its sentences."""

    triggers: list[tuple[int, str | None]]  # (offset, class) of each trigger
    cues: list[tuple[int, int, frozenset[str]]]  # (start, end, lists) of each cue word
    lists: frozenset[str]  # the cue lists with a word in the sentence


def _read(sentences: Sequence[str]) -> list[_SentenceWords]:
    """The triggers and cue words of each sentence, from one reading of the article (its
    sentences joined by line breaks, in lower case) by each pattern."""
    text = fold_case("\n".join(sentences))
    starts = list(accumulate((len(s) + 1 for s in sentences[:-1]), initial=0))
    triggers: list[list] = [[] for _ in sentences]
    cues: list[list] = [[] for _ in sentences]
    type_of = _one_pass("types")[1]
    for m in _folded_pass("types").finditer(text):
        i = bisect_right(starts, m.start()) - 1
        triggers[i].append((m.start() - starts[i], type_of.get(m.group())))
    lists_of = _cue_lists()
    for m in _folded_pass("cues").finditer(text):
        i = bisect_right(starts, m.start()) - 1
        cues[i].append((m.start() - starts[i], m.end() - starts[i], lists_of[m.group()]))
    return [
        _SentenceWords(t, c, frozenset(n for *_, lists in c for n in lists))
        for t, c in zip(triggers, cues, strict=True)
    ]


def fold_case(text: str) -> str:
    """The text in lower case, character for character (offsets stay those of the text)."""
    folded = text.lower()
    if len(folded) == len(text):
        return folded
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


@cache
def _cue_lists() -> dict[str, frozenset[str]]:
    """Each cue word (in lower case) and the lists of :data:`_CUE_LISTS` that have it."""
    lists_of: dict[str, set[str]] = {}
    for name in _CUE_LISTS:
        for word in _event_data()[name]:
            lists_of.setdefault(word.lower(), set()).add(name)
    return {word: frozenset(names) for word, names in lists_of.items()}


@cache
def _folded_pass(vocabulary: str) -> re.Pattern:
    """The triggers (``"types"``) or the cue words (``"cues"``) in one pattern for folded text."""
    words = _one_pass("types")[1] if vocabulary == "types" else _cue_lists()
    return _words(words, folded=True)


def _type_of(words: _SentenceWords) -> str | None:
    """The class of one sentence by its own words."""
    found = {kind for at, kind in words.triggers if kind and not _in_support(words, at)}
    if found and "non_conflict" in words.lists and "conflict_cues" not in words.lists:
        found -= _conflict_classes()
    first = next((name for name in _groups("types") if name in found), None)
    first = _event_data()["intent_class"] if first == _INTENT else first
    return _by_codebook(first, found, words.lists)


def _in_support(words: _SentenceWords, at: int) -> bool:
    """Whether the trigger at ``at`` tells support for another action ("backed by air strikes"):
    a support phrase ends at most ``support_reach`` characters before it."""
    reach = _event_data()["support_reach"]
    return any(
        "support_phrases" in lists and start >= at - reach and end <= at
        for start, end, lists in words.cues
    )


def _by_codebook(first: str | None, found: set, lists: frozenset[str]) -> str | None:
    """Demonstrators who attack or loot make a riot; an attack, or a killing by armed men, whose
    targets are civilians or their places, with no state force named, is violence against
    civilians."""
    data = _event_data()
    riot = data["riot_escalation"]
    if found & set(riot["protest"]) and found & set(riot["violence"]):
        return riot["to"]
    attack = data["civilian_attack"]
    attacked = first in attack["from"] and "attack_words" in lists
    killed = first is None and {"killing_words", "armed_perpetrators"} <= lists
    on_civilians = "civilian_targets" in lists and "state_sides" not in lists
    return attack["to"] if (attacked or killed) and on_civilians else first


def _class_type(event_class: str) -> str:
    """ACLED's event type of a class."""
    return _event_data()["classes"][event_class]["event_type"]


@cache
def _event_data() -> dict:
    """data/event_types.json, read once."""
    return read_json("event_types.json")


@cache
def _conflict_classes(types: tuple[str, ...] = _CONFLICT_ONLY) -> frozenset[str]:
    """The classes of some event types (and the intent phrases): by default those that
    non-conflict news cannot have."""
    classes = read_json("event_types.json")["classes"]
    names = {name for name, c in classes.items() if c["event_type"] in types}
    return frozenset(names | {_INTENT})


def _has_event_type(sentence: str) -> bool:
    """Whether :func:`event_type` finds a type in the sentence (read up to its first trigger)."""
    pattern, type_of = _one_pass("types")
    return any(type_of.get(m.group().lower()) for m in pattern.finditer(sentence))


def actors_in(sentence: str) -> list[tuple[int, str]]:
    """``(offset, actor)`` for every actor named in the sentence, in text order, once each."""
    found: dict[str, int] = {}
    for start, _, actor in actor_spans(sentence):
        found.setdefault(actor, start)
    return sorted((pos, actor) for actor, pos in found.items())


def actor_spans(sentence: str) -> list[tuple[int, int, str]]:
    """``(start, end, actor)`` of every alias of an actor in the sentence, in text order."""
    pattern, actor_of = _one_pass("actors")
    found = ((m, actor_of.get(m.group().lower())) for m in pattern.finditer(sentence))
    return [(m.start(), m.end(), actor) for m, actor in found if actor is not None]


def trigger_position(kind: str, sentence: str) -> int | None:
    """Where the first trigger of an event type starts in the sentence, or None."""
    pattern = _type_patterns().get(kind)
    match = pattern.search(sentence) if pattern else None
    return match.start() if match else None
