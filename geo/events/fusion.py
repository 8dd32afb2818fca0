"""One event, many sources: the reports of different articles about the same event.

Two reports are of one event when they come from different articles, have the same event type
(and sub-event type), dates within each other's precision and places within their precision
radius (data/fusion.json; each report's most precise places).
A report joins the first group that every member of agrees with, so that a chain of near
reports does not stretch one event over a month or a province.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from functools import cache
from typing import Any, NamedTuple

from geo.datafiles import read_json
from geo.model import haversine_km
from geo.schema import UNTYPED_EVENT, properties


class Report(NamedTuple):
    """One article's event, as its features tell it."""

    event_id: str
    article: str
    event_type: str
    sub_event_type: str | None
    start: dt.date
    end: dt.date
    precision: int
    places: tuple[tuple[float, float, float], ...]  # (lat, lon, radius in km)


def fused_groups(features: Sequence[Mapping[str, Any]]) -> list[list[str]]:
    """The event ids of the features grouped by real-world event, one list per event, in the
    order of their first report; an event of no type or no date stays alone."""
    alone: list[list[str]] = []
    reports = []
    for event_id, members in _by_event(features).items():
        report = _report(event_id, members)
        if report is None:
            alone.append([event_id])
        else:
            reports.append(report)
    out = [[r.event_id for r in g] for g in _group(reports)] + alone
    order = {event_id: n for n, event_id in enumerate(_by_event(features))}
    return sorted(out, key=lambda group: min(order[e] for e in group))


def _group(reports: list[Report]) -> list[list[Report]]:
    """Reports in date order, each put in the first open group of its type that every member
    agrees with; a group whose last day lies beyond any slack of the next start is closed."""
    reach = dt.timedelta(days=2 * max(_settings()["date_slack_days"].values()))
    closed: list[list[Report]] = []
    open_by_type: dict[str, list[tuple[dt.date, list[Report]]]] = {}
    for report in sorted(reports, key=lambda r: (r.start, r.event_id)):
        groups = open_by_type.setdefault(report.event_type, [])
        closed += [g for last, g in groups if last + reach < report.start]
        groups[:] = [(last, g) for last, g in groups if last + reach >= report.start]
        at = next(
            (n for n, (_, g) in enumerate(groups) if all(same_event(report, m) for m in g)), None
        )
        if at is None:
            groups.append((report.end, [report]))
        else:
            last, members = groups[at]
            groups[at] = (max(last, report.end), [*members, report])
    return closed + [g for groups in open_by_type.values() for _, g in groups]


def same_event(a: Report, b: Report) -> bool:
    """Whether two reports are of one event: other articles, one type (and one sub-event type
    when both have one), near dates and places."""
    if a.article == b.article or a.event_type != b.event_type:
        return False
    if a.sub_event_type and b.sub_event_type and a.sub_event_type != b.sub_event_type:
        return False
    if not _dates_agree(a, b):
        return False
    return any(
        haversine_km((lat_a, lon_a), (lat_b, lon_b)) <= max(r_a, r_b)
        for lat_a, lon_a, r_a in a.places
        for lat_b, lon_b, r_b in b.places
    )


def _dates_agree(a: Report, b: Report) -> bool:
    """Whether the dates overlap once each is widened by its own precision."""
    slack = _settings()["date_slack_days"]
    a_slack = dt.timedelta(days=slack.get(str(a.precision), 0))
    b_slack = dt.timedelta(days=slack.get(str(b.precision), 0))
    return a.start - a_slack <= b.end + b_slack and b.start - b_slack <= a.end + a_slack


def _by_event(features: Sequence[Mapping[str, Any]]) -> dict[str, list[Mapping[str, Any]]]:
    """The features of each event, by event id, in the order of the features."""
    out: dict[str, list[Mapping[str, Any]]] = {}
    for feature in features:
        event_id = properties(feature).get("event_id")
        if event_id:
            out.setdefault(event_id, []).append(feature)
    return out


def _report(event_id: str, members: list[Mapping[str, Any]]) -> Report | None:
    """The report an event's features make, or None for one of no type or no date."""
    p = properties(members[0])
    event_type = p.get("event_type") or UNTYPED_EVENT
    if event_type == UNTYPED_EVENT or not p.get("start"):
        return None
    located = [(place, _precision(f)) for f in members if (place := _place(f)) is not None]
    if not located:
        return None
    sharpest = min(precision for _, precision in located)
    places = tuple(place for place, precision in located if precision == sharpest)
    start = dt.date.fromisoformat(p["start"])
    end = dt.date.fromisoformat(p.get("end") or p["start"])
    article = event_id.rsplit("-e", 1)[0] if "-e" in event_id else str(p.get("source"))
    sub_event_type = p.get("sub_event_type")
    precision = p.get("time_precision") or 1
    return Report(event_id, article, event_type, sub_event_type, start, end, precision, places)


def _place(feature: Mapping[str, Any]) -> tuple[float, float, float] | None:
    """``(lat, lon, radius)`` of a feature: a point, or the middle of a line's or area's vertices;
    None for a whole country or a nationality ("Iraqi"), which tell no event's place: two
    events in Iraq on one day are not one event."""
    geometry = feature.get("geometry") or {}
    coords = geometry.get("coordinates")
    p = properties(feature)
    if not coords or p.get("kind") == "country" or p.get("demonym"):
        return None
    if geometry.get("type") == "Point":
        lon, lat = coords[0], coords[1]
    else:
        ring = coords[0] if geometry.get("type") == "Polygon" else coords
        lon = sum(c[0] for c in ring) / len(ring)
        lat = sum(c[1] for c in ring) / len(ring)
    radius = _settings()["radius_km"]
    return lat, lon, float(radius.get(str(_precision(feature)), radius["3"]))


def _precision(feature: Mapping[str, Any]) -> int:
    """A feature's ACLED geo precision (1 when not given)."""
    return properties(feature).get("geo_precision") or 1


@cache
def _settings() -> dict[str, dict[str, int]]:
    return read_json("fusion.json")
