"""Routes named in a sentence.

"along the Tigris from Mosul to Baiji", "de X à Y le long du Tigre", "up the Euphrates to Raqqa",
"le long de l'Euphrate depuis le barrage d'Haditha jusqu'à la frontière syrienne".
"""

from __future__ import annotations

import dataclasses
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from shapely.geometry import LineString

from geo.model import LatLon, Resolution, Shape, haversine_km
from geo.shapes.river_index import RiverIndex
from geo.shapes.route_phrases import follows_route_cue, stop_role
from geo.shapes.routes import km_from_river, river_border_crossing, route_along_river

STOP_KINDS = ("city", "dam", "border", "other")
SKIPPED_HINTS = ("city_part", "region_part", "near")
# A route end farther than this from the river is not on it (a wrong reading, or another place).
MAX_KM_FROM_RIVER = 25.0
ROUTE_CUE_REACH = 60  # the route words are read in the characters just before a river's name


@dataclass(frozen=True)
class RouteEnd:
    """One end of a route: the words it comes from, its name and its point on the river."""

    resolution: Resolution
    name: str
    point: LatLon


def routes_in_sentence(
    text: str,
    sentence_start: int,
    inside: Sequence[Resolution],
    rivers: RiverIndex,
    made: dict[tuple, Shape | None] | None = None,
) -> list[Shape]:
    """One route per river named after a route word, between the places of the sentence.

    ``made`` keeps the routes drawn by river and end places, for the other sentences of the
    article: a route named again is not computed again.
    """
    made = {} if made is None else made
    routes = []
    stops: _Stops | None = None  # the same for every river of the sentence
    for river in (r for r in inside if r.place.kind == "river"):
        course = rivers.course(river.place.name)
        cue_start = max(sentence_start, river.mention.start - ROUTE_CUE_REACH)
        if course is None or not follows_route_cue(text[cue_start : river.mention.start]):
            continue
        if stops is None:
            stops = _Stops(text, sentence_start, inside)
        ends = stops.ends(river)
        if ends is None:
            continue
        words = (river, *ends)
        # the ends are drawn from their places alone; the places outlive ``made``
        key = (river.place.name, id(ends[0].place), id(ends[1].place))
        if key not in made:
            made[key] = _route(river, *ends, course, rivers)
        if made[key] is not None:
            routes.append(
                dataclasses.replace(
                    made[key],
                    mentions=_spans(words),
                    properties=dict(made[key].properties),
                )
            )
    return routes


class _Stops:
    """The places of a sentence that can end a route, each with the role its cue word gives it
    (``"from"``, ``"to"`` or None), in text order. A river ends no route, so the stops are
    the same for every river of the sentence."""

    def __init__(self, text: str, sentence_start: int, inside: Sequence[Resolution]) -> None:
        candidates = {id(r) for r in _outermost(inside) if _can_end_route(r)}
        self.stops: list[tuple[str | None, Resolution]] = []
        previous_end = sentence_start
        for resolution in sorted(inside, key=lambda r: r.mention.start):
            if id(resolution) in candidates:
                gap = text[previous_end : resolution.mention.start]
                self.stops.append((stop_role(gap), resolution))
            previous_end = max(previous_end, resolution.mention.end)
        self._starts = [r.mention.start for _, r in self.stops]
        self.destination = next((r for role, r in self.stops if role == "to"), None)
        self.origin = next(
            (r for role, r in self.stops if role == "from" and r is not self.destination), None
        )

    def ends(self, river: Resolution) -> tuple[Resolution, Resolution] | None:
        """The origin and destination of the route along ``river``: the first stop given "to",
        and the first given "from", else the last stop before the river ("... left Deir ez-Zor
        and pushed up the Euphrates to Raqqa")."""
        if self.destination is None:
            return None
        origin = self.origin
        i = bisect_left(self._starts, river.mention.start)
        while origin is None and i > 0:
            i -= 1
            if self.stops[i][1] is not self.destination:
                origin = self.stops[i][1]
        return None if origin is None else (origin, self.destination)


