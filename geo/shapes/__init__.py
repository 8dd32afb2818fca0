"""Composed shapes: routes along rivers, parts of cities, regions and countries (on shapely)."""

from geo.shapes.areas import region_part_point, split_area_by_compass, split_region_by_compass
from geo.shapes.city_parts import city_radius_km, split_city_by_compass, split_city_by_river
from geo.shapes.compose import compose_shapes, place_rivers_near_story
from geo.shapes.river_index import RiverIndex, load_rivers
from geo.shapes.routes import km_from_river, river_border_crossing, route_along_river

__all__ = [
    "RiverIndex",
    "city_radius_km",
    "compose_shapes",
    "km_from_river",
    "load_rivers",
    "place_rivers_near_story",
    "region_part_point",
    "river_border_crossing",
    "route_along_river",
    "split_area_by_compass",
    "split_city_by_compass",
    "split_city_by_river",
    "split_region_by_compass",
]
