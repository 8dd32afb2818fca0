import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from geo.errors import InputError, StoreError
from geo.model import Article
from geo.schema import DateWindow
from geo.store import open_store
from geo.store.archive import Archive
from geo.store.geoparquet import articles_table, features_table
from geo.store.sqlite import SQLiteStore, content_hash
from geo.store.transfer import fill_from_archive
from geo.view.filter import ViewFilter
from tests.examples import point_feature

ROOT = Path(__file__).resolve().parents[2]
JANUARY = ViewFilter(window=DateWindow(dt.date(2017, 1, 1), dt.date(2017, 1, 31)))


@pytest.fixture
def archive(tmp_path):
    """Two articles: a battle and an airstrike in Mosul in January, an undated protest far off."""
    one, two = Article("One.", "one.txt"), Article("Two.", "two.txt")
    features = [
        (content_hash(one.text), point_feature("a", "2017-01-05", event_type="battle")),
        (content_hash(one.text), point_feature("b", "2017-01-06", event_type="battle")),
        (content_hash(two.text), point_feature("c", "2017-01-20", event_type="airstrike")),
        (content_hash(two.text), point_feature("d", None, None, "protest", lat=48.8, lon=2.3)),
    ]
    articles = [(content_hash(one.text), one, 2), (content_hash(two.text), two, 2)]
    Archive(tmp_path / "archive").commit(articles_table(articles), features_table(features))
    return tmp_path / "archive"


def test_a_window_is_answered_from_the_archive(archive):
    with open_store(f"parquet:{archive}") as store:
        assert [f["id"] for f in store.features()] == ["d", "a", "b", "c"]
        assert [f["id"] for f in store.features(JANUARY)] == ["a", "b", "c"]


def test_the_archive_is_read_only(archive):
    with open_store(f"parquet:{archive}") as store, pytest.raises(StoreError, match="read-only"):
        store.add_article(Article("Three.", "three.txt"), [])


def test_a_missing_archive_is_named(tmp_path):
    with pytest.raises(InputError, match="no Parquet archive"):
        open_store(f"parquet:{tmp_path / 'nowhere'}")


def test_the_sqlite_store_filled_from_an_archive_holds_the_same_features(archive, tmp_path):
    with SQLiteStore(tmp_path / "s.sqlite3") as sqlite, open_store(f"parquet:{archive}") as parquet:
        assert len(fill_from_archive(archive, sqlite).added) == 2
        assert len(fill_from_archive(archive, sqlite).skipped) == 2  # a second time adds nothing
        assert sqlite.features(JANUARY) == parquet.features(JANUARY)


def test_a_load_from_an_archive_is_one_import_that_can_be_undone(archive, tmp_path):
    with SQLiteStore(tmp_path / "s.sqlite3") as sqlite:
        report = fill_from_archive(archive, sqlite)
        assert {a["batch"] for a in sqlite.articles()} == {report.batch}
        sqlite.delete_batch(report.batch)
        assert sqlite.articles() == [] and sqlite.features() == []


def test_export_reads_the_archive(archive):
    command = [sys.executable, "-m", "geo", "export", "--format", "csv", "--store"]
    done = subprocess.run(
        [*command, f"parquet:{archive}", "--type", "airstrike"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    assert len(done.stdout.splitlines()) == 2 and ",c," in done.stdout


def test_the_dashboard_opens_on_an_archive(archive, monkeypatch):
    monkeypatch.setenv("GEO_STORE", f"parquet:{archive}")
    monkeypatch.setenv("GEO_TILES", "none")
    app = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    app.run()
    assert not app.exception
    assert not [e.value for e in app.error]
