import datetime as dt

import pytest

from geo.errors import InputError
from geo.view import filter as filters

JAN = dt.date(2017, 1, 5)


def feature(fid, start, end=None, **props):
    return {
        "id": fid,
        "geometry": {"type": "Point", "coordinates": [0, 0]},
        "properties": {"start": start, "end": end or start, **props},
    }


FEATURES = [
    feature(
        "a",
        "2017-01-05",
        event_type="battle",
        actors=["Iraqi army"],
        confidence=0.9,
        geo_precision=1,
        source="a.txt",
        event_id="e1",
    ),
    feature(
        "b",
        "2017-01-01",
        "2017-01-31",
        event_type="territory_held",
        actors=["Islamic State"],
        confidence=0.4,
        geo_precision=3,
        source="b.txt",
        event_id="e2",
    ),
    feature(
        "c",
        "2017-03-10",
        event_type="airstrike",
        confidence=1.0,
        geo_precision=2,
        source="a.txt",
        event_id="e3",
    ),
]


def ids(features):
    return [f["id"] for f in features]


def test_an_event_shows_while_the_window_overlaps_it():
    view = filters.ViewFilter(date_from=dt.date(2017, 1, 20), date_to=dt.date(2017, 2, 1))
    assert ids(filters.apply_filter(FEATURES, view)) == ["b"]


def test_filters_combine():
    view = filters.ViewFilter(
        event_types=("battle", "airstrike"), min_confidence=0.5, max_geo_precision=1
    )
    assert ids(filters.apply_filter(FEATURES, view)) == ["a"]


def test_actor_and_source_filters():
    assert ids(filters.apply_filter(FEATURES, filters.ViewFilter(actors=("Islamic State",)))) == [
        "b"
    ]
    assert ids(filters.apply_filter(FEATURES, filters.ViewFilter(sources=("a.txt",)))) == ["a", "c"]


def test_the_filter_round_trips_through_the_url():
    view = filters.ViewFilter(JAN, dt.date(2017, 2, 1), ("battle",), ("Iraqi army",), (), 0.5, 2)
    assert filters.from_query_params(filters.to_query_params(view)) == view


def test_bad_url_values_are_ignored_and_named():
    view = filters.from_query_params({"from": "2017-13-01", "confidence": "2", "precision": "x"})
    assert view.date_from is None and view.min_confidence == 0 and view.max_geo_precision == 3
    assert any("2017-13-01" in p for p in view.problems)


def test_bounds_and_histogram():
    assert filters.date_bounds(FEATURES) == (dt.date(2017, 1, 1), dt.date(2017, 3, 10))
    assert filters.events_per_day(FEATURES)[JAN] == 1


def test_play_steps_the_window_and_stops_at_the_end():
    bounds = (dt.date(2017, 1, 1), dt.date(2017, 1, 20))
    assert filters.step_window((dt.date(2017, 1, 1), dt.date(2017, 1, 8)), bounds) == (
        dt.date(2017, 1, 9),  # the day after: a day never shows in two steps
        dt.date(2017, 1, 16),
    )
    assert filters.step_window((dt.date(2017, 1, 5), dt.date(2017, 1, 5)), bounds) == (
        dt.date(2017, 1, 6),
        dt.date(2017, 1, 6),
    )
    assert filters.step_window((dt.date(2017, 1, 13), dt.date(2017, 1, 20)), bounds) is None


def test_play_over_the_whole_timeline_starts_with_its_first_twelfth():
    bounds = (dt.date(2017, 1, 1), dt.date(2017, 1, 25))
    assert filters.first_play_window(bounds, bounds) == (dt.date(2017, 1, 1), dt.date(2017, 1, 3))


def test_play_from_the_end_of_the_timeline_starts_again_at_its_beginning():
    bounds = (dt.date(2017, 1, 1), dt.date(2017, 1, 25))
    window = (dt.date(2017, 1, 20), dt.date(2017, 1, 25))
    assert filters.first_play_window(window, bounds) == (dt.date(2017, 1, 1), dt.date(2017, 1, 6))


def test_play_from_the_middle_of_the_timeline_starts_where_the_window_is():
    bounds = (dt.date(2017, 1, 1), dt.date(2017, 1, 25))
    window = (dt.date(2017, 1, 5), dt.date(2017, 1, 9))
    assert filters.first_play_window(window, bounds) == window


def test_table_rows_follow_the_features():
    assert [r["id"] for r in filters.table_rows(FEATURES)] == ["a", "b", "c"]


def test_a_place_without_a_control_status_shows_an_empty_cell():
    place = {"id": "p", "geometry": {"type": "Point", "coordinates": [0, 0]}, "properties": {}}
    area = {
        "id": "a",
        "geometry": {"type": "Polygon", "coordinates": []},
        "properties": {"status": "held by Islamic State"},
    }
    assert [r["status"] for r in filters.table_rows([place, area])] == ["", "held by Islamic State"]


def test_an_undated_feature_shows_whatever_the_window():
    undated = {"id": "u", "geometry": {"type": "Point", "coordinates": [0, 0]}, "properties": {}}
    view = filters.ViewFilter(date_from=dt.date(2017, 1, 20), date_to=dt.date(2017, 2, 1))
    assert ids(filters.apply_filter([undated], view)) == ["u"]


def test_the_widgets_offer_the_choices_bounds_and_counts_of_the_features():
    summary = filters.widget_summary(FEATURES)
    assert summary["choices"]["event_type"] == filters.choices(FEATURES, "event_type")
    assert summary["bounds"] == filters.date_bounds(FEATURES)
    assert summary["per_day"] == filters.events_per_day(FEATURES)


def test_a_link_opens_on_its_own_dates_within_the_timeline():
    bounds = (dt.date(2017, 1, 1), dt.date(2017, 7, 10))
    linked = filters.ViewFilter(date_from=dt.date(2016, 12, 1), date_to=dt.date(2017, 2, 1))
    assert filters.initial_window(linked, bounds) == (dt.date(2017, 1, 1), dt.date(2017, 2, 1))
    assert filters.initial_window(filters.ViewFilter(), bounds) == bounds


def test_the_caption_counts_the_features_and_names_the_window():
    window = (dt.date(2017, 1, 5), dt.date(2017, 7, 10))
    assert (
        filters.window_caption(57, 1065, window)
        == "57 of 1,065 features · 05 Jan 2017 – 10 Jul 2017"
    )
    assert filters.window_caption(0, 0, None) == ""


def test_a_correction_takes_typed_coordinates_before_a_picked_alternative():
    alternative = {"name": "Mosul", "lat": 36.34, "lon": 43.13, "score": 0.4, "geonameid": 99072}
    assert filters.alternative_label(alternative) == "Mosul (36.340, 43.130) score 0.40"
    assert filters.correction(" 36.3, 43.1 ", alternative) == ("36.3", "43.1", {})
    assert filters.correction("", alternative) == (
        36.34,
        43.13,
        {"name": "Mosul", "geonameid": 99072},
    )
    assert filters.correction("", None) is None
    with pytest.raises(InputError, match=r"'36\.3 43\.1'"):
        filters.correction("36.3 43.1", None)
