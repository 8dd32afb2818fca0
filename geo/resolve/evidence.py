"""The evidence for a candidate, as the named features of a linear score.

- ``prior``: importance by population, for the kinds that have one (cities, counties, the
  places of an online geocoder): ``log10(population + 10) / 7``, at most 1;
- ``kind``: importance by kind alone, for the others: a country 1.0, a region 0.8, a river,
  a dam or a border 0.7 (one of ``prior`` and ``kind`` is always 0.0);
- ``name_match``: 1.0 when the name folds like the place's own name, not only an alternate's;
- ``focus``: the share of the article that is about the place's country; for a border, the
  better of its countries', each counting half its share and half whether it is named at all;
- ``state``: the share of the article's US states or provinces that the place lies in, when
  only towns and counties bear the name;
- ``proximity``: how close the article's other places are (1.0 on top of one, 1/e at 250 km);
- ``qualifier``: 1.0 when the place lies in the country or near the region named right after
  it ("Paris, Texas").

The kind of phrase ("the Haditha dam", "la frontière syrienne") is no feature: it chooses the
candidates (:mod:`geo.resolve.candidates`).
"""

from __future__ import annotations

import dataclasses
import functools
import math
from collections import Counter
from collections.abc import Mapping, Sequence

from geo.gazetteer.folding import fold
from geo.model import Place, PlaceKind, haversine_km
from geo.resolve.context_index import AnchorIndex, Neighbours, StateShares

# In the order the score adds them, which must not change: floating-point sums are exact only
# in one order, and a different order could move a close ranking.
WEIGHTS = {
    "prior": 1.0,
    "kind": 1.0,
    "name_match": 0.25,
    "focus": 0.6,
    "state": 0.5,
    "proximity": 0.5,
    "qualifier": 2.0,
}
EVIDENCE_NAMES = tuple(WEIGHTS)
KIND_PRIOR: dict[PlaceKind, float] = {
    "country": 1.0,
    "region": 0.8,
    "river": 0.7,
    "dam": 0.7,
    "border": 0.7,
}
NEAR_KM = 250.0  # proximity halves about every 170 km
QUALIFIER_REGION_KM = 700  # "Paris, Texas": within a state-sized distance of the state's point
ANCHOR_KINDS = ("city", "dam", "region", "county")


@dataclasses.dataclass(frozen=True)
class Context:
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


def evidence(
    place: Place,
    key: str,
    context: Context,
    qualifier: Place | None,
    anchors: Neighbours | None = None,
    state_shares: Counter | None = None,
) -> dict[str, float]:
    """The evidence for ``place`` as the referent of a name folding to ``key``, given the
    article's other places (``anchors``) and, when no country or region bears the name, the
    shares of the states the article names (``state_shares``) to choose among its towns."""
    in_focus = context.focus.get(place.country_code, 0.0)
    for country in place.countries:
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
    if state_shares and same_name and place.admin1:
        in_state = state_shares.get((place.country_code, place.admin1), 0.0)
    by_kind = place.kind in KIND_PRIOR
    return {
        "prior": 0.0 if by_kind else min(1.0, math.log10(place.population + 10) / 7),
        "kind": KIND_PRIOR[place.kind] if by_kind else 0.0,
        "name_match": float(same_name),
        "focus": in_focus,
        "state": in_state,
        "proximity": near,
        "qualifier": fits,
    }


def score(features: Mapping[str, float]) -> float:
    """The weighted sum of the evidence."""
    total = 0.0
    for name, weight in WEIGHTS.items():  # not sum(): from Python 3.12 it compensates rounding
        total += weight * features[name]
    return total


def country_focus(pools: Sequence[list[Place]], chosen: dict[int, Place]) -> Counter:
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
        for country in place.countries:
            weights[country] += 0.5
    total = sum(weights.values()) or 1.0
    return Counter({code: w / total for code, w in weights.items()})


def named_states(
    chosen: dict[int, Place], keys: Sequence[str], pools: Sequence[list[Place]]
) -> tuple[tuple[str, tuple], ...]:
    """The first-level region of each first choice that names one for sure: a state or
    province itself, or a county whose name no other county bears."""
    return tuple(
        (keys[i], (place.country_code, place.admin1))
        for i, place in chosen.items()
        if place.admin1
        and (place.kind == "region" or (place.kind == "county" and len(pools[i]) == 1))
    )


def anchors_of(chosen: dict[int, Place], keys: Sequence[str]) -> tuple[tuple[str, Place], ...]:
    """The first choices that can pull a namesake towards them: cities, dams, regions."""
    anchors = {}
    for i, place in chosen.items():
        if place.kind in ANCHOR_KINDS:
            anchors.setdefault((keys[i], place.lat, place.lon), (fold(place.name), place))
    return tuple(anchors.values())
