"""Compose shapes from resolved mentions: routes along rivers, parts of cities, regions, countries.

What the earlier stages must give (see ``geo/model.py``):
- a river: a Resolution whose ``place.kind`` is ``"river"`` (any of its names is looked up);
- a route's ends: places of kind ``city``, ``dam``, ``border`` (``place.countries``: two
  ISO codes) or ``other``, or a country named as a border (``mention.kind_hint == "border"``);
- a part: ``mention.kind_hint`` ``"city_part"`` or ``"region_part"`` with ``mention.side`` one of
  north, south, east, west, northeast, northwest, southeast, southwest (or left/right for the
  banks of a river); its place is the city, region or country, or the river for "la rive
  gauche du Tigre".
"""

from __future__ import annotations

import dataclasses
from bisect import bisect_left
from collections.abc import Sequence

from shapely.geometry import Point

from geo.model import Resolution, Shape
from geo.shapes.areas import (
    REGION_PRECISION,
    main_piece,
    split_area_by_compass,
    split_region_by_compass,
)
from geo.shapes.city_parts import (
    COMPASS,
    city_radius_km,
    split_city_by_compass,
    split_city_by_river,
    split_outline_by_river,
)
from geo.shapes.locators import locates_another_place
from geo.shapes.outlines import Outlines, load_outlines
from geo.shapes.river_index import RiverIndex
from geo.shapes.route_shapes import routes_in_sentence
from geo.text.sentences import split_sentences

PART_HINTS = ("city_part", "region_part")
KM_PER_DEG = 111.2
# A bank of a river is drawn for the biggest town of the article lying this close to it.
BANK_TOWN_KM = 15.0


def compose_shapes(
    text: str,
    resolutions: Sequence[Resolution],
    lang: str,
    rivers: RiverIndex,
    outlines: Outlines | None = None,
    sentences: Sequence[tuple[int, int]] | None = None,
) -> list[Shape]:
    """Routes along rivers (one per river named after a route word) and the parts of places named.

    ``lang`` ("fr", "en") is accepted for symmetry with the other stages: the route words of both
    languages are tried, as articles quote place phrases of the other language. ``outlines``
    (countries, regions, urban areas) default to those of ``data/``; ``sentences``, to those of
    :func:`~geo.text.sentences.split_sentences` over the whole text.
    """
    ordered = sorted(resolutions, key=lambda r: r.mention.start)
    starts = [r.mention.start for r in ordered]
    shapes: list[Shape] = []
    routes: dict = {}  # drawn once each, for every sentence that names them
    for start, end in split_sentences(text) if sentences is None else sentences:
        inside = ordered[bisect_left(starts, start) : bisect_left(starts, end)]
        shapes.extend(routes_in_sentence(text, start, inside, rivers, routes))
    drawn = [r for r in ordered if not locates_another_place(text, r, ordered)]
    return shapes + _parts(drawn, rivers, outlines or load_outlines())


def _parts(
    resolutions: Sequence[Resolution], rivers: RiverIndex, outlines: Outlines
) -> list[Shape]:
    """One area per (place, side), carrying the spans of every mention of it.

    The area of a place and side is made once, however often the article names it.
    """
    found: dict[tuple[str, str], tuple[Shape, list[tuple[int, int]]]] = {}
    made: dict[tuple, Shape | None] = {}
    for resolution in resolutions:
        mention, place = resolution.mention, resolution.place
        if mention.kind_hint not in PART_HINTS:
            continue
        # a river's point is moved for each mention of it: its name tells its banks apart
        named = place.name if place.kind == "river" else id(place)
        key = (mention.kind_hint, mention.side, place.kind, named)
        if key not in made:
            made[key] = part_shape(resolution, resolutions, rivers, outlines)
        part = made[key]
        if part is not None:
            spans = found.setdefault((part.name, part.properties["side"]), (part, []))[1]
            spans.append((mention.start, mention.end))  # the one span of each part made
    return [dataclasses.replace(part, mentions=tuple(spans)) for part, spans in found.values()]


def part_shape(
    resolution: Resolution,
    context: Sequence[Resolution],
    rivers: RiverIndex,
    outlines: Outlines | None = None,
) -> Shape | None:
    """The area of "east Mosul", "western Anbar", "à l'ouest du pays", "la rive gauche du Tigre"."""
    mention, place = resolution.mention, resolution.place
    outlines = outlines or load_outlines()
    if mention.kind_hint not in PART_HINTS or not mention.side:
        return None
    if place.kind == "river":
        return bank_shape(resolution, context, rivers, outlines)
    if place.kind in ("region", "country", "county") and mention.side in COMPASS:
        return region_part_shape(resolution, outlines)
    if place.kind in ("city", "other"):
        return city_part_shape(resolution, rivers, outlines)
    return None


