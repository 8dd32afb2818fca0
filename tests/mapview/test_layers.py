import json
import re

from geo.mapview import build_map, page_feature
from geo.mapview.layers import styled_collection
from geo.mapview.style import point_style
from tests.mapview.examples import FEATURES, TOWN, place


def test_the_page_gets_only_id_dates_style_and_escaped_popup_values():
    slim = page_feature(TOWN, 3)
    assert set(slim["properties"]) == {"_id", "_s", "_p", "_tooltip", "start", "end"}
    assert slim["properties"]["_tooltip"] == "town 2017-01-05"
    assert slim["geometry"] == TOWN["geometry"]


def test_a_date_that_is_not_an_iso_day_is_left_out():
    slim = page_feature(place("x", 1.0, 2.0, start="{{ 7*7 }}", end=None), 0)
    assert "start" not in slim["properties"] and "end" not in slim["properties"]


def test_features_of_the_same_look_share_one_style():
    points = [place(f"p{i}", 40.0, 33.0, event_type="Battles") for i in range(5)]
    points.append(place("q", 40.0, 33.0, event_type="Explosions/Remote violence"))
    data, styles = styled_collection(points, point_style)
    assert len(json.loads(styles)) == 2
    assert [f["properties"]["_s"] for f in data["features"]] == [0, 0, 0, 0, 0, 1]


def test_the_timeline_layers_carry_start_and_end():
    html = build_map(FEATURES, timeline=True).get_root().render()
    data = re.findall(r"L\.timeline\(\s*(\{.*?\}),\s*timeline_\w+_options", html, re.S)
    assert len(data) == 3
    route = next(json.loads(d) for d in data if '"LineString"' in d)["features"][0]
    assert (
        route["properties"]["start"] == "2017-01-05" and route["properties"]["end"] == "2017-01-06"
    )
    assert "L.timelineSliderControl(" in html


def test_undated_features_stay_visible_on_a_timeline_map():
    undated = place("undated", 43.0, 36.0, start=None, end=None)
    html = build_map([TOWN, undated], timeline=True).get_root().render()
    assert "Places (undated)" in html and html.count("L.timeline(") == 1
