from itertools import pairwise

import pytest
from shapely.geometry import MultiLineString

from geo.errors import InputError
from geo.model import haversine_km
from geo.shapes import km_from_river, river_border_crossing, route_along_river

HADITHA_DAM = (34.207, 42.355)
ANAH = (34.47, 41.98)
RAWA = (34.47, 41.91)
AL_QAIM_CROSSING = (34.43, 40.99)
MOSUL = (36.335, 43.119)
BAIJI = (34.929, 43.493)


def nearest_km(route, point):
    return min(haversine_km(p, point) for p in route)


def longest_step_km(route):
    return max(haversine_km(a, b) for a, b in pairwise(route))


def length_km(route):
    return sum(haversine_km(a, b) for a, b in pairwise(route))


def test_the_euphrates_crosses_the_iraq_syria_border_near_al_qaim(rivers):
    crossing = river_border_crossing(rivers.course("Euphrates"), rivers.border("IQ", "SY"))
    assert haversine_km(crossing, AL_QAIM_CROSSING) < 10


def test_route_follows_the_euphrates_from_haditha_dam_to_syrian_border(rivers):
    course = rivers.course("Euphrate")
    border = river_border_crossing(course, rivers.border("IQ", "SY"), near=HADITHA_DAM)
    route = route_along_river(course, HADITHA_DAM, border)
    assert haversine_km(route[0], HADITHA_DAM) < 5
    assert haversine_km(route[-1], AL_QAIM_CROSSING) < 10
    assert nearest_km(route, ANAH) < 3 and nearest_km(route, RAWA) < 3
    assert longest_step_km(route) < 30  # no straight cut across the desert


def test_route_along_the_tigris_from_mosul_to_baiji_runs_downstream(rivers):
    route = route_along_river(rivers.course("Tigre"), MOSUL, BAIJI)
    assert haversine_km(route[0], MOSUL) < 10 and haversine_km(route[-1], BAIJI) < 10
    assert route[0][0] > route[-1][0]  # from north to south


def test_a_route_upstream_starts_at_its_own_start(rivers):
    route = route_along_river(rivers.course("Tigris"), BAIJI, MOSUL)
    assert haversine_km(route[0], BAIJI) < 10 and haversine_km(route[-1], MOSUL) < 10


def test_a_route_along_a_winding_river_is_longer_than_the_straight_line(rivers):
    route = route_along_river(rivers.course("Tigris"), MOSUL, BAIJI)
    assert length_km(route) > 1.1 * haversine_km(MOSUL, BAIJI)


def test_a_river_that_does_not_reach_a_border_has_no_crossing(rivers):
    assert river_border_crossing(rivers.course("Seine"), rivers.border("IQ", "SY")) is None


def test_a_crossing_is_chosen_near_the_route_start_among_several_borders(rivers):
    syria_borders = list(rivers.borders_of("SY").values())
    crossing = river_border_crossing(rivers.course("Euphrates"), syria_borders, near=HADITHA_DAM)
    assert haversine_km(crossing, AL_QAIM_CROSSING) < 10


def test_haditha_dam_lies_on_the_euphrates(rivers):
    assert km_from_river(rivers.course("Euphrates"), HADITHA_DAM) < 2


def test_a_point_that_is_not_a_coordinate_is_an_input_error(rivers):
    with pytest.raises(InputError, match="123"):
        route_along_river(rivers.course("Tigris"), (123.0, 43.0), BAIJI)


def test_a_course_in_several_pieces_is_an_input_error():
    pieces = MultiLineString([[(40.0, 34.0), (41.0, 34.5)], [(42.0, 35.0), (43.0, 35.5)]])
    with pytest.raises(InputError, match="MultiLineString"):
        route_along_river(pieces, (34.0, 40.0), (35.5, 43.0))
