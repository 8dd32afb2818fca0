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
  it ("Paris, Texas");
- ``top_country``: 1.0 when the place lies in the country the article is most about (for a
  border, when one of its countries is);
- ``admin1``: the share of the article's other places that lie in the place's first-level
  division (state, province, governorate);
- ``centroid``: how close the place is to the middle of the article's other places (1.0 on
  it, 1/e at 1,000 km);
- ``others_focus``: the share of the article's other mentions (not those of the same name)
  that are about the place's country: ``focus`` counts a mention's own first choice too;
- ``near_focus``: how close the place lies to the other countries those mentions are about
  (each country's share times 1.0 on its point, 1/e at 500 km): "Israeli strikes on Gaza"
  make the Gaza Strip likely though it is no part of Israel;
- ``sibling_divisions``: for a first-level division, the share of the article's other places
  that lie in other divisions of its country ("Georgia" beside "Texas" is a state).

The kind of phrase ("the Haditha dam", "la frontière syrienne") is no feature: it chooses the
candidates (:mod:`geo.resolve.candidates`). How much each feature counts is fitted on data
(:mod:`geo.resolve.ranker`).
"""

from __future__ import annotations

import dataclasses
import functools
import math
from collections import Counter
from collections.abc import Sequence

from geo.gazetteer.folding import fold
from geo.model import Place, PlaceKind, haversine_km
from geo.resolve.context_index import AnchorIndex, Centroid, Neighbours, StateShares

EVIDENCE_NAMES = (
    "prior",
    "kind",
    "name_match",
    "focus",
    "state",
    "proximity",
    "qualifier",
    "top_country",
    "admin1",
    "centroid",
    "others_focus",
    "near_focus",
    "sibling_divisions",
)
KIND_PRIOR: dict[PlaceKind, float] = {
    "country": 1.0,
    "region": 0.8,
    "river": 0.7,
    "dam": 0.7,
    "border": 0.7,
}
NEAR_KM = 250.0  # proximity halves about every 170 km
CENTROID_KM = 1000.0
NEAR_FOCUS_KM = 500.0
QUALIFIER_REGION_KM = 700  # "Paris, Texas": within a state-sized distance of the state's point
ANCHOR_KINDS = ("city", "dam", "region", "county")


@dataclasses.dataclass(frozen=True)
class Context:
    """What the rest of the article says: its countries, its states or provinces, its other places."""

    focus: Counter
    anchors: tuple[tuple[str, Place], ...] = ()  # (folded name, place)
    states: tuple[tuple[str, tuple[str, str]], ...] = ()  # (folded name, (country, admin1))
    divisions: tuple[tuple[str, tuple[str, str]], ...] = ()  # of every first choice with one
    votes: tuple[tuple[tuple[str, str], float], ...] = ()  # ((folded name, country), weight)
    country_points: tuple[tuple[str, tuple[float, float]], ...] = ()  # (code, (lat, lon))

    @functools.cached_property
    def others_focus(self) -> StateShares:
        """The countries of the article, counted so that a mention's own can be left out."""
        return StateShares([v for v, _ in self.votes], [w for _, w in self.votes])

    @functools.cached_property
    def points(self) -> dict[str, tuple[float, float]]:
        """The point of each country, by code."""
        return dict(self.country_points)

    @functools.cached_property
    def top_country(self) -> str | None:
        """The country the article is most about (the first of equals in focus order)."""
        return max(self.focus, key=self.focus.__getitem__) if self.focus else None

    @functools.cached_property
    def division_shares(self) -> StateShares:
        """The first-level divisions of the article's places, counted."""
        return StateShares(self.divisions)

    @functools.cached_property
    def middle(self) -> Centroid:
        """The middle of the anchors."""
        return Centroid(self.anchors)

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
    division_shares: Counter | None = None,
    others_focus: Counter | None = None,
) -> dict[str, float]:
    """The evidence for ``place`` as the referent of a name folding to ``key``, given the
    article's other places (``anchors``) and, when no country or region bears the name, the
    shares of the states the article names (``state_shares``) to choose among its towns;
    ``division_shares``: those of the first-level divisions of its other places;
    ``others_focus``: those of the countries its other mentions are about."""
    nearest = anchors.nearest_km(place) if anchors is not None else None
    near = math.exp(-nearest / NEAR_KM) if nearest is not None else 0.0
    fits = float(qualifier is not None and fits_qualifier(place, qualifier))
    same_name = fold(place.name) == key
    # Local news names its state and its towns: a namesake in another state is less likely.
    in_state = 0.0
    if state_shares and same_name and place.admin1:
        in_state = state_shares.get((place.country_code, place.admin1), 0.0)
    by_kind = place.kind in KIND_PRIOR
    top = context.top_country
    division = (place.country_code, place.admin1) if place.admin1 else None
    middle_km = context.middle.km_without(key, place)
    return {
        "prior": 0.0 if by_kind else min(1.0, math.log10(place.population + 10) / 7),
        "kind": KIND_PRIOR[place.kind] if by_kind else 0.0,
        "name_match": float(same_name),
        "focus": _in_focus(place, context.focus),
        "state": in_state,
        "proximity": near,
        "qualifier": fits,
        "top_country": float(
            top is not None and (place.country_code == top or top in place.countries)
        ),
        "admin1": division_shares.get(division, 0.0) if division and division_shares else 0.0,
        "centroid": math.exp(-middle_km / CENTROID_KM) if middle_km is not None else 0.0,
        "others_focus": _country_share(place, others_focus) if others_focus else 0.0,
        "near_focus": _near_focus(place, others_focus, context.points),
        "sibling_divisions": _siblings(place, division_shares) if place.kind == "region" else 0.0,
    }


