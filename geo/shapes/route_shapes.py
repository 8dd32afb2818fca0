"""Routes named in a sentence.

"along the Tigris from Mosul to Baiji", "de X à Y le long du Tigre", "up the Euphrates to Raqqa",
"le long de l'Euphrate depuis le barrage d'Haditha jusqu'à la frontière syrienne".
"""

from __future__ import annotations

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


@dataclass(frozen=True)
class RouteEnd:
    """One end of a route: the words it comes from, its name and its point on the river."""

    resolution: Resolution
    name: str
    point: LatLon


def routes_in_sentence(
    text: str, sentence_start: int, inside: Sequence[Resolution], rivers: RiverIndex
) -> list[Shape]:
    """One route per river named after a route word, between the places of the sentence."""
    routes = []
    for river in (r for r in inside if r.place.kind == "river"):
        course = rivers.course(river.place.name)
        if course is None or not follows_route_cue(text[sentence_start : river.mention.start]):
            continue
        stops = _stops(text, sentence_start, inside, river)
        shape = _route(river, stops, course, rivers)
        if shape is not None:
            routes.append(shape)
    return routes


def _stops(
    text: str, sentence_start: int, inside: Sequence[Resolution], river: Resolution
) -> list[tuple[str | None, Resolution]]:
    """The places of the sentence that can end a route, each with the role its cue word gives it."""
    candidates = [r for r in _outermost(inside) if r is not river and _can_end_route(r)]
    stops, previous_end = [], sentence_start
    for resolution in sorted(inside, key=lambda r: r.mention.start):
        if resolution in candidates:
            stops.append((stop_role(text[previous_end : resolution.mention.start]), resolution))
        previous_end = max(previous_end, resolution.mention.end)
    return stops


def _can_end_route(resolution: Resolution) -> bool:
    place, hint = resolution.place, resolution.mention.kind_hint
    if hint in SKIPPED_HINTS:
        return False
    return place.kind in STOP_KINDS or (place.kind == "country" and hint == "border")


def _outermost(resolutions: Sequence[Resolution]) -> list[Resolution]:
    """Drop a place named inside a longer phrase also resolved ("Haditha" in "the Haditha dam")."""
    return [
        r
        for r in resolutions
        if not any(
            o is not r
            and o.mention.start <= r.mention.start
            and r.mention.end <= o.mention.end
            and (o.mention.start, o.mention.end) != (r.mention.start, r.mention.end)
            for o in resolutions
        )
    ]


def _route(river: Resolution, stops: list, course: LineString, rivers: RiverIndex) -> Shape | None:
    """The route between the origin and the destination of the stops, along the river's course."""
    destination = next((r for role, r in stops if role == "to"), None)
    if destination is None:
        return None
    origin = next((r for role, r in stops if role == "from" and r is not destination), None)
    if (
        origin is None
    ):  # "... left Deir ez-Zor and pushed up the Euphrates to Raqqa": the place before the river
        before = [
            r for role, r in stops if r.mention.start < river.mention.start and r is not destination
        ]
        origin = before[-1] if before else None
    if origin is None:
        return None
    start = _end_point(origin, course, rivers, near=None)
    end = _end_point(destination, course, rivers, near=start.point if start else None)
    if start is None or end is None or haversine_km(start.point, end.point) < 1.0:
        return None
    coords = route_along_river(course, start.point, end.point)
    return _shape(
        rivers.name(river.place.name) or river.place.name,
        (river, origin, destination),
        start,
        end,
        coords,
    )


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
        mentions=tuple(sorted((r.mention.start, r.mention.end) for r in words)),
        properties={
            "river": river,
            "from": start.name,
            "to": end.name,
            "length_km": round(length, 1),
        },
    )
