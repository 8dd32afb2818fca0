"""Write division_points.csv: a point for each first-level region of regions.csv, from the
centroids the ``iso3166-2`` package (MIT) publishes for ISO 3166-2 subdivisions.

    .venv/bin/pip install -r data/requirements.txt
    .venv/bin/python data/build_division_points.py

A region of regions.csv is matched to the subdivision of its country whose name (or one of
its other names) folds like the region's name or one of its variants; a region that matches
none, or more than one, keeps its own point. The gazetteer reads the file at build time
(``geo.gazetteer.sources.regions``).
"""

from __future__ import annotations

import csv
import re
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from geo.datafiles import DATA_DIR, read_csv
from geo.gazetteer.folding import fold

OUT = DATA_DIR / "division_points.csv"
SOURCE = "iso3166-2 {version} (MIT): subdivision latLng"


def subdivision_names(entry: dict) -> set[str]:
    """The folded names of a subdivision: its name and its other names, without the language tags."""
    names = [entry.get("name") or ""]
    names += re.sub(r"\([a-z]{3}\)", "", entry.get("localOtherName") or "").split(",")
    return {fold(n.strip()) for n in names if n.strip()}


def main() -> None:
    from importlib.metadata import version

    import iso3166_2

    subdivisions = iso3166_2.Subdivisions()
    by_country: dict[str, dict[str, set[str]]] = defaultdict(dict)
    points: dict[str, tuple[float, float]] = {}
    for country, entries in subdivisions.all.items():
        for code, entry in entries.items():
            if entry.get("latLng") and entry.get("parentCode") is None:
                by_country[country][code] = subdivision_names(entry)
                points[code] = tuple(entry["latLng"])
    rows = []
    for region in read_csv(DATA_DIR / "regions.csv"):
        names = {fold(n) for n in [region["name"], *region["names"].split("|")] if n}
        found = [
            code
            for code, known in by_country.get(region["country_code"], {}).items()
            if names & known
        ]
        if len(found) == 1:
            lat, lon = points[found[0]]
            rows.append(
                {
                    "adm1_code": region["adm1_code"],
                    "iso_3166_2": found[0],
                    "lat": round(float(lat), 4),
                    "lon": round(float(lon), 4),
                    "source": SOURCE.format(version=version("iso3166-2")),
                }
            )
    with OUT.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    print(f"{len(rows)} regions placed at their ISO 3166-2 centroid in {OUT}")


if __name__ == "__main__":
    main()
