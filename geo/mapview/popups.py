"""Popup and tooltip content of each feature. Article text is untrusted: everything is escaped here.

The page gets each feature's popup as a short list of escaped values (``popup_fields``), and one
script per layer (``POPUP_JS``) lays them out when a popup opens: the markup is not repeated in
the page once per feature, which keeps a map of many thousands of events light.
"""

from __future__ import annotations

from html import escape
from typing import Any
from urllib.parse import urlparse

from geo.mapview.style import event_label

PRECISION = {1: "the place itself", 2: "part of or near it", 3: "region or country"}
TIME_PRECISION = {1: "day", 2: "week", 3: "month"}
QUOTE_CHARS = 320
# Position of each value in a feature's ``_p`` list; POPUP_JS reads them by these positions.
FIELDS = (
    "name",
    "said",
    "Date",
    "Event",
    "Status",
    "Actors",
    "Precision",
    "Confidence",
    "quote",
    "source",
    "url",
)
TABLE_ROWS = ("Date", "Event", "Status", "Actors", "Precision", "Confidence")
_ROWS_JS = ",".join(f'["{label}",{FIELDS.index(label)}]' for label in TABLE_ROWS)
POPUP_JS = (
    "function (layer) { var v = layer.feature.properties._p || [];"
    " var html = '<div class=\"gm-popup\"><b>' + (v[0] || '') + '</b>';"
    " if (v[1]) { html += ' <span class=\"gm-said\">\u201c' + v[1] + '\u201d</span>'; }"
    f" html += '<table>'; [{_ROWS_JS}].forEach(function (row) {{"
    " if (v[row[1]]) { html += '<tr><th>' + row[0] + '</th><td>' + v[row[1]] + '</td></tr>'; } });"
    " html += '</table>'; if (v[8]) { html += '<blockquote>' + v[8] + '</blockquote>'; }"
    " html += '<div class=\"gm-source\">Source: ' + (v[10] ? '<a href=\"' + v[10]"
    " + '\" target=\"_blank\" rel=\"noopener noreferrer\">' + v[9] + '</a>' : v[9]) + '</div>';"
    " return html + '</div>'; }"
)
TOOLTIP_JS = "function (layer) { return layer.feature.properties._tooltip; }"


def inert(text: str) -> str:
    """``text`` made safe for the page: HTML-escaped, and braces as entities.

    folium compiles the rendered page as a Jinja template once more, so a ``{{ }}`` left in
    article text would be evaluated on the server; as entities the browser still shows braces.
    """
    return escape(text, quote=True).replace("{", "&#123;").replace("}", "&#125;")


def popup_fields(properties: dict[str, Any]) -> list[str]:
    """The escaped values of a popup, in the order of ``FIELDS``, trailing empty ones left out."""
    p = properties
    mention = p.get("mention")
    quote = str(p.get("quote") or "")
    if len(quote) > QUOTE_CHARS:
        quote = quote[: QUOTE_CHARS - 1] + "…"
    confidence = p.get("confidence")
    url = str(p.get("url") or "")
    values = {
        "name": p.get("name"),
        "said": mention if mention and mention != p.get("name") else None,
        "Date": _dates(p),
        "Event": event_label(p.get("event_type")),
        "Status": p.get("status"),
        "Actors": ", ".join(str(a) for a in p.get("actors") or []),
        "Precision": PRECISION.get(p.get("geo_precision"), ""),
        "Confidence": f"{confidence:.0%}" if isinstance(confidence, (int, float)) else None,
        "quote": quote,
        "source": p.get("title") or p.get("source") or "source",
        "url": url if urlparse(url).scheme in ("http", "https") else None,
    }
    fields = [inert(str(values[name])) if values[name] else "" for name in FIELDS]
    while fields and not fields[-1]:
        fields.pop()
    return fields


def tooltip_text(properties: dict[str, Any]) -> str:
    """A one-line tooltip: name and start date, escaped."""
    date = properties.get("start") or ""
    return inert(f"{properties.get('name') or ''} {date}".strip())


def _dates(p: dict[str, Any]) -> str | None:
    start, end = p.get("start"), p.get("end")
    if not start:
        return None
    span = start if not end or end == start else f"{start} → {end}"
    how = [TIME_PRECISION.get(p.get("time_precision")), p.get("date_source")]
    return f"{span} ({', '.join(str(h) for h in how if h)})" if any(how) else span
