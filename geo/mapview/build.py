"""``build_map``: a pure function from GeoJSON features to a folium map, ready to show or save."""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

import folium
from folium.utilities import JsCode

from geo.mapview.aggregate import AGGREGATE_ABOVE, aggregate_points
from geo.mapview.assets import DASHBOARD_BASE, MAP_CSS, MAP_JS
from geo.mapview.controls import Legend, PngButton, VectorBasemap
from geo.mapview.popups import popup_html, tooltip_text
from geo.mapview.style import area_style, control_key, highlight_style, point_style, route_style
from geo.settings import OSM_TILES

DEFAULT_TITLE = "Events"
DEFAULT_VIEW = ((33.5, 42.0), 5)  # Iraq and Syria, the demo's theatre
BIND = JsCode(
    "function (feature, layer) {"
    " layer.bindPopup(feature.properties._popup, {maxWidth: 380});"
    " layer.bindTooltip(feature.properties._tooltip, {sticky: true}); }"
)
MAP_PROPERTIES = (
    "event_type",
    "confidence",
    "geo_precision",
    "control",
    "held_by",
    "start",
    "end",
    "count",
)


def build_map(
    features: Sequence[Mapping[str, Any]],
    *,
    tiles: str | None = OSM_TILES,
    tiles_attribution: str = "© OpenStreetMap contributors",
    asset_base: str = "/" + DASHBOARD_BASE,
    basemap: VectorBasemap | None = None,
    date_range: tuple[dt.date, dt.date] | None = None,
    highlight_id: str | None = None,
    title: str = DEFAULT_TITLE,
    png_button: bool = True,
) -> folium.Map:
    """The map of ``features``: places, routes and areas on toggleable layers, a legend, fitted to the events."""
    bounds = _bounds(features)
    centre, zoom = view_of(bounds) if bounds else DEFAULT_VIEW
    fmap = folium.Map(
        location=centre, zoom_start=zoom, tiles=None, control_scale=True, prefer_canvas=True
    )
    use_local_assets(fmap, asset_base)
    (basemap or VectorBasemap(f"{asset_base}/countries-50m.json")).add_to(fmap)
    if tiles:
        folium.TileLayer(
            tiles, attr=tiles_attribution, name="Background map", overlay=False
        ).add_to(fmap)
    by_type = _split(features)
    _add_points(fmap, by_type["Point"])
    _add_layer(fmap, "Routes", by_type["LineString"], route_style)
    _add_layer(fmap, "Areas", by_type["Polygon"], area_style)
    chosen = [f for f in features if f.get("id") == highlight_id]
    if chosen:
        _add_layer(fmap, "Selected", chosen, highlight_style, point_radius=11)
    folium.LayerControl(collapsed=False).add_to(fmap)
    _legend(features, title, date_range).add_to(fmap)
    if png_button:
        PngButton().add_to(fmap)
    return fmap


def view_of(
    bounds: list[list[float]], width_px: int = 800, height_px: int = 480, max_zoom: int = 11
) -> tuple[tuple[float, float], int]:
    """Centre and zoom that show ``bounds`` in a map of about ``width_px`` by ``height_px``.

    Computed here rather than by Leaflet's fitBounds, which runs before an embedded map has
    its final size and so cuts the edges off.
    """
    (south, west), (north, east) = bounds

    def mercator_y(lat: float) -> float:
        lat = max(-85.0, min(85.0, lat))
        return math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))

    span_x = max((east - west) / 360, 1e-6)
    span_y = max((mercator_y(north) - mercator_y(south)) / (2 * math.pi), 1e-6)
    zoom = math.floor(min(math.log2(width_px / 256 / span_x), math.log2(height_px / 256 / span_y)))
    centre_y = (mercator_y(north) + mercator_y(south)) / 2
    centre_lat = math.degrees(2 * math.atan(math.exp(centre_y)) - math.pi / 2)
    return (centre_lat, (east + west) / 2), max(1, min(max_zoom, zoom))


def use_local_assets(fmap: folium.Map, base: str) -> None:
    """Point the map's scripts and styles at the locally installed assets."""
    fmap.default_js = [(name.replace(".", "_"), f"{base}/{name}") for name in MAP_JS]
    fmap.default_css = [(name.replace(".", "_"), f"{base}/{name}") for name in MAP_CSS]


def map_feature(feature: Mapping[str, Any]) -> dict[str, Any]:
    """A slim copy of a feature for the page: its geometry, styling keys and escaped popup."""
    p = feature.get("properties") or {}
    props = {k: p[k] for k in MAP_PROPERTIES if k in p}
    props.update(_popup=popup_html(p), _tooltip=tooltip_text(p), _id=feature.get("id"))
    return {
        "type": "Feature",
        "id": feature.get("id"),
        "geometry": feature["geometry"],
        "properties": props,
    }


def _split(features) -> dict[str, list]:
    groups: dict[str, list] = {"Point": [], "LineString": [], "Polygon": []}
    for feature in features:
        groups.setdefault(feature["geometry"]["type"], []).append(feature)
    return groups


def _add_points(fmap: folium.Map, points: list) -> None:
    if len(points) > AGGREGATE_ABOVE:
        _add_layer(
            fmap, f"Places ({len(points):,}, grouped)", aggregate_points(points), point_style
        )
    else:
        _add_layer(fmap, "Places", points, point_style)


def _add_layer(fmap, name, features, style, point_radius: int = 6) -> None:
    if not features:
        return
    group = folium.FeatureGroup(name=name)
    folium.GeoJson(
        {"type": "FeatureCollection", "features": [map_feature(f) for f in features]},
        style_function=style,
        marker=folium.CircleMarker(radius=point_radius),
        on_each_feature=BIND,
        embed=True,
    ).add_to(group)
    group.add_to(fmap)


def _legend(features, title: str, date_range) -> Legend:
    types = Counter((f.get("properties") or {}).get("event_type") or "other" for f in features)
    controls = {
        control_key(f["properties"]) for f in features if f["geometry"]["type"] == "Polygon"
    }
    span = f"{date_range[0]:%d %b %Y} – {date_range[1]:%d %b %Y}" if date_range else None
    return Legend(title, span, [t for t, _ in types.most_common()], sorted(controls))


def _bounds(features) -> list[list[float]] | None:
    """The bounds of the precise features (towns, routes, areas); country points only if nothing else."""
    precise = [
        f
        for f in features
        if f["geometry"]["type"] != "Point"
        or (f.get("properties") or {}).get("geo_precision", 1) < 3
    ]
    lats, lons = [], []
    for feature in precise or features:
        for lon, lat in _positions(feature["geometry"]):
            lats.append(lat)
            lons.append(lon)
    if not lats:
        return None
    return [[min(lats), min(lons)], [max(lats), max(lons)]]


def _positions(geometry) -> list:
    coords = geometry["coordinates"]
    if geometry["type"] == "Point":
        return [coords]
    if geometry["type"] == "Polygon":
        return coords[0]
    return coords
