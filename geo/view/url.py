"""A view in a link: URL query parameters to :class:`ViewFilter` and :class:`MapView` and back."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from geo.schema import DateWindow
from geo.view.filter import ViewFilter

LIST_SEPARATOR = ","
MAX_ZOOM = 18


@dataclass(frozen=True)
class MapView:
    """Where the map looks: its centre and zoom level."""

    lat: float
    lon: float
    zoom: int


def _text(params: Mapping[str, Any], key: str) -> str | None:
    value = params.get(key)
    if isinstance(value, list):
        value = value[-1] if value else None
    return value or None


def from_query_params(params: Mapping[str, Any]) -> ViewFilter:
    """The filter encoded in URL query parameters; a bad value is ignored and named in ``problems``."""
    problems: list[str] = []

    def text(key: str) -> str | None:
        return _text(params, key)

    def date(key: str) -> dt.date | None:
        value = text(key)
        try:
            return dt.date.fromisoformat(value) if value else None
        except ValueError:
            problems.append(f"{key}={value!r} is not a date (YYYY-MM-DD)")
            return None

    def number(key: str, kind, default, low, high):
        value = text(key)
        if value is None:
            return default
        try:
            parsed = kind(value)
        except ValueError:
            parsed = None
        if parsed is None or not low <= parsed <= high:
            problems.append(f"{key}={value!r} must be between {low} and {high}")
            return default
        return parsed

    def listed(key: str) -> tuple[str, ...]:
        value = text(key)
        return tuple(v for v in value.split(LIST_SEPARATOR) if v) if value else ()

    undated = text("undated")
    if undated not in (None, "0", "1"):
        problems.append(f"undated={undated!r} must be 0 or 1")
        undated = None
    reports = text("reports")
    if reports not in (None, "separate", "fused"):
        problems.append(f"reports={reports!r} must be separate or fused")
    demonyms = text("demonyms")
    if demonyms not in (None, "0", "1"):
        problems.append(f"demonyms={demonyms!r} must be 0 or 1")
        demonyms = None
    return ViewFilter(
        window=DateWindow(date("from"), date("to")),
        event_types=listed("types"),
        actors=listed("actors"),
        sources=listed("sources"),
        min_confidence=number("confidence", float, 0.0, 0.0, 1.0),
        max_geo_precision=number("precision", int, 3, 1, 3),
        undated=None if undated is None else undated == "1",
        separate_reports=reports == "separate",
        demonyms=demonyms == "1",
        problems=tuple(problems),
    )


def to_query_params(view: ViewFilter) -> dict[str, str]:
    """The URL query parameters of a filter (defaults left out, so links stay short)."""
    params = {}
    if view.window.start:
        params["from"] = view.window.start.isoformat()
    if view.window.end:
        params["to"] = view.window.end.isoformat()
    for key, values in (
        ("types", view.event_types),
        ("actors", view.actors),
        ("sources", view.sources),
    ):
        if values:
            params[key] = LIST_SEPARATOR.join(values)
    if view.min_confidence > 0:
        params["confidence"] = f"{view.min_confidence:g}"
    if view.max_geo_precision < 3:
        params["precision"] = str(view.max_geo_precision)
    if view.undated is not None:
        params["undated"] = "1" if view.undated else "0"
    if view.separate_reports:
        params["reports"] = "separate"
    if view.demonyms:
        params["demonyms"] = "1"
    return params


def map_view_from_query_params(params: Mapping[str, Any]) -> tuple[MapView | None, tuple[str, ...]]:
    """The map view of a link (``lat``, ``lon``, ``zoom``, all three or none), and the problems
    of its bad values, each named; a bad value leaves the map where the events are."""
    raw = {key: _text(params, key) for key in ("lat", "lon", "zoom")}
    if not any(raw.values()):
        return None, ()
    limits = {"lat": (-90.0, 90.0), "lon": (-180.0, 180.0), "zoom": (0, MAX_ZOOM)}
    values, problems = {}, []
    for key, (low, high) in limits.items():
        try:
            value = (int if key == "zoom" else float)(raw[key] or "")
        except ValueError:
            value = None
        if value is None or not low <= value <= high:
            problems.append(f"{key}={raw[key]!r} must be a number between {low:g} and {high:g}")
        values[key] = value
    return (None, tuple(problems)) if problems else (MapView(**values), ())


def map_view_params(view: MapView | None) -> dict[str, str]:
    """The URL query parameters of a map view (none for None)."""
    if view is None:
        return {}
    return {"lat": f"{view.lat:.4f}", "lon": f"{view.lon:.4f}", "zoom": str(view.zoom)}


def map_view_seen(returned: Mapping[str, Any] | None) -> MapView | None:
    """The view a map reports (streamlit-folium's ``{"center": {"lat", "lng"}, "zoom"}``), its
    longitude brought back within [-180, 180) after a pan around the world; None if it says none."""
    centre = (returned or {}).get("center") or {}
    zoom = (returned or {}).get("zoom")
    if centre.get("lat") is None or centre.get("lng") is None or zoom is None:
        return None
    lon = (float(centre["lng"]) + 180.0) % 360.0 - 180.0
    return MapView(round(float(centre["lat"]), 4), round(lon, 4), int(zoom))
