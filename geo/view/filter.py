"""The dashboard's view state: filters, their URL form, and the rows and counts shown. Pure functions."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from geo.errors import InputError

LIST_SEPARATOR = ","
PLAY_STEPS = 12  # play over the whole timeline moves a twelfth of it at a time


@dataclass(frozen=True)
class ViewFilter:
    """What the user asked to see. Empty tuples mean "everything"."""

    date_from: dt.date | None = None
    date_to: dt.date | None = None
    event_types: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    min_confidence: float = 0.0
    max_geo_precision: int = 3
    problems: tuple[str, ...] = field(default=(), compare=False)


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

    return ViewFilter(
        date_from=date("from"),
        date_to=date("to"),
        event_types=listed("types"),
        actors=listed("actors"),
        sources=listed("sources"),
        min_confidence=number("confidence", float, 0.0, 0.0, 1.0),
        max_geo_precision=number("precision", int, 3, 1, 3),
        problems=tuple(problems),
    )


def to_query_params(view: ViewFilter) -> dict[str, str]:
    """The URL query parameters of a filter (defaults left out, so links stay short)."""
    params = {}
    if view.date_from:
        params["from"] = view.date_from.isoformat()
    if view.date_to:
        params["to"] = view.date_to.isoformat()
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
    return params


def overlaps(
    properties: Mapping[str, Any], date_from: dt.date | None, date_to: dt.date | None
) -> bool:
    """Whether a feature's [start, end] overlaps the window; an undated feature shows whatever the window
    (its date is unknown, not outside the window)."""
    start, end = properties.get("start"), properties.get("end") or properties.get("start")
    if not start:
        return True
    if date_from and end < date_from.isoformat():
        return False
    return not (date_to and start > date_to.isoformat())


def apply_filter(
    features: Iterable[Mapping[str, Any]], view: ViewFilter
) -> list[Mapping[str, Any]]:
    """The features the filter lets through."""
    kept = []
    for feature in features:
        p = feature.get("properties") or {}
        if not overlaps(p, view.date_from, view.date_to):
            continue
        if view.event_types and (p.get("event_type") or "other") not in view.event_types:
            continue
        if view.actors and not set(view.actors) & set(p.get("actors") or []):
            continue
        if view.sources and p.get("source") not in view.sources:
            continue
        if (p.get("confidence") if p.get("confidence") is not None else 1.0) < view.min_confidence:
            continue
        if (p.get("geo_precision") or 1) > view.max_geo_precision:
            continue
        kept.append(feature)
    return kept


def date_bounds(features: Iterable[Mapping[str, Any]]) -> tuple[dt.date, dt.date] | None:
    """The first start and the last end of the features' dates."""
    starts, ends = [], []
    for feature in features:
        p = feature.get("properties") or {}
        if p.get("start"):
            starts.append(p["start"])
            ends.append(p.get("end") or p["start"])
    if not starts:
        return None
    return dt.date.fromisoformat(min(starts)), dt.date.fromisoformat(max(ends))


def events_per_day(features: Iterable[Mapping[str, Any]]) -> dict[dt.date, int]:
    """How many distinct events start on each day."""
    seen, counts = set(), Counter()
    for feature in features:
        p = feature.get("properties") or {}
        key = p.get("event_id") or feature.get("id")
        if p.get("start") and key not in seen:
            seen.add(key)
            counts[dt.date.fromisoformat(p["start"])] += 1
    return dict(sorted(counts.items()))


def choices(features: Iterable[Mapping[str, Any]], key: str) -> list[str]:
    """The distinct values of a property (or of the items of a list property), sorted."""
    values = set()
    for feature in features:
        value = (feature.get("properties") or {}).get(key)
        values.update(value if isinstance(value, list) else [value] if value else [])
    return sorted(values)


