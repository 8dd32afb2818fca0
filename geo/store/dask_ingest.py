"""Ingest on a Dask cluster into a GeoParquet archive: the workers read and geoparse the
input's partitions, and this process, the archive's only writer, commits what comes back.

A task has no side effect: it returns the articles and features of its partition. When a
worker is lost, Dask runs its tasks again on another; this process keeps the first copy of
each article (by content hash) and drops any later one, and an article already in the archive
is skipped, so every article is stored exactly once. Each worker loads the gazetteer once, when
it starts (a worker plugin) or at its first task (the loader is cached per process).
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
from distributed import WorkerPlugin

from geo.errors import GeoError, InputError
from geo.settings import DEFAULT_MAX_ARTICLE_BYTES
from geo.store.archive import Archive
from geo.store.folders import files_to_read
from geo.store.geoparquet import articles_table, features_table
from geo.store.ingest import IngestReport
from geo.store.pool import EmbeddedGeoparser, Geoparse, default_workers, outcome
from geo.store.sqlite import content_hash
from geo.text.partitions import (
    PARTITION_SUFFIXES,
    Partition,
    file_refs,
    partitions_of,
    read_partition,
)

COMMIT_EVERY = 20_000  # articles per commit: what a writer killed mid-run can lose at most
CONNECT_SECONDS = 20


@dataclass
class PartitionResult:
    """What a task found in its partition: new articles and their features (as tables), the
    articles it skipped as stored, and what it could not use."""

    articles: pa.Table
    features: pa.Table
    skipped: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)

    @property
    def done(self) -> int:
        """How many articles the task went through."""
        return self.articles.num_rows + len(self.skipped) + len(self.failed)


def geoparse_partition(
    partition: Partition,
    geoparse: Geoparse,
    known: frozenset[str] = frozenset(),
    max_bytes: int = DEFAULT_MAX_ARTICLE_BYTES,
) -> PartitionResult:
    """Read and geoparse one partition; an article whose hash is ``known`` is skipped."""
    seen: set[str] = set()
    articles, features, skipped, failed = [], [], [], []
    for article in read_partition(partition, max_bytes=max_bytes):
        if isinstance(article, InputError):
            failed.append((partition.name, str(article)))
            continue
        digest = content_hash(article.text)
        if digest in known or digest in seen:
            skipped.append(article.source)
            continue
        seen.add(digest)
        found = outcome(geoparse, article)
        if isinstance(found, GeoError):
            failed.append((article.source, f"{article.source}: {found}"))
            continue
        articles.append((digest, article, len(found)))
        features += [(digest, feature) for feature in found]
    return PartitionResult(articles_table(articles), features_table(features), skipped, failed)


class GazetteerPreload(WorkerPlugin):
    """A Dask worker plugin: the worker loads the gazetteer and rivers as it starts."""

    name = "geo-gazetteer"

    def setup(self, worker) -> None:
        from geo.gazetteer.embedded import load_embedded_gazetteer
        from geo.shapes import load_rivers

        load_embedded_gazetteer()
        load_rivers().warm_up()


class CommitBuffer:
    """What came back and is not committed yet; each article kept once, by content hash."""

    def __init__(self, archive: Archive, known: set[str], every: int = COMMIT_EVERY) -> None:
        self.archive, self.known, self.every = archive, known, every
        self.articles: list[pa.Table] = []
        self.features: list[pa.Table] = []
        self.pending = 0

    def add(self, result: PartitionResult, report: IngestReport) -> None:
        """Keep the new articles of a result (and their features); note the rest in ``report``."""
        hashes = result.articles.column("content_hash").to_pylist()
        keep = [digest not in self.known for digest in hashes]
        sources = result.articles.column("source").to_pylist()
        counts = result.articles.column("feature_count").to_pylist()
        for kept, source, count in zip(keep, sources, counts, strict=True):
            (report.added if kept else report.skipped).append(source)
            if kept and not count:
                report.placeless.append(source)
        kept_hashes = [d for d, kept in zip(hashes, keep, strict=True) if kept]
        self.known.update(kept_hashes)
        report.skipped += result.skipped
        report.failed += result.failed
        if kept_hashes:
            self.articles.append(result.articles.filter(pa.array(keep)))
            wanted = pc.is_in(result.features.column("content_hash"), pa.array(kept_hashes))
            self.features.append(result.features.filter(wanted))
            self.pending += len(kept_hashes)
        if self.pending >= self.every:
            self.flush()

    def flush(self) -> None:
        """Commit what is pending (nothing when nothing is)."""
        if self.pending:
            self.archive.commit(pa.concat_tables(self.articles), pa.concat_tables(self.features))
        self.articles, self.features, self.pending = [], [], 0


@contextmanager
def dask_client(scheduler: str | None, workers: int | None) -> Iterator:
    """A client of the cluster at ``scheduler``, or of a local cluster of ``workers`` processes
    (one thread each: geoparsing holds the GIL)."""
    from dask.distributed import Client, LocalCluster

    if scheduler is None:
        cluster = LocalCluster(
            n_workers=workers or default_workers(),
            threads_per_worker=1,
            processes=True,
            silence_logs=logging.ERROR,
        )
        with cluster, Client(cluster) as client:
            yield client
        return
    try:
        client = Client(scheduler, timeout=CONNECT_SECONDS)
    except (OSError, TimeoutError) as err:
        raise InputError(f"--scheduler {scheduler!r}: no Dask scheduler answers ({err})") from err
    with client:
        if workers:
            client.wait_for_workers(workers, timeout=CONNECT_SECONDS)
        yield client


def ingest_on_dask(
    paths: Iterable[str | Path],
    archive_path: str | Path,
    *,
    scheduler: str | None = None,
    workers: int | None = None,
    progress: bool | Callable[[PartitionResult], None] = True,
    max_bytes: int = DEFAULT_MAX_ARTICLE_BYTES,
    commit_every: int = COMMIT_EVERY,
    partition_lines: int | None = None,
) -> IngestReport:
    """Geoparse every article of ``paths`` on a Dask cluster into the archive at
    ``archive_path``; ``progress`` is True for a bar on standard error, False for none, or a
    callable that hears each partition's result as it comes back."""
    chosen = files_to_read(paths, suffixes=PARTITION_SUFFIXES)
    report = IngestReport(failed=list(chosen.refused))
    options = {"lines": partition_lines} if partition_lines else {}
    partitions = partitions_of(file_refs(chosen.files), **options)
    with Archive(archive_path).writing() as archive, dask_client(scheduler, workers) as client:
        print(f"Dask dashboard: {client.dashboard_link}", file=sys.stderr)
        client.register_plugin(GazetteerPreload())
        known = archive.content_hashes()
        [shared] = client.scatter([frozenset(known)], broadcast=True)
        buffer = CommitBuffer(archive, known, commit_every)
        futures = client.map(
            geoparse_partition,
            partitions,
            geoparse=EmbeddedGeoparser(max_bytes),
            known=shared,
            max_bytes=max_bytes,
            pure=False,
        )
        with _progress(progress, sum(p.expected for p in partitions)) as step:
            for future, result in _completed(futures):
                buffer.add(result, report)
                step(result)
                future.release()
        buffer.flush()
    return report


def _completed(futures: list) -> Iterator:
    from dask.distributed import as_completed

    yield from as_completed(futures, with_results=True)


@contextmanager
def _progress(progress: bool | Callable[[PartitionResult], None], expected: int) -> Iterator:
    """A ``step(result)`` callback: a bar of articles done (per second, time remaining), the
    caller's callable, or nothing."""
    if callable(progress):
        yield progress
    elif progress:
        from tqdm import tqdm

        bar = tqdm(total=expected, unit="article", smoothing=0.1)

        def step(result: PartitionResult) -> None:
            if bar.n + result.done > bar.total:  # a feed or WARC file holds many articles
                bar.total = bar.n + result.done
            bar.update(result.done)

        try:
            yield step
        finally:
            bar.close()
    else:
        yield lambda result: None
