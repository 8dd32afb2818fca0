"""Ingest: read articles from files and folders, geoparse them, store them; skip what is stored.

``reprocess_store`` geoparses the stored articles again, for a store made by an older version.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import secrets
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from geo.errors import GeoError, InputError
from geo.model import Article
from geo.settings import DEFAULT_MAX_ARTICLE_BYTES
from geo.store import Store
from geo.store.folders import FileToRead, files_to_read, shown_name
from geo.store.pool import Geoparse, Outcome, geoparsed, outcome
from geo.store.sqlite import content_hash
from geo.text.partitions import PARTITION_SUFFIXES, FileRef, Partition, read_partition
from geo.text.reading import SUFFIXES

# Articles stored per transaction: one wait for the disk for all of them (each article is
# still whole or absent after a crash), and the progress bar moves at least this often.
WRITE_BATCH = 16


@dataclass
class IngestReport:
    """What an ingest did: sources added (and those of them in which no place was found), skipped
    as already stored, failed with why, and read in another encoding than UTF-8 (which); the
    articles it adds are stored as one import, ``batch``, which can be undone."""

    added: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    placeless: list[str] = field(default_factory=list)
    decoded: list[tuple[str, str]] = field(default_factory=list)
    batch: str = field(default_factory=lambda: new_batch_id())

    def counts(self) -> str:
        """How many articles were added (without a place among them), skipped and failed."""
        without = f" ({len(self.placeless)} without a place)" if self.placeless else ""
        return (
            f"{len(self.added)} added{without}, {len(self.skipped)} already stored, "
            f"{len(self.failed)} failed"
        )

    def summary(self) -> str:
        """One line per failure and per article without a place, then the counts."""
        lines = [f"failed: {message}" for _, message in self.failed]
        lines += [f"no place found: {source}" for source in self.placeless]
        lines += [f"read as {encoding}: {source}" for source, encoding in self.decoded]
        return "\n".join([*lines, self.counts()])

    def messages(self) -> list[tuple[str, str]]:
        """``(level, text)`` for people: failures, articles stored without any place (nothing
        new on the map), then the counts."""
        return (
            [("error", message) for _, message in self.failed]
            + [
                ("warning", f"No place found in {source}: it is stored but not on the map.")
                for source in self.placeless
            ]
            + [
                ("info", f"{source} is not UTF-8: it was read as {encoding}.")
                for source, encoding in self.decoded
            ]
            + [("success", self.counts())]
        )

    def merge(self, other: IngestReport) -> None:
        """Add what ``other`` did to this report (its batch stays this one's)."""
        self.added += other.added
        self.skipped += other.skipped
        self.failed += other.failed
        self.placeless += other.placeless
        self.decoded += other.decoded


def new_batch_id() -> str:
    """A new import's id: when it began (UTC) and a random part, ``20170105T101500-3f9a1c``."""
    return f"{dt.datetime.now(dt.UTC):%Y%m%dT%H%M%S}-{secrets.token_hex(3)}"


def ingest_received(
    uploads: Sequence[tuple[str, bytes]],
    folder: Path | None,
    store: Store,
    geoparse: Geoparse,
    report: IngestReport,
    progress: Callable[[int, int, str], None],
    *,
    root: Path | None = None,
    max_bytes: int = DEFAULT_MAX_ARTICLE_BYTES,
    published: dt.date | None = None,
    workers: int = 1,
) -> None:
    """Uploaded files (``(name, bytes)``), then the articles of a folder (named relative to
    ``root``, and read only inside it), as one import (``report.batch``); ``progress`` hears
    ``(done, total, name)`` article by article and ``report`` what happened. ``published``
    dates the uploaded articles that give no publication date of their own."""
    with tempfile.TemporaryDirectory() as tmp:
        files = []
        for number, (name, data) in enumerate(uploads):
            try:
                shown, suffix = upload_name(name)
            except InputError as err:
                report.failed.append((shown_name(name), str(err)))
                continue
            path = Path(tmp) / f"upload-{number}{suffix}"  # our name, never the uploader's
            path.write_bytes(data)
            files.append(FileToRead(path, shown))
        uploaded = (
            with_published(article, published)
            for article in read_files(files, report, max_bytes=max_bytes)
        )
        found: Iterable[Article] = ()
        if folder is not None:
            chosen = files_to_read([folder], root=root)
            report.failed += chosen.refused
            found = read_files(chosen.files, report, max_bytes=max_bytes)
        articles = new_articles(itertools.chain(uploaded, found), store, report)
        ingest_articles(articles, store, geoparse, report, progress=progress, workers=workers)


def ingest_paths(
    paths: Iterable[str | Path],
    store: Store,
    geoparse: Geoparse,
    *,
    progress: bool | Callable[[int, int, str], None] = True,
    root: Path | None = None,
    max_bytes: int = DEFAULT_MAX_ARTICLE_BYTES,
    workers: int = 1,
    batch: str | None = None,
) -> IngestReport:
    """Geoparse and store every article of ``paths`` as one import (``batch``, else a new one);
    a bad file or record is reported and the rest goes in.

    ``progress`` is True for a progress bar on standard error, False for none, or a callable
    ``(done, total, name)`` called after each article (the dashboard's progress bar). With a
    ``root``, files are named relative to it and nothing outside it is read. With ``workers``
    above 1, that many processes geoparse (``geoparse`` must pickle, as
    :class:`~geo.store.pool.EmbeddedGeoparser` does) and this one stores.
    """
    chosen = files_to_read(paths, root=root, suffixes=PARTITION_SUFFIXES)
    report = IngestReport(failed=list(chosen.refused), batch=batch or new_batch_id())
    ingest_files(
        chosen.files,
        store,
        geoparse,
        report,
        progress=progress,
        max_bytes=max_bytes,
        workers=workers,
    )
    return report


def ingest_files(
    files: Sequence[FileToRead],
    store: Store,
    geoparse: Geoparse,
    report: IngestReport,
    *,
    progress: bool | Callable[[int, int, str], None] = True,
    max_bytes: int = DEFAULT_MAX_ARTICLE_BYTES,
    workers: int = 1,
) -> None:
    """Read the files, then geoparse the articles not stored yet (in ``workers`` processes)
    and store each one as its features come back, as part of the import ``report.batch``."""
    articles = new_articles(read_files(files, report, max_bytes=max_bytes), store, report)
    ingest_articles(articles, store, geoparse, report, progress=progress, workers=workers)


def ingest_articles(
    articles: Sequence[Article],
    store: Store,
    geoparse: Geoparse,
    report: IngestReport,
    *,
    progress: bool | Callable[[int, int, str], None] = True,
    workers: int = 1,
) -> None:
    """Geoparse articles (in ``workers`` processes) and store them as their features come
    back, a few to a transaction, each recorded as part of the import ``report.batch``."""
    with _progress(progress, len(articles), "article") as step:
        outcomes = geoparsed(articles, geoparse, workers)
        pending: list[tuple[Article, Outcome]] = []
        for done, (article, outcome) in enumerate(zip(articles, outcomes, strict=True), start=1):
            pending.append((article, outcome))
            if len(pending) == WRITE_BATCH or done == len(articles):
                store_outcomes(pending, store, report)
                for number, (stored, _) in enumerate(pending, start=done - len(pending) + 1):
                    step(number, stored.source)
                pending = []


def new_articles(articles: Iterable[Article], store: Store, report: IngestReport) -> list[Article]:
    """The articles that are not stored yet, each text once; the stored and repeated ones
    are reported as skipped."""
    seen: set[str] = set()
    new = []
    for article in articles:
        digest = content_hash(article.text)
        if digest in seen or store.has_article(digest):
            report.skipped.append(article.source)
        else:
            seen.add(digest)
            new.append(article)
    return new


def with_published(article: Article, published: dt.date | None) -> Article:
    """The article, dated ``published`` if it gives no publication date of its own."""
    if published is None or article.published is not None:
        return article
    return dataclasses.replace(article, published=published)


def read_files(
    files: Iterable[FileToRead], report: IngestReport, *, max_bytes: int = DEFAULT_MAX_ARTICLE_BYTES
) -> Iterator[Article]:
    """Every article of the files: a record that cannot be read is reported, and the records
    after it are still read; an encoding other than UTF-8 is noted."""
    for file in files:
        whole_file = Partition((FileRef(str(file.path), file.name),))
        for article in read_partition(whole_file, max_bytes=max_bytes):
            if isinstance(article, InputError):
                report.failed.append((file.name, str(article)))
                continue
            if article.encoding not in (None, "utf-8", "utf-8-sig"):
                report.decoded.append((article.source, article.encoding))
            yield article


def ingest_article(
    article: Article, store: Store, geoparse: Geoparse, report: IngestReport
) -> None:
    """Store one article unless it is stored already; a failure is reported by its source."""
    if store.has_article(content_hash(article.text)):
        report.skipped.append(article.source)
    else:
        store_outcome(article, outcome(geoparse, article), store, report)


def store_outcomes(
    group: Sequence[tuple[Article, Outcome]], store: Store, report: IngestReport
) -> None:
    """Store a group of geoparsed articles in one transaction, in the import ``report.batch``;
    when the store refuses it, each article is stored alone, so that the refusal names the one
    at fault."""
    good = [(article, found) for article, found in group if not isinstance(found, GeoError)]
    try:
        added = store.add_articles(good, batch=report.batch)
    except GeoError:
        for article, found in group:
            store_outcome(article, found, store, report)
        return
    for article, found in group:
        if isinstance(found, GeoError):
            store_outcome(article, found, store, report)
    for (article, features), was_added in zip(good, added, strict=True):
        (report.added if was_added else report.skipped).append(article.source)
        if was_added and not features:
            report.placeless.append(article.source)


def store_outcome(article: Article, outcome: Outcome, store: Store, report: IngestReport) -> None:
    """Store an article with its features in the import ``report.batch``, or report the
    GeoError that refused it."""
    try:
        if isinstance(outcome, GeoError):
            raise outcome
        if store.add_article(article, outcome, batch=report.batch):
            report.added.append(article.source)
            if not outcome:
                report.placeless.append(article.source)
        else:
            report.skipped.append(article.source)
    except GeoError as err:
        message = str(err)
        named = message if message.startswith(article.source) else f"{article.source}: {message}"
        report.failed.append((article.source, named))


@dataclass
class ReprocessReport:
    """What a reprocessing did: articles whose features changed, stayed the same, or failed."""

    changed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)

    def counts(self) -> str:
        """How many articles changed, stayed the same and failed."""
        return f"{len(self.changed)} changed, {len(self.unchanged)} unchanged, {len(self.failed)} failed"

    def summary(self) -> str:
        """One line per failure, then the counts."""
        lines = [f"failed: {source}: {message}" for source, message in self.failed]
        return "\n".join([*lines, self.counts()])

    def messages(self) -> list[tuple[str, str]]:
        """``(level, text)`` for people: failures, then the counts."""
        failures = [("error", f"{source}: {message}") for source, message in self.failed]
        return [*failures, ("success", self.counts())]


