"""The map: a folium map built from GeoJSON features, with local assets and a vector basemap."""

from geo.mapview.build import build_map, event_layers, use_local_assets
from geo.mapview.layers import page_feature

__all__ = ["build_map", "event_layers", "page_feature", "use_local_assets"]
