"""The timeline: its bounds, events per day, the window it opens on and Play's windows."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any

from geo.schema import DateWindow, feature_dates, properties
from geo.view.filter import ViewFilter

PLAY_STEPS = 12  # play over the whole timeline moves a twelfth of it at a time


def date_bounds(features: Iterable[Mapping[str, Any]]) -> DateWindow | None:
    """The first start and the last end of the features' dates."""
    spans = [d for d in (feature_dates(properties(f)) for f in features) if d]
    if not spans:
        return None
    start, end = min(s for s, _ in spans), max(e for _, e in spans)
    return DateWindow(dt.date.fromisoformat(start), dt.date.fromisoformat(end))


def events_per_day(features: Iterable[Mapping[str, Any]]) -> dict[dt.date, int]:
    """How many distinct events start on each day."""
    seen, counts = set(), Counter()
    for feature in features:
        p = properties(feature)
        key = p.get("event_id") or feature.get("id")
        if p.get("start") and key not in seen:
            seen.add(key)
            counts[dt.date.fromisoformat(p["start"])] += 1
    return dict(sorted(counts.items()))


def window_caption(
    shown: int, total: int, window: DateWindow | None, undated_hidden: int = 0
) -> str:
    """The line under the timeline: features shown of all, the window's dates, and how many
    undated features the view leaves out."""
    if not window:
        return ""
    caption = f"{shown:,} of {total:,} features · {DateWindow(*window).label()}"
    if undated_hidden:
        caption += f" · {undated_hidden:,} undated not shown (see “Show undated features”)"
    return caption


def grouped_caption(places: int, cells: int, cell_degrees: float) -> str:
    """What the map draws when it counts places in cells rather than drawing each one."""
    side = round(cell_degrees * 111.32)  # km in a degree of latitude
    return (
        f"Around the map's view, {places:,} features are drawn as {cells:,} cells of about "
        f"{side:,} km: zoom in to see each event."
    )


def initial_window(view: ViewFilter, bounds: DateWindow) -> DateWindow:
    """The date window a view opens on: its own dates (from a link) within the timeline's
    bounds, else the whole timeline."""
    first = max(bounds[0], view.window.start) if view.window.start else bounds[0]
    last = min(bounds[1], view.window.end) if view.window.end else bounds[1]
    return DateWindow(min(first, last), max(first, last))


def step_window(window: DateWindow, bounds: DateWindow) -> DateWindow | None:
    """The next window of the same width for play mode, from the day after this one ends (both
    ends are included: no day shows twice), or None at the end of the timeline."""
    if window[1] >= bounds[1]:
        return None
    start = window[1] + dt.timedelta(days=1)
    return DateWindow(start, min(start + (window[1] - window[0]), bounds[1]))


def first_play_window(window: DateWindow, bounds: DateWindow) -> DateWindow:
    """The window play starts from: the current one, back at the start once it has reached the end;
    a window over the whole timeline (which has nowhere to move) starts as its first twelfth."""
    width = window[1] - window[0]
    if width >= bounds[1] - bounds[0]:
        width = dt.timedelta(days=max((bounds[1] - bounds[0]).days // PLAY_STEPS, 1))
    if window[1] >= bounds[1]:
        return DateWindow(bounds[0], min(bounds[0] + width, bounds[1]))
    return DateWindow(*window)
