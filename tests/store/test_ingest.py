import datetime as dt
import json
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from geo.errors import GeoError, InputError
from geo.model import Article
from geo.store.ingest import (
    WRITE_BATCH,
    IngestReport,
    ReprocessReport,
    ingest_paths,
    ingest_received,
    reprocess_store,
)
from geo.store.sqlite import SQLiteStore

ROOT = Path(__file__).resolve().parents[2]


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


def test_progress_is_reported_article_by_article(folder, tmp_path):
    seen = []
    with SQLiteStore(tmp_path / "s.sqlite3") as store:
        ingest_paths(
            [folder],
            store,
            fake_geoparse,
            progress=lambda done, total, name: seen.append((done, total)),
        )
    assert seen == [(1, 4), (2, 4), (3, 4), (4, 4)]


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


def test_uploads_then_a_folder_are_ingested_as_one_batch(folder, tmp_path):
    heard = []
    report = IngestReport()
    with SQLiteStore(tmp_path / "s.sqlite3") as store:
        uploads = [("up.txt", "Des renforts à Kirkouk.".encode()), ("bad.json", b'{"text": ')]
        ingest_received(
            uploads, folder, store, fake_geoparse, report, progress=lambda *step: heard.append(step)
        )
    assert len(report.added) == 5 and [name for name, _ in report.failed] == ["bad.json"]
    assert heard[0] == (1, 5, "up.txt") and heard[-1][:2] == (5, 5)


def test_uploads_and_a_folder_are_one_import(folder, tmp_path):
    report = IngestReport()
    with SQLiteStore(tmp_path / "s.sqlite3") as store:
        uploads = [("up.txt", "Des renforts à Kirkouk.".encode())]
        ingest_received(uploads, folder, store, fake_geoparse, report, progress=lambda *_: None)
        assert [b["batch"] for b in store.batches()] == [report.batch]
        assert {a["batch"] for a in store.articles()} == {report.batch}


