"""Composed shapes: routes along rivers and parts of cities, built on shapely."""

from geo.shapes.city_parts import city_radius_km, split_city_by_compass, split_city_by_river
from geo.shapes.compose import compose_shapes, place_rivers_near_story
from geo.shapes.rivers import RiverIndex, load_rivers
from geo.shapes.routes import river_border_crossing, route_along_river

__all__ = [
    "RiverIndex",
    "city_radius_km",
    "compose_shapes",
    "load_rivers",
    "place_rivers_near_story",
    "river_border_crossing",
    "route_along_river",
    "split_city_by_compass",
    "split_city_by_river",
]
