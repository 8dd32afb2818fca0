"""Events: what happened, where, when and by whom, each with the sentence that says so.

A sentence with at least one place or shape is an event when it has an event trigger
(data/event_types.json) or writes a date of its own ("On October 26, the forces entered
Bazwaya"); one that writes a date of its own but names no place happens at the places of the
event before it ("The same town was flooded in April 2018"); a statement of who holds what is about the places named before its words of
holding, the others of its sentence (where the speaker was) go to the main event. An event
takes the first date written in it, else the date last written before it in its paragraph,
else the date of the article's lead, else the article's reference date. A dateline's date is
the reference date, never an event's; dates after the reference date are plans, not events.
Places that no event sentence names join the article's main event, so that every feature of
an article is dated.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left
from collections.abc import Sequence

from geo.events.control import control_properties, control_scope, first_mention
from geo.events.dates import DAY, DateMention, dateline, find_dates, publication_date
from geo.events.triggers import actors_in, sentence_types, statements
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
    events, seen = [], set()
    spans = list(content_spans or [(0, len(text))])
    sentences = statements(text, split_sentences(text, _body(text, spans)))
    dating = EventDating(text, _event_dates(text, reference, sentences), default)
    # "Iraqi forces", "the US-led coalition": a nationality says who acts, not where
    resolutions = [r for r in resolutions if r.mention.kind_hint != "demonym"]
    places_by_offset = ItemsByOffset(resolutions, lambda r: (r.mention.start,))
    shapes_by_offset = ItemsByOffset(shapes, lambda s: [a for a, _ in s.mentions])
    # the sorted mention starts of each shape, once: "east Mosul" may be named in every sentence
    starts_of = {id(s): sorted(a for a, _ in s.mentions) for s in shapes}
    kinds = sentence_types([text[start:end] for start, end in sentences])
    for (start, end), found in zip(sentences, kinds, strict=True):
        sentence = text[start:end]
        current, dated_here = dating.date_of(start, end)
        kind = found or ("other" if dated_here else None)
        places = places_by_offset.within(start, end)
        here = shapes_by_offset.within(start, end)
        if not _locates(places, here) and dated_here and events and events[-1].date != current:
            places += _in_focus(events)  # "The same town was flooded in 2018": where the story is
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
    return _with_orphans(events, resolutions, shapes, text, dating.lead or default)


def _locates(places: Sequence[Resolution], shapes: Sequence[Shape]) -> bool:
    """Whether a sentence names where it happens: a shape, or a place finer than a country
    ("the Iraqi flag" does not say where it was raised)."""
    return bool(shapes) or any(r.place.kind != "country" for r in places)


def _in_focus(events: Sequence[Event]) -> tuple[Resolution, ...]:
    """The places of the latest event that names where it happens: where a sentence naming no
    place happens."""
    return next((e.places for e in reversed(events) if _locates(e.places, e.shapes)), ())


MAX_HEADLINE = 200  # characters: a longer first line is the lead paragraph


def _body(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The content spans without the headline, which restates the story (no events of its own):
    the first line, unless it is a lead paragraph (long, or ending like a sentence)."""
    if len(spans) < 2:
        return spans
    first = text[spans[0][0] : spans[0][1]].strip()
    is_lead = len(first) > MAX_HEADLINE or first.endswith((".", "!", "?", '"', "»", "”"))
    return spans if is_lead else spans[1:]


def _event_dates(
    text: str, reference: tuple[dt.date, str] | None, sentences: Sequence[tuple[int, int]]
) -> list[DateMention]:
    """The dates written in the sentences that can date an event: not a dateline, nor a day to
    come."""
    if not sentences:
        return []
    day = reference[0] if reference else None
    line = dateline(text, day)
    return [
        mention
        for mention in find_dates(text, day, sentences[0][0], sentences[-1][1])
        if (line is None or mention.start >= line.end)
        and (day is None or mention.date.start <= day)
    ]


class EventDating:
    """The date of each statement, read in text order: the first date it writes, else the last
    one written before it in its paragraph, else the date of the lead (the first written in the
    first paragraph), else the reference date."""

    def __init__(self, text: str, mentions: list[DateMention], default: EventDate | None):
        self.text, self.mentions, self.default = text, mentions, default
        self.starts = [m.start for m in mentions]  # find_dates gives them in text order
        self.current, self.lead = default, None
        self.last_end: int | None = None
        self.in_lead = True

    def date_of(self, start: int, end: int) -> tuple[EventDate | None, bool]:
        """The date of the statement ``text[start:end]``, and whether it writes it itself."""
        if self.last_end is not None and "\n" in self.text[self.last_end : start]:
            self.in_lead = False
            self.current = self.lead or self.default
        self.last_end = end
        first = bisect_left(self.starts, start)
        if first < len(self.starts) and self.starts[first] < end:
            self.current = self._resolved(self.mentions[first])
            if self.in_lead and self.lead is None:
                self.lead = self.current
            return self.current, True
        return self.current, False

    def _resolved(self, mention: DateMention) -> EventDate:
        """A date as written, or as a shift from the event before ("la veille")."""
        if mention.shift is None or self.current is None:
            return mention.date
        day = self.current.start + dt.timedelta(days=mention.shift)
        return EventDate(day, day, DAY, "relative")


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
    elsewhere = _countries_elsewhere(orphans, main)
    events[0] = Event(
        main.event_type,
        main.date,
        main.quote,
        main.quote_start,
        main.quote_end,
        main.places + tuple(r for r in orphans if r not in elsewhere),
        main.shapes + lone_shapes,
        main.actors,
        main.properties,
    )
    if elsewhere:  # "the coalition led by the United States": named, but not where it happened
        first = elsewhere[0].mention.start
        start, end = _sentence_around(text, first)
        events.append(Event("other", main.date, text[start:end], start, end, elsewhere, ()))
    return events


def _countries_elsewhere(orphans: Sequence[Resolution], main: Event) -> tuple[Resolution, ...]:
    """The orphan countries in which none of the main event's places lies: context of the
    story (who leads, who backs), not where its main event happened."""
    where = {r.place.country_code for r in main.places if r.place.kind != "country"}
    if not where - {None}:  # the main event says no more than a country: nothing to compare
        return ()
    return tuple(
        r for r in orphans if r.place.kind == "country" and r.place.country_code not in where
    )


def _sentence_around(text: str, offset: int) -> tuple[int, int]:
    for start, end in split_sentences(text):
        if start <= offset < end:
            return start, end
    return 0, min(len(text), 200)


def event_date_or_none(date: EventDate | None) -> dt.date | None:
    """The start of an event date, or None."""
    return date.start if date else None
