import pytest
from shapely.geometry import Point, Polygon

from geo.errors import InputError
from geo.shapes import city_radius_km, split_city_by_compass, split_city_by_river

MOSUL = (36.335, 43.119)


def polygon(ring):
    return Polygon([(lon, lat) for lat, lon in ring])


def side_of_tigris(rivers, ring):
    """+1 when the area's centre lies east of the Tigris at the same latitude, -1 when west."""
    centre = polygon(ring).centroid
    course = rivers.course("Tigris")
    at = course.interpolate(course.project(Point(centre.x, centre.y)))
    return 1 if centre.x > at.x else -1


def test_east_mosul_lies_east_of_the_tigris(rivers):
    ring = split_city_by_river(MOSUL, rivers.course("Tigris"), "east", city_radius_km(1_683_000))
    assert side_of_tigris(rivers, ring) == 1


def test_west_mosul_lies_west_of_the_tigris(rivers):
    ring = split_city_by_river(MOSUL, rivers.course("Tigris"), "west", city_radius_km(1_683_000))
    assert side_of_tigris(rivers, ring) == -1


def test_the_left_bank_of_the_tigris_at_mosul_is_the_east_side(rivers):
    radius = city_radius_km(1_683_000)
    left = split_city_by_river(MOSUL, rivers.course("Tigris"), "left", radius)
    east = split_city_by_river(MOSUL, rivers.course("Tigris"), "east", radius)
    assert polygon(left).equals_exact(polygon(east), 1e-9)


def test_a_river_far_from_the_city_does_not_split_it(rivers):
    assert split_city_by_river(MOSUL, rivers.course("Seine"), "east", 8) is None


def test_a_city_without_river_is_split_by_the_compass():
    ring = split_city_by_compass((35.0, 40.0), "north", 5)
    area = polygon(ring)
    assert area.centroid.y > 35.0
    assert area.is_valid and area.bounds[1] >= 35.0 - 1e-9


def test_bigger_cities_get_bigger_radii():
    assert 2 <= city_radius_km(5_000) < city_radius_km(200_000) < city_radius_km(2_000_000) <= 15


def test_an_unknown_side_is_an_input_error(rivers):
    with pytest.raises(InputError, match="upriver"):
        split_city_by_river(MOSUL, rivers.course("Tigris"), "upriver", 8)
