"""Parts of regions and countries: "western Anbar", "à l'ouest du pays".

A part is cut from the outline of its whole, so that it never spills over a border the text does
not cross: a country from its Natural Earth admin-0 polygon, a first-level region from its
admin-1 polygon; a region without a polygon from a disc around its point, clipped to its
country. "The west of X" is the half of X's outline west of a line through its centroid (of
the piece of the outline the place's point lies on: mainland France, not French Guiana). A part
is only ever as precise as a region: ACLED ``geo_precision`` 3.
"""

from __future__ import annotations

import math

from shapely.geometry import Point, Polygon
from shapely.geometry.base import BaseGeometry

from geo.model import LatLon, Place
from geo.shapes.city_parts import COMPASS, check_side
from geo.shapes.outlines import Outlines

REGION_PRECISION = 3
KM_PER_DEG_LAT = 110.57
DEFAULT_RADIUS_KM = {"country": 300.0, "region": 100.0, "county": 25.0}


def approximate_disc(center: LatLon, radius_km: float) -> Polygon:
    """A disc of ``radius_km`` around a point, in (lon, lat) degrees."""
    kx = KM_PER_DEG_LAT * math.cos(math.radians(center[0]))
    circle = Point(0, 0).buffer(1.0, 32)
    return Polygon(
        [
            (center[1] + x * radius_km / kx, center[0] + y * radius_km / KM_PER_DEG_LAT)
            for x, y in circle.exterior.coords
        ]
    )


def main_piece(outline: BaseGeometry, center: LatLon) -> Polygon:
    """The polygon of an outline that holds (or is nearest to) a point: the mainland of a country."""
    pieces = list(getattr(outline, "geoms", [outline]))
    point = Point(center[1], center[0])
    holding = [p for p in pieces if p.contains(point)]
    if holding:
        return holding[0]
    return min(pieces, key=lambda p: (round(p.distance(point), 1), -p.area))


def split_area_by_compass(area: Polygon, center: LatLon, side: str) -> list[LatLon]:
    """The part of an area (lon, lat) on one compass side of ``center``, as a (lat, lon) ring."""
    dx, dy = COMPASS[check_side(side, tuple(COMPASS))]
    minx, miny, maxx, maxy = area.bounds
    reach = 2 * max(maxx - minx, maxy - miny, 1.0)
    norm = math.hypot(dx, dy)
    ux, uy = dx / norm * reach, dy / norm * reach
    px, py = -uy, ux
    x0, y0 = center[1], center[0]
    half = Polygon(
        [
            (x0 + px, y0 + py),
            (x0 + px + ux, y0 + py + uy),
            (x0 - px + ux, y0 - py + uy),
            (x0 - px, y0 - py),
        ]
    )
    part = area.intersection(half)
    if part.geom_type != "Polygon":
        part = max(getattr(part, "geoms", [part]), key=lambda g: g.area)
    return [(lat, lon) for lon, lat in part.exterior.coords]


def region_whole(place: Place, outlines: Outlines) -> tuple[Polygon, str]:
    """The outline a part of ``place`` is cut from, and what it is."""
    country = outlines.country(place.country_code)
    if place.kind == "country" and country is not None:
        return main_piece(country, place.point), "country outline"
    region = outlines.region(place) if place.kind == "region" else None
    if region is not None and country is not None:
        region = region.intersection(country)  # the two files are simplified apart
    if region is not None and not region.is_empty:
        return main_piece(region, place.point), "region outline"
    radius = DEFAULT_RADIUS_KM.get(place.kind, DEFAULT_RADIUS_KM["region"])
    disc = approximate_disc(place.point, radius)
    if country is not None and country.intersects(disc):
        return main_piece(disc.intersection(country), place.point), "disc within country"
    return disc, "disc"


def split_region_by_compass(
    place: Place, side: str, outlines: Outlines
) -> tuple[list[LatLon], str]:
    """A region's or country's part on one compass side ((lat, lon) ring), and the outline used."""
    whole, outline = region_whole(place, outlines)
    centre = whole.centroid
    return split_area_by_compass(whole, (centre.y, centre.x), side), outline


def region_part_point(ring: list[LatLon]) -> LatLon:
    """A representative point of a region part (its centroid), to place it as a point."""
    centre = Polygon([(lon, lat) for lat, lon in ring]).centroid
    return (centre.y, centre.x)
