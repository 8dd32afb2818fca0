"""Events: what happened, where, when and by whom, each with the sentence that says so.

A sentence with an event trigger (data/event_types.json) and at least one place or shape
is an event; a statement of who holds what is about the places named before its words of
holding, the others of its sentence (where the speaker was) go to the main event. An event
takes the first date written in it, else the date last written before it, else the article's
reference date. Places that no event sentence names join the article's main event, so that
every feature of an article is dated.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from bisect import bisect_left
from collections.abc import Sequence
from functools import cache
from itertools import islice

from geo.datafiles import DATA_DIR
from geo.events.dates import DAY, find_dates, publication_date
from geo.model import Article, Event, EventDate, Resolution, Shape
from geo.spans import ItemsByOffset, any_within, first_at_or_after
from geo.text.sentences import split_sentences

# More clause breaks than any sentence of the benchmark corpora has (11 at most).
MAX_CLAUSE_BREAKS = 16
_WORD_CHAR = re.compile(r"\w")
_SHARE = re.compile(r"(\d{1,3}(?:[.,]\d+)?)\s*(?:%|pour\s*cent|percent|per\s*cent)", re.IGNORECASE)


@cache
def _groups(vocabulary: str) -> dict[str, list[str]]:
    """Event types (``"types"``, the intent phrases first, as a battle) or actors (``"actors"``),
    each with its trigger words or aliases, in the order of their data file."""
    if vocabulary == "types":
        data = json.loads((DATA_DIR / "event_types.json").read_text(encoding="utf-8"))
        return {"battle_intent": data["intent"], **data["types"]}
    return json.loads((DATA_DIR / "actors.json").read_text(encoding="utf-8"))["actors"]


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
    data = json.loads((DATA_DIR / "event_types.json").read_text(encoding="utf-8"))
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
    """The first event type (in the order of data/event_types.json) whose trigger occurs in the
    sentence, or None."""
    pattern, type_of = _one_pass("types")
    found = {type_of.get(m.group().lower()) for m in pattern.finditer(sentence)}
    first = next((name for name in _groups("types") if name in found), None)
    return "battle" if first == "battle_intent" else first


def _has_event_type(sentence: str) -> bool:
    """Whether :func:`event_type` finds a type in the sentence (read up to its first trigger)."""
    pattern, type_of = _one_pass("types")
    return any(type_of.get(m.group().lower()) for m in pattern.finditer(sentence))


def actors_in(sentence: str) -> list[tuple[int, str]]:
    """``(offset, actor)`` for every actor named in the sentence, in text order, once each."""
    pattern, actor_of = _one_pass("actors")
    found: dict[str, int] = {}
    for match in pattern.finditer(sentence):
        actor = actor_of.get(match.group().lower())
        if actor is not None:
            found.setdefault(actor, match.start())
    return sorted((pos, actor) for actor, pos in found.items())


def control_properties(sentence: str, kind: str, actors: list[tuple[int, str]]) -> dict:
    """Who holds a place and what share was retaken, as the sentence states it."""
    if kind == "territory_held":
        trigger = _vocabulary_match("territory_held", sentence)
        after = [a for pos, a in actors if trigger is None or pos >= trigger]
        holder = after[0] if after else (actors[-1][1] if actors else None)
        return (
            {"held_by": holder, "control": holder, "status": f"held by {holder}"} if holder else {}
        )
    if kind == "territory_regained":
        share = _SHARE.search(sentence)
        value = float(share.group(1).replace(",", ".")) / 100 if share else 1.0
        others = [a for _, a in actors if a != "Islamic State"]
        props = {
            "share_retaken": round(value, 3),
            "control": "contested" if value < 1 else (others[0] if others else "retaken"),
        }
        if any(a == "Islamic State" for _, a in actors):
            props["retaken_from"] = "Islamic State"
        props["status"] = f"{round(value * 100)}% retaken" + (
            f" from {props['retaken_from']}" if "retaken_from" in props else ""
        )
        return props
    return {}


def _control_scope(
    sentence: str, offset: int, kind: str, places, shapes, starts_of: dict[int, list[int]]
) -> list[int]:
    """Start offsets of the places and shapes a control statement is about.

    "Anah and Rawa remain in the hands of the jihadists, an officer in Haditha said": what is
    held is named before the words of holding; what is retaken may be named anywhere.
    """
    trigger = _vocabulary_match(kind, sentence) if kind == "territory_held" else None
    limit = offset + trigger if trigger is not None else offset + len(sentence)
    starts = [r.mention.start for r in places if r.mention.start < limit]
    starts += [
        _first_mention(starts_of[id(s)], offset)
        for s in shapes
        if any_within(starts_of[id(s)], offset, limit)
    ]
    return starts


def _first_mention(starts: Sequence[int], offset: int) -> int | None:
    """Where the first of a shape's mentions (their sorted ``starts``) from ``offset`` on starts."""
    return first_at_or_after(starts, offset)


