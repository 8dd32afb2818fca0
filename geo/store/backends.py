"""Which store a URL names: ``open_store("var/store.sqlite3")``, ``open_store("sqlite:PATH")``,
or ``open_store("parquet:FOLDER")`` for a GeoParquet archive (read-only, queried with DuckDB)."""

from __future__ import annotations

from pathlib import Path

from geo.errors import InputError
from geo.store.store import Store

SCHEMES = ("sqlite", "parquet")


def queried_on_server(url: str | Path) -> bool:
    """Whether the store a URL names answers queries itself (a Parquet archive, with DuckDB),
    so that a map asks it for counts and cells rather than loading every feature."""
    return _scheme(str(url))[0] == "parquet"


def _scheme(text: str) -> tuple[str, str]:
    """The scheme of a store URL and the rest; a plain path is an SQLite file."""
    scheme, sep, rest = text.partition(":")
    if not sep or len(scheme) < 2 or "/" in scheme or "\\" in scheme:  # a path (C: aside)
        return "sqlite", text
    return scheme, rest


def open_store(url: str | Path) -> Store:
    """Open the store a URL or path names; a plain path is an SQLite file."""
    text = str(url)
    scheme, rest = _scheme(text)
    if scheme not in SCHEMES:
        raise InputError(f"unknown store {text!r}: use a file path or one of {', '.join(SCHEMES)}:")
    path = rest[2:] if rest.startswith("//") else rest
    if not path:
        raise InputError(f"store {text!r} names no file")
    if scheme == "parquet":
        from geo.store.parquet import ParquetStore

        return ParquetStore(path)
    from geo.store.sqlite import SQLiteStore

    return SQLiteStore(path)
