"""The feature layers of the map: one GeoJSON layer per kind of geometry, styled from a table.

Each layer is a single ``L.geoJson`` whose style callback looks its feature's style up in a
small table (``properties._s`` is the index), so drawing stays linear in the number of features;
folium's per-feature ``switch`` would make it quadratic. The styles themselves are computed in
Python by the functions of ``geo.mapview.style``, one per layer.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import folium
from branca.element import MacroElement
from folium.plugins import Timeline, TimelineSlider
from folium.template import Template
from folium.utilities import JsCode

from geo.mapview.popups import POPUP_JS, TOOLTIP_JS, inert, popup_fields, tooltip_text
from geo.schema import properties

Style = Callable[[dict[str, Any]], dict[str, Any]]
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
DAY_MS = 86_400_000
# An event shows from the start of its first day to the end of its last day, in local time
# (a date-time without a zone is local; a bare ISO date would be midnight UTC).
INTERVAL = JsCode(
    "function (feature) { var p = feature.properties;"
    " function day(iso) { return new Date(iso + 'T00:00:00').getTime(); }"
    " if (!p.start) { return false; }"
    f" return {{start: day(p.start), end: day(p.end || p.start) + {DAY_MS - 1}}}; }}"
)


class LayerPopups(MacroElement):
    """One popup and one tooltip for a whole layer, filled from the clicked feature's properties.

    Bound once on the layer rather than once per feature, which would build thousands of objects.
    """

    _template = Template(
        """{% macro script(this, kwargs) %}
{{ this.layer.get_name() }}
  .bindPopup({{ this.popup }}, {maxWidth: 380})
  .bindTooltip({{ this.tooltip }});
{% endmacro %}"""
    )

    def __init__(self, layer: folium.GeoJson):
        super().__init__()
        self._name = "LayerPopups"
        self.layer = layer
        self.popup = POPUP_JS
        self.tooltip = TOOLTIP_JS


def page_feature(feature: Mapping[str, Any], style_index: int) -> dict[str, Any]:
    """What the page gets of a feature: id, geometry, style index, escaped popup values, dates."""
    p = properties(feature)
    props: dict[str, Any] = {
        "_id": inert(str(feature.get("id") or "")),
        "_s": style_index,
        "_p": popup_fields(p),
        "_tooltip": tooltip_text(p),
    }
    for key in ("start", "end"):
        if isinstance(p.get(key), str) and ISO_DATE.match(p[key]):
            props[key] = p[key]
    return {"type": "Feature", "geometry": feature["geometry"], "properties": props}


def styled_collection(
    features: Sequence[Mapping[str, Any]], style: Style
) -> tuple[dict[str, Any], str]:
    """The page's FeatureCollection of ``features`` and the JavaScript array of their distinct styles."""
    table: dict[str, int] = {}
    slim = []
    for feature in features:
        key = json.dumps(style(dict(feature)), sort_keys=True)
        slim.append(page_feature(feature, table.setdefault(key, len(table))))
    return {"type": "FeatureCollection", "features": slim}, "[" + ",".join(table) + "]"


def style_callbacks(styles: str) -> dict[str, JsCode]:
    """Leaflet ``style`` and ``pointToLayer`` options that read a feature's style from ``styles``."""
    lookup = f"(function () {{ var styles = {styles}; return function (feature"
    pick = "styles[feature.properties._s]"
    return {
        "style": JsCode(f"{lookup}) {{ return {pick}; }}; }})()"),
        "point_to_layer": JsCode(
            f"{lookup}, latlng) {{ return L.circleMarker(latlng, {pick}); }}; }})()"
        ),
    }


def add_feature_layer(
    fmap: folium.Map | None,
    name: str,
    features: Sequence[Mapping[str, Any]],
    style: Style,
) -> folium.FeatureGroup | None:
    """Add ``features`` to ``fmap`` as one toggleable GeoJSON layer called ``name``
    (with ``fmap`` None, the layer is only made, for a caller that adds it later)."""
    if not features:
        return None
    data, styles = styled_collection(features, style)
    group = folium.FeatureGroup(name=name)
    layer = folium.GeoJson(data, embed=True, **style_callbacks(styles)).add_to(group)
    LayerPopups(layer).add_to(group)
    if fmap is not None:
        group.add_to(fmap)
    return group


def add_timeline_layer(
    fmap: folium.Map, name: str, features: Sequence[Mapping[str, Any]], style: Style
) -> Timeline | None:
    """Add dated ``features`` as a toggleable layer whose features show only at their dates."""
    if not features:
        return None
    data, styles = styled_collection(features, style)
    group = folium.FeatureGroup(name=name)
    timeline = Timeline(data, get_interval=INTERVAL, **style_callbacks(styles))
    timeline.default_js = []  # served locally, see geo.mapview.assets
    timeline.add_to(group)
    LayerPopups(timeline).add_to(group)
    group.add_to(fmap)
    return timeline


def add_timeline_slider(fmap: folium.Map, timelines: Sequence[Timeline]) -> None:
    """The slider, with play and pause, that steps the timeline layers through the days."""
    if not timelines:
        return
    slider = TimelineSlider(
        auto_play=False,
        date_options="YYYY-MM-DD",
        show_ticks=True,
        enable_keyboard_controls=True,
        playback_duration=20_000,
    )
    slider.default_js = []
    slider.add_timelines(*timelines).add_to(fmap)
