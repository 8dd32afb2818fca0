"""A read-only :class:`~geo.store.Store` over a GeoParquet archive, queried with DuckDB.

``open_store("parquet:PATH")`` gives one. Only committed files are read (see
``geo.store.archive``); the date window and the other filters of a view are pushed into the
query. ``geo.store.parquet_map`` asks it what the map of a window shows, in cells when a
browser could not draw every event.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from geo.errors import InputError, StoreError
from geo.model import Article
from geo.schema import UNTYPED_EVENT, Feature
from geo.store.archive import Archive
from geo.store.geoparquet import UNDATED, article_of_row, feature_of_row
from geo.view.filter import ViewFilter, apply_filter

READ_ONLY = "a Parquet archive is read-only here: ingest into it with --engine dask"
MEMORY_LIMIT = "1GB"  # DuckDB spills to disk past it
THREADS = 2


class ParquetStore:
    """The features and articles of a GeoParquet archive, read with DuckDB."""

    def __init__(self, path: str | Path) -> None:
        self.archive = Archive(path)
        if not self.archive.path.is_dir():
            raise InputError(f"no Parquet archive at {self.archive.path}")
        import duckdb

        # bounded, so that a server's memory stays bounded whatever the archive's size
        self._db = duckdb.connect(config={"memory_limit": MEMORY_LIMIT, "threads": THREADS})
        self._db.execute("SET enable_object_cache = true")  # Parquet footers read once

    def __enter__(self) -> ParquetStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Release the DuckDB connection."""
        self._db.close()

    def version(self) -> tuple[int, ...]:
        """The number of commits and the time of the last one: a new commit changes it."""
        folder = self.archive.path / "_commits"
        stamp = folder.stat().st_mtime_ns if folder.is_dir() else 0
        return (len(self.archive.commits()), stamp)

    def _source(self, files: Sequence[Path]) -> str | None:
        """The ``read_parquet`` of some files, or None when there are none."""
        if not files:
            return None
        listed = ", ".join("'" + str(path).replace("'", "''") + "'" for path in files)
        return f"read_parquet([{listed}], union_by_name = true)"

    def window_files(self, view: ViewFilter | None) -> list[Path]:
        """The feature files a view's window can hold features of: none of a month after its
        end, nor the undated ones unless it shows them (a feature lies in its start's month)."""
        files = self.archive.feature_files()
        if view is None:
            return files
        last = view.window.end.strftime("%Y-%m") if view.window.end else None

        def wanted(path: Path) -> bool:
            month = path.parent.name.removeprefix("month=")
            if month == UNDATED:
                return view.shows_undated
            return last is None or month <= last

        return [path for path in files if wanted(path)]

    def query(self, query: str, files: Sequence[Path], parameters: Sequence = ()) -> list[dict]:
        """The rows of ``query`` (whose ``{source}`` is read from ``files``) as dicts; none
        when there are no files. Each query has its own cursor, so threads may share a store."""
        return self._rows(query, files, parameters)

    def _rows(self, query: str, files: Sequence[Path], parameters: Sequence = ()) -> list[dict]:
        source = self._source(files)
        if source is None:
            return []
        cursor = self._db.cursor().execute(query.format(source=source), list(parameters))
        names = [column[0] for column in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    def has_article(self, content_hash: str) -> bool:
        """Whether an article with this content hash is in the archive."""
        query = "SELECT 1 FROM {source} WHERE content_hash = ? LIMIT 1"
        return bool(self._rows(query, self.archive.article_files(), [content_hash]))

    def features(self, view: ViewFilter | None = None) -> list[Feature]:
        """The features the view lets through (every one for None), by start date."""
        where, parameters = _window_clause(view)
        query = (
            "SELECT id, geometry, properties FROM {source}"
            f" WHERE {where} ORDER BY start NULLS FIRST, id"
        )
        rows = self._rows(query, self.archive.feature_files(), parameters)
        return apply_filter([feature_of_row(row) for row in rows], view)

    def articles(self) -> list[dict[str, Any]]:
        """Every article's metadata (no text), in the order of the commits."""
        query = (
            "SELECT content_hash AS id, source, title, url, published, lang, feature_count,"
            " ingested_at FROM {source}"
        )
        return self._rows(query, self.archive.article_files())

    def stored_articles(self) -> list[tuple[int, Article]]:
        """Every article with its text, numbered in the order of the commits."""
        rows = self._rows(
            "SELECT source, title, url, published, lang, text FROM {source}",
            self.archive.article_files(),
        )
        return [(number, article_of_row(row)) for number, row in enumerate(rows, start=1)]

    def add_article(
        self, article: Article, features: Sequence[Feature], *, batch: str | None = None
    ) -> bool:
        raise StoreError(f"{self.archive.path}: {READ_ONLY}")

    def add_articles(
        self, pairs: Sequence[tuple[Article, Sequence[Feature]]], *, batch: str | None = None
    ) -> list[bool]:
        raise StoreError(f"{self.archive.path}: {READ_ONLY}")

    def replace_features(self, article_id: int, features: Sequence[Feature]) -> bool:
        raise StoreError(f"{self.archive.path}: {READ_ONLY}")

    def add_correction(self, feature_id: str, lat: float, lon: float, **_: Any) -> None:
        raise StoreError(f"{self.archive.path}: {READ_ONLY}")

    def corrections_log(self) -> list[dict[str, Any]]:
        """No corrections: the archive is read-only."""
        return []

    def delete_article(self, article_id: int, *, reason: str | None = None) -> dict[str, Any]:
        raise StoreError(f"{self.archive.path}: {READ_ONLY}")

    def delete_batch(self, batch: str, *, reason: str | None = None) -> list[dict[str, Any]]:
        raise StoreError(f"{self.archive.path}: {READ_ONLY}")

    def batches(self) -> list[dict[str, Any]]:
        """No imports to undo: the archive is read-only."""
        return []

    def deletions_log(self) -> list[dict[str, Any]]:
        """No deletions: the archive is read-only."""
        return []


def _window_clause(view: ViewFilter | None) -> tuple[str, list]:
    """SQL for the date window of a view (the rest is checked in Python)."""
    if view is None:
        return "TRUE", []
    window = view.window
    dated = ["start IS NOT NULL"]
    parameters: list = []
    if window.start is not None:
        dated.append('coalesce("end", start) >= ?')
        parameters.append(window.start.isoformat())
    if window.end is not None:
        dated.append("start <= ?")
        parameters.append(window.end.isoformat())
    undated = " OR start IS NULL" if view.shows_undated else ""
    return f"(({' AND '.join(dated)}){undated})", parameters


def view_clause(view: ViewFilter | None) -> tuple[str, list]:
    """SQL for every filter of a view: the window, types, actors, sources, confidence, precision."""
    where, parameters = _window_clause(view)
    if view is None:
        return where, parameters
    clauses = [where]
    if not view.demonyms:
        clauses.append("NOT coalesce(demonym, false)")
    if view.event_types:
        clauses.append(
            f"coalesce(nullif(event_type, ''), '{UNTYPED_EVENT}') IN ({_marks(view.event_types)})"
        )
        parameters += view.event_types
    if view.actors:
        clauses.append(f"list_has_any(actors, [{_marks(view.actors)}])")
        parameters += view.actors
    if view.sources:
        clauses.append(f"source IN ({_marks(view.sources)})")
        parameters += view.sources
    if view.min_confidence > 0:
        clauses.append("coalesce(confidence, 1.0) >= ?")
        parameters.append(view.min_confidence)
    if view.max_geo_precision < 3:
        clauses.append("coalesce(geo_precision, 1) <= ?")
        parameters.append(view.max_geo_precision)
    return " AND ".join(clauses), parameters


def _marks(values: Sequence) -> str:
    return ", ".join("?" for _ in values)
