"""``build_map``: a pure function from GeoJSON features to a folium map, ready to show or save."""

from __future__ import annotations

import datetime as dt
import math
import warnings
from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import folium

from geo.mapview.aggregate import AGGREGATE_ABOVE, aggregate_points
from geo.mapview.assets import DASHBOARD_BASE, MAP_CSS, MAP_JS, TIMELINE_JS
from geo.mapview.control_layer import statements_layer
from geo.mapview.controls import Legend, PngButton, VectorBasemap
from geo.mapview.feed import FEED_BASE, FEED_DIR, EventFeed, OnTopOfFeed, fits_feed, publish_feed
from geo.mapview.layers import add_feature_layer, add_timeline_layer, add_timeline_slider
from geo.mapview.river_layer import add_river_layer
from geo.mapview.style import (
    area_style,
    control_key,
    highlight_style,
    is_somewhere_in,
    point_style,
    route_style,
)
from geo.mapview.view_dates import png_name
from geo.schema import DateWindow, event_type_of, properties
from geo.settings import OSM_TILES
from geo.view.front import control_features, is_control_statement

DEFAULT_TITLE = "Events"
DEFAULT_VIEW = ((33.5, 42.0), 5)  # Iraq and Syria, the demo's theatre
LAYERS = (  # in drawing order: places on top
    ("Areas", "Polygon", area_style),
    ("Routes", "LineString", route_style),
    ("Places", "Point", point_style),
)


def build_map(
    features: Sequence[Mapping[str, Any]],
    *,
    tiles: str | None = OSM_TILES,
    tiles_attribution: str = "© OpenStreetMap contributors",
    asset_base: str = "/" + DASHBOARD_BASE,
    basemap: VectorBasemap | None = None,
    date_range: DateWindow | None = None,
    highlight_id: str | None = None,
    title: str = DEFAULT_TITLE,
    png_button: bool = True,
    timeline: bool = False,
    context: Sequence[Mapping[str, Any]] = (),
    with_events: bool = True,
    feed: EventFeed | None = None,
    control_day: dt.date | None = None,
    control_from: Sequence[Mapping[str, Any]] | None = None,
    extent: list[list[float]] | None = None,
    legend_types: Sequence[str] | None = None,
    legend_note: str | None = None,
) -> folium.Map:
    """The map of ``features``: places, routes and areas on toggleable layers, a legend, fitted to the events.

    Parameters
    ----------
    tiles
        URL template of a tile server, or None for the vector basemap alone.
    asset_base
        URL prefix under which the files of ``static/vendor`` are served.
    timeline
        Show dated features only at their dates, under a slider with play and pause.
    context
        Lines drawn under the events for orientation (rivers; see ``geo.mapview.river_layer``).
    with_events
        False for the base map alone (view, basemap, rivers, legend), the event layers being
        sent apart by ``event_layers`` so that a date change need not rebuild the whole map.
    feed
        A published ``EventFeed`` the page fetches once; its ``window_layers`` then draw a
        date window from it (see ``geo.mapview.feed``).
    control_day
        Draw under the events who holds what on that day (the control layer), from the
        statements of ``control_from`` (default: ``features``), earlier ones included.
    extent, legend_types, legend_note
        For a base map whose events are counted elsewhere (an archive's): the
        ``[[south, west], [north, east]]`` to show, the event types of the legend, and a note
        under them.
    """
    bounds = extent or _bounds(features)
    centre, zoom = view_of(bounds) if bounds else DEFAULT_VIEW
    fmap = folium.Map(
        location=centre, zoom_start=zoom, tiles=None, control_scale=True, prefer_canvas=True
    )
    use_local_assets(fmap, asset_base, timeline=timeline)
    (basemap or VectorBasemap(f"{asset_base}/countries-50m.json")).add_to(fmap)
    if tiles:
        folium.TileLayer(
            tiles, attr=tiles_attribution, name="Background map", overlay=False
        ).add_to(fmap)
    add_river_layer(fmap, list(context))
    statements = []
    if control_day is not None:
        source = features if control_from is None else control_from
        statements = control_features(source, control_day)
        if layer := statements_layer(statements, control_day):
            layer.add_to(fmap)
    if feed is not None:
        feed.script().add_to(fmap)
    if timeline:
        _add_timelines(fmap, features)
    elif with_events:
        for group in event_layers(features, highlight_id):
            group.add_to(fmap)
    if with_events:
        folium.LayerControl(collapsed=False).add_to(fmap)
    if legend_types is None:
        legend = _legend([*features, *statements], title, date_range)
    else:
        span = DateWindow(*date_range).label() if date_range else None
        legend = Legend(title, span, list(legend_types), [], note=legend_note)
    legend.position = "topright" if timeline else "bottomright"  # the slider takes the bottom
    legend.add_to(fmap)
    if png_button:
        PngButton(png_name(date_range)).add_to(fmap)
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


