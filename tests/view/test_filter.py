import datetime as dt

from geo.schema import DateWindow
from geo.view import ViewFilter, apply_filter
from tests.view.examples import FEATURES, ids


def test_an_event_shows_while_the_window_overlaps_it():
    view = ViewFilter(DateWindow(dt.date(2017, 1, 20), dt.date(2017, 2, 1)))
    assert ids(apply_filter(FEATURES, view)) == ["b"]


def test_filters_combine():
    view = ViewFilter(
        event_types=("Battles", "Explosions/Remote violence"),
        min_confidence=0.5,
        max_geo_precision=1,
    )
    assert ids(apply_filter(FEATURES, view)) == ["a"]


def test_actor_and_source_filters():
    assert ids(apply_filter(FEATURES, ViewFilter(actors=("Islamic State",)))) == ["b"]
    assert ids(apply_filter(FEATURES, ViewFilter(sources=("a.txt",)))) == ["a", "c"]


def test_an_undated_feature_shows_whatever_the_window_once_asked_for():
    undated = {"id": "u", "geometry": {"type": "Point", "coordinates": [0, 0]}, "properties": {}}
    view = ViewFilter(DateWindow(dt.date(2017, 1, 20), dt.date(2017, 2, 1)), undated=True)
    assert ids(apply_filter([undated], view)) == ["u"]


def test_an_undated_feature_is_never_inside_a_dated_window_by_default():
    undated = {"id": "u", "geometry": {"type": "Point", "coordinates": [0, 0]}, "properties": {}}
    assert ids(apply_filter([undated], ViewFilter(DateWindow(dt.date(2017, 1, 20), None)))) == []
    assert ids(apply_filter([undated], ViewFilter())) == ["u"]  # no dates asked: everything


def test_a_feature_of_no_typed_event_counts_as_other():
    typeless = {"id": "t", "geometry": {"type": "Point", "coordinates": [0, 0]}, "properties": {}}
    assert ids(apply_filter([typeless], ViewFilter(event_types=("other",)))) == ["t"]
    assert ids(apply_filter([typeless], ViewFilter(event_types=("Battles",)))) == []


def test_a_view_at_any_date_keeps_what_it_does_of_the_undated():
    window = DateWindow(dt.date(2017, 1, 1), dt.date(2017, 1, 31))
    assert ViewFilter(window).at_any_date() == ViewFilter(undated=False)
    assert ViewFilter(window, undated=True).at_any_date() == ViewFilter(undated=True)


NATIONALITY = {
    "id": "n",
    "geometry": {"type": "Point", "coordinates": [44.0, 33.0]},
    "properties": {"mention": "Iraqi", "demonym": True},
}


def test_nationality_mentions_are_off_the_map_by_default():
    assert ids(apply_filter([NATIONALITY], ViewFilter())) == []


def test_nationality_mentions_show_once_asked_for():
    assert ids(apply_filter([NATIONALITY], ViewFilter(demonyms=True))) == ["n"]
