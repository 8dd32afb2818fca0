"""The map: a folium map built from GeoJSON features, with local assets and a vector basemap."""

from geo.mapview.build import build_map, map_feature, use_local_assets

__all__ = ["build_map", "map_feature", "use_local_assets"]
