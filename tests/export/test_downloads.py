import datetime as dt
import json

import pytest

from geo.export.downloads import export_bytes, export_file, export_name
from tests.mapview.examples import FEATURES


def test_an_export_is_named_after_its_dates():
    window = (dt.date(2017, 1, 5), dt.date(2017, 1, 31))
    assert export_name("Render PNG", window) == "events_2017-01-05_2017-01-31.png"
    assert export_name("GeoJSON", window) == "events_2017-01-05_2017-01-31.geojson"
    assert export_name("CSV", None) == "events.csv"


def test_the_csv_export_holds_the_features_of_the_view():
    lines = export_bytes("CSV", FEATURES, None, "Events").decode("utf-8").splitlines()
    assert len(lines) == len(FEATURES) + 1 and "event_type" in lines[0]


def test_an_export_file_has_its_name_media_type_and_bytes():
    window = (dt.date(2017, 1, 5), dt.date(2017, 1, 31))
    name, media, data = export_file("GeoJSON", FEATURES, window, "Events")
    assert (name, media) == ("events_2017-01-05_2017-01-31.geojson", "application/geo+json")
    collection = json.loads(data)
    assert collection["type"] == "FeatureCollection" and len(collection["features"]) == len(
        FEATURES
    )


def test_an_animation_of_no_dated_window_is_refused():

    from geo.errors import InputError

    with pytest.raises(InputError, match="date window"):
        export_bytes("Animated GIF", FEATURES, None, "Events")


@pytest.mark.browser
def test_the_animated_export_plays_the_window_in_about_twelve_frames():
    import imageio.v3 as iio

    window = (dt.date(2017, 1, 1), dt.date(2017, 1, 12))
    name, media, data = export_file("Animated GIF", FEATURES, window, "Events")
    assert (name, media) == ("events_2017-01-01_2017-01-12.gif", "image/gif")
    assert iio.imread(data, index=None, extension=".gif").shape[0] == 12


def test_the_offline_page_draws_who_holds_what_on_the_window_s_end_from_earlier_statements():
    from tests.mapview.test_control_layer import EAST_CONTESTED

    window = (dt.date(2017, 1, 10), dt.date(2017, 1, 20))  # the statement is of 5 January
    page = export_bytes("HTML (offline)", [], window, "Events", [EAST_CONTESTED])
    assert "Control on 2017-01-20" in page.decode("utf-8")
    assert "gm-control-contested" in page.decode("utf-8")


def test_the_offline_page_has_no_control_layer_when_nothing_is_stated():
    from geo.view.front import is_control_statement

    unstated = [f for f in FEATURES if not is_control_statement(f)]
    window = (dt.date(2017, 1, 10), dt.date(2017, 1, 20))
    page = export_bytes("HTML (offline)", unstated, window, "Events", unstated)
    assert "Control on" not in page.decode("utf-8")
