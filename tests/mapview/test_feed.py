import datetime as dt
import json

import pytest

from geo.mapview import build_map, event_feed, selected_layer
from geo.mapview.aggregate import AGGREGATE_ABOVE
from geo.mapview.build import page_layers
from geo.mapview.feed import publish_feed
from geo.schema import DateWindow
from tests.mapview.examples import FEATURES, TOWN, place


def script_of(group) -> str:
    """The page script of a layer sent on its own, as st_folium renders it."""
    fmap = build_map([], with_events=False)
    group.add_to(fmap)
    fmap.get_root().render()
    return "".join(child._template.module.script(child) for child in group._children.values())


def test_a_feed_holds_every_layer_of_the_view_in_one_file(tmp_path):
    feed = event_feed(FEATURES, tmp_path, "/feeds")
    assert feed.layers == ("Areas", "Routes", "Places")
    assert feed.url == f"/feeds/{feed.path.name}" and feed.path.parent == tmp_path
    content = json.loads(feed.path.read_text())
    assert [f["properties"]["_id"] for f in content["Places"]["data"]["features"]] == ["town"]
    assert len(content["Areas"]["data"]["features"]) == 2
    assert content["Places"]["styles"][0]["radius"] > 0


def test_the_same_view_is_published_once_and_another_view_gets_another_file(tmp_path):
    first = event_feed(FEATURES, tmp_path)
    again = event_feed(list(FEATURES), tmp_path)
    other = event_feed([TOWN], tmp_path)
    assert again.path == first.path
    assert other.path != first.path and other.layers == ("Places",)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([first.path.name, other.path.name])


def test_old_feeds_are_removed_beyond_the_ones_kept(tmp_path):
    feeds = [
        publish_feed(page_layers([place(f"p{k}", 43.0, 36.0)]), tmp_path, keep=2) for k in range(5)
    ]
    assert sorted(tmp_path.iterdir()) == sorted(f.path for f in feeds[-3:])


def test_article_text_in_a_feed_is_escaped(tmp_path):
    hostile = place(
        "x", 43.0, 36.0, name="<img src=x onerror=alert(1)>", quote="<script>1</script>"
    )
    text = event_feed([hostile], tmp_path).path.read_text()
    assert "<img" not in text and "<script>" not in text
    assert "&lt;img src=x onerror=alert(1)&gt;" in text


def test_the_base_map_fetches_the_feed(tmp_path):
    feed = event_feed(FEATURES, tmp_path, "/feeds")
    html = build_map(FEATURES, with_events=False, feed=feed).get_root().render()
    assert f'fetch("/feeds/{feed.path.name}")' in html
    assert '"west-half"' not in html  # the events come from the feed, not the page


def test_a_date_change_sends_only_the_window(tmp_path):
    feed = event_feed(FEATURES, tmp_path)
    layers = feed.window_layers(DateWindow(dt.date(2017, 1, 1), dt.date(2017, 1, 31)))
    assert [g.layer_name for g in layers] == ["Areas", "Routes", "Places"]
    script = script_of(layers[2])
    assert "window.gmFill(feature_group_" in script
    assert '"Places", "2017-01-01", "2017-01-31"' in script
    assert len(script) < 300


def test_an_open_window_is_sent_as_null(tmp_path):
    layers = event_feed([TOWN], tmp_path).window_layers(DateWindow())
    assert '"Places", null, null' in script_of(layers[0])


def test_the_selected_feature_is_raised_above_the_feed_layers(tmp_path):
    feed = event_feed(FEATURES, tmp_path)
    [group] = selected_layer(FEATURES, "town", feed)
    assert group.layer_name == "Selected"
    assert "bringToFront" in script_of(group)
    assert selected_layer(FEATURES, None, feed) == []
    assert selected_layer(FEATURES, "missing", feed) == []


def test_too_many_places_for_a_feed_are_left_to_the_server(tmp_path):
    many = [
        place(f"p{k}", 40 + k % 50 * 0.1, 33 + k // 50 * 0.01) for k in range(AGGREGATE_ABOVE + 1)
    ]
    assert event_feed(many, tmp_path) is None
    assert list(tmp_path.iterdir()) == []


def test_a_folder_that_cannot_be_written_leaves_the_layers_to_the_server(tmp_path):
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    with pytest.warns(UserWarning, match="event feed not written"):
        assert event_feed(FEATURES, blocked / "feed") is None
