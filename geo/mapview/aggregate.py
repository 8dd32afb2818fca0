"""Many points: above ``AGGREGATE_ABOVE`` places, points are grouped in grid cells of ``CELL_DEG``
degrees, each drawn as one marker sized by its count and coloured by its most frequent event type.

Up to the threshold every place is its own marker in one GeoJSON layer (10,000 draw in about a
second); past it a map of 100,000 stays usable. Timeline pages do not group: a cell has no date.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from typing import Any

from geo.schema import Feature, event_type_of, properties

AGGREGATE_ABOVE = 20_000
CELL_DEG = 0.25


def aggregate_points(points: Sequence[Feature], cell_deg: float = CELL_DEG) -> list[dict[str, Any]]:
    """One feature per grid cell: the mean position, the count, and the most frequent event type."""
    cells: dict[tuple[int, int], list] = defaultdict(list)
    for feature in points:
        lon, lat = feature["geometry"]["coordinates"]
        cells[(int(lat // cell_deg), int(lon // cell_deg))].append(feature)
    grouped = []
    for key, members in cells.items():
        lons = [f["geometry"]["coordinates"][0] for f in members]
        lats = [f["geometry"]["coordinates"][1] for f in members]
        types = Counter(event_type_of(properties(f)) for f in members)
        names = Counter(properties(f).get("name") for f in members)
        grouped.append(
            {
                "type": "Feature",
                "id": f"cell-{key[0]}-{key[1]}",
                "geometry": {
                    "type": "Point",
                    "coordinates": [sum(lons) / len(lons), sum(lats) / len(lats)],
                },
                "properties": {
                    "name": f"{len(members):,} events near {names.most_common(1)[0][0]}",
                    "event_type": types.most_common(1)[0][0],
                    "count": len(members),
                    "confidence": 1.0,
                    "geo_precision": 1,
                },
            }
        )
    return grouped
