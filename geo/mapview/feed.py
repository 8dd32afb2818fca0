"""An event feed: the events of a view as a file the page fetches once, then draws by date window.

The dashboard's map keeps its base (view, basemap, rivers, legend) while the date range moves.
With a feed the base also fetches, once, every event of the view from a static file; a date
change then sends only a few lines naming the window, and the page draws the events that
overlap it. Without a feed each change would send every marker again (megabytes for 10,000).

    feed = publish_feed(features, FEED_DIR, "/app/static/feed")
    fmap = build_map(features, with_events=False, feed=feed)   # fetches the file once
    groups = feed.window_layers(DateWindow(dt.date(2017, 1, 1), dt.date(2017, 3, 31)))

A feed never holds more than ``AGGREGATE_ABOVE`` places: past that the server groups the
places of each window in cells (``geo.mapview.aggregate``), and the caller sends layers itself.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import folium
from branca.element import MacroElement
from folium.template import Template

from geo.mapview.aggregate import AGGREGATE_ABOVE
from geo.mapview.assets import ROOT
from geo.mapview.layers import styled_collection
from geo.mapview.popups import POPUP_JS, TOOLTIP_JS
from geo.schema import DateWindow

FEED_DIR = ROOT / "static" / "feed"
FEED_BASE = "app/static/feed"
KEEP_FILES = 32  # feeds of other views and sessions kept beside the newest

# Fills a layer group with the features of one layer of the feed that overlap [from, to]
# (ISO dates, either may be null), as geo.schema.DateWindow.overlaps does. A feed holds the
# features of a view at every date (ViewFilter.at_any_date): an undated feature is in it only
# when the view shows the undated, and then it shows whatever the window. Dates compare as
# strings, which ISO dates allow.
FILL_JS = (
    "function (group, name, from, to) { return window.gmFeed.then(function (feed) {"
    " var part = feed[name]; if (!part) { return; } var styles = part.styles;"
    " var layer = L.geoJson(part.data, {"
    " filter: function (f) { var p = f.properties; if (!p.start) { return true; }"
    " return !(from && (p.end || p.start) < from) && !(to && p.start > to); },"
    " style: function (f) { return styles[f.properties._s]; },"
    " pointToLayer: function (f, latlng) { return L.circleMarker(latlng, styles[f.properties._s]); } });"
    f" layer.bindPopup({POPUP_JS}, {{maxWidth: 380}}).bindTooltip({TOOLTIP_JS});"
    " group.addLayer(layer); }); }"
)


class FeedScript(MacroElement):
    """Added to the base map: fetches the feed once and defines ``gmFill`` for the window layers."""

    _template = Template(
        """{% macro script(this, kwargs) %}
window.gmFeed = fetch({{ this.url|tojson }}).then(function (response) {
  if (!response.ok) { throw new Error('event feed ' + response.status + ': ' + response.url); }
  return response.json();
});
window.gmFeed.catch(function (error) { console.error(error); });
window.gmFill = {{ this.fill }};
{% endmacro %}"""
    )

    def __init__(self, url: str):
        super().__init__()
        self._name = "FeedScript"
        self.url = url
        self.fill = FILL_JS


class OnTopOfFeed(MacroElement):
    """Inside a layer sent with window layers: raises it above them once they are filled."""

    _template = Template(
        """{% macro script(this, kwargs) %}
window.gmFeed.then(function () { {{ this._parent.get_name() }}.bringToFront(); });
{% endmacro %}"""
    )

    def __init__(self):
        super().__init__()
        self._name = "OnTopOfFeed"


class WindowFill(MacroElement):
    """Inside a window layer: asks the page to fill its group from the feed."""

    _template = Template(
        """{% macro script(this, kwargs) %}
window.gmFill({{ this._parent.get_name() }}, {{ this.layer|tojson }}, {{ this.date_from|tojson }}, {{ this.date_to|tojson }});
{% endmacro %}"""
    )

    def __init__(self, layer: str, date_from: str | None, date_to: str | None):
        super().__init__()
        self._name = "WindowFill"
        self.layer = layer
        self.date_from = date_from
        self.date_to = date_to


@dataclass(frozen=True)
class EventFeed:
    """A published feed: where the page fetches it, and the names of the layers it holds."""

    url: str
    layers: tuple[str, ...]
    path: Path

    def script(self) -> FeedScript:
        """The element of the base map that fetches the feed."""
        return FeedScript(self.url)

    def window_layers(self, window: DateWindow) -> list[folium.FeatureGroup]:
        """One toggleable layer per layer of the feed, filled in the page with the events that
        overlap the window; not yet on any map."""
        start = window.start.isoformat() if window.start else None
        end = window.end.isoformat() if window.end else None
        groups = []
        for name in self.layers:
            group = folium.FeatureGroup(name=name)
            WindowFill(name, start, end).add_to(group)
            groups.append(group)
        return groups


def feed_payload(
    layers: Sequence[tuple[str, Sequence[Mapping[str, Any]], Any]],
) -> tuple[str, tuple[str, ...]]:
    """The feed's JSON text and the names of its non-empty layers, from (name, features, style)."""
    parts, names = [], []
    for name, features, style in layers:
        if not features:
            continue
        data, styles = styled_collection(features, style)
        parts.append(
            f'{json.dumps(name)}:{{"styles":{styles},"data":{json.dumps(data, separators=(",", ":"))}}}'
        )
        names.append(name)
    return "{" + ",".join(parts) + "}", tuple(names)


def publish_feed(
    layers: Sequence[tuple[str, Sequence[Mapping[str, Any]], Any]],
    directory: Path = FEED_DIR,
    base_url: str = "/" + FEED_BASE,
    keep: int = KEEP_FILES,
) -> EventFeed:
    """Write the feed of ``layers`` (name, features, style) into ``directory``, served at ``base_url``.

    The file is named by its content, so a view already published is not written again and a
    page never gets a stale one; the oldest files beyond ``keep`` others are removed.
    """
    text, names = feed_payload(layers)
    name = hashlib.sha256(text.encode()).hexdigest()[:20] + ".json"
    directory.mkdir(parents=True, exist_ok=True)
    target = directory / name
    if target.exists():
        target.touch()
    else:
        with tempfile.NamedTemporaryFile(
            "w", encoding="utf-8", dir=directory, suffix=".part", delete=False
        ) as out:
            out.write(text)
        os.replace(out.name, target)  # a page never fetches half a file
    _prune(directory, target, keep)
    return EventFeed(f"{base_url}/{name}", names, target)


def fits_feed(points: int) -> bool:
    """Whether a view with this many places can be drawn from a feed (else it is grouped per window)."""
    return points <= AGGREGATE_ABOVE


def _prune(directory: Path, newest: Path, keep: int) -> None:
    def age(path: Path) -> float:
        try:
            return path.stat().st_mtime
        except FileNotFoundError:  # removed meanwhile by another session
            return 0.0

    others = sorted((p for p in directory.glob("*.json") if p != newest), key=age, reverse=True)
    for stale in others[keep:]:
        stale.unlink(missing_ok=True)
