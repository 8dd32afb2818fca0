"""Fused events: the reports of one event from several articles shown as one, with every source.

The fused event is drawn at the places of its most precisely dated report (the earliest of
them on a tie); its features carry ``sources`` (each report's source, title, link, quote and
publication date and its own date, earliest first), ``source_count`` and ``first_reported``; its dates are those
of that most precise report. A view can ask for the separate reports instead.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from geo.events.fusion import fused_groups
from geo.schema import properties

REPORTS_HELP = (
    "Reports of one event from several articles (same type, dates within each other's "
    "precision, places within their precision radius) are shown as one event that names every "
    "source; on, each article's report is shown apart."
)
DATE_SOURCE_RANK = {"explicit": 0, "relative": 1, "inferred": 2, "published": 3}


def fuse_reports(features: Sequence[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    """The features with the reports of each event fused: one event's features per group,
    carrying every source; features of a lone report or of no event pass as they are."""
    groups = [g for g in fused_groups(features) if len(g) > 1]
    if not groups:
        return list(features)
    first_of = {
        p["event_id"]: properties(f) for f in features if (p := properties(f)).get("event_id")
    }
    extra: dict[str, dict[str, Any]] = {}
    dropped: set[str] = set()
    for group in groups:
        reports = [first_of[event_id] for event_id in group]
        kept = min(group, key=lambda event_id: _precision_key(first_of[event_id]))
        dropped.update(e for e in group if e != kept)
        extra[kept] = _fused_properties(reports)
    out = []
    for feature in features:
        event_id = properties(feature).get("event_id")
        if event_id in dropped:
            continue
        if event_id in extra:
            feature = {**feature, "properties": {**properties(feature), **extra[event_id]}}
        out.append(feature)
    return out


def reported_by(props: Mapping[str, Any]) -> str | None:
    """ "reported by 3 sources" for a fused event, else None."""
    count = props.get("source_count") or 0
    return f"reported by {count} sources" if count > 1 else None


def _precision_key(p: Mapping[str, Any]) -> tuple:
    """The most precise report first: time precision, how the date was found, then the earliest."""
    return (
        p.get("time_precision") or 3,
        DATE_SOURCE_RANK.get(p.get("date_source"), len(DATE_SOURCE_RANK)),
        p.get("published") or "9999",
        p.get("event_id") or "",
    )


def _fused_properties(reports: list[Mapping[str, Any]]) -> dict[str, Any]:
    sources = sorted(
        (
            {
                "source": p.get("source"),
                "title": p.get("title"),
                "url": p.get("url"),
                "published": p.get("published"),
                "quote": p.get("quote"),
                "start": p.get("start"),
                "event_id": p.get("event_id"),
            }
            for p in reports
        ),
        key=lambda s: (s["published"] or "9999", s["start"] or "", s["event_id"] or ""),
    )
    published = [s["published"] for s in sources if s["published"]]
    return {
        "sources": sources,
        "source_count": len(sources),
        "first_reported": min(published) if published else None,
    }
