"""Small features written for the map tests: a town, a river route and the two halves of a city."""

from __future__ import annotations

from typing import Any


def place(fid: str, lon: float, lat: float, **props: Any) -> dict[str, Any]:
    """A place feature dated 5 January 2017, with ``props`` overriding the defaults."""
    base = {
        "name": fid,
        "event_type": "Battles",
        "start": "2017-01-05",
        "end": "2017-01-05",
        "confidence": 0.9,
        "geo_precision": 1,
        "title": "A test article",
        "url": "https://news.example.org/a",
    }
    return {
        "type": "Feature",
        "id": fid,
        "geometry": {"type": "Point", "coordinates": [lon, lat]},
        "properties": {**base, **props},
    }


def area(fid: str, ring: list[list[float]], **props: Any) -> dict[str, Any]:
    """An area feature (a closed ring of [lon, lat])."""
    base = {
        "name": fid,
        "event_type": "Strategic developments",
        "start": "2017-01-05",
        "end": "2017-01-05",
    }
    return {
        "type": "Feature",
        "id": fid,
        "geometry": {"type": "Polygon", "coordinates": [ring]},
        "properties": {**base, **props},
    }


TOWN = place("town", 43.12, 36.34, quote="Fighting went on in the old town.")
ROUTE = {
    "type": "Feature",
    "id": "route",
    "geometry": {"type": "LineString", "coordinates": [[42.35, 34.2], [41.0, 34.43]]},
    "properties": {
        "name": "along the river",
        "event_type": "Battles",
        "start": "2017-01-05",
        "end": "2017-01-06",
    },
}
WEST_HALF = area(
    "west-half",
    [[43.0, 36.3], [43.1, 36.3], [43.1, 36.4], [43.0, 36.3]],
    control="Islamic State",
)
EAST_HALF = area(
    "east-half",
    [[43.1, 36.3], [43.2, 36.3], [43.2, 36.4], [43.1, 36.3]],
    event_type="Battles",
    control="contested",
)
FEATURES = [TOWN, ROUTE, WEST_HALF, EAST_HALF]
