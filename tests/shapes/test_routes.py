from geo.distance import haversine_km
from geo.shapes import river_border_crossing, route_along_river

HADITHA_DAM = (34.207, 42.355)
ANAH = (34.47, 41.98)
RAWA = (34.48, 41.92)
MOSUL = (36.335, 43.119)
BAIJI = (34.929, 43.493)


def nearest_km(route, point):
    return min(haversine_km(p, point) for p in route)


def longest_step_km(route):
    return max(haversine_km(a, b) for a, b in zip(route, route[1:]))


def test_the_euphrates_crosses_the_iraq_syria_border_near_al_qaim(rivers):
    crossing = river_border_crossing(rivers.course("Euphrates"), rivers.border("IQ", "SY"))
    assert haversine_km(crossing, (34.43, 40.99)) < 10


def test_route_follows_the_euphrates_from_haditha_dam_to_syrian_border(rivers):
    course = rivers.course("Euphrate")
    border = river_border_crossing(course, rivers.border("IQ", "SY"), near=HADITHA_DAM)
    route = route_along_river(course, HADITHA_DAM, border)
    assert haversine_km(route[0], HADITHA_DAM) < 5
    assert haversine_km(route[-1], (34.43, 40.99)) < 10
    assert nearest_km(route, ANAH) < 6 and nearest_km(route, RAWA) < 3
    assert longest_step_km(route) < 30  # no straight cut across the desert


def test_a_route_is_longer_than_the_straight_line(rivers):
    route = route_along_river(rivers.course("Tigris"), MOSUL, BAIJI)
    length = sum(haversine_km(a, b) for a, b in zip(route, route[1:]))
    assert length > haversine_km(MOSUL, BAIJI)


def test_route_along_the_tigris_from_mosul_to_baiji_runs_downstream(rivers):
    route = route_along_river(rivers.course("Tigre"), MOSUL, BAIJI)
    assert haversine_km(route[0], MOSUL) < 10 and haversine_km(route[-1], BAIJI) < 10
    assert route[0][0] > route[-1][0]  # from north to south


def test_a_river_that_does_not_reach_a_border_has_no_crossing(rivers):
    assert river_border_crossing(rivers.course("Seine"), rivers.border("IQ", "SY")) is None
