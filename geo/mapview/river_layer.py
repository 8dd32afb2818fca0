"""Rivers as context under the events: the courses of the rivers the features name."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import folium
from shapely.geometry import mapping

from geo.schema import Feature, properties
from geo.shapes import RiverIndex

RIVER_STYLE = {"color": "#5b9bd5", "weight": 2.5, "opacity": 0.9}


def rivers_named(features: Iterable[Feature], rivers: RiverIndex) -> list[dict[str, Any]]:
    """GeoJSON lines of the rivers that the features are about (river places and routes along rivers)."""
    names = set()
    for feature in features:
        p = properties(feature)
        if p.get("kind") == "river" and p.get("name"):
            names.add(p["name"])
        if p.get("river"):
            names.add(p["river"])
    lines = []
    for name in sorted(names):
        course = rivers.course(name)
        if course is not None:
            lines.append(
                {"type": "Feature", "geometry": mapping(course), "properties": {"name": name}}
            )
    return lines


def add_river_layer(fmap: folium.Map, lines: list[dict[str, Any]]) -> None:
    """Draw river lines as a quiet, non-interactive layer under the events."""
    if not lines:
        return
    layer = folium.FeatureGroup(name="Rivers")
    folium.GeoJson(
        {"type": "FeatureCollection", "features": lines},
        style_function=lambda _: RIVER_STYLE,
        interactive=False,
        tooltip=None,
    ).add_to(layer)
    layer.add_to(fmap)
