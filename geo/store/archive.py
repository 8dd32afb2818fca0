"""A GeoParquet archive on disk: features partitioned by event month, articles, commits.

    ARCHIVE/month=2017-01/<commit>.parquet   the features whose event starts in January 2017
    ARCHIVE/month=undated/<commit>.parquet   the features of unknown date
    ARCHIVE/articles/<commit>.parquet        the articles (text included), one row each
    ARCHIVE/_commits/<commit>.json           the files of one commit, written last

Every file is written under a temporary name and renamed; a commit counts once its list is
written, so a reader sees each article with all its features or not at all. The files of a
commit that never finished (its writer killed) are never read, and the next writer removes
them. One writer at a time: a second one is refused while the first holds the lock.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import json
import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from geo.errors import InputError, StoreError
from geo.store.geoparquet import write_atomically

COMMITS = "_commits"
ARTICLES = "articles"


class Archive:
    """The files of a GeoParquet archive, and the commits that make them count."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)

    def commits(self) -> list[dict]:
        """Every finished commit, oldest first: ``{"id", "articles", "features"}`` (file names
        relative to the archive)."""
        folder = self.path / COMMITS
        if not folder.is_dir():
            return []
        found = []
        for path in sorted(folder.glob("*.json")):
            try:
                found.append(json.loads(path.read_text(encoding="utf-8")))
            except (OSError, ValueError) as err:
                raise StoreError(f"{path}: not a readable commit ({err})") from err
        return found

    def article_files(self) -> list[Path]:
        """The committed article files."""
        return [self.path / name for commit in self.commits() for name in commit["articles"]]

    def feature_files(self) -> list[Path]:
        """The committed feature files, each inside its month's folder."""
        return [self.path / name for commit in self.commits() for name in commit["features"]]

    def content_hashes(self) -> set[str]:
        """The content hashes of every committed article."""
        hashes: set[str] = set()
        for path in self.article_files():
            column = pq.read_table(path, columns=["content_hash"]).column("content_hash")
            hashes.update(column.to_pylist())
        return hashes

    def commit(self, articles: pa.Table, features: pa.Table) -> str:
        """Write one commit: a file of articles, a file per month of features, then the list."""
        stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S")
        commit_id = f"{stamp}-{uuid.uuid4().hex[:8]}"
        written = {"id": commit_id, "articles": [], "features": []}
        name = f"{ARTICLES}/{commit_id}.parquet"
        write_atomically(articles, self.path / name)
        written["articles"].append(name)
        for month in sorted(set(features.column("month").to_pylist())):
            part = features.filter(pc.equal(features.column("month"), month))
            name = f"month={month}/{commit_id}.parquet"
            write_atomically(part, self.path / name, geo=True)
            written["features"].append(name)
        listing = pa.py_buffer(json.dumps(written, indent=1).encode("utf-8"))
        _write_bytes_atomically(listing.to_pybytes(), self.path / COMMITS / f"{commit_id}.json")
        return commit_id

    def remove_unfinished(self) -> list[Path]:
        """Remove the files of commits that never finished, and temporary files; return them."""
        if not self.path.is_dir():
            return []
        committed = {
            self.path / name
            for commit in self.commits()
            for name in commit["articles"] + commit["features"]
        }
        removed = []
        for path in self.path.rglob("*"):
            stray = path.name.endswith(".tmp") or (
                path.suffix == ".parquet" and path not in committed
            )
            if path.is_file() and stray:
                path.unlink()
                removed.append(path)
        return removed

    @contextmanager
    def writing(self) -> Iterator[Archive]:
        """Hold the archive's writer lock (refused with a StoreError while another holds it),
        after removing what an interrupted writer left."""
        if self.path.exists() and not self.path.is_dir():
            raise InputError(f"{self.path}: not a folder, cannot hold a Parquet archive")
        self.path.mkdir(parents=True, exist_ok=True)
        with (self.path / ".lock").open("w") as lock:
            try:
                fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError as err:
                raise StoreError(f"{self.path}: another ingest is writing to this archive") from err
            self.remove_unfinished()
            yield self


def _write_bytes_atomically(data: bytes, path: Path) -> None:
    """Write bytes under a temporary name, flush them to disk, rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
    try:
        with temporary.open("wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)
