"""The control layer: each place and area in the colour of who holds it on the timeline's end date.

The statements are chosen by ``geo.view.front`` (the latest known on that day); this module only
draws them: areas filled, places ringed (the ring leaves the event's own marker visible inside).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from typing import Any

import folium

from geo.mapview.layers import add_feature_layer
from geo.mapview.style import VAGUE_PRECISION, control_colour, control_key
from geo.schema import properties
from geo.view.front import control_features


def control_class(feature: Mapping[str, Any]) -> str:
    """A CSS class naming who holds a feature (``gm-control-islamic-state``), for tests and styling."""
    slug = re.sub(r"[^a-z0-9]+", "-", control_key(properties(feature)).lower()).strip("-")
    return f"gm-control gm-control-{slug}"


def control_style(feature: dict[str, Any]) -> dict[str, Any]:
    """An area filled, a place ringed, in the colour of who holds it."""
    p = properties(feature)
    colour = control_colour(p)
    style = {"color": colour, "opacity": 0.95, "className": control_class(feature)}
    if feature["geometry"]["type"] == "Point":
        return {**style, "weight": 4, "fill": False, "radius": 12}
    if (
        p.get("geo_precision") == VAGUE_PRECISION
    ):  # "the west of the country": a hint, no front line
        return {**style, "weight": 2, "fillColor": colour, "fillOpacity": 0.2, "dashArray": "6 4"}
    return {**style, "weight": 3, "fillColor": colour, "fillOpacity": 0.45}


def control_layer_name(day: dt.date) -> str:
    """The layer's name in the layer switch: it says which day it shows."""
    return f"Control on {day.isoformat()}"


def control_layer(
    features: Sequence[Mapping[str, Any]], day: dt.date
) -> folium.FeatureGroup | None:
    """The control layer of ``features`` on ``day``; None when no statement is known by then."""
    return statements_layer(control_features(features, day), day)


def statements_layer(
    statements: Sequence[Mapping[str, Any]], day: dt.date
) -> folium.FeatureGroup | None:
    """The control layer of the statements ``control_features`` chose for ``day``."""
    return add_feature_layer(None, control_layer_name(day), statements, control_style)
