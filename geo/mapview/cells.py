"""Places counted in grid cells, on the map: a disc per cell in the colour of its most frequent
event type, its number of places written on it, a tooltip that says what it holds.

The cells come counted from the server (``geo.store.parquet_map.window_cells``); the page only
draws them, so a window of millions of events costs it a few hundred discs.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

import folium
from branca.element import MacroElement
from folium.template import Template

from geo.mapview.build import view_of
from geo.mapview.layers import style_callbacks, styled_collection
from geo.mapview.style import event_colour, event_label
from geo.view.bounds import MapBounds
from geo.view.url import MapView

WORLD = MapView(20.0, 0.0, 2)

CELLS_NOTE = (
    "Zoomed out, a disc stands for the places of one grid cell: the number on it counts them, "
    "its colour is their most frequent event type. Zoom in to see each event."
)


class CountLabels(MacroElement):
    """Inside a cells layer: the count of each cell written on its disc (not clickable)."""

    _template = Template(
        """{% macro script(this, kwargs) %}
{{ this.labels|tojson }}.forEach(function (c) {
  L.marker([c[0], c[1]], {interactive: false, keyboard: false, icon: L.divIcon({
    className: 'gm-count', iconSize: [48, 16], iconAnchor: [24, 8],
    html: '<span style="display:block;text-align:center;font:700 11px/16px system-ui,sans-serif;'
      + 'color:#fff;text-shadow:0 0 2px #000,0 0 2px #000">' + c[2] + '</span>'})
  }).addTo({{ this._parent.get_name() }});
});
{% endmacro %}"""
    )

    def __init__(self, labels: Sequence[tuple[float, float, str]]):
        super().__init__()
        self._name = "CountLabels"
        self.labels = [list(label) for label in labels]


def opening_view(extent: MapBounds | None) -> MapView:
    """Where the map of an archive opens: fitted to the extent of its places, else the world."""
    if extent is None:
        return WORLD
    (lat, lon), zoom = view_of(extent.corners())
    return MapView(lat, lon, zoom)


def compact_count(count: int) -> str:
    """A count as it fits on a disc: 987, 1.2k, 34k, 1.5M."""
    if count < 1_000:
        return str(count)
    for divisor, unit in ((1_000_000, "M"), (1_000, "k")):
        if count >= divisor:
            value = count / divisor
            return f"{value:.1f}{unit}" if value < 10 else f"{value:.0f}{unit}"
    return str(count)


def cell_style(feature: Mapping[str, Any]) -> dict[str, Any]:
    """A cell's disc: its area grows with the log of its count, filled in its type's colour."""
    p = feature["properties"]
    return {
        "color": "#ffffff",
        "weight": 1.5,
        "opacity": 1,
        "fill": True,
        "fillColor": event_colour(p.get("event_type")),
        "fillOpacity": 0.85,
        "radius": round(min(22.0, 9 + 3 * math.log10(max(p["count"], 1))), 1),
    }


def cell_features(cells: Sequence[Mapping[str, Any]], size: float) -> list[dict[str, Any]]:
    """One point feature per cell, named by what it holds ("1,234 places · mostly Battles (45%)")."""
    features = []
    for k, cell in enumerate(cells):
        mostly = f"mostly {event_label(cell['event_type'])} ({cell['share']:.0%})"
        features.append(
            {
                "type": "Feature",
                "id": f"cell-{size:g}-{k}",
                "geometry": {"type": "Point", "coordinates": [cell["lon"], cell["lat"]]},
                "properties": {
                    "name": f"{cell['count']:,} places in this cell · {mostly}",
                    "event_type": cell["event_type"],
                    "count": cell["count"],
                },
            }
        )
    return features


def cell_layers(
    cells: Sequence[Mapping[str, Any]], size: float, name: str = "Places"
) -> list[folium.FeatureGroup]:
    """The cells as one toggleable layer (discs with their counts); none for no cells."""
    if not cells:
        return []
    features = cell_features(cells, size)
    data, styles = styled_collection(features, cell_style)
    total = sum(cell["count"] for cell in cells)
    group = folium.FeatureGroup(name=f"{name} ({total:,} in {len(cells):,} cells)")
    layer = folium.GeoJson(data, embed=True, **style_callbacks(styles)).add_to(group)
    _Tooltips(layer).add_to(group)
    CountLabels([(c["lat"], c["lon"], compact_count(c["count"])) for c in cells]).add_to(group)
    return [group]


class _Tooltips(MacroElement):
    """One tooltip for the whole layer of cells, from each cell's name."""

    _template = Template(
        """{% macro script(this, kwargs) %}
{{ this.layer.get_name() }}.bindTooltip(function (layer) { return layer.feature.properties._tooltip; });
{% endmacro %}"""
    )

    def __init__(self, layer: folium.GeoJson):
        super().__init__()
        self._name = "CellTooltips"
        self.layer = layer
