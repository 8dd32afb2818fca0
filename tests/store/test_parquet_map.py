import datetime as dt

import pytest

from geo.model import Article
from geo.schema import DateWindow
from geo.store.archive import Archive
from geo.store.geoparquet import articles_table, features_table
from geo.store.parquet import ParquetStore
from geo.store.parquet_map import archive_summary, cell_degrees, map_window, window_cells
from geo.store.sqlite import content_hash
from geo.view.bounds import MapBounds
from geo.view.filter import ViewFilter
from tests.examples import point_feature

JANUARY = ViewFilter(window=DateWindow(dt.date(2017, 1, 1), dt.date(2017, 1, 31)))
EVERY_DAY = ViewFilter(window=DateWindow(dt.date(2016, 1, 1), dt.date(2018, 12, 31)))
AROUND_MOSUL = MapBounds(35.0, 42.0, 37.0, 44.0)


def mosul(fid, start="2017-01-05", event_type="Battles", lat=36.34, lon=43.13, **more):
    return point_feature(fid, start, None, event_type, lat=lat, lon=lon, **more)


@pytest.fixture
def archive(tmp_path):
    """In January 2017 three battles and two airstrikes in Mosul, a battle in Tal Afar (70 km
    west), two protests in Baghdad; in March a riot in Mosul; an undated protest in Paris;
    a nationality mention at Iraq's centre."""
    features = [
        mosul("m1"),
        mosul("m2", "2017-01-06"),
        mosul("m3", "2017-01-07", lat=36.36),
        mosul("m4", "2017-01-08", "Explosions/Remote violence"),
        mosul("m5", "2017-01-09", "Explosions/Remote violence", lon=43.15),
        mosul("t1", "2017-01-10", lat=36.37, lon=42.45),
        mosul("b1", "2017-01-11", "Protests", lat=33.31, lon=44.37),
        mosul("b2", "2017-01-12", "Protests", lat=33.34, lon=44.40),
        mosul("m6", "2017-03-02", "Riots"),
        mosul("p1", None, "Protests", lat=48.86, lon=2.35),
        mosul("iq", "2017-01-05", lat=33.0, lon=44.0, demonym=True),
    ]
    article = Article("One.", "one.txt")
    digest = content_hash(article.text)
    path = tmp_path / "archive"
    with Archive(path).writing() as writer:
        writer.commit(
            articles_table([(digest, article, len(features))]),
            features_table([(digest, feature) for feature in features]),
        )
    with ParquetStore(path) as store:
        yield store


def test_a_cell_counts_its_places_and_names_their_most_frequent_type(archive):
    [cell] = window_cells(archive, JANUARY, MapBounds(36.0, 43.0, 36.5, 43.5), cell_degrees(6))
    assert (cell["count"], cell["event_type"]) == (5, "Battles")
    assert cell["share"] == pytest.approx(3 / 5)
    assert 36.34 <= cell["lat"] <= 36.36 and 43.13 <= cell["lon"] <= 43.15  # their mean position


def test_cells_get_finer_as_the_map_zooms_in(archive):
    wide = window_cells(archive, JANUARY, AROUND_MOSUL, cell_degrees(4))
    close = window_cells(archive, JANUARY, AROUND_MOSUL, cell_degrees(8))
    assert [c["count"] for c in wide] == [6]  # Mosul and Tal Afar in one cell of 5.6°
    assert [c["count"] for c in close] == [5, 1]  # apart in cells of 0.35°


def test_a_tie_goes_to_the_type_first_in_alphabetical_order(archive):
    window = ViewFilter(window=DateWindow(dt.date(2017, 1, 7), dt.date(2017, 1, 8)))
    [cell] = window_cells(archive, window, AROUND_MOSUL, cell_degrees(6))
    assert (cell["count"], cell["event_type"]) == (2, "Battles")


def test_cells_count_only_the_date_window(archive):
    march = ViewFilter(window=DateWindow(dt.date(2017, 3, 1), dt.date(2017, 3, 31)))
    [cell] = window_cells(archive, march, AROUND_MOSUL, cell_degrees(6))
    assert (cell["count"], cell["event_type"]) == (1, "Riots")


def test_cells_count_only_places_inside_the_bounds(archive):
    cells = window_cells(archive, JANUARY, MapBounds(32.0, 43.5, 34.0, 45.0), cell_degrees(6))
    assert [(c["count"], c["event_type"]) for c in cells] == [(2, "Protests")]


def test_cells_follow_the_view_s_filters(archive):
    airstrikes = ViewFilter(window=JANUARY.window, event_types=("Explosions/Remote violence",))
    [cell] = window_cells(archive, airstrikes, AROUND_MOSUL, cell_degrees(6))
    assert (cell["count"], cell["event_type"]) == (2, "Explosions/Remote violence")


def test_nationality_mentions_are_counted_only_when_the_view_shows_them(archive):
    bounds = MapBounds(32.5, 43.5, 33.2, 44.2)  # Baghdad left out
    assert window_cells(archive, JANUARY, bounds, cell_degrees(6)) == []
    shown = ViewFilter(window=JANUARY.window, demonyms=True)
    assert [c["count"] for c in window_cells(archive, shown, bounds, cell_degrees(6))] == [1]


def test_a_window_with_few_places_in_the_bounds_is_drawn_as_its_events(archive):
    drawn = map_window(archive, JANUARY, AROUND_MOSUL, zoom=8, most=10)
    assert not drawn.grouped
    assert [f["id"] for f in drawn.features] == ["m1", "m2", "m3", "m4", "m5", "t1"]
    assert (drawn.total, drawn.in_bounds) == (8, 6)  # Baghdad is in the window, not the bounds


def test_a_window_with_too_many_places_in_the_bounds_is_drawn_as_cells(archive):
    drawn = map_window(archive, JANUARY, AROUND_MOSUL, zoom=8, most=5)
    assert drawn.grouped and drawn.features == ()
    assert drawn.cell_degrees == cell_degrees(8)
    assert sum(c["count"] for c in drawn.cells) == 6


def test_months_after_the_window_are_not_read(archive):
    january = [path.parent.name for path in archive.window_files(JANUARY)]
    assert january == ["month=2017-01"]
    assert len(archive.window_files(EVERY_DAY)) == 2  # the undated ones left out too


def test_the_summary_of_an_archive_is_counted_by_the_server(archive):
    summary = archive_summary(archive)
    assert summary["count"] == 11 and summary["undated"] == 1
    assert summary["bounds"] == (dt.date(2017, 1, 5), dt.date(2017, 3, 2))
    assert summary["per_day"][dt.date(2017, 1, 5)] == 2  # Mosul, and the nationality mention
    assert summary["choices"]["event_type"] == [
        "Battles",
        "Explosions/Remote violence",
        "Protests",
        "Riots",
    ]
    assert summary["choices"]["source"] == []  # the examples name no source
    extent = summary["extent"]
    assert (extent.south, extent.west, extent.north, extent.east) == (33.0, 2.35, 48.86, 44.4)
