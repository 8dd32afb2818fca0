import json

import pyarrow.parquet as pq
import pytest

from geo.errors import StoreError
from geo.model import Article
from geo.store.archive import Archive
from geo.store.geoparquet import (
    articles_table,
    feature_of_row,
    features_table,
    property_columns,
    write_atomically,
)

POINT = {
    "type": "Feature",
    "id": "a-1",
    "geometry": {"type": "Point", "coordinates": [43.13, 36.34]},
    "properties": {
        "feature_type": "place",
        "name": "Mosul",
        "start": "2017-01-05",
        "end": "2017-01-05",
        "actors": ["Iraqi forces"],
        "alternatives": [{"name": "Mosul", "geonameid": 99072, "lat": 36.34, "lon": 43.13}],
        "geonameid": 99072,
        "confidence": 0.9,
        "a_property_of_a_newer_version": "kept",
    },
}
ROUTE = {
    "type": "Feature",
    "id": "a-2",
    "geometry": {"type": "LineString", "coordinates": [[42.35, 34.21], [41.0, 34.4]]},
    "properties": {"feature_type": "route", "kind": "route", "river": "Euphrates"},
}


def test_every_declared_property_is_a_column_of_its_type():
    columns = property_columns()
    assert str(columns["confidence"]) == "double" and str(columns["geonameid"]) == "int64"
    assert str(columns["actors"]) == "list<item: string>"
    assert str(columns["alternatives"]) == "string"  # nested: JSON text


def test_a_feature_reads_back_as_it_was_written():
    table = features_table([("h1", POINT), ("h1", ROUTE)])
    rows = table.to_pylist()
    assert [feature_of_row(row) for row in rows] == [POINT, ROUTE]
    assert rows[0]["month"] == "2017-01" and rows[1]["month"] == "undated"
    assert json.loads(rows[0]["alternatives"])[0]["geonameid"] == 99072


def test_a_written_file_carries_geoparquet_metadata(tmp_path):
    path = write_atomically(features_table([("h1", POINT)]), tmp_path / "f.parquet", geo=True)
    geo = json.loads(pq.read_metadata(path).metadata[b"geo"])
    assert geo["primary_column"] == "geometry"
    assert geo["columns"]["geometry"]["encoding"] == "WKB"
    assert geo["columns"]["geometry"]["bbox"] == [43.13, 36.34, 43.13, 36.34]
    assert [p.name for p in tmp_path.iterdir()] == ["f.parquet"]  # no temporary file left


def test_a_commit_puts_features_in_the_folder_of_their_event_month(tmp_path):
    archive = Archive(tmp_path / "a")
    articles = articles_table([("h1", Article("Text.", "a.txt"), 2)])
    archive.commit(articles, features_table([("h1", POINT), ("h1", ROUTE)]))
    months = sorted(path.parent.name for path in archive.feature_files())
    assert months == ["month=2017-01", "month=undated"]
    assert archive.content_hashes() == {"h1"}


def test_files_of_an_unfinished_commit_are_never_read_and_then_removed(tmp_path):
    archive = Archive(tmp_path / "a")
    stray = write_atomically(
        features_table([("h2", POINT)]), tmp_path / "a" / "month=2017-01" / "x.parquet"
    )
    assert archive.feature_files() == [] and archive.content_hashes() == set()
    with archive.writing():
        assert not stray.exists()


def test_a_second_writer_is_refused(tmp_path):
    first, second = Archive(tmp_path / "a"), Archive(tmp_path / "a")
    refused = pytest.raises(StoreError, match="another ingest")
    with first.writing(), refused, second.writing():
        pass
