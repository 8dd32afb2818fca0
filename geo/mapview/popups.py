"""Popup and tooltip HTML of each feature. Article text is untrusted: everything is escaped here."""

from __future__ import annotations

from html import escape
from typing import Any
from urllib.parse import urlparse

PRECISION = {1: "the place itself", 2: "part of or near it", 3: "region or country"}
TIME_PRECISION = {1: "day", 2: "week", 3: "month"}
QUOTE_CHARS = 320


def popup_html(properties: dict[str, Any]) -> str:
    """Place, dates and precisions, event type, status, the supporting quote and the source link."""
    p = properties
    rows = [
        ("Date", _dates(p)),
        ("Event", (p.get("event_type") or "other").replace("_", " ")),
        ("Status", p.get("status")),
        ("Actors", ", ".join(p.get("actors") or [])),
        ("Precision", PRECISION.get(p.get("geo_precision"), "")),
        (
            "Confidence",
            f"{p['confidence']:.0%}" if isinstance(p.get("confidence"), (int, float)) else None,
        ),
    ]
    body = "".join(f"<tr><th>{escape(k)}</th><td>{escape(str(v))}</td></tr>" for k, v in rows if v)
    title = escape(p.get("name") or "")
    mention = p.get("mention")
    said = (
        f' <span class="gm-said">“{escape(mention)}”</span>'
        if mention and mention != p.get("name")
        else ""
    )
    quote = p.get("quote") or ""
    if len(quote) > QUOTE_CHARS:
        quote = quote[: QUOTE_CHARS - 1] + "…"
    return (
        f'<div class="gm-popup"><b>{title}</b>{said}<table>{body}</table>'
        + (f"<blockquote>{escape(quote)}</blockquote>" if quote else "")
        + _source_link(p)
        + "</div>"
    )


def tooltip_text(properties: dict[str, Any]) -> str:
    """A one-line tooltip: name and date, escaped."""
    date = properties.get("start") or ""
    return escape(f"{properties.get('name') or ''} {date}".strip())


def _dates(p: dict[str, Any]) -> str | None:
    start, end = p.get("start"), p.get("end")
    if not start:
        return None
    span = start if not end or end == start else f"{start} → {end}"
    precision = TIME_PRECISION.get(p.get("time_precision"))
    return f"{span} ({precision}, {p.get('date_source', '')})" if precision else span


def _source_link(p: dict[str, Any]) -> str:
    label = escape(p.get("title") or p.get("source") or "source")
    url = p.get("url") or ""
    if urlparse(url).scheme in ("http", "https"):
        return f'<div class="gm-source">Source: <a href="{escape(url, quote=True)}" target="_blank" rel="noopener noreferrer">{label}</a></div>'
    return f'<div class="gm-source">Source: {label}</div>'
