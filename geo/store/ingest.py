"""Ingest: read articles from files and folders, geoparse them, store them; skip what is stored.

``reprocess_store`` geoparses the stored articles again, for a store made by an older version.
"""

from __future__ import annotations

import dataclasses
import tempfile
from collections.abc import Callable, Iterable, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from geo.errors import GeoError
from geo.model import Article
from geo.schema import Feature
from geo.store import Store
from geo.store.sqlite import content_hash
from geo.text.reading import SUFFIXES, read_articles

Geoparse = Callable[[Article], list[Feature]]


@dataclass
class IngestReport:
    """What an ingest did: sources added (and those of them in which no place was found), skipped
    as already stored, and failed with why."""

    added: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    placeless: list[str] = field(default_factory=list)

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
            + [("success", self.counts())]
        )

    def merge(self, other: IngestReport) -> None:
        """Add what ``other`` did to this report."""
        self.added += other.added
        self.skipped += other.skipped
        self.failed += other.failed
        self.placeless += other.placeless


def files_to_read(paths: Iterable[str | Path]) -> list[Path]:
    """The files named, and the article files inside the folders named, in order."""
    files: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            files.extend(
                sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
            )
        else:
            files.append(path)
    return files


def ingest_received(
    uploads: Sequence[tuple[str, bytes]],
    folder: Path | None,
    store: Store,
    geoparse: Geoparse,
    report: IngestReport,
    progress: Callable[[int, int, str], None],
) -> None:
    """Uploaded files (``(name, bytes)``), then the articles of a folder; ``progress`` hears
    ``(done, total, name)`` and ``report`` what happened."""
    with tempfile.TemporaryDirectory() as tmp:
        for done, (name, data) in enumerate(uploads, start=1):
            ingest_bytes(name, data, Path(tmp), store, geoparse, report)
            progress(done, len(uploads) + (folder is not None), name)
    if folder is not None:
        report.merge(ingest_paths([folder], store, geoparse, progress=progress))


def ingest_paths(
    paths: Iterable[str | Path],
    store: Store,
    geoparse: Geoparse,
    *,
    progress: bool | Callable[[int, int, str], None] = True,
) -> IngestReport:
    """Geoparse and store every article of ``paths``; a bad file is reported and the rest goes in.

    ``progress`` is True for a progress bar on standard error, False for none, or a callable
    ``(done, total, name)`` called after each file (the dashboard's progress bar).
    """
    files = files_to_read(paths)
    report = IngestReport()
    with _progress(progress, len(files), "file") as step:
        for done, path in enumerate(files, start=1):
            ingest_file(path, store, geoparse, report)
            step(done, path.name)
    return report


def ingest_file(path: Path, store: Store, geoparse: Geoparse, report: IngestReport) -> None:
    """Ingest every article of one file into ``report``."""
    try:
        for article in read_articles(path):
            ingest_article(article, store, geoparse, report)
    except GeoError as err:
        report.failed.append((str(path), str(err)))


def ingest_article(
    article: Article, store: Store, geoparse: Geoparse, report: IngestReport
) -> None:
    """Store one article unless it is stored already."""
    if store.has_article(content_hash(article.text)):
        report.skipped.append(article.source)
    elif store.add_article(article, features := geoparse(article)):
        report.added.append(article.source)
        if not features:
            report.placeless.append(article.source)
    else:
        report.skipped.append(article.source)


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


def ingest_bytes(
    name: str, data: bytes, folder: Path, store: Store, geoparse: Geoparse, report: IngestReport
) -> None:
    """Store the articles of an uploaded file under the file's own name, not its temporary copy's."""
    name = Path(name).name
    path = folder / name
    path.write_bytes(data)
    try:
        for article in read_articles(path):
            article = dataclasses.replace(article, source=article.source.replace(str(path), name))
            ingest_article(article, store, geoparse, report)
    except GeoError as err:
        report.failed.append((name, str(err).replace(str(path), name)))
