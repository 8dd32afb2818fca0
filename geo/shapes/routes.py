"""Routes along rivers: a river's course between two places, and where it crosses a border."""

from __future__ import annotations

from shapely.geometry import LineString, Point
from shapely.geometry.base import BaseGeometry
from shapely.ops import substring

from geo.errors import InputError
from geo.model import LatLon, haversine_km

# A river that Natural Earth stops at a border still "crosses" it when its end lies this close.
END_ON_BORDER_KM = 2.0


def _point(latlon: LatLon) -> Point:
    lat, lon = latlon
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise InputError(f"not a (lat, lon) pair: {latlon!r}")
    return Point(lon, lat)


def nearest_on_river(course: LineString, place: LatLon) -> LatLon:
    """The point of the river's course nearest to a place."""
    at = course.interpolate(course.project(_point(place)))
    return (at.y, at.x)


def km_from_river(course: LineString, place: LatLon) -> float:
    """How far a place lies from the river's course, in kilometres."""
    return haversine_km(place, nearest_on_river(course, place))


def route_along_river(course: LineString, start: LatLon, end: LatLon) -> list[LatLon]:
    """The river's course between the points nearest to ``start`` and ``end``, as (lat, lon)."""
    if course.geom_type != "LineString":
        raise InputError(f"a river course must be one LineString, not a {course.geom_type}")
    a = course.project(_point(start))
    b = course.project(_point(end))
    stretch = substring(course, min(a, b), max(a, b))
    coords = [(lat, lon) for lon, lat in stretch.coords]
    return coords[::-1] if a > b else coords


def river_border_crossing(
    course: LineString, border_lines, near: LatLon | None = None
) -> LatLon | None:
    """Where a river crosses a border, computed from the border lines; None if it never meets them.

    ``border_lines`` is one (multi)line or several. Where the river crosses more than once, the
    crossing nearest to ``near`` along the river wins (else the most upstream one).
    """
    if border_lines is None:
        return None
    lines = [border_lines] if isinstance(border_lines, BaseGeometry) else list(border_lines)
    points = [p for line in lines if line is not None for p in _crossings(course, line)]
    if not points:
        return None
    origin = course.project(_point(near)) if near is not None else 0.0
    best = min(points, key=lambda p: abs(course.project(p) - origin))
    return (best.y, best.x)


def _crossings(course: LineString, line) -> list[Point]:
    """The points where a river meets one border line, or its end when it stops on the border."""
    crossing = course.intersection(line)
    if crossing.is_empty:
        ends = [Point(course.coords[0]), Point(course.coords[-1])]
        return [e for e in ends if haversine_km((e.y, e.x), _nearest(line, e)) <= END_ON_BORDER_KM]
    parts = getattr(crossing, "geoms", [crossing])
    return [p if p.geom_type == "Point" else p.representative_point() for p in parts]


def _nearest(line, point: Point) -> LatLon:
    at = line.interpolate(line.project(point))
    return (at.y, at.x)
