"""The article's context, indexed for resolution, so that a long article costs time in
proportion to its length and not to the square of its number of places.

Ranking a mention compares its candidates with the article's other places (the anchors) and
counts the states the article names. Done naively for every mention, both are passes over
every other mention; here the anchors are kept in a grid of one-degree cells searched outward
from a candidate, the states are counted once, and mentions that share a name, a candidate
pool and a qualifier are ranked once. The answers are those of the naive passes, to the bit.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Sequence
from typing import TypeVar

from geo.model import EARTH_RADIUS_KM, Place

Anchor = tuple[str, Place]  # (folded name of the mention, the place it was first resolved to)
StateKey = tuple[str, str]  # (country code, first-level region code)
R = TypeVar("R")

KM_PER_DEG_LON_AT_EQUATOR = 111.32
KM_PER_DEG_LAT = 110.57
CELL_DEGREES = 0.5
BRUTE_FORCE_ANCHORS = 32  # an article this small is searched the plain way
_ROUNDING_MARGIN = 1e-9


def flat_km(place: Place, other: Place) -> float:
    """Distance between two places by a flat-earth approximation (fine at the scale of a story)."""
    kx = math.cos(math.radians(place.lat)) * KM_PER_DEG_LON_AT_EQUATOR
    return math.hypot((other.lon - place.lon) * kx, (other.lat - place.lat) * KM_PER_DEG_LAT)


def nearest_km(place: Place, others: Sequence[Place]) -> float:
    """Distance to the nearest of ``others`` (not empty), by :func:`flat_km`."""
    lat, lon = place.lat, place.lon
    kx = math.cos(math.radians(lat)) * KM_PER_DEG_LON_AT_EQUATOR
    return min(math.hypot((o.lon - lon) * kx, (o.lat - lat) * KM_PER_DEG_LAT) for o in others)


def _cell(place: Place) -> tuple[int, int]:
    return math.floor(place.lon / CELL_DEGREES), math.floor(place.lat / CELL_DEGREES)


def _ring(x: int, y: int, r: int) -> Iterator[tuple[int, int]]:
    """The cells at Chebyshev distance ``r`` of cell ``(x, y)``."""
    if r == 0:
        yield x, y
        return
    for dx in range(-r, r + 1):
        yield x + dx, y - r
        yield x + dx, y + r
    for dy in range(-r + 1, r):
        yield x - r, y + dy
        yield x + r, y + dy


class AnchorIndex:
    """The anchors of an article, by one-degree cell."""

    def __init__(self, anchors: Sequence[Anchor]) -> None:
        self.anchors = tuple(anchors)
        self.cells: dict[tuple[int, int], list[Anchor]] = defaultdict(list)
        for anchor in self.anchors:
            self.cells[_cell(anchor[1])].append(anchor)

    def excluding(self, key: str, candidates: set[tuple[str, float, float]]) -> Neighbours:
        """The anchors a mention folding to ``key`` is ranked against: not its own, and none
        that is one of its ``candidates`` (``(name, lat, lon)``)."""
        return Neighbours(self, key, candidates)


class Neighbours:
    """The anchors of one mention, and the distance from a candidate to the nearest of them."""

    def __init__(self, index: AnchorIndex, key: str, candidates: set) -> None:
        self._index, self._key, self._candidates = index, key, candidates
        self._plain: list[Place] | None = None
        if len(index.anchors) <= BRUTE_FORCE_ANCHORS:
            self._plain = [a for k, a in index.anchors if self._counts(k, a)]

    def _counts(self, key: str, anchor: Place) -> bool:
        return key != self._key and (anchor.name, anchor.lat, anchor.lon) not in self._candidates

    def nearest_km(self, place: Place) -> float | None:
        """Distance from ``place`` to the nearest anchor other than itself; None if none."""
        if self._plain is not None:
            others = [a for a in self._plain if a is not place]
            return nearest_km(place, others) if others else None
        return self._grid_nearest_km(place)

    def _grid_nearest_km(self, place: Place) -> float | None:
        """Search the cells ring by ring outward from the place's own; stop once a ring's cells
        are all farther than the nearest anchor found (each lies at least ``r - 1`` cells away
        along one axis); go through the remaining cells directly when they are fewer."""
        cells = self._index.cells
        x, y = _cell(place)
        kx = math.cos(math.radians(place.lat)) * KM_PER_DEG_LON_AT_EQUATOR
        km_per_cell = min(kx, KM_PER_DEG_LAT) * CELL_DEGREES * (1 - _ROUNDING_MARGIN)
        best = math.inf
        r = 0
        while best == math.inf or (r - 1) * km_per_cell < best:
            if (2 * r + 1) ** 2 >= len(cells):  # the ring holds more cells than are filled
                far = [
                    anchors
                    for (cx, cy), anchors in cells.items()
                    if max(abs(cx - x), abs(cy - y)) >= r
                ]
                best = self._nearer(place, kx, far, best)
                break
            best = self._nearer(place, kx, [cells[c] for c in _ring(x, y, r) if c in cells], best)
            r += 1
        return None if best == math.inf else best

    def _nearer(self, place: Place, kx: float, cells: list[list[Anchor]], best: float) -> float:
        """The nearest of ``best`` and the anchors of ``cells`` that count, by :func:`flat_km`
        (``kx``: its factor at the place's latitude)."""
        lat, lon, own, candidates = place.lat, place.lon, self._key, self._candidates
        for anchors in cells:
            for key, anchor in anchors:
                if (
                    anchor is place
                    or key == own
                    or (anchor.name, anchor.lat, anchor.lon) in candidates
                ):
                    continue
                km = math.hypot((anchor.lon - lon) * kx, (anchor.lat - lat) * KM_PER_DEG_LAT)
                best = min(best, km)
        return best


class StateShares:
    """The share of each state or province (or country) among those an article names, counted
    once; an entry may weigh more than one."""

    def __init__(
        self, states: Sequence[tuple[str, StateKey]], weights: Sequence[float] = ()
    ) -> None:
        self._all: Counter = Counter()
        self._by_key: dict[str, Counter] = defaultdict(Counter)
        self._without: dict[str, Counter] = {}
        for (key, state), weight in zip(states, weights or [1] * len(states), strict=True):
            self._all[state] += weight
            self._by_key[key][state] += weight

    def without(self, key: str) -> Counter:
        """The shares among the states not named by mentions folding to ``key`` (counted once
        per key; not to be changed)."""
        if key not in self._without:
            own = self._by_key[key] if key in self._by_key else Counter()
            total = self._all.total() - own.total()
            self._without[key] = Counter(
                {
                    state: (n - own[state]) / total
                    for state, n in self._all.items()
                    if n > own[state]
                }
            )
        return self._without[key]


def _unit(place: Place) -> tuple[float, float, float]:
    """The place as a point of the unit sphere."""
    lat, lon = math.radians(place.lat), math.radians(place.lon)
    return (math.cos(lat) * math.cos(lon), math.cos(lat) * math.sin(lon), math.sin(lat))


class Centroid:
    """The middle of an article's anchors (their mean on the sphere), summed once."""

    def __init__(self, anchors: Sequence[Anchor]) -> None:
        self._all = [0.0, 0.0, 0.0]
        self._by_key: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
        self._sums: dict[str, tuple[float, float, float, float]] = {}  # without each key
        for key, place in anchors:
            for total in (self._all, self._by_key[key]):
                for axis, value in enumerate(_unit(place)):
                    total[axis] += value

    def km_without(self, key: str, place: Place) -> float | None:
        """Distance from ``place`` to the middle of the anchors not named by mentions folding
        to ``key``; None if there are none (or they cancel out)."""
        if key not in self._sums:
            own = self._by_key.get(key, (0.0, 0.0, 0.0))
            x, y, z = (a - b for a, b in zip(self._all, own, strict=True))
            self._sums[key] = (x, y, z, math.sqrt(x * x + y * y + z * z))
        x, y, z, norm = self._sums[key]
        if norm < 1e-9:
            return None
        px, py, pz = _unit(place)
        cosine = max(-1.0, min(1.0, (x * px + y * py + z * pz) / norm))
        return math.acos(cosine) * EARTH_RADIUS_KM


def rank_each(
    rank: Callable[..., R],
    pools: Sequence[list[Place]],
    keys: Sequence[str],
    qualifiers: Sequence[Place | None],
    context: object,
) -> list[R]:
    """``rank(pool, key, context, qualifier)`` for every mention, once per distinct
    (key, pool, qualifier): a story that names Mosul a thousand times ranks Mosul once."""
    done: dict[tuple, R] = {}
    ranked = []
    for pool, key, qualifier in zip(pools, keys, qualifiers, strict=True):
        same = (key, id(qualifier), *map(id, pool))  # the places live as long as the pools
        if same not in done:
            done[same] = rank(pool, key, context, qualifier)
        ranked.append(done[same])
    return ranked
