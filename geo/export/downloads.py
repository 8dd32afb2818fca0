"""Exports of a filtered view of the map, made on demand: GeoJSON, CSV, offline HTML, PNG, and
the window's playback as an animated GIF or an MP4 video."""

from __future__ import annotations

import io
import tempfile
from pathlib import Path

from geo.errors import InputError
from geo.export.animation import animate_features, default_step, frame_windows
from geo.export.snapshot import render_png, standalone_html
from geo.export.tables import export_features
from geo.schema import DateWindow, Feature
from geo.view.front import control_day

EXPORTS = {  # button -> (file name, media type)
    "GeoJSON": ("events.geojson", "application/geo+json"),
    "CSV": ("events.csv", "text/csv"),
    "HTML (offline)": ("events.html", "text/html"),
    "Render PNG": ("events.png", "image/png"),
    "Animated GIF": ("events.gif", "image/gif"),
    "Video (MP4)": ("events.mp4", "video/mp4"),
}
ANIMATIONS = ("Animated GIF", "Video (MP4)")


def export_name(kind: str, window: DateWindow | None) -> str:
    """The file name of an export, with the dates of its window: ``events_2017-01-05_2017-01-31.png``."""
    stem, extension = EXPORTS[kind][0].rsplit(".", 1)
    return f"{stem}{DateWindow(*window).stem() if window else ''}.{extension}"


def export_bytes(
    kind: str,
    features: list[Feature],
    window: DateWindow | None,
    title: str,
    everywhen: list[Feature] | None = None,
) -> bytes:
    """One export of the filtered view, made on demand (making all of them on every redraw is
    slow). The HTML page and the PNG draw the control layer on the window's end, as the
    dashboard does, from the statements of ``everywhen`` (the view at every date)."""
    if kind in ("GeoJSON", "CSV"):
        out = io.StringIO()
        export_features(features, "geojson" if kind == "GeoJSON" else "csv", out)
        return out.getvalue().encode("utf-8")
    if kind in ANIMATIONS:
        return animation_bytes(features, window, EXPORTS[kind][0].rsplit(".", 1)[1], title)
    source = features if everywhen is None else everywhen
    page = standalone_html(
        features,
        tiles=None,
        date_range=window,
        title=title,
        control_day=control_day(source, DateWindow(*window).end if window else None),
        control_from=source,
    )
    if kind == "HTML (offline)":
        return page.encode("utf-8")
    with tempfile.TemporaryDirectory() as tmp:
        return render_png(page, Path(tmp) / "map.png").read_bytes()


def animation_bytes(
    features: list[Feature], window: DateWindow | None, extension: str, title: str
) -> bytes:
    """The playback of the window, about twelve frames of days, weeks or months, as a file of
    ``extension`` (``gif``, ``mp4``, ``webm``)."""
    if not window or not DateWindow(*window).is_closed:
        raise InputError("an animation needs a date window: the events here have no dates")
    window = DateWindow(*window)
    windows = frame_windows(window.start, window.end, default_step(window))
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / f"events.{extension}"
        animate_features(features, windows, out, title=title)
        return out.read_bytes()


def export_file(
    kind: str,
    features: list[Feature],
    window: DateWindow | None,
    title: str,
    everywhen: list[Feature] | None = None,
) -> tuple[str, str, bytes]:
    """``(file name, media type, bytes)`` of one export of the view (see :func:`export_bytes`)."""
    data = export_bytes(kind, features, window, title, everywhen)
    return export_name(kind, window), EXPORTS[kind][1], data
