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
from geo.view.reports import reported_by

PRECISION = {1: "the place itself", 2: "part of or near it", 3: "region or country"}
TIME_PRECISION = {1: "day", 2: "week", 3: "month"}
QUOTE_CHARS = 320
REPORT_QUOTE_CHARS = 160  # each source's quote in the list of a fused event
# The values of a feature's ``_p`` list, in this order; POPUP_JS reads them by these names.
FIELDS = (
    "name",
    "said",
    "Where",
    "Date",
    "Event",
    "Status",
    "Actors",
    "Precision",
    "Confidence",
    "quote",
    "source",
    "url",
    "reported",
    "reports",
)
TABLE_ROWS = ("Where", "Date", "Event", "Status", "Actors", "Precision", "Confidence")
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
    " if (v[at.reported]) { html += '<div class=\"gm-reports\"><b>' + v[at.reported] + '</b>'"
    " + (v[at.reports] || '') + '</div>'; }"
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
    quote = _shortened(str(p.get("quote") or ""), QUOTE_CHARS)
    confidence = p.get("confidence")
    url = str(p.get("url") or "")
    values = {
        "name": p.get("name"),
        "said": mention if mention and mention != p.get("name") else None,
        "Where": _somewhere(p),
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
        "url": _web_link(url),
        "reported": reported_by(p),
        "reports": None,  # markup of escaped values, made by reports_html
    }
    fields = [inert(str(values[name])) if values[name] else "" for name in FIELDS[:-1]]
    fields.append(reports_html(p.get("sources") or []) if values["reported"] else "")
    while fields and not fields[-1]:
        fields.pop()
    return fields


def _somewhere(p: FeatureProperties) -> str | None:
    """ "somewhere in Iraq" for a place that stands for a whole region or country."""
    if p.get("geo_precision") != 3 or p.get("feature_type", "place") != "place":
        return None
    where = "along" if p.get("kind") == "river" else "in"
    return f"somewhere {where} {p.get('name')} (the marker is only its centre)"


def reports_html(sources: list[dict[str, Any]]) -> str:
    """The sources of a fused event as a list: each one's title (linked), date and quote, every
    value escaped (the list is markup made of escaped values only)."""
    items = []
    for source in sources:
        name = inert(str(source.get("title") or source.get("source") or "source"))
        link = _web_link(str(source.get("url") or ""))
        if link:
            name = f'<a href="{inert(link)}" target="_blank" rel="noopener noreferrer">{name}</a>'
        when = f" ({inert(str(source['published']))})" if source.get("published") else ""
        quote = _shortened(str(source.get("quote") or ""), REPORT_QUOTE_CHARS)
        said = f": <q>{inert(quote)}</q>" if quote else ""
        items.append(f"<li>{name}{when}{said}</li>")
    return "<ol>" + "".join(items) + "</ol>"


def _web_link(url: str) -> str | None:
    """The URL if it is a web link (http or https), else None: no javascript: or file: links."""
    return url if urlparse(url).scheme in ("http", "https") else None


def _shortened(text: str, limit: int) -> str:
    return text[: limit - 1] + "…" if len(text) > limit else text


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
