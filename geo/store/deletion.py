"""Deleting stored articles from an SQLite store: each with its features and corrections, each
logged, all inside the caller's transaction."""

from __future__ import annotations

import datetime as dt
import sqlite3
from typing import Any

DELETED_COLUMNS = (
    "article_id",
    "content_hash",
    "source",
    "title",
    "batch",
    "features",
    "corrections",
    "reason",
    "deleted_at",
)


def delete_rows(db: sqlite3.Connection, article_ids: list[int], reason: str | None) -> list[dict]:
    """Delete the articles ``article_ids`` with their features and corrections, logging each in
    ``deletions``; returns the log entries. Runs inside a transaction the caller holds."""
    now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    entries = []
    for article_id in article_ids:
        digest, source, title, batch = db.execute(
            "SELECT content_hash, source, title, batch FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        corrections = db.execute("DELETE FROM corrections WHERE article_id = ?", (article_id,))
        features = db.execute("DELETE FROM features WHERE article_id = ?", (article_id,))
        db.execute("DELETE FROM articles WHERE id = ?", (article_id,))
        counts = (features.rowcount, corrections.rowcount)
        values = (article_id, digest, source, title, batch, *counts, reason, now)
        entry = dict(zip(DELETED_COLUMNS, values, strict=True))
        db.execute(
            f"INSERT INTO deletions ({', '.join(DELETED_COLUMNS)})"
            f" VALUES ({', '.join('?' * len(DELETED_COLUMNS))})",
            tuple(entry.values()),
        )
        entries.append(entry)
    return entries


def deletions_log(db: sqlite3.Connection) -> list[dict[str, Any]]:
    """Every deletion ever made, oldest first."""
    cursor = db.execute(f"SELECT {', '.join(DELETED_COLUMNS)} FROM deletions ORDER BY id")
    return [dict(zip(DELETED_COLUMNS, row, strict=True)) for row in cursor.fetchall()]


def batches(db: sqlite3.Connection) -> list[dict[str, Any]]:
    """The imports still in the store, newest first: batch id, articles, when it began."""
    cursor = db.execute(
        "SELECT batch, COUNT(*), MIN(ingested_at), SUM(feature_count) FROM articles"
        " WHERE batch IS NOT NULL GROUP BY batch ORDER BY MIN(id) DESC"
    )
    names = ("batch", "articles", "ingested_at", "features")
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
