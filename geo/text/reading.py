"""Articles from files: plain text, HTML pages, JSON and JSON Lines records.

Offsets everywhere are into the text as decoded here (line endings untouched). Bytes are
decoded as UTF-8, UTF-16 (with or without a byte order mark) or, failing those,
Windows-1252 / Latin-1 (told apart by ``charset-normalizer``); the article says which in
``encoding``. Every refusal is an :class:`InputError` naming the file (or the line of a JSON
Lines file) and why.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import stat
from collections.abc import Iterator
from pathlib import Path

from geo.errors import InputError
from geo.model import Article
from geo.settings import DEFAULT_MAX_ARTICLE_BYTES
from geo.text.pages import page_article

SUFFIXES = (".txt", ".text", ".html", ".htm", ".json", ".jsonl")
PAGE_OR_RECORD_SUFFIXES = (".html", ".htm", ".json", ".jsonl")
# A file of one article larger than this many times the article limit is refused unread:
# markup aside, its text could not be under the limit.
MAX_FILE_FACTOR = 8
BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
SINGLE_BYTE_ENCODINGS = ["cp1252", "latin_1"]
# Control characters that no text file holds (tab, line feed, form feed, carriage return are fine)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_NUL = re.compile("\x00")
SHOWN_VALUE_CHARS = 80


def decode_text(data: bytes, name: str) -> tuple[str, str]:
    """The text of ``data`` and the encoding it was read in; binary content is an
    InputError naming ``name``."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            text = _decoded(data[len(bom) :], encoding.removesuffix("-sig"), name)
            return _checked_text(text, name, _NUL), encoding
    if b"\x00" not in data:
        try:
            return data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            pass
    else:
        encoding = _utf16_without_bom(data)
        if encoding is None:
            raise InputError(f"{name}: not a text file (binary content)")
        return _checked_text(_decoded(data, encoding, name), name), encoding
    from charset_normalizer import from_bytes  # loaded only for files that are not UTF

    best = from_bytes(data, cp_isolation=SINGLE_BYTE_ENCODINGS).best()
    if best is None:
        raise InputError(
            f"{name}: not text in UTF-8, UTF-16, Windows-1252 or Latin-1 (binary content?)"
        )
    return _checked_text(str(best), name), best.encoding


def _utf16_without_bom(data: bytes) -> str | None:
    """ "utf-16-le" or "utf-16-be" when the NUL bytes fall where UTF-16 puts the high byte
    of Latin letters (every other byte); None otherwise."""
    if len(data) % 2:
        return None
    even, odd = data[0::2].count(0), data[1::2].count(0)
    half = len(data) // 2
    if odd >= 0.3 * half and even <= 0.01 * half:
        return "utf-16-le"
    if even >= 0.3 * half and odd <= 0.01 * half:
        return "utf-16-be"
    return None


