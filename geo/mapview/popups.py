"""Popup and tooltip content of each feature. Article text is untrusted: everything is escaped here.

The page gets each feature's popup as a short list of escaped values (``popup_fields``), and one
script per layer (``POPUP_JS``) lays them out when a popup opens: the markup is not repeated in
the page once per feature, which keeps a map of many thousands of events light.
"""

from __future__ import annotations

import json
from html import escape
from typing import Any
from urllib.parse import urlparse

from geo.mapview.style import event_label
from geo.schema import FeatureProperties

PRECISION = {1: "the place itself", 2: "part of or near it", 3: "region or country"}
TIME_PRECISION = {1: "day", 2: "week", 3: "month"}
QUOTE_CHARS = 320
# The values of a feature's ``_p`` list, in this order; POPUP_JS reads them by these names.
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
_POSITIONS = json.dumps({name: FIELDS.index(name) for name in FIELDS})
POPUP_JS = (
    f"function (layer) {{ var at = {_POSITIONS}; var v = layer.feature.properties._p || [];"
    " var html = '<div class=\"gm-popup\"><b>' + (v[at.name] || '') + '</b>';"
    " if (v[at.said]) { html += ' <span class=\"gm-said\">\u201c' + v[at.said] + '\u201d</span>'; }"
    f" html += '<table>'; {json.dumps(TABLE_ROWS)}.forEach(function (label) {{"
    " if (v[at[label]]) { html += '<tr><th>' + label + '</th><td>' + v[at[label]] + '</td></tr>'; } });"
    " html += '</table>'; if (v[at.quote]) { html += '<blockquote>' + v[at.quote] + '</blockquote>'; }"
    " html += '<div class=\"gm-source\">Source: ' + (v[at.url] ? '<a href=\"' + v[at.url]"
    " + '\" target=\"_blank\" rel=\"noopener noreferrer\">' + v[at.source] + '</a>' : v[at.source]) + '</div>';"
    " return html + '</div>'; }"
)
TOOLTIP_JS = "function (layer) { return layer.feature.properties._tooltip; }"


def inert(text: str) -> str:
    """``text`` made safe for the page: HTML-escaped, and braces as entities.

    folium compiles the rendered page as a Jinja template once more, so a ``{{ }}`` left in
    article text would be evaluated on the server; as entities the browser still shows braces.
    """
    return escape(text, quote=True).replace("{", "&#123;").replace("}", "&#125;")


def popup_fields(properties: FeatureProperties) -> list[str]:
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
        "Event": ": ".join(
            filter(None, (event_label(p.get("event_type")), p.get("sub_event_type")))
        ),
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
