"""An event in ACLED's terms: its event type and sub-event type, its two actors (with the
country each belongs to) and its fatalities, from the event's class and sentence.

The classes, ACLED's names for them and their triggers are in data/event_types.json; ACLED's
names of the actors in data/actors.json (named groups, and a country's forces named with a
demonym: "Nigerian troops", "l'armée malienne").
"""

from __future__ import annotations

import re
from functools import cache
from typing import NamedTuple

from babel import Locale

from geo.datafiles import read_csv, read_json
from geo.events.fatalities import fatalities
from geo.events.triggers import actor_spans, trigger_position
from geo.gazetteer.demonyms import english_forms, french_forms
from geo.schema import UNTYPED_EVENT

OVERTAKES = "non_state_overtakes_territory"
REGAINS = "government_regains_territory"
UNIDENTIFIED = "Unidentified Armed Group"  # ACLED's actor 1 of violence whose author is not named


class Actor(NamedTuple):
    """An actor as ACLED names it, and the country it belongs to (ISO alpha-2, or None)."""

    name: str
    country: str | None = None


def acled_terms(event_class: str) -> tuple[str, str | None]:
    """``(event_type, sub_event_type)`` of an event class; an unknown class is ``other``."""
    found = _event_types()["classes"].get(event_class)
    return (found["event_type"], found["sub_event_type"]) if found else (UNTYPED_EVENT, None)


def event_details(event_class: str, sentence: str) -> dict:
    """The ACLED properties of an event: ``event_type``, ``sub_event_type``, ``actor1``,
    ``actor2`` (with ``actor1_country``, ``actor2_country``) and ``fatalities`` as the sentence
    gives them; an event of no known class is ``other``."""
    if event_class not in _event_types()["classes"]:
        return {"event_type": UNTYPED_EVENT}
    placed = _actors_at(sentence)
    actors = [actor for _, actor in placed]
    sides: list[Actor | None] = list(_sides(acled_terms(event_class)[0], actors))
    if event_class in (OVERTAKES, REGAINS):
        event_class = _territory_class(event_class, sentence, placed)
        sides = _territory_sides(event_class, actors)
    event_type, sub_event_type = acled_terms(event_class)
    details: dict = {"event_type": event_type, "sub_event_type": sub_event_type}
    for number, actor in enumerate(sides, start=1):
        if actor is None:
            continue
        details[f"actor{number}"] = actor.name
        if actor.country:
            details[f"actor{number}_country"] = country_name(actor.country)
    count = fatalities(sentence)
    if count is not None:
        details["fatalities"] = count
    return details


def sentence_actors(sentence: str) -> list[Actor]:
    """The actors of a sentence in text order, once each, named as ACLED names them."""
    return [actor for _, actor in _actors_at(sentence)]


def _actors_at(sentence: str) -> list[tuple[int, Actor]]:
    """``(offset, actor)`` of each actor's first mention, in text order: the groups of
    data/actors.json, and the forces of a country named by a demonym where no group's name
    covers the words ("l'Armée syrienne libre" is no army of Syria)."""
    names = _actors_data()["acled_names"]
    spans = actor_spans(sentence)
    found = [(a, Actor(**names[n]) if n in names else Actor(n)) for a, _, n in spans]
    found += [
        (m.start(), actor)
        for m, actor in _state_forces(sentence)
        if not any(a < m.end() and m.start() < b for a, b, _ in spans)
    ]
    out: list[tuple[int, Actor]] = []
    for at, actor in sorted(found, key=lambda item: item[0]):
        if actor.name not in {a.name for _, a in out}:
            out.append((at, actor))
    return out


def _territory_class(event_class: str, sentence: str, actors: list[tuple[int, Actor]]) -> str:
    """Who took a place decides its sub-event: the actor named before the words of taking
    ("Islamic State seized Hit", "the army retook Hit"); "retaken from Islamic State" names
    who lost it, and the class stands."""
    taker = _taker(event_class, sentence, actors)
    if taker is None:
        return event_class
    return REGAINS if is_state_force(taker) else OVERTAKES


