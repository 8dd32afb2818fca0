"""Geoparse in worker processes while one process writes: every core, one writer.

A worker process loads the gazetteer once (``load_embedded_gazetteer`` is cached per process)
and geoparses the articles it is sent; the features come back to the process that stores them,
in the order of the articles, so the store has a single writer and no lock to share.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
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
    """How many worker processes to start for ``articles`` (0: geoparse in this process)."""
    size = min(workers, articles // MIN_ARTICLES_PER_WORKER)
    return size if size > 1 else 0


def outcome(geoparse: Geoparse, article: Article) -> Outcome:
    """The article's features, or the GeoError that refused it (sent back, not raised)."""
    try:
        return geoparse(article)
    except GeoError as err:
        return err


def geoparsed(
    articles: Sequence[Article], geoparse: Geoparse, workers: int = 1
) -> Iterator[Outcome]:
    """Each article's outcome, in order, as soon as it is known; a pool of ``workers``
    processes geoparses them when there are enough (``geoparse`` must then pickle)."""
    size = pool_size(workers, len(articles))
    if not size:
        yield from (outcome(geoparse, article) for article in articles)
        return
    chunk = max(1, min(MAX_CHUNK, len(articles) // (size * 8)))
    # spawn, not fork: the dashboard's server runs threads, and a fork copies their locks
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(
        size, mp_context=context, initializer=exit_with_parent, initargs=(os.getpid(),)
    ) as pool:
        yield from pool.map(partial(outcome, geoparse), articles, chunksize=chunk)


def exit_with_parent(parent: int) -> None:
    """Make this worker exit when the process that started it is gone: a writer killed with
    SIGKILL cannot stop its workers, which would otherwise wait for work forever."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_CHECK_SECONDS)
        os._exit(1)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()
