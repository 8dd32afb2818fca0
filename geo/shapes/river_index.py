"""River courses and land borders from ``data/``, as shapely lines in (lon, lat) order.

``data/rivers.geojson`` stores each river's main stem downstream: the LineString itself, or the
first line of a MultiLineString (the other lines are branches and pieces that do not join it).
So the left bank is on the left when facing along the line. See ``data/README.md``.
"""

from __future__ import annotations

from functools import cache, cached_property
from pathlib import Path

from shapely.geometry import LineString, Point, shape
from shapely.strtree import STRtree

from geo.datafiles import DATA_DIR, read_geojson
from geo.errors import DataFileError
from geo.gazetteer.folding import fold

KM_PER_DEG = 111.2


class RiverIndex:
    """Rivers by any of their names and by place, and land borders by country."""

    def __init__(
        self,
        rivers: dict[str, LineString],
        aliases: dict[str, str],
        borders: dict[frozenset, object],
    ):
        self._rivers = rivers
        self._aliases = aliases
        self._borders = borders

    @cached_property
    def _names(self) -> list[str]:
        return list(self._rivers)

    @cached_property
    def _tree(self) -> STRtree:
        """The courses by place, built when a place is first asked about."""
        return STRtree([self._rivers[n] for n in self._names])

    def warm_up(self) -> RiverIndex:
        """Build now what is otherwise built on first use (the files read, the courses' tree),
        for a server or a worker that starts before its first article."""
        _ = self._tree, self._borders, self._aliases
        return self

    def name(self, any_name: str) -> str | None:
        """The English name of a river known under ``any_name`` ("Euphrate" -> "Euphrates")."""
        return self._aliases.get(fold(any_name))

    def course(self, any_name: str) -> LineString | None:
        """The main stem of a river, downstream, by any of its names."""
        name = self.name(any_name)
        return self._rivers[name] if name else None

    def border(self, country_a: str, country_b: str):
        """The land border line between two countries (ISO alpha-2), or None."""
        return self._borders.get(frozenset((country_a.upper(), country_b.upper())))

    def borders_of(self, country: str) -> dict[tuple[str, str], object]:
        """Every land border of a country (ISO alpha-2), by the pair of countries it separates."""
        code = country.upper()
        return {tuple(sorted(pair)): line for pair, line in self._borders.items() if code in pair}

    def rivers_near(self, lat: float, lon: float, km: float) -> list[tuple[str, LineString]]:
        """``(name, course)`` of the rivers passing within ``km`` of a point, nearest first."""
        point = Point(lon, lat)
        hits = self._tree.query(point.buffer(km / KM_PER_DEG))
        found = [(self._names[i], self._rivers[self._names[i]]) for i in hits]
        return sorted(
            (f for f in found if f[1].distance(point) * KM_PER_DEG <= km),
            key=lambda f: f[1].distance(point),
        )


def main_stem(geometry) -> LineString:
    """The downstream main stem stored in a river feature: the line, or the first of several."""
    return LineString(geometry.geoms[0]) if geometry.geom_type == "MultiLineString" else geometry


class _RiversInFiles(RiverIndex):
    """The index of two GeoJSON files, read when first asked for: an article that names no
    river, no border and no part of a place does not wait for them."""

    def __init__(self, rivers: Path, borders: Path) -> None:
        for path in (rivers, borders):
            if not path.is_file():
                raise DataFileError(f"cannot read {path}: no such file")
        self._files = rivers, borders

    @cached_property
    def _made(self) -> tuple[dict, dict, dict]:
        return _index(*(read_geojson(path) for path in self._files))

    @cached_property
    def _rivers(self) -> dict[str, LineString]:
        return self._made[0]

    @cached_property
    def _aliases(self) -> dict[str, str]:
        return self._made[1]

    @cached_property
    def _borders(self) -> dict[frozenset, object]:
        return self._made[2]


@cache
def load_rivers(data_dir: Path = DATA_DIR) -> RiverIndex:
    """The river and border index of ``rivers.geojson`` and ``borders.geojson`` in ``data_dir``
    (a missing file is an error at once, a malformed one when the index is first used)."""
    return _RiversInFiles(Path(data_dir) / "rivers.geojson", Path(data_dir) / "borders.geojson")


def _index(features: list[dict], border_features: list[dict]) -> tuple[dict, dict, dict]:
    """Rivers by name, their names by folded alias, and borders by pair of countries."""
    rivers = {f["properties"]["name"]: main_stem(shape(f["geometry"])) for f in features}
    aliases = {fold(name): name for name in rivers}  # a river's own name wins over another's alias
    for feature in features:
        for alias in feature["properties"].get("names") or ():
            aliases.setdefault(fold(alias), feature["properties"]["name"])
    borders = {}
    for feature in border_features:
        borders[frozenset(feature["properties"]["countries"])] = shape(feature["geometry"])
    return rivers, aliases, borders
