import json
import signal
import subprocess
import sys
import threading
import time
from collections import deque
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import psutil
import pytest

from geo.errors import InputError
from geo.model import Article
from geo.store import pool
from geo.store.ingest import ingest_paths
from geo.store.pool import (
    EmbeddedGeoparser,
    checked_workers,
    geoparsed,
    pool_size,
    shared_out,
)
from geo.store.sqlite import SQLiteStore
from geo.text.reading import read_articles

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "data" / "demo"


def demo_articles() -> list[Article]:
    return [
        article
        for path in sorted(DEMO.iterdir())
        if path.suffix != ".md"
        for article in read_articles(path)
    ]


@pytest.fixture
def pool_for_any_batch(monkeypatch):
    """Start worker processes even for a handful of articles."""
    monkeypatch.setattr(pool, "MIN_ARTICLES_PER_WORKER", 1)


def test_a_small_batch_is_geoparsed_in_this_process():
    assert pool_size(workers=8, articles=20) == 0
    assert pool_size(workers=1, articles=10_000) == 0


def test_a_large_batch_gets_every_worker_asked_for():
    assert pool_size(workers=2, articles=1_000) == 2


def test_the_writing_process_takes_chunks_too_and_hands_out_every_outcome_in_order():
    def work(chunk):
        time.sleep(0.02)
        return [(n, threading.current_thread().name) for n in chunk]

    chunks = deque((number, range(number * 3, number * 3 + 3)) for number in range(12))
    with ThreadPoolExecutor(1, thread_name_prefix="worker") as executor:
        done = list(shared_out(chunks, executor, 2, work))
    assert [n for n, _ in done] == list(range(36))
    assert {name.startswith("worker") for _, name in done} == {True, False}


def test_workers_must_be_a_whole_number_of_at_least_one():
    assert checked_workers("3") == 3
    for bad in ("0", "-1", "two"):
        with pytest.raises(ValueError, match=repr(bad)):
            checked_workers(bad)


@pytest.mark.slow
def test_two_worker_processes_find_the_same_features_in_the_same_order(pool_for_any_batch):
    articles = demo_articles()
    geoparse = EmbeddedGeoparser()
    alone = list(geoparsed(articles, geoparse, workers=1))
    assert list(geoparsed(articles, geoparse, workers=2)) == alone
    assert sum(len(features) for features in alone) > 20


@pytest.mark.slow
def test_an_article_refused_in_a_worker_comes_back_as_its_error(pool_for_any_batch):
    articles = [Article("Fighting in Mosul.", "short"), Article("Fighting. " * 20, "long")]
    short, long = geoparsed(articles, EmbeddedGeoparser(max_bytes=100), workers=2)
    assert isinstance(long, InputError) and "long" in str(long)
    assert any(f["properties"].get("name") == "Mosul" for f in short)


@pytest.mark.slow
def test_an_ingest_with_two_workers_stores_every_article_once(pool_for_any_batch, tmp_path):
    with SQLiteStore(tmp_path / "s.sqlite3") as store:
        report = ingest_paths([DEMO, DEMO], store, EmbeddedGeoparser(), progress=False, workers=2)
        assert len(report.added) == len(demo_articles()) == len(store.articles())
        assert len(report.skipped) == len(report.added)  # the folder named twice


def placed_at_mosul(article: Article) -> list[dict]:
    """A geoparser that pickles and loads no gazetteer: one point per article."""
    point = {"type": "Point", "coordinates": [43.1, 36.3]}
    properties = {"feature_type": "place", "name": "Mosul", "source": article.source}
    return [{"type": "Feature", "id": article.source, "geometry": point, "properties": properties}]


@pytest.mark.slow
def test_the_articles_two_workers_geoparse_are_stored_in_the_ingest_s_import(
    pool_for_any_batch, tmp_path
):
    with SQLiteStore(tmp_path / "s.sqlite3") as store:
        report = ingest_paths([DEMO], store, placed_at_mosul, progress=False, workers=2)
        assert report.added and {a["batch"] for a in store.articles()} == {report.batch}
        store.delete_batch(report.batch)
        assert store.articles() == [] and store.features() == []


@pytest.mark.slow
def test_the_workers_of_a_killed_ingest_exit_too(tmp_path):
    records = [json.dumps({"text": f"Fighting in Mosul, report {n}."}) for n in range(200)]
    (tmp_path / "news.jsonl").write_text("\n".join(records), encoding="utf-8")
    command = [sys.executable, "-m", "geo", "ingest", "--quiet", "--workers", "3"]
    command += ["--store", str(tmp_path / "s.sqlite3"), str(tmp_path / "news.jsonl")]
    ingest = subprocess.Popen(command, cwd=ROOT, stderr=subprocess.DEVNULL)
    writer = psutil.Process(ingest.pid)
    deadline = time.monotonic() + 60
    # two worker processes beside the writer, and the resource tracker multiprocessing starts
    while len(started := writer.children()) < 3 and time.monotonic() < deadline:
        time.sleep(0.1)
    ingest.send_signal(signal.SIGKILL)
    ingest.wait()
    gone, alive = psutil.wait_procs(started, timeout=10)
    assert len(gone) == 3 and alive == []


def test_the_command_line_refuses_zero_workers(tmp_path):
    command = [sys.executable, "-m", "geo", "ingest", "--workers", "0", str(tmp_path)]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    assert done.returncode == 2 and "--workers '0'" in done.stderr