def table_rows(features: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """One row per feature for the events table, in the order of the features."""
    rows = []
    for feature in features:
        p = feature.get("properties") or {}
        rows.append(
            {
                "id": feature.get("id"),
                "date": p.get("start"),
                "end": p.get("end"),
                "event": p.get("event_type"),
                "place": p.get("name"),
                "mention": p.get("mention"),
                "kind": p.get("kind"),
                "status": p.get("status") or "",
                "confidence": p.get("confidence"),
                "precision": p.get("geo_precision"),
                "actors": ", ".join(p.get("actors") or []),
                "quote": p.get("quote"),
                "source": p.get("title") or p.get("source"),
            }
        )
    return rows


def window_caption(shown: int, total: int, window: tuple[dt.date, dt.date] | None) -> str:
    """The line under the timeline: features shown of all, and the window's dates."""
    if not window:
        return ""
    return f"{shown:,} of {total:,} features · {window[0]:%d %b %Y} – {window[1]:%d %b %Y}"


def initial_window(view: ViewFilter, bounds: tuple[dt.date, dt.date]) -> tuple[dt.date, dt.date]:
    """The date window a view opens on: its own dates (from a link) within the timeline's
    bounds, else the whole timeline."""
    first = max(bounds[0], view.date_from) if view.date_from else bounds[0]
    last = min(bounds[1], view.date_to) if view.date_to else bounds[1]
    return min(first, last), max(first, last)


def step_window(
    window: tuple[dt.date, dt.date], bounds: tuple[dt.date, dt.date]
) -> tuple[dt.date, dt.date] | None:
    """The next window of the same width for play mode, from the day after this one ends (both
    ends are included: no day shows twice), or None at the end of the timeline."""
    if window[1] >= bounds[1]:
        return None
    start = window[1] + dt.timedelta(days=1)
    return start, min(start + (window[1] - window[0]), bounds[1])


def first_play_window(
    window: tuple[dt.date, dt.date], bounds: tuple[dt.date, dt.date]
) -> tuple[dt.date, dt.date]:
    """The window play starts from: the current one, back at the start once it has reached the end;
    a window over the whole timeline (which has nowhere to move) starts as its first twelfth."""
    width = window[1] - window[0]
    if width >= bounds[1] - bounds[0]:
        width = dt.timedelta(days=max((bounds[1] - bounds[0]).days // PLAY_STEPS, 1))
    if window[1] >= bounds[1]:
        return bounds[0], min(bounds[0] + width, bounds[1])
    return window


def with_window(view: ViewFilter, window: tuple[dt.date, dt.date]) -> ViewFilter:
    """The same filter over another date window."""
    return replace(view, date_from=window[0], date_to=window[1])


def typed_coordinates(typed: str) -> tuple[str | None, str | None]:
    """The two parts of a typed "lat, lon", or Nones (the store checks that they are numbers in range)."""
    parts = [part.strip() for part in typed.split(",")]
    return (parts[0], parts[1]) if len(parts) == 2 else (None, None)


def alternative_label(alternative: Mapping[str, Any]) -> str:
    """How a ranked alternative reads in a list: name, coordinates, score."""
    a = alternative
    return f"{a['name']} ({a['lat']:.3f}, {a['lon']:.3f}) score {a['score']:.2f}"


def correction(
    typed: str, picked: Mapping[str, Any] | None
) -> tuple[str | float, str | float, dict[str, Any]] | None:
    """``(lat, lon, place)`` of a correction: typed coordinates first, else the picked ranked
    alternative (whose name and GeoNames id come along), else None for nothing to change.
    Badly typed coordinates are an :class:`InputError` naming them."""
    if typed.strip():
        lat, lon = typed_coordinates(typed)
        if lat is None:
            raise InputError(f"Coordinates must be typed as 'lat, lon': {typed!r}")
        return lat, lon, {}
    if picked is not None:
        place = {"name": picked["name"], "geonameid": picked["geonameid"]}
        return picked["lat"], picked["lon"], place
    return None


def widget_summary(features: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """What the dashboard's widgets offer: the choices of each list filter, the date bounds,
    events per day."""
    return {
        "choices": {key: choices(features, key) for key in ("event_type", "actors", "source")},
        "bounds": date_bounds(features),
        "per_day": events_per_day(features),
    }
