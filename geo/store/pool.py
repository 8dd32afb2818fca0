"""Geoparse on every core while one process writes.

With ``workers`` cores, ``workers - 1`` worker processes geoparse chunks of articles and the
process that stores them geoparses chunks too, between writes: no core waits on the writer,
and the store has a single writer and no lock to share. A worker process loads the gazetteer
once (``load_embedded_gazetteer`` is cached per process); the outcomes are handed out in the
order of the articles.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from dataclasses import dataclass
from functools import partial

from geo.errors import GeoError
from geo.model import Article
from geo.schema import Feature
from geo.settings import DEFAULT_MAX_ARTICLE_BYTES

Geoparse = Callable[[Article], list[Feature]]
Outcome = list[Feature] | GeoError

# Starting a worker (imports, gazetteer from its cache) takes about a second: a pool is started
# only when each worker gets at least this many articles (about a second of geoparsing).
MIN_ARTICLES_PER_WORKER = 64
# Articles sent to a worker at a time: fewer round trips, and still an even share at the end.
MAX_CHUNK = 16
# Chunks queued per worker process, so that a worker never waits for the next one.
CHUNKS_AHEAD = 2
PARENT_CHECK_SECONDS = 0.5


@dataclass(frozen=True)
class EmbeddedGeoparser:
    """Article -> features over the embedded gazetteer; it pickles as its settings only, so
    each process that calls it loads the gazetteer once, on its first article."""

    max_bytes: int = DEFAULT_MAX_ARTICLE_BYTES

    def __call__(self, article: Article) -> list[Feature]:
        from geo.gazetteer.embedded import load_embedded_gazetteer
        from geo.pipeline import geoparse_features

        return geoparse_features(article, load_embedded_gazetteer(), max_bytes=self.max_bytes)


def default_workers() -> int:
    """The number of cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def checked_workers(value: str) -> int:
    """A ``--workers`` value: a whole number of at least 1, else a ValueError naming it."""
    try:
        workers = int(value)
    except ValueError:
        workers = 0
    if workers < 1:
        raise ValueError(f"--workers {value!r}: not a whole number of at least 1")
    return workers


def pool_size(workers: int, articles: int) -> int:
    """How many processes geoparse ``articles`` on ``workers`` cores, this one included
    (0: this process alone, no worker process started)."""
    size = min(workers, articles // MIN_ARTICLES_PER_WORKER)
    return size if size > 1 else 0


def outcome(geoparse: Geoparse, article: Article) -> Outcome:
    """The article's features, or the GeoError that refused it (sent back, not raised)."""
    try:
        return geoparse(article)
    except GeoError as err:
        return err


def outcomes(geoparse: Geoparse, chunk: Sequence[Article]) -> list[Outcome]:
    """The outcome of each article of a chunk."""
    return [outcome(geoparse, article) for article in chunk]


def geoparsed(
    articles: Sequence[Article], geoparse: Geoparse, workers: int = 1
) -> Iterator[Outcome]:
    """Each article's outcome, in order, as soon as it is known; with enough articles,
    ``workers - 1`` worker processes geoparse beside this one (``geoparse`` must then pickle)."""
    size = pool_size(workers, len(articles))
    if not size:
        yield from (outcome(geoparse, article) for article in articles)
        return
    step = max(1, min(MAX_CHUNK, len(articles) // (size * 8)))
    chunks = deque(
        (number, articles[start : start + step])
        for number, start in enumerate(range(0, len(articles), step))
    )
    # spawn, not fork: the dashboard's server runs threads, and a fork copies their locks
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(
        size - 1, mp_context=context, initializer=exit_with_parent, initargs=(os.getpid(),)
    ) as pool:
        yield from shared_out(chunks, pool, (size - 1) * CHUNKS_AHEAD, partial(outcomes, geoparse))


def shared_out(
    chunks: deque[tuple[int, Sequence[Article]]],
    pool: Executor,
    ahead: int,
    work: Callable[[Sequence[Article]], list[Outcome]],
) -> Iterator[Outcome]:
    """The outcomes of numbered ``chunks`` in order: up to ``ahead`` chunks queued in the
    pool, and this process working on the next chunk whenever the one due is not done."""
    queued: dict[int, Future] = {}
    finished: dict[int, list[Outcome]] = {}
    due, total = 0, len(chunks)
    while due < total:
        while chunks and len(queued) < ahead:
            number, chunk = chunks.popleft()
            queued[number] = pool.submit(work, chunk)
        for number in [n for n, future in queued.items() if future.done()]:
            finished[number] = queued.pop(number).result()
        if due in finished:
            yield from finished.pop(due)
            due += 1
        elif chunks:
            number, chunk = chunks.popleft()
            finished[number] = work(chunk)
        else:
            finished[due] = queued.pop(due).result()


def exit_with_parent(parent: int) -> None:
    """Make this worker exit when the process that started it is gone: a writer killed with
    SIGKILL cannot stop its workers, which would otherwise wait for work forever."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_CHECK_SECONDS)
        os._exit(1)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()
