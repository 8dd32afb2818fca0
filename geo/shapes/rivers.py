"""River courses and land borders from ``data/``, as shapely lines in (lon, lat) order.

River lines run downstream (Natural Earth digitises them from source to mouth), so the
left bank is on the left when facing downstream.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from shapely.geometry import LineString, Point, shape
from shapely.strtree import STRtree

from geo.gazetteer.names import fold

DATA_DIR = Path(__file__).resolve().parents[2] / "data"
JOIN_TOLERANCE_DEG = 0.05
MIN_PIECE_DEG = 0.02


class RiverIndex:
    """Rivers by name and by place, and land borders by pair of countries."""

    def __init__(self, rivers: dict[str, LineString], borders: dict[frozenset, object]):
        self._rivers = rivers
        self._names = list(rivers)
        self._tree = STRtree([rivers[n] for n in self._names])
        self._borders = borders

    def course(self, name: str) -> LineString | None:
        """The main stem of a river, downstream, by any of its names."""
        return self._rivers.get(fold(name))

    def border(self, country_a: str, country_b: str):
        """The land border line between two countries (ISO alpha-2), or None."""
        return self._borders.get(frozenset((country_a, country_b)))

    def rivers_near(self, lat: float, lon: float, degrees: float) -> list[LineString]:
        """River courses passing within ``degrees`` of a point, nearest first."""
        point = Point(lon, lat)
        hits = self._tree.query(point.buffer(degrees))
        lines = [self._tree.geometries[i] for i in hits]
        return sorted(lines, key=point.distance)


def main_stem(geometry) -> LineString:
    """Chain a river's pieces into one downstream line, starting from the longest piece."""
    pieces = [g for g in getattr(geometry, "geoms", [geometry]) if g.length >= MIN_PIECE_DEG]
    if not pieces:
        return LineString(geometry.geoms[0]) if hasattr(geometry, "geoms") else geometry
    pieces.sort(key=lambda g: -g.length)
    coords = list(pieces[0].coords)
    rest = pieces[1:]
    joined = True
    while joined and rest:
        joined = False
        for piece in rest:
            head, tail = piece.coords[0], piece.coords[-1]
            if Point(head).distance(Point(coords[-1])) < JOIN_TOLERANCE_DEG:
                coords.extend(piece.coords[1:])
            elif Point(tail).distance(Point(coords[0])) < JOIN_TOLERANCE_DEG:
                coords[:0] = piece.coords[:-1]
            else:
                continue
            rest.remove(piece)
            joined = True
            break
    return LineString(coords)


@cache
def load_rivers(data_dir: Path = DATA_DIR) -> RiverIndex:
    """The river and border index of ``data/rivers.geojson`` and ``data/borders.geojson``."""
    rivers: dict[str, LineString] = {}
    for feature in json.loads((data_dir / "rivers.geojson").read_text("utf-8"))["features"]:
        stem = main_stem(shape(feature["geometry"]))
        for name in feature["properties"].get("names") or [feature["properties"]["name"]]:
            rivers.setdefault(fold(name), stem)
    borders = {}
    for feature in json.loads((data_dir / "borders.geojson").read_text("utf-8"))["features"]:
        borders[frozenset(feature["properties"]["countries"])] = shape(feature["geometry"])
    return RiverIndex(rivers, borders)
