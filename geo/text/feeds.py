"""Articles from news crawls and feeds: the HTML responses of a WARC file (``warcio``), the
entries of an RSS or Atom feed (``feedparser``). Each is read as a page is (``geo.text.pages``)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import html
from collections.abc import Iterator
from pathlib import Path

from geo.errors import InputError
from geo.model import Article
from geo.text.pages import page_article
from geo.text.reading import checked_size

HTML_TYPES = ("text/html", "application/xhtml+xml")


def warc_articles(path: Path, name: str, max_bytes: int) -> Iterator[Article | InputError]:
    """The article of every HTML response of a WARC file (gzip'd or not), named by its URL;
    requests, metadata and other content types are passed over."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    try:
        with path.open("rb") as stream:
            for record in ArchiveIterator(stream):
                if record.rec_type != "response" or record.http_headers is None:
                    continue
                content_type = record.http_headers.get_header("Content-Type") or ""
                if content_type.split(";")[0].strip().lower() not in HTML_TYPES:
                    continue
                url = record.rec_headers.get_header("WARC-Target-URI") or name
                yield _warc_article(record, url, max_bytes)
    except ArchiveLoadFailed as err:
        yield InputError(f"{name}: not a readable WARC file ({err})")
    except OSError as err:
        yield InputError(f"{name}: cannot be read ({err.strerror or err})")


def _warc_article(record, url: str, max_bytes: int) -> Article | InputError:
    """The article of one HTML response, dated by the crawl when the page gives no date."""
    data = record.content_stream().read()
    charset = record.http_headers.get_header("Content-Type", "").partition("charset=")[2]
    try:
        page = data.decode(charset.strip() or "utf-8", errors="replace")
    except LookupError:
        page = data.decode("utf-8", errors="replace")
    article = page_article(page, source=url)
    crawled = _date(record.rec_headers.get_header("WARC-Date"))
    article = dataclasses.replace(
        article, url=article.url or url, published=article.published or crawled
    )
    try:
        return checked_size(article, max_bytes, url)
    except InputError as err:
        return err


def feed_articles(data: bytes, name: str, max_bytes: int) -> Iterator[Article | InputError]:
    """The article of every entry of an RSS or Atom feed (its content, else its summary)."""
    import feedparser

    feed = feedparser.parse(data)
    if feed.bozo and not feed.entries:
        yield InputError(f"{name}: not a readable RSS or Atom feed ({feed.bozo_exception})")
        return
    for number, entry in enumerate(feed.entries, start=1):
        where = entry.get("link") or f"{name}#{number}"
        body = (entry.get("content") or [{}])[0].get("value") or entry.get("summary") or ""
        text = page_article(f"<body>{body}</body>", source=where).text
        if not text.strip():
            yield InputError(f"{where}: a feed entry with no text")
            continue
        published = entry.get("published_parsed") or entry.get("updated_parsed")
        article = Article(
            text=text,
            source=where,
            title=html.unescape(entry.get("title") or "") or None,
            url=entry.get("link") or None,
            published=dt.date(*published[:3]) if published else None,
        )
        try:
            yield checked_size(article, max_bytes, where)
        except InputError as err:
            yield err


def _date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None
