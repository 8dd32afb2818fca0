"""Compose shapes from resolved mentions: routes along rivers and parts of cities."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from shapely.geometry import Point

from geo.model import Resolution, Shape
from geo.shapes.city_parts import city_radius_km, split_city_by_compass, split_city_by_river
from geo.shapes.rivers import RiverIndex
from geo.shapes.routes import river_border_crossing, route_along_river

_SENTENCE = re.compile(r"[^.!?\n]+[.!?]?")
_FROM = re.compile(r"\b(?:from|depuis|à partir|de|du|d['’‘])\s*\S*\s*$", re.IGNORECASE)
_TO = re.compile(r"\b(?:to|towards|toward|until|up to|jusqu['’‘]\s*(?:à|au|aux)|vers|en direction|à|au)\b", re.IGNORECASE)
POINT_KINDS = ("city", "dam", "border")
NEAR_RIVER_DEG = 0.15


def compose_shapes(text: str, resolutions: Sequence[Resolution], lang: str, rivers: RiverIndex) -> list[Shape]:
    """Routes along rivers (one per sentence that names a river and two places on it) and city parts."""
    shapes = [s for s in (_route_in(text, sentence, resolutions, rivers) for sentence in _sentences(text)) if s]
    seen = set()
    for resolution in resolutions:
        part = _city_part(resolution, rivers, resolutions)
        if part is not None and (part.name, part.properties["side"]) not in seen:
            seen.add((part.name, part.properties["side"]))
            shapes.append(part)
        elif part is not None:
            shapes = [_with_mention(s, resolution) if s.name == part.name and s.properties.get("side") == part.properties["side"] else s for s in shapes]
    return shapes


def _sentences(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _SENTENCE.finditer(text)]


def _route_in(text, sentence, resolutions, rivers: RiverIndex) -> Shape | None:
    """A route along the river named in a sentence, between the first and the last place after it."""
    start, end = sentence
    inside = [r for r in resolutions if start <= r.mention.start < end]
    river = next((r for r in inside if r.place.kind == "river"), None)
    if river is None:
        return None
    course = rivers.course(river.place.name)
    stops = [r for r in inside if r.place.kind in POINT_KINDS and r.mention.start > river.mention.start
             and r.mention.kind_hint not in ("city_part", "near")]
    stops = _outermost(stops)
    if course is None or len(stops) < 2:
        return None
    origin, destination = stops[0], stops[-1]
    a = origin.place.point
    b = _end_point(destination, course, rivers, near=a) or destination.place.point
    coords = route_along_river(course, a, b)
    if len(coords) < 2:
        return None
    return Shape(
        kind="route",
        name=f"{river.place.name}: {origin.place.name} → {destination.place.name}",
        coords=tuple(coords),
        mentions=tuple((r.mention.start, r.mention.end) for r in (river, origin, destination)),
        properties={"river": river.place.name, "from": origin.place.name, "to": destination.place.name},
    )


def _outermost(stops: list[Resolution]) -> list[Resolution]:
    """Drop a town named inside a longer phrase already kept ("Haditha" in "the Haditha dam")."""
    return [r for r in stops if not any(o is not r and o.mention.start <= r.mention.start and r.mention.end <= o.mention.end for o in stops)]


def _end_point(resolution: Resolution, course, rivers: RiverIndex, near):
    """Where a route to a border ends: the river's crossing of that border."""
    place = resolution.place
    countries = place.raw.get("countries")
    if place.kind != "border" or not countries or len(countries) != 2:
        return None
    return river_border_crossing(course, rivers.border(*countries), near=near)


def _bank_of_river(resolution: Resolution, resolutions: Sequence[Resolution], rivers: RiverIndex) -> Shape | None:
    """The area of "la rive gauche du Tigre": that bank of the article's city on that river."""
    mention, course = resolution.mention, rivers.course(resolution.place.name)
    if course is None or mention.side is None:
        return None
    cities = [r.place for r in resolutions if r.place.kind == "city"]
    on_river = [c for c in cities if course.distance(Point(c.lon, c.lat)) < NEAR_RIVER_DEG]
    if not on_river:
        return None
    city = max(on_river, key=lambda c: c.population)
    ring = split_city_by_river(city.point, course, mention.side, city_radius_km(city.population))
    if ring is None:
        return None
    return Shape(
        kind="area",
        name=f"{mention.side} bank {city.name}",
        coords=tuple(ring),
        mentions=((mention.start, mention.end),),
        properties={"city": city.name, "side": mention.side, "split_by": "river", "river": resolution.place.name},
    )


def _city_part(resolution: Resolution, rivers: RiverIndex, resolutions: Sequence[Resolution] = ()) -> Shape | None:
    """The area of "east Mosul": split by the river through the city, else by the compass."""
    mention, place = resolution.mention, resolution.place
    if mention.kind_hint == "city_part" and place.kind == "river":
        return _bank_of_river(resolution, resolutions, rivers)
    if mention.kind_hint != "city_part" or place.kind != "city" or not mention.side:
        return None
    radius = city_radius_km(place.population)
    ring, split_by = None, "compass"
    for course in rivers.rivers_near(place.lat, place.lon, radius / 111):
        ring = split_city_by_river(place.point, course, mention.side, radius)
        if ring:
            split_by = "river"
            break
    if ring is None and mention.side in ("left", "right"):
        return None
    if ring is None:
        ring = split_city_by_compass(place.point, mention.side, radius)
    return Shape(
        kind="area",
        name=f"{mention.side} {place.name}",
        coords=tuple(ring),
        mentions=((mention.start, mention.end),),
        properties={"city": place.name, "side": mention.side, "split_by": split_by, "geonameid": place.geonameid},
    )


def _with_mention(shape: Shape, resolution: Resolution) -> Shape:
    span = (resolution.mention.start, resolution.mention.end)
    return Shape(shape.kind, shape.name, shape.coords, (*shape.mentions, span), shape.properties)


def place_rivers_near_story(resolutions: Sequence[Resolution], rivers: RiverIndex) -> list[Resolution]:
    """Move each river's point to the stretch of the river nearest to the article's towns.

    A river named in a story about Mosul is drawn at Mosul, not at the middle of its course.
    """
    towns = [r.place for r in resolutions if r.place.kind in ("city", "dam")]
    if not towns:
        return list(resolutions)
    centre = Point(sum(t.lon for t in towns) / len(towns), sum(t.lat for t in towns) / len(towns))
    result = []
    for resolution in resolutions:
        course = rivers.course(resolution.place.name) if resolution.place.kind == "river" else None
        if course is not None:
            nearest = course.interpolate(course.project(centre))
            place = dataclasses.replace(resolution.place, lat=round(nearest.y, 5), lon=round(nearest.x, 5))
            resolution = dataclasses.replace(resolution, place=place)
        result.append(resolution)
    return result
