"""Toponym resolution: each mention gets a referent chosen from evidence, a confidence,
an ACLED geo precision and up to five ranked alternatives.

Evidence, as the features of a log-linear score: importance (countries, then regions, then
cities by population), how well the name matches the place's own name, the article's country
focus, proximity to the article's other places, explicit qualifiers ("Paris, Texas",
"Tripoli (Lebanon)", "Homs in Syria") and the kind of phrase (a dam, a border, a river, a part
of a city). Two passes: the first choices of every mention make the focus and the anchors the
second pass ranks against.

``Resolution.alternatives`` holds the runners-up, best first, without the chosen place.
"""

from __future__ import annotations

import dataclasses
import functools
import math
import re
from collections import Counter
from collections.abc import Sequence

from geo.gazetteer import Gazetteer
from geo.gazetteer.folding import fold
from geo.model import Candidate, Mention, Place, Resolution, haversine_km
from geo.resolve.context_index import AnchorIndex, Neighbours, StateShares, rank_each

MAX_CANDIDATES = 20
MAX_ALTERNATIVES = 5
WEIGHTS = {
    "prior": 1.0,
    "name": 0.25,
    "focus": 0.6,
    "state": 0.5,
    "near": 0.5,
    "qualifier": 2.0,
}
KIND_PRIOR = {
    "country": 1.0,
    "region": 0.8,
    "river": 0.7,
    "dam": 0.7,
    "border": 0.7,
}
NEAR_KM = 250.0  # proximity halves about every 170 km
TEMPERATURE = 0.15
DEMONYM_CONFIDENCE = 0.5
QUALIFIER_REGION_KM = 700  # "Paris, Texas": within a state-sized distance of the state's point
ANCHOR_KINDS = ("city", "dam", "region", "county")
CITY_OVER_REGION = 100_000  # a city this big is what its namesake region's name means alone
NAMESAKE_REGION_KM = 300  # ... when the region is around it (Bern, Najaf), not far off (Washington)
_REGION_WORDS = r"provinces?|governorates?|gouvernorats?|cantons?|régions?|regions?|states?|états?|wilayas?|oblasts?"
_REGION_BEFORE = re.compile(
    rf"(?:{_REGION_WORDS})\s+(?:of|de|du|d['’])\s*(?:the\s+)?$", re.IGNORECASE
)
_REGION_AFTER = re.compile(rf"\s+(?:{_REGION_WORDS})\b", re.IGNORECASE)
_QUALIFIER = re.compile(
    r"\s*(?:,\s*|\(\s*|\s+(?:in|en|au|aux)\s+)([A-ZÀ-Ý][\w'’.-]*(?:\s[A-ZÀ-Ý][\w'’.-]*)?)"
)
PRECISION = {
    "city": 1,
    "dam": 1,
    "border": 2,
    "city_part": 2,
    "other": 1,
    "river": 3,
    "county": 2,
    "region": 3,
    "country": 3,
}


@dataclasses.dataclass(frozen=True)
class _Context:
    """What the rest of the article says: its countries, its states or provinces, its other places."""

    focus: Counter
    anchors: tuple[tuple[str, Place], ...] = ()  # (folded name, place)
    states: tuple[tuple[str, tuple[str, str]], ...] = ()  # (folded name, (country, admin1))

    @functools.cached_property
    def nearby(self) -> AnchorIndex:
        """The anchors, indexed by where they are."""
        return AnchorIndex(self.anchors)

    @functools.cached_property
    def state_shares(self) -> StateShares:
        """The states, counted."""
        return StateShares(self.states)


