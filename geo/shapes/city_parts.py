"""Parts of a city: the half on one side of its river, or of its centre without a river."""

from __future__ import annotations

import math

from shapely.geometry import LineString, Point, Polygon
from shapely.ops import split

from geo.errors import InputError
from geo.model import LatLon

KM_PER_DEG_LAT = 110.57
COMPASS = {
    "north": (0, 1),
    "south": (0, -1),
    "east": (1, 0),
    "west": (-1, 0),
    "northeast": (1, 1),
    "northwest": (-1, 1),
    "southeast": (1, -1),
    "southwest": (-1, -1),
}
BANKS = ("left", "right")  # facing downstream


def check_side(side: str, allowed=(*COMPASS, *BANKS)) -> str:
    """The side itself when it is one this module knows; InputError otherwise."""
    if side not in allowed:
        raise InputError(f"unknown side {side!r}; expected one of {', '.join(allowed)}")
    return side


def city_radius_km(population: int) -> float:
    """A rough radius of a city's built-up area from its population (2 km to 15 km)."""
    return max(2.0, min(15.0, 1.5 + 3.5 * math.log10(max(population, 1e4) / 1e4)))


def _local_frame(center: LatLon):
    """Functions between (lon, lat) degrees and kilometres east/north of ``center``."""
    kx = KM_PER_DEG_LAT * math.cos(math.radians(center[0]))

    def to_km(x: float, y: float) -> tuple[float, float]:
        return ((x - center[1]) * kx, (y - center[0]) * KM_PER_DEG_LAT)

    def to_deg(x: float, y: float) -> tuple[float, float]:
        return (center[1] + x / kx, center[0] + y / KM_PER_DEG_LAT)

    return to_km, to_deg


def _ring(polygon: Polygon, to_deg) -> list[LatLon]:
    """The exterior of a polygon in local kilometres as a closed ring of (lat, lon)."""
    return [(lat, lon) for lon, lat in (to_deg(x, y) for x, y in polygon.exterior.coords)]


def split_city_by_compass(center: LatLon, side: str, radius_km: float) -> list[LatLon]:
    """The half of a city disc on one side of its centre: ``side`` is a compass direction."""
    _, to_deg = _local_frame(center)
    dx, dy = COMPASS[check_side(side, tuple(COMPASS))]
    disc = Point(0, 0).buffer(radius_km, 32)
    return _ring(disc.intersection(_halfplane(dx, dy, radius_km)), to_deg)


def _halfplane(dx: float, dy: float, radius_km: float) -> Polygon:
    """The half-plane of points p with p·(dx, dy) >= 0, clipped to a large square."""
    r = 4 * radius_km
    norm = math.hypot(dx, dy)
    ux, uy = dx / norm, dy / norm
    px, py = -uy, ux
    return Polygon(
        [
            (px * r, py * r),
            (px * r + ux * r, py * r + uy * r),
            (-px * r + ux * r, -py * r + uy * r),
            (-px * r, -py * r),
        ]
    )


def split_city_by_river(
    center: LatLon, course: LineString, side: str, radius_km: float
) -> list[LatLon] | None:
    """The part of a city disc on one side of its river; None when the river misses the disc.

    ``side`` is a compass direction or ``left``/``right`` (banks facing downstream).
    """
    check_side(side)
    to_km, to_deg = _local_frame(center)
    river = LineString([to_km(x, y) for x, y in course.coords])
    best = _side_of_river(Point(0, 0).buffer(radius_km, 32), river, side)
    return None if best is None else _ring(best, to_deg)


def split_outline_by_river(
    center: LatLon, outline: Polygon, course: LineString, side: str
) -> list[LatLon] | None:
    """The part of a city's outline (lon, lat) on one side of its river; None if it does not cross."""
    check_side(side)
    to_km, to_deg = _local_frame(center)
    river = LineString([to_km(x, y) for x, y in course.coords])
    local = Polygon(
        [to_km(x, y) for x, y in outline.exterior.coords],
        [[to_km(x, y) for x, y in hole.coords] for hole in outline.interiors],
    )
    best = _side_of_river(local, river, side)
    return None if best is None else _ring(best, to_deg)


def _side_of_river(area: Polygon, river: LineString, side: str) -> Polygon | None:
    """The biggest piece of an area (local km) on one side of a river crossing it, or None."""
    if not river.intersects(area):
        return None
    pieces = [p for p in split(area, river).geoms if p.area > 0.05 * area.area]
    if len(pieces) < 2:
        return None
    direction = _side_vector(side, river)
    scores = [p.centroid.x * direction[0] + p.centroid.y * direction[1] for p in pieces]
    mean = sum(scores) / len(scores)
    on_side = [p for p, score in zip(pieces, scores, strict=True) if score > mean]
    return max(on_side, key=lambda p: p.area) if on_side else None


def _side_vector(side: str, river: LineString) -> tuple[float, float]:
    """The direction of a side: a compass vector, or the left/right of the downstream flow."""
    if side in COMPASS:
        return COMPASS[side]
    a = river.interpolate(river.project(Point(0, 0)) - 1)
    b = river.interpolate(river.project(Point(0, 0)) + 1)
    fx, fy = b.x - a.x, b.y - a.y
    return (-fy, fx) if side == "left" else (fy, -fx)
