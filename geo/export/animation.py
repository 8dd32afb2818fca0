"""Animated exports of the timeline: one frame per date window, rendered in headless Chromium
and assembled into a GIF, an MP4 or a WebM file.

The page is loaded once: its base (view, basemap, rivers, legend over every frame's events)
stays, and each frame only swaps the window's events, drawn from a feed inlined in the page
(as the dashboard draws a date window), then stamps the frame's dates and takes a screenshot.

    windows = frame_windows(dt.date(2017, 1, 1), dt.date(2017, 3, 31), parse_step("1w"))
    animate_features(features, windows, Path("map.gif"))
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from branca.element import MacroElement
from folium.template import Template

from geo.errors import InputError
from geo.export.snapshot import STILL_IMAGE_CSS, chromium_page, outside_event_loop, standalone_html
from geo.mapview.build import page_layers
from geo.mapview.feed import FILL_JS, feed_payload
from geo.schema import DateWindow
from geo.view.filter import ViewFilter, apply_filter
from geo.view.timeline import date_bounds

FORMATS = {".gif": "image/gif", ".mp4": "video/mp4", ".webm": "video/webm"}
VIDEO_CODECS = {".mp4": "libx264", ".webm": "libvpx-vp9"}
MAX_FRAMES = 200  # a frame is about 2 MB in memory until the file is written
SECONDS_PER_FRAME = 0.8
FRAME_SIZE = (1024, 640)  # multiples of 16, as video codecs want
STEP_UNITS = {"d": "day", "w": "week", "m": "month", "y": "year"}
STEP = re.compile(r"(\d+)([a-z]+)")

STAMP_CSS = (
    ".gm-stamp{background:rgba(255,255,255,.92);padding:6px 12px;border-radius:6px;"
    "box-shadow:0 1px 4px rgba(0,0,0,.35);font:600 20px/1.2 system-ui,'DejaVu Sans',sans-serif;"
    "color:#222}"
)

# Replaces the window's layers by those of [from, to] and stamps the frame's dates; resolves
# with the stamp as the page shows it once every layer is filled.
SHOW_FRAME_JS = """([from, to, label, names]) => {
  const map = Object.values(window).find(v => v instanceof L.Map);
  (window.gmFrameLayers || []).forEach(g => map.removeLayer(g));
  const groups = names.map(() => L.featureGroup().addTo(map));
  window.gmFrameLayers = groups;
  const filled = groups.map((g, i) => window.gmFill(g, names[i], from, to));
  document.querySelector('.gm-stamp').textContent = label;
  const range = document.querySelector('.gm-legend .gm-range');
  if (range) { range.textContent = label; }
  return Promise.all(filled).then(() => document.querySelector('.gm-stamp').textContent);
}"""


@dataclass(frozen=True)
class Step:
    """A step of the timeline: ``count`` days, weeks, months or years."""

    count: int
    unit: str  # one of STEP_UNITS

    def after(self, day: dt.date) -> dt.date:
        """The day one step after ``day`` (months and years keep the day of the month, or the
        month's last day when it has fewer)."""
        if self.unit in ("d", "w"):
            return day + dt.timedelta(days=self.count * (7 if self.unit == "w" else 1))
        months = day.month - 1 + self.count * (12 if self.unit == "y" else 1)
        year, month = day.year + months // 12, months % 12 + 1
        for last in (31, 30, 29, 28):
            try:
                return day.replace(year=year, month=month, day=min(day.day, last))
            except ValueError:
                continue
        raise AssertionError("every month has 28 days")


def parse_step(text: str) -> Step:
    """``1w``, ``3d``, ``1m``, ``1y`` as a :class:`Step`; anything else is an InputError naming it."""
    match = STEP.fullmatch(text.strip().lower())
    if not match:
        raise InputError(f"--step {text!r}: not a step such as 1w, 3d, 1m or 1y")
    count, unit = int(match[1]), match[2]
    if unit not in STEP_UNITS:
        raise InputError(f"--step {text!r}: unknown unit {unit!r} (d, w, m or y)")
    if count < 1:
        raise InputError(f"--step {text!r}: a step must be at least one {STEP_UNITS[unit]}")
    return Step(count, unit)


def frame_windows(
    start: dt.date, end: dt.date, step: Step, max_frames: int = MAX_FRAMES
) -> list[DateWindow]:
    """The windows of the frames: from ``start``, one step each, no day in two, the last one
    ending at ``end``."""
    if end < start:
        raise InputError(f"--to {end} is before --from {start}")
    windows, day = [], start
    while day <= end:
        if len(windows) == max_frames:
            raise InputError(
                f"--step {step.count}{step.unit} from {start} to {end} makes more than "
                f"{max_frames} frames: choose a longer step or a shorter period"
            )
        following = step.after(day)
        windows.append(DateWindow(day, min(following - dt.timedelta(days=1), end)))
        day = following
    return windows


def default_step(window: DateWindow, frames: int = 12) -> Step:
    """A step that cuts ``window`` into about ``frames`` frames: days, weeks or months."""
    days = (window.end - window.start).days + 1
    per_frame = max(1, round(days / frames))
    if per_frame < 7:
        return Step(per_frame, "d")
    if per_frame < 28:
        return Step(round(per_frame / 7), "w")
    return Step(max(1, round(per_frame / 30.4)), "m")


def frame_label(window: DateWindow) -> str:
    """The dates stamped on a frame: one day, or the window's first and last day."""
    if window.start == window.end:
        return f"{window.start:%d %b %Y}"
    return DateWindow(*window).label() or ""


def output_format(path: Path) -> str:
    """The suffix of an animation file, checked: ``.gif``, ``.mp4`` or ``.webm``."""
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise InputError(f"--out {str(path)!r}: unknown suffix {suffix!r} (.gif, .mp4 or .webm)")
    return suffix


class InlineFeed:
    """The events of every frame, inlined in the page rather than fetched (a page opened from
    disk may fetch nothing); it offers ``build_map`` what a published ``EventFeed`` does."""

    def __init__(self, features: Sequence[Mapping[str, Any]]):
        self.payload, self.layers = feed_payload(page_layers(features))

    def script(self) -> MacroElement:
        """The element of the base map that holds the feed and defines ``gmFill``."""
        return _InlineFeedScript(self.payload)


class _InlineFeedScript(MacroElement):
    _template = Template(
        """{% macro script(this, kwargs) %}
window.gmFeed = Promise.resolve({{ this.payload }});
window.gmFill = {{ this.fill }};
{% endmacro %}"""
    )

    def __init__(self, payload: str):
        super().__init__()
        self._name = "InlineFeedScript"
        self.payload = payload.replace("</", "<\\/")  # text of the events never closes the script
        self.fill = FILL_JS


class DateStamp(MacroElement):
    """The frame's dates in large type at the top left of the map."""

    _template = Template(
        """{% macro header(this, kwargs) %}<style>{{ this.css }}</style>{% endmacro %}
{% macro script(this, kwargs) %}
(function () {
  var stamp = L.control({position: 'topleft'});
  stamp.onAdd = function () { return L.DomUtil.create('div', 'gm-stamp'); };
  stamp.addTo({{ this._parent.get_name() }});
})();
{% endmacro %}"""
    )

    def __init__(self):
        super().__init__()
        self._name = "DateStamp"
        self.css = STAMP_CSS


def animation_page(
    features: Sequence[Mapping[str, Any]], span: DateWindow, title: str = "Events"
) -> tuple[str, tuple[str, ...]]:
    """The page every frame is taken from, and the names of its event layers: the map of every
    frame's events (view, basemap, rivers, legend), with no event drawn until a frame asks."""
    feed = InlineFeed(features)
    stamp = DateStamp()
    html = standalone_html(
        features,
        date_range=span,
        title=title,
        with_events=False,
        feed=feed,
        png_button=False,
        extra_elements=(stamp,),
    )
    return html, feed.layers


@dataclass(frozen=True)
class Frame:
    """One frame: its window, the stamp the page showed, and the screenshot (PNG bytes)."""

    window: DateWindow
    stamp: str
    png: bytes


def render_frames(
    html: str,
    layers: Sequence[str],
    windows: Sequence[DateWindow],
    *,
    size: tuple[int, int] = FRAME_SIZE,
    chromium: str | Path | None = None,
) -> list[Frame]:
    """A screenshot of the page at each window, in one Chromium (network blocked)."""
    return outside_event_loop(_render_frames, html, list(layers), list(windows), size, chromium)


def _render_frames(html, layers, windows, size, chromium) -> list[Frame]:
    import tempfile

    frames = []
    with tempfile.TemporaryDirectory() as tmp, chromium_page(*size, chromium) as page:
        page_file = Path(tmp) / "animation.html"
        page_file.write_text(html, encoding="utf-8")
        page.goto(page_file.as_uri())
        page.wait_for_selector(".leaflet-container .gm-stamp", timeout=15_000)
        page.add_style_tag(content=STILL_IMAGE_CSS)
        for window in windows:
            args = [window.start.isoformat(), window.end.isoformat(), frame_label(window), layers]
            stamp = page.evaluate(SHOW_FRAME_JS, args)
            page.wait_for_timeout(150)  # the canvas draws on the next animation frame
            frames.append(Frame(window, stamp, page.screenshot(full_page=False)))
    return frames


def write_animation(
    frames: Sequence[Frame], out: Path, seconds_per_frame: float = SECONDS_PER_FRAME
) -> Path:
    """Assemble the frames into ``out``: an endless GIF, or an MP4 (H.264) or WebM (VP9) video."""
    import imageio.v3 as iio
    import numpy as np

    suffix = output_format(out)
    images = np.stack([iio.imread(io.BytesIO(f.png), extension=".png")[..., :3] for f in frames])
    if suffix == ".gif":
        iio.imwrite(out, images, extension=".gif", duration=round(seconds_per_frame * 1000), loop=0)
    else:
        iio.imwrite(
            out,
            images,
            plugin="FFMPEG",
            fps=1 / seconds_per_frame,
            codec=VIDEO_CODECS[suffix],
            macro_block_size=16,
        )
    return out


def animate_features(
    features: Sequence[Mapping[str, Any]],
    windows: Sequence[DateWindow],
    out: Path,
    *,
    title: str = "Events",
    chromium: str | Path | None = None,
) -> list[Frame]:
    """Write the animation of ``features`` over ``windows`` to ``out``; returns its frames."""
    output_format(out)
    if not windows:
        raise InputError("an animation needs at least one date window")
    span = DateWindow(windows[0].start, windows[-1].end)
    shown = apply_filter(features, ViewFilter(window=span))
    html, layers = animation_page(shown, span, title)
    frames = render_frames(html, layers, windows, chromium=chromium)
    write_animation(frames, out)
    return frames


def animate_store(store_url: str | Path, out: Path, view: ViewFilter, step: Step) -> list[Frame]:
    """The ``python -m geo animate`` command: the stored features of a view, one frame a step,
    from the view's first date (else the first stored) to its last (else the last stored)."""
    from geo.store import open_store

    output_format(out)
    with open_store(store_url) as store:
        features = store.features(view.at_any_date())
    bounds = date_bounds(features)
    start = view.window.start or (bounds.start if bounds else None)
    end = view.window.end or (bounds.end if bounds else None)
    if start is None or end is None:
        raise InputError("no dated event in the store: give --from and --to")
    return animate_features(features, frame_windows(start, end, step), out)
