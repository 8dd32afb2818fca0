"""Ingest speed with more processes: the process pool (1 and 2 workers, SQLite store), a local
Dask cluster (1 and 2 workers, GeoParquet archive), a real ``dask scheduler`` with two
``dask worker`` processes on loopback, and one large run.

    .venv/bin/python bench/scale.py [--articles 2000] [--repeat 3] [--large 100000]
                                    [--only pool dask cluster large]

The articles are the demo articles' sentences recombined (``bench/recombined.py``), written
under var/bench/ and never committed. Times are wall-clock seconds from the start of a run to
its last article stored, start-up of the workers included (so more articles favour more
workers). Memory per worker: resident set size of each worker process at the end of a run.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from recombined import write_jsonl

from geo.gazetteer.embedded import load_embedded_gazetteer
from geo.shapes import load_rivers
from geo.store.dask_ingest import ingest_on_dask
from geo.store.ingest import ingest_paths
from geo.store.pool import EmbeddedGeoparser
from geo.store.sqlite import SQLiteStore

ROOT = Path(__file__).resolve().parents[1]
WORK = ROOT / "var" / "bench"
DASK = Path(sys.executable).parent / "dask"


def timed(run) -> tuple[float, object]:
    start = time.perf_counter()
    result = run()
    return time.perf_counter() - start, result


def pool_run(source: Path, workers: int) -> float:
    """Seconds to ingest ``source`` into a fresh SQLite store with ``workers`` processes."""
    store = WORK / f"pool-{workers}.sqlite3"
    for path in WORK.glob(f"{store.name}*"):
        path.unlink()
    with SQLiteStore(store) as s:
        seconds, report = timed(
            lambda: ingest_paths([source], s, EmbeddedGeoparser(), progress=False, workers=workers)
        )
    assert not report.failed, report.failed[:3]
    return seconds


def worker_memory(address: str) -> list[float]:
    """Resident memory of each worker of a cluster, in MB."""
    from dask.distributed import Client

    def rss() -> float:
        import psutil

        return psutil.Process().memory_info().rss / 1e6

    with Client(address) as client:
        return sorted(client.run(rss).values())


def dask_run(source: Path, address: str, workers: int) -> float:
    """Seconds to ingest ``source`` into a fresh archive on the cluster at ``address``."""
    archive = WORK / f"archive-{workers}"
    shutil.rmtree(archive, ignore_errors=True)
    seconds, report = timed(
        lambda: ingest_on_dask(
            [source], archive, scheduler=address, workers=workers, progress=False
        )
    )
    assert not report.failed, report.failed[:3]
    return seconds


def local_cluster_run(source: Path, workers: int) -> tuple[float, list[float]]:
    """Seconds (cluster start-up included) and memory per worker on a local cluster."""
    from dask.distributed import LocalCluster

    start = time.perf_counter()
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True) as cluster:
        dask_run(source, cluster.scheduler_address, workers)
        return time.perf_counter() - start, worker_memory(cluster.scheduler_address)


def loopback_cluster_run(source: Path) -> tuple[float, list[float]]:
    """Seconds and memory per worker on ``dask scheduler`` + two ``dask worker`` on loopback,
    counted from the moment the commands are started."""
    folder = Path(tempfile.mkdtemp(prefix="geo-dask-"))
    address_file = folder / "scheduler.json"
    common = ["--host", "127.0.0.1", "--no-dashboard"]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}  # the workers import geo from this checkout
    start = time.perf_counter()
    processes = [
        subprocess.Popen(
            [str(DASK), "scheduler", *common, "--port", "0", "--scheduler-file", str(address_file)],
            cwd=ROOT,
            env=env,
            stderr=subprocess.DEVNULL,
        )
    ]
    try:
        while not address_file.exists():
            time.sleep(0.1)
        time.sleep(0.2)
        address = json.loads(address_file.read_text())["address"]
        worker = [str(DASK), "worker", "--scheduler-file", str(address_file), *common]
        for _ in range(2):
            processes.append(
                subprocess.Popen(
                    [*worker, "--nthreads", "1"], cwd=ROOT, env=env, stderr=subprocess.DEVNULL
                )
            )
        dask_run(source, address, 2)
        return time.perf_counter() - start, worker_memory(address)
    finally:
        for process in processes:
            process.send_signal(signal.SIGTERM)
        for process in processes:
            process.wait()
        shutil.rmtree(folder, ignore_errors=True)


def row(label: str, articles: int, seconds: float, memory: list[float] | None = None) -> dict:
    shown = ", ".join(f"{mb:.0f}" for mb in memory) if memory else "–"
    print(f"| {label} | {articles:,} | {seconds:.1f} | {articles / seconds:.0f} | {shown} |")
    sys.stdout.flush()
    return {"run": label, "articles": articles, "seconds": seconds, "memory_mb": memory}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--large", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3, help="runs of each pool size")
    parser.add_argument(
        "--only", nargs="+", default=["pool", "dask", "cluster", "large"], metavar="PART"
    )
    args = parser.parse_args()
    WORK.mkdir(parents=True, exist_ok=True)
    source = write_jsonl(WORK / f"recombined-{args.articles}.jsonl", args.articles)
    load_embedded_gazetteer(), load_rivers()  # the in-process run starts warm, as a server does
    print("| Run | Articles | Seconds | Articles/s | Memory per worker (MB) |")
    print("|---|---|---|---|---|")
    rows = []
    if "pool" in args.only:
        times: dict[int, list[float]] = {1: [], 2: []}
        for _ in range(args.repeat):  # alternately, so that both see the same machine
            for workers in times:
                times[workers].append(pool_run(source, workers))
        for workers, seconds in times.items():
            label = f"process pool, {workers} worker(s), SQLite (median of {args.repeat})"
            rows.append(row(label, args.articles, statistics.median(seconds)))
    if "dask" in args.only:
        for workers in (1, 2):
            seconds, memory = local_cluster_run(source, workers)
            rows.append(
                row(f"Dask LocalCluster, {workers} worker(s)", args.articles, seconds, memory)
            )
    if "cluster" in args.only:
        seconds, memory = loopback_cluster_run(source)
        rows.append(
            row("dask scheduler + 2 dask workers, loopback", args.articles, seconds, memory)
        )
    if "large" in args.only:
        large = write_jsonl(WORK / f"recombined-{args.large}.jsonl", args.large)
        seconds, memory = local_cluster_run(large, 2)
        rows.append(row("Dask LocalCluster, 2 workers", args.large, seconds, memory))
    for first, second in zip(rows[::2], rows[1::2], strict=False):
        if "1 worker" in first["run"] and "2 worker" in second["run"]:
            ratio = first["seconds"] / second["seconds"]
            print(f"{second['run']}: {ratio:.2f} times the speed of 1 worker")
    (WORK / "scale.json").write_text(json.dumps(rows, indent=1))


if __name__ == "__main__":
    main()
