"""Parts of regions and countries: "western Anbar", "à l'ouest du pays".

Natural Earth's extracts in ``data/`` hold no region or country polygons, so the whole is
approximated: a country by the convex hull of its land borders when they enclose an area (Iraq,
Syria), otherwise a disc around the place's point. The part is that whole cut through the
place's point, and it is only ever as precise as a region: ACLED ``geo_precision`` 3.
"""

from __future__ import annotations

import math

from shapely.geometry import Point, Polygon
from shapely.ops import unary_union

from geo.model import LatLon, Place
from geo.shapes.city_parts import COMPASS, check_side
from geo.shapes.river_index import RiverIndex

REGION_PRECISION = 3
KM_PER_DEG_LAT = 110.57
DEFAULT_RADIUS_KM = {"country": 300.0, "region": 100.0, "county": 25.0}
# A coastal country's border hull may be a sliver: below this share of the disc it is not used.
MIN_HULL_SHARE = 0.2


def country_outline(country_code: str, rivers: RiverIndex) -> Polygon | None:
    """The convex hull of a country's land borders, in (lon, lat); None if they enclose no area."""
    lines = list(rivers.borders_of(country_code).values())
    if not lines:
        return None
    hull = unary_union(lines).convex_hull
    return hull if hull.geom_type == "Polygon" else None


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


def region_whole(place: Place, rivers: RiverIndex) -> tuple[Polygon, str]:
    """The area a region part is cut from, and how it was obtained ("land borders" or "disc")."""
    radius = DEFAULT_RADIUS_KM.get(place.kind, DEFAULT_RADIUS_KM["region"])
    disc = approximate_disc(place.point, radius)
    if place.kind == "country" and place.country_code:
        hull = country_outline(place.country_code, rivers)
        if (
            hull is not None
            and hull.contains(Point(place.lon, place.lat))
            and hull.area >= MIN_HULL_SHARE * disc.area
        ):
            return hull, "land borders"
    return disc, "disc"


def split_region_by_compass(
    place: Place, side: str, rivers: RiverIndex
) -> tuple[list[LatLon], str]:
    """A region's or country's part on one compass side ((lat, lon) ring), and the outline used."""
    whole, outline = region_whole(place, rivers)
    return split_area_by_compass(whole, place.point, side), outline


def region_part_point(ring: list[LatLon]) -> LatLon:
    """A representative point of a region part (its centroid), to place it as a point."""
    centre = Polygon([(lon, lat) for lat, lon in ring]).centroid
    return (centre.y, centre.x)