def resolve_mentions(
    mentions: Sequence[Mention], gazetteer: Gazetteer, text: str
) -> list[Resolution]:
    """A resolution for every mention that has at least one candidate, in mention order."""
    pools = [_candidates(m, gazetteer, _called_a_region(m, text)) for m in mentions]
    qualifiers = [_qualifier(m, text, gazetteer) for m in mentions]
    keys = [fold(m.name) for m in mentions]
    # "California" alone is the state, not California, Maryland ("California, Md." still is)
    pools = [
        pool
        if qualifier
        else _without_unknown_namesakes_of_big_cities(
            _without_towns_named_after_their_region(pool, key)
        )
        for pool, qualifier, key in zip(pools, qualifiers, keys, strict=True)
    ]

    def ranked_all(context: _Context) -> list[list[tuple[Place, float]]]:
        return rank_each(_rank, pools, keys, qualifiers, context)

    def choices(ranked: list) -> dict[int, Place]:
        return {i: r[0][0] for i, r in enumerate(ranked) if r}

    first = choices(ranked_all(_Context(_country_focus(pools, {}))))
    # "Georgia" names a country and a state: its own first choice is no evidence for either.
    voters = [[] if _country_or_region(p, k) else p for p, k in zip(pools, keys, strict=True)]
    votes = {i: place for i, place in first.items() if voters[i]}
    context = _Context(_country_focus(voters, votes), _anchors(first, keys))
    ranked = ranked_all(context)
    # The states come from choices made knowing the country focus: alone, "Florida" is as
    # likely Uruguay's department as the American state.
    states = _states(choices(ranked), keys, pools)
    if states:
        ranked = ranked_all(dataclasses.replace(context, states=states))
    resolutions = [
        _resolution(mention, r) for mention, r in zip(mentions, ranked, strict=True) if r
    ]
    return _with_country_parts(resolutions, mentions, gazetteer)


def _called_a_region(mention: Mention, text: str) -> bool:
    """Whether the text calls the place a region: "the province of Najaf", "canton de Berne",
    "Najaf governorate"."""
    before = text[max(0, mention.start - 30) : mention.start]
    return bool(_REGION_BEFORE.search(before) or _REGION_AFTER.match(text, mention.end))


def _candidates(mention: Mention, gazetteer: Gazetteer, region_word: bool = False) -> list[Place]:
    """The places a mention may refer to, given the kind of phrase it is."""
    hint, name = mention.kind_hint, mention.name
    if hint == "region_part" and not name:
        return []  # filled in from the country focus
    if hint == "demonym":
        country = gazetteer.demonym(mention.text)
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
    if not any(p.kind == "city" and p.population >= 1_000_000 for p in pool):
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


def _qualifier(mention: Mention, text: str, gazetteer: Gazetteer) -> Place | None:
    """The larger place named right after a mention: "Paris, Texas", "Tripoli (Lebanon)"."""
    match = _QUALIFIER.match(text, mention.end, min(len(text), mention.end + 60))
    if not match:
        return None
    for words in (match.group(1), match.group(1).split()[0]):
        places = [p for p in gazetteer.lookup(words) if p.kind in ("country", "region")]
        if places:
            return places[0]
    return None


def _country_or_region(pool: Sequence[Place], key: str) -> bool:
    """Whether a name is both a country's and a region's of another country ("Georgia")."""
    named = [p for p in pool if fold(p.name) == key]
    countries = {p.country_code for p in named if p.kind == "country"}
    return bool(countries) and any(
        p.kind == "region" and p.country_code not in countries for p in named
    )


def _country_focus(pools: Sequence[list[Place]], chosen: dict[int, Place]) -> Counter:
    """How much of the article is about each country, as shares summing to 1."""
    weights: Counter = Counter()
    for i, pool in enumerate(pools):
        place = chosen.get(i) or (pool[0] if len(pool) == 1 else None)
        if place is None and pool and pool[0].kind == "country":
            place = pool[0]
        if place is None:
            continue
        if place.country_code:
            weights[place.country_code] += 2.0 if place.kind == "country" else 1.0
        for country in place.raw.get("countries", ()):
            weights[country] += 0.5
    total = sum(weights.values()) or 1.0
    return Counter({code: w / total for code, w in weights.items()})


def _states(
    chosen: dict[int, Place], keys: Sequence[str], pools: Sequence[list[Place]]
) -> tuple[tuple[str, tuple], ...]:
    """The first-level region of each first choice that names one for sure: a state or
    province itself, or a county whose name no other county bears."""
    return tuple(
        (keys[i], (place.country_code, place.raw["admin1"]))
        for i, place in chosen.items()
        if place.raw.get("admin1")
        and (place.kind == "region" or (place.kind == "county" and len(pools[i]) == 1))
    )


def _anchors(chosen: dict[int, Place], keys: Sequence[str]) -> tuple[tuple[str, Place], ...]:
    """The first choices that can pull a namesake towards them: cities, dams, regions."""
    anchors = {}
    for i, place in chosen.items():
        if place.kind in ANCHOR_KINDS:
            anchors.setdefault((keys[i], place.lat, place.lon), (fold(place.name), place))
    return tuple(anchors.values())


