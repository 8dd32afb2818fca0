import datetime as dt

from geo.schema import DateWindow
from geo.view import ViewFilter, from_query_params, to_query_params
from tests.view.examples import JAN


def test_the_filter_round_trips_through_the_url():
    view = ViewFilter(
        DateWindow(JAN, dt.date(2017, 2, 1)), ("Battles",), ("Iraqi army",), (), 0.5, 2
    )
    assert from_query_params(to_query_params(view)) == view


def test_bad_url_values_are_ignored_and_named():
    view = from_query_params({"from": "2017-13-01", "confidence": "2", "precision": "x"})
    assert view.window.start is None and view.min_confidence == 0 and view.max_geo_precision == 3
    assert any("2017-13-01" in p for p in view.problems)


def test_showing_nationality_mentions_round_trips_through_the_url():
    view = ViewFilter(demonyms=True)
    assert to_query_params(view) == {"demonyms": "1"}
    assert from_query_params({"demonyms": "1"}) == view


def test_a_bad_nationality_parameter_is_ignored_and_named():
    view = from_query_params({"demonyms": "yes"})
    assert view.demonyms is False and any("demonyms='yes'" in p for p in view.problems)


def test_the_map_view_goes_into_a_link_and_back():
    from geo.view.url import MapView, map_view_from_query_params, map_view_params

    view = MapView(36.3402, 43.1301, 9)
    assert map_view_from_query_params(map_view_params(view)) == (view, ())


def test_a_link_without_a_map_view_leaves_the_map_on_its_events():
    from geo.view.url import map_view_from_query_params

    assert map_view_from_query_params({"from": "2017-01-05"}) == (None, ())


def test_a_bad_map_view_in_a_link_is_named_and_ignored():
    from geo.view.url import map_view_from_query_params

    view, problems = map_view_from_query_params({"lat": "north", "lon": "43.1", "zoom": "40"})
    assert view is None
    assert problems == (
        "lat='north' must be a number between -90 and 90",
        "zoom='40' must be a number between 0 and 18",
    )


def test_the_view_a_map_reports_is_read_with_its_longitude_wrapped():
    from geo.view.url import MapView, map_view_seen

    returned = {"center": {"lat": 36.34021, "lng": 403.13}, "zoom": 9}
    assert map_view_seen(returned) == MapView(36.3402, 43.13, 9)
    assert map_view_seen({"center": None, "zoom": None}) is None
