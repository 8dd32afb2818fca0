import sqlite3

import pytest

from geo.errors import InputError, StoreError
from geo.model import Article
from geo.store import deletion
from geo.store.ingest import IngestReport, ingest_article
from geo.store.sqlite import SQLiteStore
from tests.examples import point_feature


def mention(fid, start=10):
    f = point_feature(fid, lat=36.3, lon=43.1, source="s")
    f["properties"].update(char_start=start, char_end=start + 5)
    return f


@pytest.fixture
def store(tmp_path):
    with SQLiteStore(tmp_path / "events.sqlite3") as s:
        s.add_article(Article("Fighting in Mosul.", "mosul.txt"), [mention("m-0")], batch="one")
        s.add_article(Article("Floods in Basra.", "basra.txt"), [mention("b-0")], batch="one")
        s.add_article(Article("Strikes on Raqqa.", "raqqa.txt"), [mention("r-0")], batch="two")
        yield s


def article_id(store, source):
    return next(a["id"] for a in store.articles() if a["source"] == source)


def test_a_deleted_article_takes_its_features_and_corrections_with_it(store):
    store.add_correction("m-0", 36.34, 43.13, note="the old town")
    entry = store.delete_article(article_id(store, "mosul.txt"), reason="a duplicate")
    assert [f["id"] for f in store.features()] == ["b-0", "r-0"]
    assert store.corrections_log() == []
    assert (entry["features"], entry["corrections"], entry["reason"]) == (1, 1, "a duplicate")


def test_every_deletion_is_logged_with_what_the_article_was(store):
    store.delete_article(article_id(store, "basra.txt"))
    [logged] = store.deletions_log()
    assert (logged["source"], logged["batch"], logged["features"]) == ("basra.txt", "one", 1)


def test_an_unknown_article_id_is_named_and_nothing_is_deleted(store):
    with pytest.raises(InputError, match="999"):
        store.delete_article(999)
    assert len(store.articles()) == 3 and store.deletions_log() == []


def test_undoing_an_import_deletes_its_articles_only(store):
    deleted = store.delete_batch("one")
    assert sorted(e["source"] for e in deleted) == ["basra.txt", "mosul.txt"]
    assert [a["source"] for a in store.articles()] == ["raqqa.txt"]
    assert [b["batch"] for b in store.batches()] == ["two"]


def test_an_unknown_import_is_named(store):
    with pytest.raises(InputError, match="'three'"):
        store.delete_batch("three")


def test_an_import_is_undone_in_one_transaction(store, monkeypatch):
    real = deletion.delete_rows

    def fails_after_the_first(db, ids, reason):
        real(db, ids[:1], reason)
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr("geo.store.sqlite.delete_rows", fails_after_the_first)
    with pytest.raises(StoreError, match="cannot delete"):
        store.delete_batch("one")
    assert len(store.articles()) == 3 and store.deletions_log() == []


def test_a_deletion_changes_the_stores_version(store):
    before = store.version()
    store.delete_article(article_id(store, "basra.txt"))  # not the newest article
    assert store.version() != before


def test_a_deleted_article_can_be_added_again(store):
    store.delete_article(article_id(store, "mosul.txt"))
    assert store.add_article(Article("Fighting in Mosul.", "mosul.txt"), [mention("m-0")])


def test_an_ingest_stores_its_articles_as_one_import(tmp_path):
    report = IngestReport()
    with SQLiteStore(tmp_path / "s.sqlite3") as store:
        for text in ("One.", "Two."):
            ingest_article(Article(text, f"{text}txt"), store, lambda a: [], report)
        assert store.batches() == [
            {
                "batch": report.batch,
                "articles": 2,
                "ingested_at": store.articles()[0]["ingested_at"],
                "features": 0,
            }
        ]