def _territory_sides(event_class: str, actors: list[Actor]) -> list[Actor | None]:
    """Who took a place and from whom: the state's side first when the government regains it
    ("retaken from Islamic State": no actor 1), the non-state actor first when it overtakes it."""
    state = [a for a in actors if is_state_force(a)]
    others = [a for a in actors if not is_state_force(a)]
    takers, losers = (state, others) if event_class == REGAINS else (others, state)
    return [takers[0] if takers else None, losers[0] if losers else None]


def _taker(event_class: str, sentence: str, actors: list[tuple[int, Actor]]) -> Actor | None:
    """The actor named before the words of taking a place, or None."""
    trigger = trigger_position(event_class, sentence)
    takers = [a for at, a in actors if trigger is None or at < trigger]
    return takers[0] if takers else None


def is_state_force(actor: Actor) -> bool:
    """Whether an actor is a state's forces or government (or counted as the government's side)."""
    sides = _actors_data()["government_sides"]
    names = _actors_data()["acled_names"]
    state = {names[a]["name"] for a in sides if a in names}
    return actor.name in state or any(actor.name.startswith(p) for p in _state_prefixes())


def country_name(code: str) -> str:
    """A country's English name (CLDR), or its code when CLDR has none."""
    return _territories().get(code, code)


def _sides(event_type: str, actors: list[Actor]) -> list[Actor]:
    """Actor 1 and actor 2: the first two named, with ACLED's generic side where none is
    named (the protesters of a protest, the civilians that violence was against)."""
    generic = _actors_data()["unnamed_sides"].get(event_type)
    if generic is None or any(a.name == generic for a in actors):
        return actors[:2]
    if event_type == "Violence against civilians":
        return [actors[0] if actors else Actor(UNIDENTIFIED), Actor(generic)]
    return [Actor(generic), *actors[:1]]


def _state_forces(sentence: str) -> list[tuple[re.Match, Actor]]:
    """Every country's force named with a demonym, and who it is."""
    out = []
    for pattern, template in _force_patterns():
        for match in pattern.finditer(sentence):
            code = _demonym_codes().get(match.group("demonym").lower())
            if code:
                out.append((match, Actor(template.format(country=country_name(code)), code)))
    return out


@cache
def _force_patterns() -> tuple[tuple[re.Pattern, str], ...]:
    """For each kind of state force: English "<Demonym> <word>" and French "<mot> <gentilé>"."""
    english = _alternation(f for f, (_, en) in _demonym_forms().items() if en)
    french = _alternation(f for f, (_, en) in _demonym_forms().items() if not en)
    out = []
    for template, words in _actors_data()["state_forces"].items():
        en, fr = _alternation(words["en"]), _alternation(words["fr"])
        out.append((re.compile(rf"(?<!\w)(?P<demonym>{english})\s+(?i:{en})(?!\w)"), template))
        out.append((re.compile(rf"(?<!\w)(?i:{fr})\s+(?P<demonym>(?i:{french}))(?!\w)"), template))
    return tuple(out)


def _alternation(words) -> str:
    return "|".join(sorted((re.escape(w) for w in set(words)), key=len, reverse=True))


@cache
def _demonym_forms() -> dict[str, tuple[str, bool]]:
    """Every form of data/demonyms.csv as written -> (country code, whether it is English)."""
    forms: dict[str, tuple[str, bool]] = {}
    for row in read_csv("demonyms.csv"):
        for form in english_forms(row["en"]):
            forms[form] = (row["country_code"], True)
        for form in french_forms(row["fr"], row.get("fr_feminine", "")):
            forms[form] = (row["country_code"], False)
    return forms


@cache
def _demonym_codes() -> dict[str, str]:
    return {form.lower(): code for form, (code, _) in _demonym_forms().items()}


@cache
def _state_prefixes() -> tuple[str, ...]:
    templates = _actors_data()["state_forces"]
    return tuple(t.split("{")[0] for t in templates)


@cache
def _event_types() -> dict:
    """data/event_types.json, read once."""
    return read_json("event_types.json")


@cache
def _actors_data() -> dict:
    """data/actors.json, read once."""
    return read_json("actors.json")


@cache
def _territories() -> dict[str, str]:
    return dict(Locale("en").territories)
