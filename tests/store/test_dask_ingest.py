"""The Dask engine on a real cluster: a ``dask scheduler`` and two ``dask worker`` processes
started on loopback, as people start them, one of them killed in the middle of a run."""

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from geo.store.archive import Archive
from geo.store.dask_ingest import ingest_on_dask

ROOT = Path(__file__).resolve().parents[2]
DASK = Path(sys.executable).parent / "dask"
PLACES = ("Mosul", "Raqqa", "Aleppo", "Kirkuk", "Tikrit", "Basra", "Homs", "Erbil")
START_SECONDS = 30
# A lost worker's address is refused at once; Dask's default would retry it for 30 s.
QUICK_GIVE_UP = {"DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT": "3s"}

pytestmark = pytest.mark.slow


def news_lines(path: Path, count: int) -> Path:
    """``count`` distinct short articles, one JSON record a line."""
    with path.open("w", encoding="utf-8") as out:
        for n in range(count):
            place, other = PLACES[n % len(PLACES)], PLACES[(n * 3 + 1) % len(PLACES)]
            text = (
                f"Fighting broke out in {place} on {1 + n % 28} January 2017, officials in "
                f"{other} said. Report number {n}: an airstrike hit {other} the next day."
            )
            out.write(json.dumps({"text": text, "published": "2017-02-01"}) + "\n")
    return path


def start(command: list[str], log: Path) -> subprocess.Popen:
    env = {**os.environ, **QUICK_GIVE_UP, "PYTHONPATH": str(ROOT)}
    with log.open("w") as out:
        return subprocess.Popen(command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)


def scheduler_address(path: Path) -> str:
    """The address the scheduler writes to its file, once the whole file is there."""
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline:
        try:
            return json.loads(path.read_text())["address"]
        except (OSError, ValueError, KeyError):
            time.sleep(0.1)
    raise TimeoutError(f"the dask scheduler wrote no address in {START_SECONDS} s")


@pytest.fixture
def cluster(tmp_path):
    """The scheduler's address, and the two worker processes (no nanny, so a killed worker
    stays dead)."""
    address_file = tmp_path / "scheduler.json"
    loopback = ["--host", "127.0.0.1", "--no-dashboard"]
    scheduler = start(
        [str(DASK), "scheduler", *loopback, "--port", "0", "--scheduler-file", str(address_file)],
        tmp_path / "scheduler.log",
    )
    worker = [str(DASK), "worker", "--scheduler-file", str(address_file), *loopback]
    worker += ["--nthreads", "1", "--no-nanny"]
    workers = []
    try:
        address = scheduler_address(address_file)
        workers = [start(worker, tmp_path / f"worker{n}.log") for n in range(2)]
        yield address, workers
    finally:
        for process in [*workers, scheduler]:
            process.kill()
            process.wait()


def stored_hashes(archive: Path) -> list[str]:
    """The content hashes of the committed articles, after checking that every file of the
    archive is a whole Parquet file listed by a commit."""
    files = {path for path in archive.rglob("*") if path.is_file() and path.name != ".lock"}
    committed = set(Archive(archive).article_files() + Archive(archive).feature_files())
    commits = set((archive / "_commits").glob("*.json"))
    assert files == committed | commits  # no temporary file, no file of an unfinished commit
    for path in committed:
        pq.read_table(path)
    return [
        h
        for p in Archive(archive).article_files()
        for h in pq.read_table(p)["content_hash"].to_pylist()
    ]


def test_a_worker_killed_mid_run_leaves_every_article_stored_once(cluster, tmp_path):
    address, workers = cluster
    source = news_lines(tmp_path / "news.jsonl", 160)
    archive = tmp_path / "archive"

    def kill_a_worker(result):
        if workers[0].poll() is None:
            workers[0].send_signal(signal.SIGKILL)

    report = ingest_on_dask(
        [source],
        archive,
        scheduler=address,
        workers=2,
        progress=kill_a_worker,
        partition_lines=8,
        commit_every=50,
    )
    assert workers[0].wait(timeout=5) == -signal.SIGKILL
    assert "Remove worker" in (tmp_path / "scheduler.log").read_text()
    hashes = stored_hashes(archive)
    assert len(hashes) == len(set(hashes)) == 160 == len(report.added)
    assert not report.failed


def test_running_again_over_the_same_input_adds_nothing(cluster, tmp_path):
    address, _ = cluster
    source = news_lines(tmp_path / "news.jsonl", 40)
    archive = tmp_path / "archive"
    first = ingest_on_dask([source], archive, scheduler=address, workers=2, progress=False)
    again = ingest_on_dask([source], archive, scheduler=address, workers=2, progress=False)
    assert len(first.added) == 40 and not again.added and len(again.skipped) == 40
    assert len(stored_hashes(archive)) == 40
