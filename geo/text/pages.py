"""The article inside an HTML page: title, publication date, canonical URL and body text."""

from __future__ import annotations

import datetime as dt
from html.parser import HTMLParser

from geo.model import Article

SKIPPED = frozenset(
    {
        "script",
        "style",
        "nav",
        "footer",
        "aside",
        "header",
        "form",
        "noscript",
        "svg",
        "button",
        "figure",
    }
)
BLOCKS = frozenset(
    {
        "p",
        "div",
        "h1",
        "h2",
        "h3",
        "h4",
        "li",
        "br",
        "article",
        "section",
        "blockquote",
        "tr",
        "title",
    }
)


class _PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, str] = {}
        self.title = ""
        self.parts: list[str] = []
        self.article_parts: list[str] = []
        self._skip = 0
        self._in_title = False
        self._in_article = 0

    def handle_starttag(self, tag, attrs):
        a = {k: v or "" for k, v in attrs}
        if tag == "meta":
            key = a.get("property") or a.get("name") or a.get("itemprop")
            if key and "content" in a:
                self.meta[key.lower()] = a["content"]
        elif tag == "link" and a.get("rel") == "canonical":
            self.meta.setdefault("canonical", a.get("href", ""))
        elif tag == "time" and a.get("datetime"):
            self.meta.setdefault("time", a["datetime"])
        if tag in SKIPPED:
            self._skip += 1
        if tag == "title":
            self._in_title = True
        if tag == "article":
            self._in_article += 1
        if tag in BLOCKS:
            self._text("\n")

    def handle_endtag(self, tag):
        if tag in SKIPPED and self._skip:
            self._skip -= 1
        if tag == "title":
            self._in_title = False
        if tag == "article" and self._in_article:
            self._in_article -= 1
        if tag in BLOCKS:
            self._text("\n")

    def handle_data(self, data):
        if self._in_title:
            self.title += data
        elif not self._skip:
            self._text(data)

    def _text(self, data: str) -> None:
        self.parts.append(data)
        if self._in_article:
            self.article_parts.append(data)


def page_article(html: str, source: str) -> Article:
    """The article of an HTML page; the text of ``<article>`` when the page has one."""
    parser = _PageParser()
    parser.feed(html)
    parser.close()
    body = "".join(parser.article_parts) or "".join(parser.parts)
    text = "\n\n".join(" ".join(line.split()) for line in body.splitlines() if line.strip())
    meta = parser.meta
    title = meta.get("og:title") or " ".join(parser.title.split()) or None
    return Article(
        text=text,
        source=source,
        title=title,
        url=meta.get("og:url") or meta.get("canonical") or None,
        published=_date(
            meta.get("article:published_time") or meta.get("datepublished") or meta.get("time")
        ),
    )


def _date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None