def reprocess_store(
    store: Store,
    geoparse: Geoparse,
    *,
    progress: bool | Callable[[int, int, str], None] = True,
) -> ReprocessReport:
    """Geoparse every stored article again and replace its features where they differ.

    Each article is replaced in one transaction, so an interrupted run leaves every article
    either as it was or reprocessed; corrections stay in the log and follow their mentions.
    """
    articles = store.stored_articles()
    report = ReprocessReport()
    with _progress(progress, len(articles), "article") as step:
        for done, (article_id, article) in enumerate(articles, start=1):
            try:
                if store.replace_features(article_id, geoparse(article)):
                    report.changed.append(article.source)
                else:
                    report.unchanged.append(article.source)
            except GeoError as err:
                report.failed.append((article.source, str(err)))
            step(done, article.source)
    return report


@contextmanager
def _progress(progress: bool | Callable[[int, int, str], None], total: int, unit: str):
    """A ``step(done, name)`` callback: a bar on standard error, the caller's callable, or nothing."""
    if progress is True:
        from tqdm import tqdm

        bar = tqdm(total=total, unit=unit, disable=total < 20, leave=False)
        try:
            yield lambda done, name: bar.update(1)
        finally:
            bar.close()
    elif callable(progress):
        yield lambda done, name: progress(done, total, name)
    else:
        yield lambda done, name: None


def upload_name(name: str) -> tuple[str, str]:
    """The name an upload is known by (its last part) and its suffix; a name that is no
    file's, or of a kind not read, is an InputError."""
    last = name.replace("\\", "/").rsplit("/", 1)[-1]
    if last in ("", ".", "..") or "\x00" in last or len(last.encode("utf-8", "replace")) > 255:
        raise InputError(f"upload {shown_name(repr(name))}: not a usable file name")
    suffix = Path(last).suffix.lower()
    if suffix not in SUFFIXES:
        kinds = ", ".join(SUFFIXES)
        raise InputError(f"{shown_name(last)}: not an article file ({kinds})")
    return last, suffix
