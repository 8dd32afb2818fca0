"""The embedded default store: SQLite in WAL mode, one transaction per article.

A reader never sees half an article: an article row and all its feature rows are committed
together, and WAL lets readers go on while a writer writes. A process killed at any moment
leaves every article either fully in or fully out.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from geo.errors import InputError, StoreError
from geo.export.geojson import position
from geo.model import Article
from geo.schema import Feature, properties
from geo.store.deletion import batches, delete_rows, deletions_log
from geo.store.migrations import MIGRATIONS, SCHEMA_VERSION
from geo.view.filter import ViewFilter, apply_filter

BUSY_TIMEOUT_MS = 10_000
INSERT_FEATURE = (
    'INSERT INTO features (id, article_id, feature_type, event_type, start, "end",'
    " confidence, geo_precision, source, actors, geojson) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)


def content_hash(text: str) -> str:
    """The identity of an article: a hash of its text with whitespace runs folded."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


class SQLiteStore:
    """Articles and their GeoJSON features in one SQLite file."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(
                self.path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None
            )
            self._db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            self._db.execute("PRAGMA journal_mode = WAL")
            self._db.execute("PRAGMA synchronous = FULL")
            self._db.execute("PRAGMA foreign_keys = ON")
            self._migrate()
        except sqlite3.DatabaseError as err:
            raise StoreError(f"{self.path}: cannot open the store ({err})") from err

    def __enter__(self) -> SQLiteStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the connection."""
        self._db.close()

    @property
    def schema_version(self) -> int:
        """The number of migrations applied."""
        return self._db.execute("PRAGMA user_version").fetchone()[0]

    def _migrate(self) -> None:
        version = self.schema_version
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path}: schema version {version} is newer than this program's {SCHEMA_VERSION}"
            )
        for number in range(version, SCHEMA_VERSION):
            self._db.execute("BEGIN IMMEDIATE")
            try:
                if self.schema_version == number:  # another process may have migrated meanwhile
                    for statement in MIGRATIONS[number].split(";"):
                        if statement.strip():
                            self._db.execute(statement)
                    self._db.execute(f"PRAGMA user_version = {number + 1}")
                self._db.execute("COMMIT")
            except sqlite3.DatabaseError:
                self._db.execute("ROLLBACK")
                raise

    def version(self) -> tuple[int, int, int, int]:
        """A stamp that changes whenever an article or a correction is added, an article
        re-geoparsed or deleted (for caches)."""
        row = self._db.execute(
            "SELECT (SELECT COALESCE(MAX(id), 0) FROM articles),"
            " (SELECT COALESCE(MAX(id), 0) FROM corrections),"
            " (SELECT COALESCE(SUM(revision), 0) FROM articles),"
            " (SELECT COALESCE(MAX(id), 0) FROM deletions)"
        ).fetchone()
        return row[0], row[1], row[2], row[3]

    def has_article(self, content_hash_: str) -> bool:
        """Whether an article with this content hash is stored."""
        row = self._db.execute("SELECT 1 FROM articles WHERE content_hash = ?", (content_hash_,))
        return row.fetchone() is not None

    def add_article(
        self, article: Article, features: Sequence[Feature], *, batch: str | None = None
    ) -> bool:
        """Store an article and its features in one transaction, as part of the import
        ``batch``; False if already stored."""
        return self.add_articles([(article, features)], batch=batch)[0]

    def add_articles(
        self, pairs: Sequence[tuple[Article, Sequence[Feature]]], *, batch: str | None = None
    ) -> list[bool]:
        """Store articles with their features in one transaction (one wait for the disk), as
        part of the import ``batch``; for each, False if it was already stored. A feature that
        cannot be stored refuses the whole group, and nothing of it is written."""
        rows = [(article, [_feature_row(f) for f in features]) for article, features in pairs]
        sources = ", ".join(article.source for article, _ in pairs[:3])
        with self._transaction(f"cannot store {sources}"):
            return [self._insert(article, feature_rows, batch) for article, feature_rows in rows]

    @contextmanager
    def _transaction(self, failing: str) -> Iterator[None]:
        """One write transaction: committed when the block ends, rolled back when it raises;
        a database error becomes a StoreError saying what ``failing`` could not be done."""
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except InputError:
            self._db.execute("ROLLBACK")
            raise
        except sqlite3.DatabaseError as err:
            self._db.execute("ROLLBACK")
            raise StoreError(f"{self.path}: {failing} ({err})") from err
        self._db.execute("COMMIT")

    def _insert(self, article: Article, rows: list[tuple], batch: str | None) -> bool:
        """Insert one article of the import ``batch`` and its feature rows inside the open
        transaction."""
        digest = content_hash(article.text)
        if self.has_article(digest):
            return False
        cursor = self._db.execute(
            "INSERT INTO articles (content_hash, source, title, url, published, lang, text,"
            " feature_count, ingested_at, batch) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                digest,
                article.source,
                article.title,
                article.url,
                article.published.isoformat() if article.published else None,
                article.lang,
                article.text,
                len(rows),
                dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                batch,
            ),
        )
        self._db.executemany(INSERT_FEATURE, [(r[0], cursor.lastrowid, *r[1:]) for r in rows])
        return True

    def features(self, view: ViewFilter | None = None) -> list[Feature]:
        """The stored features that the view lets through (every one for None), latest
        corrections applied, by start date."""
        rows = self._db.execute(
            "SELECT geojson, id, article_id FROM features ORDER BY start, id"
        ).fetchall()
        corrections = self._latest_corrections()
        found = []
        for geojson, feature_id, article_id in rows:
            feature = json.loads(geojson)
            key = _mention_key(feature, feature_id, article_id)
            found.append(_corrected(feature, corrections.get(key)))
        return apply_filter(found, view)

    def articles(self) -> list[dict[str, Any]]:
        """Every stored article's metadata (no text), oldest first."""
        cursor = self._db.execute(
            "SELECT id, source, title, url, published, lang, feature_count, ingested_at, batch"
            " FROM articles ORDER BY id"
        )
        names = [c[0] for c in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    def stored_articles(self) -> list[tuple[int, Article]]:
        """Every stored article with its text, as ``(article id, Article)``, oldest first."""
        rows = self._db.execute(
            "SELECT id, text, source, title, url, published, lang FROM articles ORDER BY id"
        ).fetchall()
        return [
            (
                row[0],
                Article(
                    text=row[1],
                    source=row[2],
                    title=row[3],
                    url=row[4],
                    published=dt.date.fromisoformat(row[5]) if row[5] else None,
                    lang=row[6],
                ),
            )
            for row in rows
        ]

    def replace_features(self, article_id: int, features: Sequence[Feature]) -> bool:
        """Put ``features`` in place of an article's stored features, in one transaction; False
        when they are the same. Corrections stay in the log and apply to the new feature of the
        same mention (article and character span), if there is one."""
        rows = [_feature_row(f) for f in features]
        with self._transaction(f"cannot replace the features of article {article_id}"):
            if (
                self._db.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone()
                is None
            ):
                raise InputError(f"no stored article with id {article_id!r}")
            old = self._db.execute(
                "SELECT id, geojson FROM features WHERE article_id = ? ORDER BY rowid",
                (article_id,),
            ).fetchall()
            if [(r[0], r[-1]) for r in rows] == old:
                return False  # nothing written: the commit is empty
            self._db.execute("DELETE FROM features WHERE article_id = ?", (article_id,))
            self._db.executemany(INSERT_FEATURE, [(r[0], article_id, *r[1:]) for r in rows])
            self._db.execute(
                "UPDATE articles SET feature_count = ?, revision = revision + 1 WHERE id = ?",
                (len(rows), article_id),
            )
        return True

    def delete_article(self, article_id: int, *, reason: str | None = None) -> dict[str, Any]:
        """Delete one article with its features and corrections, in one transaction, and log
        it; returns the log entry. An unknown id is an InputError."""
        return self._delete(
            "id = ?", article_id, f"no stored article with id {article_id!r}", reason
        )[0]

    def delete_batch(self, batch: str, *, reason: str | None = None) -> list[dict[str, Any]]:
        """Undo an import: delete every article of ``batch`` (with features and corrections)
        in one transaction, logging each; an unknown batch is an InputError."""
        return self._delete("batch = ?", batch, f"no stored article of import {batch!r}", reason)

    def _delete(self, where: str, value: object, missing: str, reason: str | None) -> list[dict]:
        with self._transaction("cannot delete"):
            ids = [
                r[0] for r in self._db.execute(f"SELECT id FROM articles WHERE {where}", (value,))
            ]
            if not ids:
                raise InputError(missing)
            return delete_rows(self._db, ids, reason)

    def batches(self) -> list[dict[str, Any]]:
        """The imports in the store, newest first (batch, articles, ingested_at, features)."""
        return batches(self._db)

    def deletions_log(self) -> list[dict[str, Any]]:
        """Every article ever deleted, oldest first."""
        return deletions_log(self._db)

    def article_text(self, source: str) -> str | None:
        """The stored text of the article from ``source``, or None."""
        row = self._db.execute("SELECT text FROM articles WHERE source = ?", (source,)).fetchone()
        return row[0] if row else None

    def add_correction(
        self,
        feature_id: str,
        lat: float,
        lon: float,
        *,
        name: str | None = None,
        geonameid: int | None = None,
        note: str | None = None,
    ) -> None:
        """Move a place feature to new coordinates; the old ones stay in the log."""
        lat, lon = _checked_coordinates(lat, lon)
        row = self._db.execute(
            "SELECT article_id, geojson FROM features WHERE id = ?", (feature_id,)
        ).fetchone()
        if row is None:
            raise InputError(f"no stored feature with id {feature_id!r}")
        properties = json.loads(row[1]).get("properties") or {}
        with_tx = (
            "INSERT INTO corrections (feature_id, article_id, char_start, char_end, lat, lon, name,"
            " geonameid, note, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
        )
        with self._transaction(f"cannot store a correction of feature {feature_id}"):
            self._db.execute(
                with_tx,
                (
                    feature_id,
                    row[0],
                    properties.get("char_start"),
                    properties.get("char_end"),
                    lat,
                    lon,
                    name,
                    geonameid,
                    note,
                    dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                ),
            )

    def corrections_log(self) -> list[dict[str, Any]]:
        """Every correction ever made, oldest first."""
        cursor = self._db.execute(
            "SELECT feature_id, lat, lon, name, geonameid, note, created_at FROM corrections ORDER BY id"
        )
        names = [c[0] for c in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    def _latest_corrections(self) -> dict[tuple, tuple]:
        """The latest correction of each mention (by ``_mention_key``): (lat, lon, name, geonameid)."""
        latest: dict[tuple, tuple] = {}
        for row in self._db.execute(
            "SELECT feature_id, article_id, char_start, char_end, lat, lon, name, geonameid"
            " FROM corrections ORDER BY id"
        ):
            key = ("span", *row[1:4]) if row[2] is not None else ("id", row[0])
            latest[key] = row[4:]
        return latest


def _checked_coordinates(lat: object, lon: object) -> tuple[float, float]:
    try:
        lat_f, lon_f = float(lat), float(lon)
    except (TypeError, ValueError) as err:
        raise InputError(f"coordinates must be numbers: lat={lat!r}, lon={lon!r}") from err
    if not -90 <= lat_f <= 90:
        raise InputError(f"latitude out of range [-90, 90]: {lat!r}")
    if not -180 <= lon_f <= 180:
        raise InputError(f"longitude out of range [-180, 180]: {lon!r}")
    return lat_f, lon_f


def _feature_row(feature: dict[str, Any]) -> tuple:
    p = properties(feature)
    if not feature.get("id"):
        raise InputError(f"a feature without an id cannot be stored: {p.get('name')!r}")
    return (
        feature["id"],
        p.get("feature_type") or feature["geometry"]["type"].lower(),
        p.get("event_type"),
        p.get("start"),
        p.get("end"),
        p.get("confidence"),
        p.get("geo_precision"),
        p.get("source"),
        "\x1f".join(p.get("actors") or []),
        json.dumps(feature, ensure_ascii=False),
    )


def _mention_key(feature: dict[str, Any], feature_id: str, article_id: int) -> tuple:
    """What a correction is attached to: the mention's article and span, else the feature id."""
    p = properties(feature)
    if p.get("char_start") is not None:
        return ("span", article_id, p["char_start"], p.get("char_end"))
    return ("id", feature_id)


def _corrected(feature: dict[str, Any], correction: tuple | None) -> dict[str, Any]:
    if correction is None or feature["geometry"]["type"] != "Point":
        return feature
    lat, lon, name, geonameid = correction
    feature["geometry"]["coordinates"] = position((lat, lon))
    props = properties(feature)
    props.update(corrected=True, geo_precision=1, confidence=1.0)
    if name:
        props["name"] = name
    if geonameid is not None:
        props["geonameid"] = geonameid
    return feature