def use_local_assets(fmap: folium.Map, base: str, timeline: bool = False) -> None:
    """Point the map's scripts and styles at the locally installed assets."""
    scripts = MAP_JS + (TIMELINE_JS if timeline else ())
    fmap.default_js = [(name.replace(".", "_"), f"{base}/{name}") for name in scripts]
    fmap.default_css = [(name.replace(".", "_"), f"{base}/{name}") for name in MAP_CSS]


def _split(features) -> dict[str, list]:
    groups: dict[str, list] = {"Point": [], "LineString": [], "Polygon": []}
    for feature in features:
        groups.setdefault(feature["geometry"]["type"], []).append(feature)
    groups["Polygon"] = _largest_first(groups["Polygon"])
    return groups


def page_layers(features) -> list[tuple[str, list, Any]]:
    """(name, features, style) of the areas, routes and places layers, in drawing order (places
    on top), places grouped in cells when very many."""
    by_type = _split(features)
    points = by_type["Point"]
    if len(points) > AGGREGATE_ABOVE:
        places = (f"Places ({len(points):,}, grouped)", aggregate_points(points), point_style)
    else:
        places = ("Places", points, point_style)
    return [
        ("Areas", by_type["Polygon"], area_style),
        ("Routes", by_type["LineString"], route_style),
        places,
    ]


def event_layers(features, highlight_id: str | None = None) -> list[folium.FeatureGroup]:
    """One layer each for areas, routes and places, and the selected feature on top; not yet on any map."""
    groups = [
        add_feature_layer(None, name, members, style)
        for name, members, style in page_layers(features)
    ]
    return [g for g in groups if g is not None] + selected_layer(features, highlight_id)


def selected_layer(
    features, highlight_id: str | None, feed: EventFeed | None = None
) -> list[folium.FeatureGroup]:
    """The feature ``highlight_id`` on a layer of its own (none if it is not among ``features``),
    raised above the window layers of ``feed`` once they are drawn."""
    chosen = [f for f in features if highlight_id and f.get("id") == highlight_id]
    group = add_feature_layer(None, "Selected", chosen, highlight_style)
    if group is None:
        return []
    if feed is not None:
        OnTopOfFeed().add_to(group)
    return [group]


def event_feed(
    features, directory: Path = FEED_DIR, base_url: str = "/" + FEED_BASE
) -> EventFeed | None:
    """Publish ``features`` as a feed the page fetches once and draws by date window; None when
    they hold too many places, which are then grouped per window on the server instead, or
    when ``directory`` cannot be written (a read-only install), the layers being sent instead."""
    if not fits_feed(sum(f["geometry"]["type"] == "Point" for f in features)):
        return None
    try:
        return publish_feed(page_layers(features), directory, base_url)
    except OSError as err:
        warnings.warn(f"event feed not written to {directory}: {err}", stacklevel=2)
        return None


def _add_timelines(fmap: folium.Map, features) -> None:
    """Dated features on timeline layers; undated ones on plain layers, always shown."""
    dated = _split([f for f in features if properties(f).get("start")])
    undated = _split([f for f in features if not properties(f).get("start")])
    timelines = [add_timeline_layer(fmap, name, dated[kind], style) for name, kind, style in LAYERS]
    for name, kind, style in LAYERS:
        add_feature_layer(fmap, f"{name} (undated)", undated[kind], style)
    add_timeline_slider(fmap, [t for t in timelines if t is not None])


def _largest_first(areas: list) -> list:
    """Areas from the largest down, so that a small one is drawn above, and clickable over, a large one."""

    def extent(feature) -> float:
        ring = feature["geometry"]["coordinates"][0]
        lons, lats = [c[0] for c in ring], [c[1] for c in ring]
        return (max(lons) - min(lons)) * (max(lats) - min(lats))

    return sorted(areas, key=extent, reverse=True)


def _legend(features, title: str, date_range) -> Legend:
    types = Counter(event_type_of(properties(f)) for f in features)
    controls = {
        control_key(properties(f))
        for f in features
        if f["geometry"]["type"] == "Polygon" or is_control_statement(f)
    }
    vague = any(
        f["geometry"]["type"] == "Point" and is_somewhere_in(properties(f)) for f in features
    )
    span = DateWindow(*date_range).label() if date_range else None
    types_shown = [t for t, _ in types.most_common()]
    return Legend(title, span, types_shown, sorted(controls), vague_places=vague)


def _bounds(features) -> list[list[float]] | None:
    """The bounds of the precise features (towns, routes, areas); country points only if nothing else."""
    precise = [
        f
        for f in features
        if f["geometry"]["type"] != "Point" or properties(f).get("geo_precision", 1) < 3
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
