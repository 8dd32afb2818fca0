"""Write ``first_names.json``: the given names of the US Census Bureau's 1990 name frequency lists.

    .venv/bin/python data/build_first_names.py

The lists (public domain, a work of the US government) are read from the ``names`` package
(pinned in ``data/requirements.txt``), which ships them unchanged. A name is kept when at
least one person in ten thousand bears it (0.01%), male or female list alike.
"""

from __future__ import annotations

import json
from importlib.resources import files
from pathlib import Path

MIN_PERCENT = 0.01
OUT = Path(__file__).resolve().parent / "first_names.json"


def frequent_names(listing: str) -> set[str]:
    """Names of one Census list (name, percent, cumulative percent, rank) at or above MIN_PERCENT."""
    found = set()
    for line in listing.splitlines():
        cells = line.split()
        if len(cells) == 4 and float(cells[1]) >= MIN_PERCENT:
            found.add(cells[0].capitalize())
    return found


def main() -> None:
    package = files("names")
    kept = set()
    for listing in ("dist.male.first", "dist.female.first"):
        kept |= frequent_names(package.joinpath(listing).read_text(encoding="utf-8"))
    data = {
        "_about": "Given names borne by at least 0.01% of the people of the US Census Bureau's 1990"
        " name frequency lists (public domain), written by data/build_first_names.py.",
        "names": sorted(kept),
    }
    OUT.write_text(json.dumps(data, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"{len(kept)} names written to {OUT}")


if __name__ == "__main__":
    main()
