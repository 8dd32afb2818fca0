"""The candidates of a mention: the places its name may refer to, given the kind of phrase it
is ("the Haditha dam", "la frontière syrienne", "the province of Najaf"), and the larger place
that qualifies it ("Paris, Texas")."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from geo.datafiles import read_json
from geo.gazetteer import Gazetteer
from geo.gazetteer.folding import fold
from geo.model import Mention, Place, haversine_km

MAX_CANDIDATES = 20
CITY_OVER_REGION = 100_000  # a city this big is what its namesake region's name means alone
NAMESAKE_REGION_KM = 300  # ... when the region is around it (Bern, Najaf), not far off (Washington)
BIG_CITY = 1_000_000  # a city this big takes its name from the hamlets of unknown size


@cache
def _qualifier_patterns() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """The words of ``data/qualifier_words.json`` as patterns: a region noun before the name
    ("the province of"), one right after it ("governorate"), and the larger place after it."""
    words = read_json("qualifier_words.json")
    region = _any(sorted(words["region_nouns"], key=len, reverse=True))
    before = re.compile(
        rf"(?:{region})\s+(?:{_any(words['region_prepositions'])})\s*(?:the\s+)?$", re.IGNORECASE
    )
    after = re.compile(rf"\s+(?:{region})\b", re.IGNORECASE)
    larger = re.compile(
        rf"\s*(?:,\s*|\(\s*|\s+(?:{_any(words['qualifier_prepositions'])})\s+)"
        r"([A-ZÀ-Ý][\w'’.-]*(?:\s[A-ZÀ-Ý][\w'’.-]*)?)"
    )
    return before, after, larger


def _any(words: Sequence[str]) -> str:
    """An alternation of words, in their order; an apostrophe is straight or curly."""
    return "|".join(re.escape(w).replace("'", "['’]") for w in words)


def candidate_places(mention: Mention, gazetteer: Gazetteer, text: str) -> list[Place]:
    """The places a mention of ``text`` may refer to, most important first."""
    return _candidates(mention, gazetteer, _called_a_region(mention, text))


def qualifier_of(mention: Mention, text: str, gazetteer: Gazetteer) -> Place | None:
    """The larger place named right after a mention: "Paris, Texas", "Tripoli (Lebanon)"."""
    places = qualifiers_of(mention, text, gazetteer)
    return places[0] if places else None


def qualifiers_of(mention: Mention, text: str, gazetteer: Gazetteer) -> list[Place]:
    """Every country or region the words right after a mention may name, most important
    first ("Georgia" in "Athens, Georgia": the country and the state)."""
    _, _, larger_place = _qualifier_patterns()
    match = larger_place.match(text, mention.end, min(len(text), mention.end + 60))
    if not match:
        return []
    for words in (match.group(1), match.group(1).split()[0]):
        places = [p for p in gazetteer.lookup(words) if p.kind in ("country", "region")]
        if places:
            return places
    return []


def without_unlikely_namesakes(pool: list[Place], key: str) -> list[Place]:
    """The pool of an unqualified name folding to ``key`` without the towns it hardly means:
    "California" alone is the state, not California, Maryland."""
    return _without_unknown_namesakes_of_big_cities(
        _without_towns_named_after_their_region(pool, key)
    )


def names_a_country_and_a_region(pool: Sequence[Place], key: str) -> bool:
    """Whether a name is both a country's and a region's of another country ("Georgia")."""
    named = [p for p in pool if fold(p.name) == key]
    countries = {p.country_code for p in named if p.kind == "country"}
    return bool(countries) and any(
        p.kind == "region" and p.country_code not in countries for p in named
    )


def _called_a_region(mention: Mention, text: str) -> bool:
    """Whether the text calls the place a region: "the province of Najaf", "canton de Berne",
    "Najaf governorate"."""
    before = text[max(0, mention.start - 30) : mention.start]
    region_before, region_after, _ = _qualifier_patterns()
    return bool(region_before.search(before) or region_after.match(text, mention.end))


def _candidates(mention: Mention, gazetteer: Gazetteer, region_word: bool = False) -> list[Place]:
    """The places a mention may refer to, given the kind of phrase it is."""
    hint, name = mention.kind_hint, mention.name
    if hint == "region_part" and not name:
        return []  # filled in from the country focus
    if hint == "demonym":  # "Iraqi", or the "US" of "US-led"
        country = gazetteer.demonym(mention.text) or next(
            (p for p in gazetteer.lookup(mention.text) if p.kind == "country"), None
        )
        return [country] if country else []
    places = gazetteer.lookup(name)[:MAX_CANDIDATES]
    if hint == "border":
        return [p for p in places if p.kind == "border"] or [
            p for p in places if p.kind == "country"
        ]
    if hint == "dam":
        dams = [p for p in gazetteer.lookup(f"{name} Dam") if p.kind == "dam"]
        return dams or [p for p in places if p.kind != "border"]
    if hint == "river" or (hint == "city_part" and mention.side in ("left", "right")):
        # "la rive gauche du Tigre": a left or right bank is a river's, whatever else is so named
        rivers = [p for p in places if p.kind == "river"]
        if rivers or hint == "river":
            return rivers
    places = [p for p in places if p.kind != "border"]
    # "Mexico" is the country, not the state of Mexico nor Mexico City within it
    key = fold(name)
    named = {p.country_code for p in places if p.kind == "country" and fold(p.name) == key}
    places = [p for p in places if p.kind == "country" or p.country_code not in named]
    if region_word:  # "the province of Najaf", "Washington state": a region if one is so named
        places = [p for p in places if p.kind == "region"] or places
    else:  # "Berne", "Najaf": the city, not the canton or province around it
        cities = [p for p in places if p.kind == "city" and p.population >= CITY_OVER_REGION]
        places = [p for p in places if p.kind != "region" or not _around(p, cities)]
    if not places:  # "Russian", given as a plain name: the country it is the adjective of
        country = gazetteer.demonym(name)
        places = [country] if country else []
    return places


def _without_unknown_namesakes_of_big_cities(pool: list[Place]) -> list[Place]:
    """The pool without the hamlets of unknown population when a city of a million bears the
    name too: "Riyad" in a story about Iraq is Riyadh, not the Iraqi hamlet of that name."""
    if not any(p.kind == "city" and p.population >= BIG_CITY for p in pool):
        return pool
    return [p for p in pool if not (p.kind == "city" and p.population == 0)]


def _without_towns_named_after_their_region(pool: list[Place], key: str) -> list[Place]:
    """The pool without the small towns that bear the very name of a region of their country."""
    regions = {p.country_code for p in pool if p.kind == "region" and fold(p.name) == key}
    return [
        p
        for p in pool
        if not (p.kind == "city" and p.population < CITY_OVER_REGION and p.country_code in regions)
    ]


def _around(region: Place, cities: Sequence[Place]) -> bool:
    """Whether one of ``cities`` lies in ``region``'s country within a region's reach of it."""
    return any(
        c.country_code == region.country_code
        and haversine_km(c.point, region.point) < NAMESAKE_REGION_KM
        for c in cities
    )
