"""Outlines that parts of places are cut from: countries, first-level regions, urban areas.

All three come from Natural Earth through ``data/build_boundaries.py`` (see ``data/README.md``):
``countries.geojson`` (every country, by ISO alpha-2 code), ``admin1.geojson`` (the regions of
the Middle East and its neighbours, by Natural Earth ``adm1_code``) and ``urban_areas.geojson``.
Geometries are shapely, in (lon, lat) order. The files are read when a part is first asked for.
"""

from __future__ import annotations

from functools import cache, cached_property
from pathlib import Path

from shapely.geometry import Point, shape
from shapely.geometry.base import BaseGeometry
from shapely.strtree import STRtree

from geo.datafiles import DATA_DIR, read_geojson
from geo.gazetteer.folding import fold
from geo.model import Place

KM_PER_DEG = 111.2
# A city's point may sit just outside its urban outline (a label point, a river island).
URBAN_REACH_KM = 2.0


def _valid(geometry: BaseGeometry) -> BaseGeometry:
    """The geometry itself, or its repair when simplification left it self-touching."""
    return geometry if geometry.is_valid else geometry.buffer(0)


class Outlines:
    """Country, region and urban-area polygons, looked up by code, by place and by point."""

    def __init__(self, data_dir: Path = DATA_DIR):
        self._dir = Path(data_dir)

    @cached_property
    def _countries(self) -> dict[str, dict]:
        """Each country's GeoJSON geometry: made into a shape only when asked for (most never are)."""
        features = read_geojson(self._dir / "countries.geojson")
        return {f["properties"]["iso_a2"]: f["geometry"] for f in features}

    @cached_property
    def _country_shapes(self) -> dict[str, BaseGeometry]:
        return {}

    @cached_property
    def _regions(self) -> tuple[dict[str, BaseGeometry], dict[tuple[str, str], str]]:
        by_code, by_name = {}, {}
        for f in read_geojson(self._dir / "admin1.geojson"):
            p = f["properties"]
            by_code[p["adm1_code"]] = _valid(shape(f["geometry"]))
            by_name[(p.get("iso_a2") or "", fold(p["name"]))] = p["adm1_code"]
        return by_code, by_name

    @cached_property
    def _urban(self) -> tuple[list[BaseGeometry], STRtree]:
        areas = [
            _valid(shape(f["geometry"])) for f in read_geojson(self._dir / "urban_areas.geojson")
        ]
        return areas, STRtree(areas)

    def country(self, code: str | None) -> BaseGeometry | None:
        """A country's land, by ISO 3166-1 alpha-2 code; None when unknown."""
        code = (code or "").upper()
        if code not in self._country_shapes and code in self._countries:
            self._country_shapes[code] = _valid(shape(self._countries[code]))
        return self._country_shapes.get(code)

    def region(self, place: Place) -> BaseGeometry | None:
        """A first-level region's polygon, by its Natural Earth code or its name and country."""
        by_code, by_name = self._regions
        code = place.raw.get("adm1_code")
        if code in by_code:
            return by_code[code]
        code = by_name.get((place.country_code or "", fold(place.name)))
        return by_code.get(code) if code else None

    def urban_area(self, lat: float, lon: float) -> BaseGeometry | None:
        """The urban area a city's point lies in (or within 2 km of); None when there is none."""
        areas, tree = self._urban
        point = Point(lon, lat)
        reach = URBAN_REACH_KM / KM_PER_DEG
        hits = [areas[i] for i in tree.query(point.buffer(reach))]
        near = [a for a in hits if a.distance(point) <= reach]
        return min(near, key=lambda a: a.distance(point), default=None)


@cache
def load_outlines(data_dir: Path = DATA_DIR) -> Outlines:
    """The outlines of ``data_dir`` (each file read on first use)."""
    return Outlines(data_dir)
