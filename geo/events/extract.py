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
from bisect import bisect_left
from collections.abc import Sequence

from geo.events.control import control_properties, control_scope, first_mention
from geo.events.dates import DAY, find_dates, publication_date
from geo.events.triggers import actors_in, event_type, statements
from geo.model import Article, Event, EventDate, Resolution, Shape
from geo.spans import ItemsByOffset
from geo.text.sentences import split_sentences


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
    # "Iraqi forces", "the US-led coalition": a nationality says who acts, not where
    resolutions = [r for r in resolutions if r.mention.kind_hint != "demonym"]
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
            scope = control_scope(sentence, start, kind, places, here, starts_of)
            props["control_scope"] = scope
            if kind == "territory_held" and scope:  # "..., an officer in Haditha said": not held
                places = tuple(r for r in places if r.mention.start in scope)
                here = tuple(s for s in here if first_mention(starts_of[id(s)], start) in scope)
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
