"""Fill a store from a GeoParquet archive: each article with the features it was stored with,
one transaction per article, the whole load one import that can be undone; an article already
in the store is skipped."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

import pyarrow.parquet as pq

from geo.store.archive import Archive
from geo.store.geoparquet import article_of_row, feature_of_row
from geo.store.ingest import IngestReport
from geo.store.store import Store


def fill_from_archive(
    archive_path: str | Path,
    store: Store,
    *,
    progress: Callable[[int, str], None] | None = None,
) -> IngestReport:
    """Add every article of the archive, commit by commit, with its features, as one import
    (``report.batch``); ``progress`` hears ``(articles done, source)``."""
    archive = Archive(archive_path)
    report = IngestReport()
    done = 0
    for commit in archive.commits():
        features = defaultdict(list)
        for name in commit["features"]:
            for row in pq.read_table(archive.path / name).to_pylist():
                features[row["content_hash"]].append(feature_of_row(row))
        for name in commit["articles"]:
            for row in pq.read_table(archive.path / name).to_pylist():
                article = article_of_row(row)
                added = not store.has_article(row["content_hash"]) and store.add_article(
                    article, features.get(row["content_hash"], []), batch=report.batch
                )
                (report.added if added else report.skipped).append(article.source)
                done += 1
                if progress is not None:
                    progress(done, article.source)
    return report