def test_an_ingest_written_a_group_at_a_time_is_undone_whole(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for n in range(2 * WRITE_BATCH + 3):
        (folder / f"{n:02}.txt").write_text(f"Combats numéro {n} à Bagdad.", encoding="utf-8")
    with SQLiteStore(tmp_path / "s.sqlite3") as store:
        store.add_article(Article("Stored before.", "before.txt"), [], batch="earlier")
        report = ingest_paths([folder], store, fake_geoparse, progress=False)
        assert len(store.delete_batch(report.batch)) == 2 * WRITE_BATCH + 3
        assert [a["source"] for a in store.articles()] == ["before.txt"]


def test_an_article_stored_alone_after_its_group_was_refused_keeps_the_import(folder, tmp_path):
    def same_feature_id(article):
        return [{**fake_geoparse(article)[0], "id": "shared"}]

    with SQLiteStore(tmp_path / "s.sqlite3") as store:
        report = ingest_paths([folder], store, same_feature_id, progress=False)
        assert len(report.added) == 1 and len(report.failed) == 3
        assert [a["batch"] for a in store.articles()] == [report.batch]


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


def test_a_bad_json_line_is_named_and_the_records_after_it_go_in(tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text('{"text": "One"}\n{"text": [1]}\n{oops\n{"text": "Four"}\n', "utf-8")
    with SQLiteStore(tmp_path / "s.sqlite3") as store:
        report = ingest_paths([feed], store, fake_geoparse, progress=False)
        assert [a["source"] for a in store.articles()] == [f"{feed}:1", f"{feed}:4"]
    assert [message for _, message in report.failed] == [
        f"{feed}:2: a JSON article needs a string field 'text'",
        f"{feed}:3: not valid JSON (Expecting property name enclosed in double quotes)",
    ]


@pytest.mark.parametrize("name", ["..", ".", "", "a\x00.txt", "x" * 300 + ".txt", "notes.md"])
def test_an_upload_with_no_usable_name_is_refused_and_the_others_go_in(tmp_path, name):
    report = IngestReport()
    uploads = [(name, b"Fighting in Mosul."), ("ok.txt", b"Floods in Basra.")]
    with SQLiteStore(tmp_path / "s.sqlite3") as store:
        ingest_received(uploads, None, store, fake_geoparse, report, progress=lambda *_: None)
    assert report.added == ["ok.txt"] and len(report.failed) == 1
    assert str(tmp_path) not in report.failed[0][1]


def test_a_server_folder_is_read_inside_its_root_and_named_relative_to_it(tmp_path):
    root = tmp_path / "root"
    (root / "in").mkdir(parents=True)
    (root / "in" / "a.txt").write_text("Fighting in Mosul.", "utf-8")
    (tmp_path / "secret.txt").write_text("Secret plans.", "utf-8")
    (root / "in" / "leak.txt").symlink_to(tmp_path / "secret.txt")
    report = IngestReport()
    with SQLiteStore(tmp_path / "s.sqlite3") as store:
        ingest_received(
            [], root / "in", store, fake_geoparse, report, progress=lambda *_: None, root=root
        )
        assert [a["source"] for a in store.articles()] == ["in/a.txt"]
    assert report.failed == [
        ("in/leak.txt", "in/leak.txt: a link to a file outside the folders this server reads")
    ]


def test_files_in_other_encodings_go_in_and_the_report_says_which(tmp_path):
    (tmp_path / "a.txt").write_bytes("Combats à Mossoul.".encode("utf-16"))
    (tmp_path / "b.txt").write_bytes("Combats à Bagdad.".encode("latin-1"))
    with SQLiteStore(tmp_path / "s.sqlite3") as store:
        report = ingest_paths([tmp_path], store, fake_geoparse, progress=False)
        assert store.article_text(str(tmp_path / "b.txt")) == "Combats à Bagdad."
    assert report.decoded == [
        (str(tmp_path / "a.txt"), "utf-16-le"),
        (str(tmp_path / "b.txt"), "cp1252"),
    ]
    assert f"read as cp1252: {tmp_path / 'b.txt'}" in report.summary()


def test_an_article_the_geoparser_refuses_is_named_and_the_rest_goes_in(folder, tmp_path):
    def refusing(article):
        if "Basra" in article.text:
            raise InputError(f"{article.source}: too long")
        return fake_geoparse(article)

    with SQLiteStore(tmp_path / "s.sqlite3") as store:
        report = ingest_paths([folder], store, refusing, progress=False)
    assert len(report.added) == 3 and report.failed == [
        (str(folder / "b.json"), f"{folder / 'b.json'}: too long")
    ]


def article_folder(path, count):
    """``count`` short news articles of varied sentences, one file each."""
    sys.path.insert(0, str(ROOT / "bench"))
    from long_article import long_article

    path.mkdir()
    for n in range(count):
        (path / f"{n:03}.txt").write_text(long_article(600, seed=n), encoding="utf-8")
    return path


def start_ingest(store, folder):
    command = [sys.executable, "-m", "geo", "ingest", "--quiet", "--store", str(store), str(folder)]
    return subprocess.Popen(command, cwd=ROOT, stderr=subprocess.DEVNULL)


def whole_articles(store) -> list[str]:
    """The stored sources, after checking that every article has all its features."""
    db = sqlite3.connect(store, timeout=10)
    try:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        rows = db.execute(
            "SELECT a.source, a.feature_count, COUNT(f.id) FROM articles a"
            " LEFT JOIN features f ON f.article_id = a.id GROUP BY a.id ORDER BY a.id"
        ).fetchall()
    finally:
        db.close()
    assert all(expected == found for _, expected, found in rows)
    return [source for source, _, _ in rows]


@pytest.mark.slow
def test_an_ingest_killed_again_and_again_loses_nothing_stored(tmp_path, gazetteer):
    store, folder = tmp_path / "s.sqlite3", article_folder(tmp_path / "in", 400)
    with SQLiteStore(store) as s:
        s.add_article(Article("An article stored before.", "before.txt"), [])
    stored = ["before.txt"]
    for delay in (1.0, 1.5, 2.0):
        ingest = start_ingest(store, folder)
        time.sleep(delay)
        ingest.send_signal(signal.SIGKILL)
        ingest.wait()
        now = whole_articles(store)
        assert now[: len(stored)] == stored  # what was in stays in
        stored = now
    assert start_ingest(store, folder).wait() == 0
    assert sorted(whole_articles(store)) == sorted(
        ["before.txt", *(str(p) for p in folder.iterdir())]
    )


@pytest.mark.slow
def test_a_reader_sees_only_whole_articles_while_an_ingest_writes(tmp_path, gazetteer):
    store, folder = tmp_path / "s.sqlite3", article_folder(tmp_path / "in", 150)
    SQLiteStore(store).close()
    ingest = start_ingest(store, folder)
    reads, seen = 0, 0
    try:
        while ingest.poll() is None:
            seen = max(seen, len(whole_articles(store)))
            reads += 1
    finally:
        ingest.kill()
        ingest.wait()
    assert reads > 3 and seen > 0


def stored_dates(store):
    return {a.source: a.published for _, a in store.stored_articles()}


def test_uploads_without_a_date_take_the_one_given_with_them(tmp_path):
    report = IngestReport()
    uploads = [("a.txt", "Des combats à Bagdad mardi.".encode())]
    with SQLiteStore(tmp_path / "s.sqlite3") as store:
        ingest_received(
            uploads,
            None,
            store,
            fake_geoparse,
            report,
            progress=lambda *_: None,
            published=dt.date(2017, 1, 5),
        )
        assert stored_dates(store) == {"a.txt": dt.date(2017, 1, 5)}


def test_an_upload_that_gives_its_own_date_keeps_it(tmp_path):
    report = IngestReport()
    record = json.dumps({"text": "Fighting in Basra.", "published": "2017-02-01"})
    with SQLiteStore(tmp_path / "s.sqlite3") as store:
        ingest_received(
            [("b.json", record.encode())],
            None,
            store,
            fake_geoparse,
            report,
            progress=lambda *_: None,
            published=dt.date(2017, 1, 5),
        )
        assert stored_dates(store) == {"b.json": dt.date(2017, 2, 1)}
