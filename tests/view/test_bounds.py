import pytest

from geo.view.bounds import MapBounds, bounds_around, map_bounds_seen, query_area
from geo.view.url import MapView


def reported(south, west, north, east):
    return {
        "bounds": {
            "_southWest": {"lat": south, "lng": west},
            "_northEast": {"lat": north, "lng": east},
        }
    }


def test_the_bounds_a_map_reports_are_read():
    assert map_bounds_seen(reported(30.5, 38.0, 37.5, 48.0)) == MapBounds(30.5, 38.0, 37.5, 48.0)


def test_a_map_that_reports_no_bounds_gives_none():
    assert map_bounds_seen(None) is None
    assert map_bounds_seen({"center": {"lat": 1, "lng": 2}, "zoom": 3}) is None


def test_a_map_panned_round_the_world_is_brought_back_within_180_degrees():
    assert map_bounds_seen(reported(30.0, 398.0, 37.0, 408.0)) == MapBounds(30.0, 38.0, 37.0, 48.0)


def test_a_view_across_the_antimeridian_asks_about_every_longitude():
    seen = map_bounds_seen(reported(-20.0, 170.0, -10.0, 190.0))
    assert (seen.west, seen.east) == (-180.0, 180.0)


def test_a_centre_and_zoom_show_a_box_around_the_centre():
    box = bounds_around(MapView(33.3, 44.4, 10), width_px=1024, height_px=512)
    assert box.west == pytest.approx(44.4 - 0.703125) and box.east == pytest.approx(44.4 + 0.703125)
    assert box.south < 33.3 < box.north and box.north - box.south < 1.2


def test_the_area_asked_about_is_padded_and_aligned_on_the_cell_grid():
    area = query_area(MapBounds(33.1, 44.1, 33.9, 44.9), MapView(0, 0, 1), step=0.5)
    assert area == MapBounds(32.5, 43.5, 34.5, 45.5)


def test_a_small_pan_asks_about_the_same_area():
    step = 0.5
    before = query_area(MapBounds(33.1, 44.1, 33.9, 44.9), MapView(0, 0, 1), step)
    after = query_area(MapBounds(33.12, 44.13, 33.92, 44.93), MapView(0, 0, 1), step)
    assert before == after


def test_the_area_stays_within_the_world():
    area = MapBounds(-89.0, -179.0, 89.0, 179.0).padded(0.25, 1.0)
    assert area == MapBounds(-90.0, -180.0, 90.0, 180.0)
