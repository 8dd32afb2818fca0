"""A view in a link: URL query parameters to :class:`ViewFilter` and back."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from geo.schema import DateWindow
from geo.view.filter import ViewFilter

LIST_SEPARATOR = ","


def from_query_params(params: Mapping[str, Any]) -> ViewFilter:
    """The filter encoded in URL query parameters; a bad value is ignored and named in ``problems``."""
    problems: list[str] = []

    def text(key: str) -> str | None:
        value = params.get(key)
        if isinstance(value, list):
            value = value[-1] if value else None
        return value or None

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
    return ViewFilter(
        window=DateWindow(date("from"), date("to")),
        event_types=listed("types"),
        actors=listed("actors"),
        sources=listed("sources"),
        min_confidence=number("confidence", float, 0.0, 0.0, 1.0),
        max_geo_precision=number("precision", int, 3, 1, 3),
        undated=None if undated is None else undated == "1",
        separate_reports=reports == "separate",
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
    return params