def _decoded(data: bytes, encoding: str, name: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as err:
        raise InputError(f"{name}: not {encoding} text (byte {err.start})") from err


def _checked_text(text: str, name: str, control_characters: re.Pattern | None = None) -> str:
    """The text, unless control characters show that the bytes were not text after all."""
    control = (control_characters or _CONTROL).search(text)
    if control:
        raise InputError(
            f"{name}: not a text file (binary content: control character "
            f"{ord(control.group()):#04x} at character {control.start()})"
        )
    return text


def read_bytes(path: Path, name: str, limit: int | None = None) -> bytes:
    """The bytes of a regular file (at most ``limit`` of them); a missing, unreadable or
    special file is an InputError naming ``name``."""
    try:
        mode = path.stat().st_mode
        regular = stat.S_ISREG(mode)
        if regular:  # a FIFO would block, a device never end
            with path.open("rb") as file:
                data = file.read() if limit is None else file.read(limit + 1)
    except FileNotFoundError as err:
        raise InputError(f"{name}: no such file") from err
    except OSError as err:
        raise InputError(f"{name}: cannot be read ({err.strerror or err})") from err
    except ValueError as err:  # a NUL byte in the name
        raise InputError(f"{name}: not a usable file name") from err
    if stat.S_ISDIR(mode):
        raise InputError(f"{name}: is a folder, not a file")
    if not regular:
        raise InputError(f"{name}: not a regular file ({_special_kind(mode)})")
    if limit is not None and len(data) > limit:
        raise InputError(f"{name}: more than {limit:,} bytes, too large for one article")
    return data


def _special_kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else "a special file"


def read_text_file(
    path: str | Path, name: str | None = None, max_bytes: int = DEFAULT_MAX_ARTICLE_BYTES
) -> str:
    """The text of a file (see :func:`decode_text`); a file that cannot be one article's
    is an InputError naming it."""
    return _read_text(Path(path), name or str(path), max_bytes)[0]


def _read_text(path: Path, name: str, max_bytes: int | None) -> tuple[str, str]:
    limit = None if max_bytes is None else MAX_FILE_FACTOR * max_bytes
    return decode_text(read_bytes(path, name, limit), name)


def read_articles(
    path: str | Path, name: str | None = None, *, max_bytes: int = DEFAULT_MAX_ARTICLE_BYTES
) -> Iterator[Article | InputError]:
    """Every article of one file, named ``name`` (default: the path) in sources and messages.

    An article that cannot be read is yielded as the InputError that says why, so the
    records of a JSON Lines file after a bad one are still read; a file that cannot be read
    at all is raised.
    """
    path = Path(path)
    name = name or str(path)
    suffix = path.suffix.lower()
    if suffix == ".jsonl":
        yield from _json_lines(path, name, max_bytes)
        return
    text, encoding = _read_text(path, name, max_bytes)
    try:
        if suffix in (".html", ".htm"):
            article = page_article(text, source=name)
        elif suffix == ".json":
            article = article_from_record(parse_json(text, name), name)
        else:
            article = Article(text=text, source=name)
        yield checked_size(_with_encoding(article, encoding), max_bytes, name)
    except InputError as err:
        yield err


def _json_lines(path: Path, name: str, max_bytes: int) -> Iterator[Article | InputError]:
    text, encoding = _read_text(path, name, None)
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{name}:{number}"
        try:
            article = article_from_record(parse_json(line, where), where)
            yield checked_size(_with_encoding(article, encoding), max_bytes, where)
        except InputError as err:
            yield err


def _with_encoding(article: Article, encoding: str) -> Article:
    import dataclasses

    return dataclasses.replace(article, encoding=encoding)


def read_article(path: str | Path, name: str | None = None, **options) -> Article:
    """The one article of a file (the first of a JSON Lines file); an error is raised."""
    for article in read_articles(path, name, **options):
        if isinstance(article, InputError):
            raise article
        return article
    raise InputError(f"{name or path}: holds no article")


def checked_size(article: Article, max_bytes: int, name: str | None = None) -> Article:
    """The article, if its text is at most ``max_bytes`` in UTF-8; else an InputError
    naming it (GEO_MAX_ARTICLE_BYTES sets the limit)."""
    size = len(unicode_text(article.text, "text", name or article.source).encode("utf-8"))
    if size > max_bytes:
        raise InputError(
            f"{name or article.source}: {size:,} bytes of text, more than the {max_bytes:,} "
            "an article may have (GEO_MAX_ARTICLE_BYTES)"
        )
    return article


def article_from_record(record: object, source: str) -> Article:
    """An article from a JSON object with ``text`` and optional ``title``, ``url``, ``published``
    (strings, or null); a record of another shape is an InputError naming ``source``."""
    if not isinstance(record, dict) or not isinstance(record.get("text"), str):
        raise InputError(f"{source}: a JSON article needs a string field 'text'")
    for key in ("title", "url", "published"):
        value = record.get(key)
        if value is not None and not isinstance(value, str):
            raise InputError(f"{source}: '{key}' must be a string or null, not {shown(value)}")
        if value is not None:
            unicode_text(value, key, source)
    return Article(
        text=record["text"],
        source=record.get("url") or source,
        title=record.get("title"),
        url=record.get("url") or None,
        published=parse_published(record.get("published"), source),
    )


def unicode_text(text: str, field: str, source: str) -> str:
    """``text``, unless it holds a lone surrogate (JSON's "\\ud800"), which no file or store can
    hold: then an InputError naming ``source`` and the field."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as err:
        raise InputError(
            f"{source}: '{field}' holds a lone surrogate {text[err.start]!r} at character "
            f"{err.start}, not Unicode text"
        ) from err
    return text


def shown(value: object) -> str:
    """A value as a message shows it: its ``repr``, cut to a readable length."""
    text = repr(value)
    return text if len(text) <= SHOWN_VALUE_CHARS else text[: SHOWN_VALUE_CHARS - 1] + "…"


def parse_published(value: object, source: str) -> dt.date | None:
    """An ISO date or date-time string as a date; a bad value is an InputError naming it."""
    if value in (None, ""):
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError as err:
        raise InputError(f"{source}: 'published' is not an ISO date: {shown(value)}") from err


def parse_json(text: str, where: str) -> object:
    """The value of a JSON document; bad JSON, or JSON nested too deeply to read, is an
    InputError naming ``where``."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as err:
        raise InputError(f"{where}: not valid JSON ({err.msg})") from err
    except RecursionError as err:
        raise InputError(f"{where}: JSON nested too deeply to be an article") from err