def _near_focus(
    place: Place, shares: Counter | None, points: dict[str, tuple[float, float]]
) -> float:
    """How close the place lies to the other countries of the article, by their shares."""
    own = {place.country_code, *place.countries}
    return max(
        (
            share * math.exp(-haversine_km(place.point, points[code]) / NEAR_FOCUS_KM)
            for code, share in (shares or {}).items()
            if code not in own and code in points
        ),
        default=0.0,
    )


def _siblings(place: Place, shares: Counter | None) -> float:
    """The share of the article's divisions that are other divisions of the place's country."""
    return sum(
        share
        for (country, admin1), share in (shares or {}).items()
        if country == place.country_code and admin1 != place.admin1
    )


def _country_share(place: Place, shares: Counter) -> float:
    """The share of the place's country (a border: the better of its countries')."""
    return max(
        [shares.get(place.country_code, 0.0), *(shares.get(c, 0.0) for c in place.countries)]
    )


def _in_focus(place: Place, focus: Counter) -> float:
    """The share of the place's country; for a border, the better of its countries', each
    counting half its share and half whether it is named at all."""
    share = focus.get(place.country_code, 0.0)
    for country in place.countries:
        share = max(share, 0.5 * focus.get(country, 0.0) + 0.5 * (country in focus))
    return share


def country_focus(pools: Sequence[list[Place]], chosen: dict[int, Place]) -> Counter:
    """How much of the article is about each country, as shares summing to 1."""
    weights: Counter = Counter()
    for (_, code), weight in country_votes(pools, chosen, [""] * len(pools)):
        weights[code] += weight
    total = sum(weights.values()) or 1.0
    return Counter({code: w / total for code, w in weights.items()})


def country_votes(
    pools: Sequence[list[Place]], chosen: dict[int, Place], keys: Sequence[str]
) -> tuple[tuple[tuple[str, str], float], ...]:
    """What each mention says of the countries the article is about: ``((key, country), weight)``
    as :func:`country_focus` counts them."""
    votes = []
    for i, pool in enumerate(pools):
        place = chosen.get(i) or (pool[0] if len(pool) == 1 else None)
        if place is None and pool and pool[0].kind == "country":
            place = pool[0]
        if place is None:
            continue
        if place.country_code:
            votes.append(((keys[i], place.country_code), 2.0 if place.kind == "country" else 1.0))
        votes += [((keys[i], country), 0.5) for country in place.countries]
    return tuple(votes)


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


def divisions_of(chosen: dict[int, Place], keys: Sequence[str]) -> tuple[tuple[str, tuple], ...]:
    """The first-level division of every first choice that lies in one."""
    return tuple(
        (keys[i], (place.country_code, place.admin1)) for i, place in chosen.items() if place.admin1
    )


def fits_qualifier(place: Place, qualifier: Place) -> bool:
    """Whether a place lies in the country, or near the region, named right after it."""
    if place.country_code != qualifier.country_code:
        return False
    return (
        qualifier.kind == "country"
        or haversine_km(place.point, qualifier.point) < QUALIFIER_REGION_KM
    )


def anchors_of(chosen: dict[int, Place], keys: Sequence[str]) -> tuple[tuple[str, Place], ...]:
    """The first choices that can pull a namesake towards them: cities, dams, regions."""
    anchors = {}
    for i, place in chosen.items():
        if place.kind in ANCHOR_KINDS:
            anchors.setdefault((keys[i], place.lat, place.lon), (fold(place.name), place))
    return tuple(anchors.values())
