"""Articles from files: plain text, HTML pages, JSON and JSON Lines records.

Offsets everywhere are into the text as decoded here (UTF-8, line endings untouched).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

from geo.errors import InputError
from geo.model import Article
from geo.text.pages import page_article

SUFFIXES = (".txt", ".text", ".html", ".htm", ".json", ".jsonl")
PAGE_OR_RECORD_SUFFIXES = (".html", ".htm", ".json", ".jsonl")


def read_text_file(path: str | Path) -> str:
    """The text of a UTF-8 file; a missing, unreadable or binary file is an InputError naming it."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError as err:
        raise InputError(f"{path}: no such file") from err
    except IsADirectoryError as err:
        raise InputError(f"{path}: is a folder, not a file") from err
    except OSError as err:
        raise InputError(f"{path}: cannot be read ({err.strerror})") from err
    if b"\x00" in data:
        raise InputError(f"{path}: not a text file (binary content)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        raise InputError(f"{path}: not UTF-8 text (byte {err.start})") from err
    return text.removeprefix("\ufeff")


def read_articles(path: str | Path) -> Iterator[Article]:
    """Every article in a file or, recursively and in name order, in a folder."""
    path = Path(path)
    if path.is_dir():
        for child in sorted(
            p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES
        ):
            yield from read_articles(child)
        return
    suffix = path.suffix.lower()
    if suffix in (".html", ".htm"):
        yield page_article(read_text_file(path), source=str(path))
    elif suffix == ".json":
        yield article_from_record(_json(path), str(path))
    elif suffix == ".jsonl":
        for number, line in enumerate(read_text_file(path).splitlines(), start=1):
            if line.strip():
                yield article_from_record(_json(path, line, number), f"{path}:{number}")
    else:
        yield Article(text=read_text_file(path), source=str(path))


def read_article(path: str | Path) -> Article:
    """The one article of a file (the first of a JSON Lines file)."""
    for article in read_articles(path):
        return article
    raise InputError(f"{path}: holds no article")


def article_from_record(record: object, source: str) -> Article:
    """An article from a JSON object with ``text`` and optional ``title``, ``url``, ``published``."""
    if not isinstance(record, dict) or not isinstance(record.get("text"), str):
        raise InputError(f"{source}: a JSON article needs a string field 'text'")
    return Article(
        text=record["text"],
        source=record.get("url") or source,
        title=record.get("title"),
        url=record.get("url"),
        published=parse_published(record.get("published"), source),
    )


def parse_published(value: object, source: str) -> dt.date | None:
    """An ISO date or date-time string as a date; a bad value is an InputError naming it."""
    if value in (None, ""):
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError as err:
        raise InputError(f"{source}: 'published' is not an ISO date: {value!r}") from err


def _json(path: Path, text: str | None = None, line: int | None = None) -> object:
    try:
        return json.loads(read_text_file(path) if text is None else text)
    except json.JSONDecodeError as err:
        where = f"{path}:{line}" if line else str(path)
        raise InputError(f"{where}: not valid JSON ({err.msg})") from err
