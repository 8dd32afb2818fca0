"""Routes along rivers: the stretch of a river's course between two places."""

from __future__ import annotations

from shapely.geometry import LineString, Point
from shapely.ops import substring

from geo.model import LatLon


def route_along_river(course: LineString, start: LatLon, end: LatLon) -> list[LatLon]:
    """The river's course between the points nearest to ``start`` and ``end``, as (lat, lon)."""
    a = course.project(Point(start[1], start[0]))
    b = course.project(Point(end[1], end[0]))
    stretch = substring(course, min(a, b), max(a, b))
    coords = [(lat, lon) for lon, lat in getattr(stretch, "coords", [])]
    if a > b:
        coords.reverse()
    return coords


def river_border_crossing(course: LineString, border, near: LatLon | None = None) -> LatLon | None:
    """Where a river crosses a border line, computed from both geometries; None if it does not.

    A river that ends on the border (Natural Earth splits some rivers there) meets it at its end.
    Where it crosses several times, the crossing nearest to ``near`` along the river wins.
    """
    if border is None:
        return None
    crossing = course.intersection(border)
    if crossing.is_empty:
        gap = course.distance(border)
        if gap > 0.02:
            return None
        nearest = min((Point(c) for c in course.coords), key=border.distance)
        return (nearest.y, nearest.x)
    points = [crossing] if crossing.geom_type == "Point" else list(getattr(crossing, "geoms", []))
    points = [p if p.geom_type == "Point" else p.representative_point() for p in points] or [
        crossing.representative_point()
    ]
    if near is not None:
        origin = course.project(Point(near[1], near[0]))
        points.sort(key=lambda p: abs(course.project(p) - origin))
    return (points[0].y, points[0].x)
