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
