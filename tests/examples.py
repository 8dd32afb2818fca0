"""Small stored features written for the tests: a place event at Mosul by default."""

from __future__ import annotations

from typing import Any


def point_feature(
    fid: str,
    start: str | None = "2017-01-05",
    end: str | None = None,
    event_type: str | None = "Battles",
    lat: float = 36.3,
    lon: float = 43.1,
    **properties: Any,
) -> dict[str, Any]:
    """A stored place feature; ``start=None`` makes it undated, ``event_type=None`` typeless."""
    props: dict[str, Any] = {"feature_type": "place", "name": fid}
    if start:
        props.update(start=start, end=end or start)
    if event_type:
        props["event_type"] = event_type
    return {
        "type": "Feature",
        "id": fid,
        "geometry": {"type": "Point", "coordinates": [lon, lat]},
        "properties": {**props, **properties},
    }
