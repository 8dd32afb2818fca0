"""The map: a folium map built from GeoJSON features, with local assets and a vector basemap."""

from geo.mapview.build import build_map, event_feed, event_layers, selected_layer, use_local_assets
from geo.mapview.control_layer import control_layer
from geo.mapview.layers import page_feature

__all__ = [
    "build_map",
    "control_layer",
    "event_feed",
    "event_layers",
    "page_feature",
    "selected_layer",
    "use_local_assets",
]
