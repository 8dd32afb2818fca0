"""Which store a URL names: ``open_store("var/store.sqlite3")`` or ``open_store("sqlite:PATH")``."""

from __future__ import annotations

from pathlib import Path

from geo.errors import InputError
from geo.store.store import Store

SCHEMES = ("sqlite",)


def open_store(url: str | Path) -> Store:
    """Open the store a URL or path names; a plain path is an SQLite file."""
    text = str(url)
    scheme, sep, rest = text.partition(":")
    if not sep or len(scheme) < 2 or "/" in scheme or "\\" in scheme:  # a path (C: aside)
        scheme, rest = "sqlite", text
    if scheme not in SCHEMES:
        raise InputError(f"unknown store {text!r}: use a file path or one of {', '.join(SCHEMES)}:")
    from geo.store.sqlite import SQLiteStore

    path = rest[2:] if rest.startswith("//") else rest
    if not path:
        raise InputError(f"store {text!r} names no file")
    return SQLiteStore(path)
