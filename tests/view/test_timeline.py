import datetime as dt

from geo.schema import DateWindow
from geo.view import (
    ViewFilter,
    choices,
    date_bounds,
    events_per_day,
    first_play_window,
    initial_window,
    step_window,
    widget_summary,
    window_caption,
)
from tests.view.examples import FEATURES, JAN


def test_bounds_and_histogram():
    assert date_bounds(FEATURES) == (dt.date(2017, 1, 1), dt.date(2017, 3, 10))
    assert events_per_day(FEATURES)[JAN] == 1


def test_play_steps_the_window_and_stops_at_the_end():
    bounds = (dt.date(2017, 1, 1), dt.date(2017, 1, 20))
    assert step_window((dt.date(2017, 1, 1), dt.date(2017, 1, 8)), bounds) == (
        dt.date(2017, 1, 9),  # the day after: a day never shows in two steps
        dt.date(2017, 1, 16),
    )
    assert step_window((dt.date(2017, 1, 5), dt.date(2017, 1, 5)), bounds) == (
        dt.date(2017, 1, 6),
        dt.date(2017, 1, 6),
    )
    assert step_window((dt.date(2017, 1, 13), dt.date(2017, 1, 20)), bounds) is None


def test_play_over_the_whole_timeline_starts_with_its_first_twelfth():
    bounds = (dt.date(2017, 1, 1), dt.date(2017, 1, 25))
    assert first_play_window(bounds, bounds) == (dt.date(2017, 1, 1), dt.date(2017, 1, 3))


def test_play_from_the_end_of_the_timeline_starts_again_at_its_beginning():
    bounds = (dt.date(2017, 1, 1), dt.date(2017, 1, 25))
    window = (dt.date(2017, 1, 20), dt.date(2017, 1, 25))
    assert first_play_window(window, bounds) == (dt.date(2017, 1, 1), dt.date(2017, 1, 6))


def test_play_from_the_middle_of_the_timeline_starts_where_the_window_is():
    bounds = (dt.date(2017, 1, 1), dt.date(2017, 1, 25))
    window = (dt.date(2017, 1, 5), dt.date(2017, 1, 9))
    assert first_play_window(window, bounds) == window


def test_the_widgets_offer_the_choices_bounds_and_counts_of_the_features():
    summary = widget_summary(FEATURES)
    assert summary["choices"]["event_type"] == choices(FEATURES, "event_type")
    assert summary["bounds"] == date_bounds(FEATURES)
    assert summary["per_day"] == events_per_day(FEATURES)


def test_a_link_opens_on_its_own_dates_within_the_timeline():
    bounds = (dt.date(2017, 1, 1), dt.date(2017, 7, 10))
    linked = ViewFilter(DateWindow(dt.date(2016, 12, 1), dt.date(2017, 2, 1)))
    assert initial_window(linked, bounds) == (dt.date(2017, 1, 1), dt.date(2017, 2, 1))
    assert initial_window(ViewFilter(), bounds) == bounds


def test_the_caption_counts_the_features_and_names_the_window():
    window = (dt.date(2017, 1, 5), dt.date(2017, 7, 10))
    assert window_caption(57, 1065, window) == "57 of 1,065 features · 05 Jan 2017 – 10 Jul 2017"
    assert window_caption(0, 0, None) == ""


def test_the_caption_says_how_many_undated_features_are_left_out():
    window = DateWindow(dt.date(2017, 1, 5), dt.date(2017, 7, 10))
    assert window_caption(57, 60, window, undated_hidden=3).endswith(
        "· 3 undated not shown (see “Show undated features”)"
    )
