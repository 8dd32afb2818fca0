"""Events: what happened, where, when and by whom, each with the sentence that says so.

A sentence with an event trigger (data/event_types.json) and at least one place or shape
is an event; a statement of who holds what is about the places named before its words of
holding, the others of its sentence (where the speaker was) go to the main event. It takes the first date written in it, else the date last written before it,
else the article's reference date. Places that no event sentence names join the article's
main event, so that every feature of an article is dated.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Sequence
from functools import cache

from geo.dates import DAY, find_dates, publication_date
from geo.model import Article, Event, EventDate, Resolution, Shape
from geo.paths import DATA_DIR
from geo.sentences import split_sentences

_SHARE = re.compile(r"(\d{1,3}(?:[.,]\d+)?)\s*(?:%|pour\s*cent|percent|per\s*cent)", re.IGNORECASE)


@cache
def _vocabulary() -> tuple[list[tuple[str, re.Pattern]], list[tuple[str, re.Pattern]]]:
    """Compiled triggers per event type and aliases per actor."""
    data = json.loads((DATA_DIR / "event_types.json").read_text(encoding="utf-8"))
    types = {"battle_intent": data["intent"], **data["types"]}
    actors = json.loads((DATA_DIR / "actors.json").read_text(encoding="utf-8"))["actors"]

    def words(items):
        body = "|".join(sorted((re.escape(i) for i in items), key=len, reverse=True))
        return re.compile(rf"(?<!\w)(?:{body})", re.IGNORECASE)

    return [(t, words(w)) for t, w in types.items()], [(a, words(w)) for a, w in actors.items()]


@cache
def _clause_breaks() -> re.Pattern:
    data = json.loads((DATA_DIR / "event_types.json").read_text(encoding="utf-8"))
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


@cache
def _one_pass(vocabulary: int) -> tuple[re.Pattern, dict[str, int]]:
    """Every trigger (0) or actor alias (1) in one pattern, and the rank of what each names."""
    data = json.loads((DATA_DIR / "event_types.json").read_text(encoding="utf-8"))
    if vocabulary == 0:
        groups = {"battle_intent": data["intent"], **data["types"]}
    else:
        groups = json.loads((DATA_DIR / "actors.json").read_text(encoding="utf-8"))["actors"]
    rank = {}
    for i, items in enumerate(groups.values()):
        for item in items:
            rank.setdefault(item.lower(), i)
    body = "|".join(sorted((re.escape(w) for w in rank), key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{body})", re.IGNORECASE), rank


def event_type(sentence: str) -> str | None:
    """The first event type (in the order of data/event_types.json) whose trigger occurs in the
    sentence, or None."""
    pattern, rank = _one_pass(0)
    found = [rank.get(m.group().lower(), len(rank)) for m in pattern.finditer(sentence)]
    found = [i for i in found if i < len(_vocabulary()[0])]
    if not found:
        return None
    name = _vocabulary()[0][min(found)][0]
    return "battle" if name == "battle_intent" else name


def actors_in(sentence: str) -> list[tuple[int, str]]:
    """``(offset, actor)`` for every actor named in the sentence, in text order, once each."""
    pattern, rank = _one_pass(1)
    names = _vocabulary()[1]
    found: dict[str, int] = {}
    for match in pattern.finditer(sentence):
        i = rank.get(match.group().lower())
        if i is not None:
            found.setdefault(names[i][0], match.start())
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


def _control_scope(sentence: str, offset: int, kind: str, places, shapes) -> list[int]:
    """Start offsets of the places and shapes a control statement is about.

    "Anah and Rawa remain in the hands of the jihadists, an officer in Haditha said": what is
    held is named before the words of holding; what is retaken may be named anywhere.
    """
    trigger = _vocabulary_match(kind, sentence) if kind == "territory_held" else None
    limit = offset + trigger if trigger is not None else offset + len(sentence)
    starts = [r.mention.start for r in places if r.mention.start < limit]
    starts += [
        min(a for a, _ in s.mentions if offset <= a)
        for s in shapes
        if any(offset <= a < limit for a, _ in s.mentions)
    ]
    return starts


def _vocabulary_match(kind: str, sentence: str) -> int | None:
    for name, pattern in _vocabulary()[0]:
        if name == kind:
            match = pattern.search(sentence)
            return match.start() if match else None
    return None


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
    for start, end in sentences:
        sentence = text[start:end]
        dates = [d for d in all_dates if start <= d.start < end]
        current = dates[0].date if dates else current
        kind = event_type(sentence)
        places = tuple(r for r in resolutions if start <= r.mention.start < end)
        here = tuple(s for s in shapes if any(start <= a < end for a, _ in s.mentions))
        if kind is None or not (places or here) or sentence in seen:
            continue
        seen.add(sentence)
        actors = actors_in(sentence)
        props = control_properties(sentence, kind, actors)
        if props:
            scope = _control_scope(sentence, start, kind, places, here)
            props["control_scope"] = scope
            if kind == "territory_held" and scope:  # "..., an officer in Haditha said": not held
                places = tuple(r for r in places if r.mention.start in scope)
                here = tuple(
                    s for s in here if min(a for a, _ in s.mentions if start <= a) in scope
                )
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