def city_part_shape(
    resolution: Resolution, rivers: RiverIndex, outlines: Outlines | None = None
) -> Shape | None:
    """The part of a city on one side: of its river when one runs through it, else of its centre."""
    mention, place = resolution.mention, resolution.place
    radius = city_radius_km(place.population)
    courses = rivers.rivers_near(place.lat, place.lon, radius)
    ring, split_by, outline = _city_side(place, mention.side, courses, outlines)
    if ring is None:
        return None
    area = _city_area(f"{mention.side} {place.name}", ring, mention, place, split_by, radius)
    return dataclasses.replace(area, properties={**area.properties, "outline": outline})


def _city_side(city, side: str, courses, outlines: Outlines | None) -> tuple:
    """``(ring, split_by, outline)`` of a city's side: cut by the first of ``courses`` (name,
    line) that crosses it, else by the compass (None for a bank without a river). The city is its
    Natural Earth urban area where it has one, else a disc sized by its population."""
    radius = city_radius_km(city.population)
    urban = (outlines or load_outlines()).urban_area(city.lat, city.lon)
    for name, course in courses:
        if urban is not None:
            ring = split_outline_by_river(city.point, urban, course, side)
            if ring is not None:
                return ring, name, "urban area"
        ring = split_city_by_river(city.point, course, side, radius)
        if ring is not None:
            return ring, name, "disc"
    if side not in COMPASS:
        return None, None, None  # a left or right bank needs a river
    if urban is not None:
        piece = main_piece(urban, city.point)
        return split_area_by_compass(piece, city.point, side), "compass", "urban area"
    return split_city_by_compass(city.point, side, radius), "compass", "disc"


def _city_area(name: str, ring, mention, city, split_by: str, radius: float) -> Shape:
    """An area that is part of a city, with what split it and how big the city was taken to be."""
    return Shape(
        kind="area",
        name=name,
        coords=tuple(ring),
        mentions=((mention.start, mention.end),),
        properties={
            "city": city.name,
            "side": mention.side,
            "split_by": split_by,
            "radius_km": round(radius, 1),
            "geonameid": city.geonameid,
        },
    )


def bank_shape(
    resolution: Resolution,
    context: Sequence[Resolution],
    rivers: RiverIndex,
    outlines: Outlines | None = None,
) -> Shape | None:
    """The area of "la rive gauche du Tigre": that bank at the article's biggest riverside town."""
    mention = resolution.mention
    course, river = rivers.course(resolution.place.name), rivers.name(resolution.place.name)
    if course is None:
        return None
    towns = [r.place for r in context if r.place.kind == "city"]
    on_river = [
        t for t in towns if course.distance(Point(t.lon, t.lat)) * KM_PER_DEG <= BANK_TOWN_KM
    ]
    if not on_river:
        return None
    city = max(on_river, key=lambda t: t.population)
    ring, _, outline = _city_side(city, mention.side, [(river, course)], outlines)
    if ring is None or outline is None:
        return None
    radius = city_radius_km(city.population)
    area = _city_area(f"{mention.side} bank {city.name}", ring, mention, city, river, radius)
    return Shape(
        area.kind,
        area.name,
        area.coords,
        area.mentions,
        {**area.properties, "river": river, "outline": outline},
    )


def region_part_shape(resolution: Resolution, outlines: Outlines | None = None) -> Shape:
    """The part of a region or country on one compass side, at region precision (ACLED 3)."""
    mention, place = resolution.mention, resolution.place
    ring, outline = split_region_by_compass(place, mention.side, outlines or load_outlines())
    return Shape(
        kind="area",
        name=f"{mention.side} {place.name}",
        coords=tuple(ring),
        mentions=((mention.start, mention.end),),
        properties={
            "region": place.name,
            "side": mention.side,
            "split_by": "compass",
            "outline": outline,
            "geo_precision": REGION_PRECISION,
            "country_code": place.country_code,
        },
    )


def place_rivers_near_story(
    resolutions: Sequence[Resolution], rivers: RiverIndex
) -> list[Resolution]:
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
            place = dataclasses.replace(
                resolution.place, lat=round(nearest.y, 5), lon=round(nearest.x, 5)
            )
            resolution = dataclasses.replace(resolution, place=place)
        result.append(resolution)
    return result