def _prior(place: Place) -> float:
    """Importance before any context: countries, then regions, then cities and counties by
    population."""
    if place.kind in KIND_PRIOR:
        return KIND_PRIOR[place.kind]
    return min(1.0, math.log10(place.population + 10) / 7)


def _score(
    place: Place,
    key: str,
    context: _Context,
    qualifier: Place | None,
    anchors: Neighbours | None = None,
    state_shares: Counter | None = None,
) -> float:
    """The evidence for ``place`` as the referent of a name folding to ``key``, given the
    article's other places (``anchors``) and, when no country or region bears the name, the
    shares of the states the article names (``state_shares``) to choose among its towns."""
    in_focus = context.focus.get(place.country_code, 0.0)
    for country in place.raw.get("countries", ()):
        in_focus = max(
            in_focus, 0.5 * context.focus.get(country, 0.0) + 0.5 * (country in context.focus)
        )
    nearest = anchors.nearest_km(place) if anchors is not None else None
    near = math.exp(-nearest / NEAR_KM) if nearest is not None else 0.0
    fits = 0.0
    if qualifier is not None and place.country_code == qualifier.country_code:
        fits = (
            1.0
            if qualifier.kind == "country"
            else float(haversine_km(place.point, qualifier.point) < QUALIFIER_REGION_KM)
        )
    same_name = fold(place.name) == key
    # Local news names its state and its towns: a namesake in another state is less likely.
    in_state = 0.0
    if state_shares and same_name and place.raw.get("admin1"):
        in_state = state_shares.get((place.country_code, place.raw["admin1"]), 0.0)
    w = WEIGHTS
    return (
        w["prior"] * _prior(place)
        + w["name"] * same_name
        + w["focus"] * in_focus
        + w["state"] * in_state
        + w["near"] * near
        + w["qualifier"] * fits
    )


def _rank(pool, key, context, qualifier) -> list[tuple[Place, float]]:
    """Candidates with their probabilities (a softmax of the scores), best first."""
    if not pool:
        return []
    # a mention's own first choice is no evidence for it ("Londres" chose London: City of London
    # is not "near" the story's other places for that)
    candidates = {(p.name, p.lat, p.lon) for p in pool}
    anchors = context.nearby.excluding(key, candidates)
    state_shares = None
    if not any(p.kind in ("country", "region") for p in pool):  # towns and counties only
        state_shares = context.state_shares.without(key)
    scores = [_score(p, key, context, qualifier, anchors, state_shares) for p in pool]
    top = max(scores)
    exp = [math.exp((s - top) / TEMPERATURE) for s in scores]
    total = sum(exp)
    return sorted(zip(pool, (e / total for e in exp), strict=True), key=lambda x: -x[1])


def _resolution(mention: Mention, ranked) -> Resolution:
    place, confidence = ranked[0]
    hint = mention.kind_hint
    if hint == "city_part" and place.kind in ("country", "region"):
        mention = dataclasses.replace(mention, kind_hint="region_part")
        hint = "region_part"
    if hint in ("city_part", "near"):
        precision = 2 if place.kind in ("city", "dam") else 3
    elif hint == "dam" and place.kind != "dam":
        precision = 2
    else:
        precision = PRECISION.get(place.kind, 1)
    if hint == "demonym":
        # "l'armée irakienne" is not a visit to Iraq
        confidence = min(confidence, DEMONYM_CONFIDENCE)
    alternatives = tuple(Candidate(p, round(s, 4)) for p, s in ranked[1 : MAX_ALTERNATIVES + 1])
    return Resolution(mention, place, round(confidence, 4), precision, alternatives)


def _with_country_parts(
    resolutions: list[Resolution], mentions: Sequence[Mention], gazetteer: Gazetteer
) -> list[Resolution]:
    """Resolve "à l'ouest du pays" to the article's main country, with precision 3."""
    codes = Counter(r.place.country_code for r in resolutions if r.place.country_code)
    main = gazetteer.country(codes.most_common(1)[0][0]) if codes else None
    extra = []
    for mention in mentions:
        if mention.kind_hint == "region_part" and not mention.name and main is not None:
            named = dataclasses.replace(mention, name=main.name)
            extra.append(Resolution(named, main, 0.6, 3, ()))
    return sorted([*resolutions, *extra], key=lambda r: r.mention.start)
