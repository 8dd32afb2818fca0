"""Output and exports: GeoJSON features, GeoJSON and CSV files, the offline page and the PNG.

The page and the PNG (``geo.export.snapshot``, ``geo.export.downloads``) need the map and a browser;
they are imported where they are used, so that geoparsing alone stays quick to start.
"""

from geo.export.geojson import document_features, feature_collection, position
from geo.export.tables import export_features

__all__ = ["document_features", "export_features", "feature_collection", "position"]