def _can_end_route(resolution: Resolution) -> bool:
    place, hint = resolution.place, resolution.mention.kind_hint
    if hint in SKIPPED_HINTS:
        return False
    return place.kind in STOP_KINDS or (place.kind == "country" and hint == "border")


def _outermost(resolutions: Sequence[Resolution]) -> list[Resolution]:
    """Drop a place named inside a longer phrase also resolved ("Haditha" in "the Haditha dam").

    A span lies inside another when one starting before it ends at or after its end, or one
    starting with it ends after it: the longest reach of each start tells, in one pass.
    """
    reach: dict[int, int] = {}  # start -> the farthest end of the spans starting there
    for r in resolutions:
        reach[r.mention.start] = max(reach.get(r.mention.start, r.mention.end), r.mention.end)
    farthest_before: dict[int, int] = {}  # start -> the farthest end of spans starting before
    farthest = None
    for start in sorted(reach):
        farthest_before[start] = farthest
        farthest = reach[start] if farthest is None else max(farthest, reach[start])
    return [
        r
        for r in resolutions
        if not (
            reach[r.mention.start] > r.mention.end
            or (
                farthest_before[r.mention.start] is not None
                and farthest_before[r.mention.start] >= r.mention.end
            )
        )
    ]


def _route(
    river: Resolution,
    origin: Resolution,
    destination: Resolution,
    course: LineString,
    rivers: RiverIndex,
) -> Shape | None:
    """The route between the origin and the destination, along the river's course."""
    start = _end_point(origin, course, rivers, near=None)
    end = _end_point(destination, course, rivers, near=start.point if start else None)
    if start is None or end is None or haversine_km(start.point, end.point) < 1.0:
        return None
    coords = route_along_river(course, start.point, end.point)
    name = rivers.name(river.place.name) or river.place.name
    return _shape(name, (river, origin, destination), start, end, coords)


def _end_point(
    resolution: Resolution, course: LineString, rivers: RiverIndex, near: LatLon | None
) -> RouteEnd | None:
    """Where a route ends: at a place by the river, or where the river crosses the border named."""
    place = resolution.place
    if place.kind in ("border", "country"):
        crossing = _border_crossing(resolution, course, rivers, near)
        return RouteEnd(resolution, place.name, crossing) if crossing else None
    if km_from_river(course, place.point) > MAX_KM_FROM_RIVER:
        return None
    return RouteEnd(resolution, place.name, place.point)


def _border_crossing(
    resolution: Resolution, course: LineString, rivers: RiverIndex, near: LatLon | None
) -> LatLon | None:
    """Where the river crosses the border named: that pair's, else any border of its countries."""
    place = resolution.place
    countries = place.countries or ((place.country_code,) if place.country_code else ())
    if len(countries) == 2 and (
        crossing := river_border_crossing(course, rivers.border(*countries), near)
    ):
        return crossing
    lines = [line for code in countries for line in rivers.borders_of(code).values()]
    return river_border_crossing(course, lines, near) if lines else None


def _shape(
    river: str, words: tuple[Resolution, ...], start: RouteEnd, end: RouteEnd, coords: list[LatLon]
) -> Shape | None:
    if len(coords) < 2:
        return None
    length = sum(haversine_km(a, b) for a, b in pairwise(coords))
    return Shape(
        kind="route",
        name=f"{river}: {start.name} → {end.name}",
        coords=tuple(coords),
        mentions=_spans(words),
        properties={
            "river": river,
            "from": start.name,
            "to": end.name,
            "length_km": round(length, 1),
        },
    )


def _spans(words: Sequence[Resolution]) -> tuple[tuple[int, int], ...]:
    """The spans of the words a route comes from, in text order."""
    return tuple(sorted((r.mention.start, r.mention.end) for r in words))
