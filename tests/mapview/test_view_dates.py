import datetime as dt

from geo.mapview import build_map
from geo.mapview.view_dates import png_name, view_dates_layer
from geo.schema import DateWindow
from tests.mapview.examples import FEATURES

JANUARY = DateWindow(dt.date(2017, 1, 5), dt.date(2017, 1, 31))


def test_the_png_of_a_window_is_named_as_the_servers():
    assert png_name(JANUARY) == "events_2017-01-05_2017-01-31.png"
    assert png_name(None) == "events.png"


def test_the_dates_layer_states_the_window_and_names_the_png():
    fmap = build_map(FEATURES, tiles=None, with_events=False)
    view_dates_layer(JANUARY).add_to(fmap)
    html = fmap.get_root().render()
    assert '"05 Jan 2017 \\u2013 31 Jan 2017"' in html or '"05 Jan 2017 – 31 Jan 2017"' in html
    assert 'window.gmPngName = "events_2017-01-05_2017-01-31.png"' in html


def test_the_dates_layer_is_not_in_the_layer_switcher():
    assert view_dates_layer(JANUARY).control is False


def test_a_map_of_a_window_saves_its_png_under_the_windows_name():
    html = build_map(FEATURES, tiles=None, date_range=JANUARY).get_root().render()
    assert '"events_2017-01-05_2017-01-31.png"' in html
