import json

import pytest

from geo.errors import GeoError
from geo.store.ingest import (
    IngestReport,
    ReprocessReport,
    ingest_paths,
    ingest_received,
    reprocess_store,
)
from geo.store.sqlite import SQLiteStore


def fake_geoparse(article):
    return [
        {
            "type": "Feature",
            "id": f"{article.source}-0",
            "geometry": {"type": "Point", "coordinates": [44.4, 33.3]},
            "properties": {"feature_type": "place", "name": "Baghdad", "source": article.source},
        }
    ]


@pytest.fixture
def folder(tmp_path):
    (tmp_path / "a.txt").write_text("Des combats à Bagdad.", encoding="utf-8")
    (tmp_path / "b.json").write_text(
        json.dumps({"title": "B", "text": "Fighting in Basra.", "published": "2017-02-01"}),
        encoding="utf-8",
    )
    (tmp_path / "c.jsonl").write_text('{"text": "One"}\n{"text": "Two"}\n', encoding="utf-8")
    (tmp_path / "notes.md").write_text("not an article", encoding="utf-8")
    return tmp_path


def test_a_folder_is_ingested_article_by_article(folder, tmp_path):
    with SQLiteStore(tmp_path / "s.sqlite3") as store:
        report = ingest_paths([folder], store, fake_geoparse, progress=False)
        assert len(report.added) == 4 and not report.failed


def test_an_article_without_a_place_is_stored_and_reported(folder, tmp_path):
    def nothing_found(article):
        return []

    with SQLiteStore(tmp_path / "s.sqlite3") as store:
        report = ingest_paths([folder / "a.txt"], store, nothing_found, progress=False)
        assert report.added == report.placeless == [str(folder / "a.txt")]
        assert len(store.articles()) == 1
    assert report.summary().splitlines() == [
        f"no place found: {folder / 'a.txt'}",
        "1 added (1 without a place), 0 already stored, 0 failed",
    ]


def test_ingesting_twice_is_a_no_op(folder, tmp_path):
    with SQLiteStore(tmp_path / "s.sqlite3") as store:
        ingest_paths([folder], store, fake_geoparse, progress=False)
        again = ingest_paths([folder], store, fake_geoparse, progress=False)
        assert again.added == [] and len(again.skipped) == 4
        assert len(store.articles()) == 4


def test_a_bad_file_is_reported_by_name_and_the_rest_goes_in(folder, tmp_path):
    (folder / "broken.json").write_text("{not json", encoding="utf-8")
    (folder / "image.txt").write_bytes(b"\x89PNG\x00\x00")
    with SQLiteStore(tmp_path / "s.sqlite3") as store:
        report = ingest_paths([folder], store, fake_geoparse, progress=False)
    failed = " ".join(message for _, message in report.failed)
    assert "broken.json" in failed and "image.txt" in failed
    assert len(report.added) == 4


def test_progress_is_reported_file_by_file(folder, tmp_path):
    seen = []
    with SQLiteStore(tmp_path / "s.sqlite3") as store:
        ingest_paths(
            [folder],
            store,
            fake_geoparse,
            progress=lambda done, total, name: seen.append((done, total)),
        )
    assert seen[-1] == (3, 3)


def test_reprocessing_replaces_what_a_newer_geoparser_finds(folder, tmp_path):
    def moved(article):
        features = fake_geoparse(article)
        features[0]["geometry"]["coordinates"] = [47.8, 30.5]  # now placed at Basra
        return features

    def broken(article):
        raise GeoError(f"cannot parse {article.source}")

    with SQLiteStore(tmp_path / "s.sqlite3") as store:
        ingest_paths([folder / "a.txt", folder / "b.json"], store, fake_geoparse, progress=False)
        assert len(reprocess_store(store, fake_geoparse, progress=False).unchanged) == 2
        report = reprocess_store(store, moved, progress=False)
        assert len(report.changed) == 2 and not report.failed
        assert {tuple(f["geometry"]["coordinates"]) for f in store.features()} == {(47.8, 30.5)}
        failed = reprocess_store(store, broken, progress=False)
        assert len(failed.failed) == 2 and "cannot parse" in failed.summary()
        assert len(store.features()) == 2  # a failed article keeps its features


def test_uploads_then_a_folder_are_ingested_with_their_progress(folder, tmp_path):
    heard = []
    report = IngestReport()
    with SQLiteStore(tmp_path / "s.sqlite3") as store:
        uploads = [("up.txt", "Des renforts à Kirkouk.".encode()), ("bad.json", b'{"text": ')]
        ingest_received(
            uploads, folder, store, fake_geoparse, report, progress=lambda *step: heard.append(step)
        )
    assert len(report.added) == 5 and [name for name, _ in report.failed] == ["bad.json"]
    assert heard[:2] == [(1, 3, "up.txt"), (2, 3, "bad.json")]


def test_reports_speak_to_people_failures_first_and_counts_last():
    ingest = IngestReport(added=["a.txt", "b.txt"], failed=[("c.json", "c.json: not valid JSON")])
    ingest.placeless.append("b.txt")
    assert ingest.messages() == [
        ("error", "c.json: not valid JSON"),
        ("warning", "No place found in b.txt: it is stored but not on the map."),
        ("success", "2 added (1 without a place), 0 already stored, 1 failed"),
    ]
    reprocess = ReprocessReport(changed=["a.txt"], failed=[("b.txt", "unreadable")])
    assert reprocess.messages() == [
        ("error", "b.txt: unreadable"),
        ("success", "1 changed, 0 unchanged, 1 failed"),
    ]
