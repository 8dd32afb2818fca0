"""Where the map looks as bounds: what the map reports, what a centre and zoom show, and the
padded, grid-aligned bounds a query over an archive asks for (so that a small pan asks again
for the same thing and gets it from the cache)."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from geo.view.url import MapView

TILE_PX = 256
MAX_LAT = 85.0  # Web Mercator's edge


@dataclass(frozen=True)
class MapBounds:
    """A box of latitudes and longitudes, in degrees; ``west`` <= ``east``."""

    south: float
    west: float
    north: float
    east: float

    def corners(self) -> list[list[float]]:
        """``[[south, west], [north, east]]``, as Leaflet and ``geo.mapview`` take bounds."""
        return [[self.south, self.west], [self.north, self.east]]

    def padded(self, share: float, step: float) -> MapBounds:
        """These bounds grown by ``share`` of their size on each side, then outwards to
        multiples of ``step`` degrees, within the world."""
        dlat, dlon = (self.north - self.south) * share, (self.east - self.west) * share
        return MapBounds(
            max(-90.0, math.floor((self.south - dlat) / step) * step),
            max(-180.0, math.floor((self.west - dlon) / step) * step),
            min(90.0, math.ceil((self.north + dlat) / step) * step),
            min(180.0, math.ceil((self.east + dlon) / step) * step),
        )


def map_bounds_seen(returned: Mapping[str, Any] | None) -> MapBounds | None:
    """The bounds a map reports (streamlit-folium's ``{"bounds": {"_southWest": {"lat", "lng"},
    "_northEast": ...}}``); a view wider than the world is the whole world. None if it says none."""
    box = (returned or {}).get("bounds") or {}
    south_west, north_east = box.get("_southWest") or {}, box.get("_northEast") or {}
    corners = (south_west.get("lat"), south_west.get("lng"), north_east.get("lat"))
    if None in corners or north_east.get("lng") is None:
        return None
    west, east = float(south_west["lng"]), float(north_east["lng"])
    if east - west >= 360:
        west, east = -180.0, 180.0
    else:  # a map panned round the world reports longitudes past ±180
        shift = math.floor((west + 180.0) / 360.0) * 360.0
        west, east = west - shift, east - shift
        if east > 180.0:  # across the antimeridian: the box from west to the edge and on
            west, east = -180.0, 180.0
    return MapBounds(float(south_west["lat"]), west, float(north_east["lat"]), east)


def bounds_around(view: MapView, width_px: int = 1200, height_px: int = 560) -> MapBounds:
    """The bounds a map of ``width_px`` by ``height_px`` shows at ``view`` (Web Mercator)."""
    world_px = TILE_PX * 2**view.zoom
    half_lon = width_px / world_px * 180.0
    y = _mercator_y(view.lat)
    half_y = height_px / world_px * math.pi
    north, south = _latitude(y + half_y), _latitude(y - half_y)
    west, east = view.lon - half_lon, view.lon + half_lon
    if east - west >= 360 or west < -180 or east > 180:
        west, east = max(-180.0, west), min(180.0, east)
    return MapBounds(south, west, north, east)


def _mercator_y(lat: float) -> float:
    lat = max(-MAX_LAT, min(MAX_LAT, lat))
    return math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))


def _latitude(y: float) -> float:
    return max(-MAX_LAT, min(MAX_LAT, math.degrees(2 * math.atan(math.exp(y)) - math.pi / 2)))


def query_area(seen: MapBounds | None, view: MapView, step: float) -> MapBounds:
    """What to ask an archive about: the bounds the map reports, else those its view shows at
    about the dashboard's size, a quarter larger on each side and aligned on ``step`` degrees."""
    return (seen or bounds_around(view)).padded(0.25, step)