def _vocabulary_match(kind: str, sentence: str) -> int | None:
    pattern = _type_patterns().get(kind)
    match = pattern.search(sentence) if pattern else None
    return match.start() if match else None


def extract_events(
    article: Article,
    resolutions: Sequence[Resolution],
    shapes: Sequence[Shape],
    lang: str = "en",
    content_spans: Sequence[tuple[int, int]] | None = None,
) -> list[Event]:
    """The events of an article, in text order; the first one is the article's main event."""
    text = article.text
    content = "\n".join(text[a:b] for a, b in content_spans) if content_spans else text
    reference = publication_date(content, article.published)
    default = EventDate(reference[0], reference[0], DAY, reference[1]) if reference else None
    events, seen, current = [], set(), default
    spans = list(content_spans or [(0, len(text))])
    body = (
        spans[1:] if len(spans) > 1 else spans
    )  # a headline restates the story: no events of its own
    sentences = statements(text, split_sentences(text, body))
    all_dates = (
        find_dates(text, reference[0] if reference else None, sentences[0][0], sentences[-1][1])
        if sentences
        else []
    )
    date_starts = [d.start for d in all_dates]  # find_dates gives them in text order
    places_by_offset = ItemsByOffset(resolutions, lambda r: (r.mention.start,))
    shapes_by_offset = ItemsByOffset(shapes, lambda s: [a for a, _ in s.mentions])
    # the sorted mention starts of each shape, once: "east Mosul" may be named in every sentence
    starts_of = {id(s): sorted(a for a, _ in s.mentions) for s in shapes}
    for start, end in sentences:
        sentence = text[start:end]
        first_date = bisect_left(date_starts, start)
        if first_date < len(date_starts) and date_starts[first_date] < end:
            current = all_dates[first_date].date
        kind = event_type(sentence)
        places = places_by_offset.within(start, end)
        here = shapes_by_offset.within(start, end)
        if kind is None or not (places or here) or sentence in seen:
            continue
        seen.add(sentence)
        actors = actors_in(sentence)
        props = control_properties(sentence, kind, actors)
        if props:
            scope = _control_scope(sentence, start, kind, places, here, starts_of)
            props["control_scope"] = scope
            if kind == "territory_held" and scope:  # "..., an officer in Haditha said": not held
                places = tuple(r for r in places if r.mention.start in scope)
                here = tuple(s for s in here if _first_mention(starts_of[id(s)], start) in scope)
        events.append(
            Event(
                kind,
                current,
                sentence,
                start,
                end,
                places,
                here,
                tuple(a for _, a in actors),
                props,
            )
        )
    return _with_orphans(events, resolutions, shapes, text, default)


def _with_orphans(
    events: list[Event], resolutions, shapes, text: str, default: EventDate | None
) -> list[Event]:
    """Attach the places and shapes no event names to the main event (made if there is none)."""
    named = {id(r) for e in events for r in e.places}
    drawn = {id(s) for e in events for s in e.shapes}
    orphans = tuple(r for r in resolutions if id(r) not in named)
    lone_shapes = tuple(s for s in shapes if id(s) not in drawn)
    if not orphans and not lone_shapes:
        return events
    if not events:
        first = min((r.mention.start for r in resolutions), default=0)
        start, end = _sentence_around(text, first)
        return [Event("other", default, text[start:end], start, end, orphans, lone_shapes)]
    main = events[0]
    events[0] = Event(
        main.event_type,
        main.date,
        main.quote,
        main.quote_start,
        main.quote_end,
        main.places + orphans,
        main.shapes + lone_shapes,
        main.actors,
        main.properties,
    )
    return events


def _sentence_around(text: str, offset: int) -> tuple[int, int]:
    for start, end in split_sentences(text):
        if start <= offset < end:
            return start, end
    return 0, min(len(text), 200)


def event_date_or_none(date: EventDate | None) -> dt.date | None:
    """The start of an event date, or None."""
    return date.start if date else None
