"""The dashboard's events table, its choices, and the correction a user picks or types."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from geo.errors import InputError
from geo.schema import Alternative, event_type_of, properties
from geo.view.filter import undated_count
from geo.view.reports import reported_by
from geo.view.timeline import date_bounds, events_per_day


def choices(features: Iterable[Mapping[str, Any]], key: str) -> list[str]:
    """The distinct values of a property (or of the items of a list property), sorted."""
    values = set()
    for feature in features:
        value = properties(feature).get(key)
        values.update(value if isinstance(value, list) else [value] if value else [])
    return sorted(values)


def table_rows(features: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """One row per feature for the events table, in the order of the features."""
    rows = []
    for feature in features:
        p = properties(feature)
        rows.append(
            {
                "id": feature.get("id"),
                "date": p.get("start"),
                "end": p.get("end"),
                "event": event_type_of(p),
                "sub_event": p.get("sub_event_type") or "",
                "place": p.get("name"),
                "mention": p.get("mention"),
                "kind": p.get("kind"),
                "status": p.get("status") or "",
                "confidence": p.get("confidence"),
                "precision": p.get("geo_precision"),
                "actors": ", ".join(p.get("actors") or []),
                "fatalities": p.get("fatalities"),
                "quote": p.get("quote"),
                "source": p.get("title") or p.get("source"),
                "reports": reported_by(p) or "",
                "sources": "; ".join(
                    str(r.get("title") or r.get("source")) for r in p.get("sources") or []
                ),
            }
        )
    return rows


def widget_summary(features: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """What the dashboard's widgets offer: the choices of each list filter (a feature of no typed
    event offers ``other``, as the filter counts it), the date bounds, events per day, and how
    many features are undated, and how many there are."""
    return {
        "choices": {
            "event_type": sorted({event_type_of(properties(f)) for f in features}),
            "actors": choices(features, "actors"),
            "source": choices(features, "source"),
        },
        "bounds": date_bounds(features),
        "per_day": events_per_day(features),
        "undated": undated_count(features),
        "count": len(features),
    }


def selected_id(
    table_state: Mapping[str, Any] | None, rows: Sequence[Mapping[str, Any]]
) -> str | None:
    """The id of the row selected in the table's widget state (before the table is drawn), or None."""
    picked = (table_state or {}).get("selection", {}).get("rows", [])
    return rows[picked[0]]["id"] if picked and picked[0] < len(rows) else None


def typed_coordinates(typed: str) -> tuple[str | None, str | None]:
    """The two parts of a typed "lat, lon", or Nones (the store checks that they are numbers in range)."""
    parts = [part.strip() for part in typed.split(",")]
    return (parts[0], parts[1]) if len(parts) == 2 else (None, None)


def alternative_label(alternative: Alternative) -> str:
    """How a ranked alternative reads in a list: name, where it lies (first-level division,
    country), kind, population, probability and coordinates; what an older store did not keep
    is left out."""
    a = alternative
    within = ", ".join(str(part) for part in (a.get("admin1"), a.get("country_code")) if part)
    what = [a.get("kind") or ""]
    if a.get("population"):
        what.append(f"pop. {a['population']:,}")
    described = " · ".join(part for part in (within, *what) if part)
    return (
        f"{a['name']}{f' — {described}' if described else ''} · {a['score']:.0%} "
        f"({a['lat']:.3f}, {a['lon']:.3f})"
    )


def evidence_rows(alternatives: Sequence[Alternative]) -> list[dict[str, Any]]:
    """One row per ranked alternative: what it is and the evidence its probability was decided
    on: why this place."""
    return [
        {
            "candidate": a["name"],
            "division": a.get("admin1") or "",
            "country": a.get("country_code") or "",
            "kind of place": a.get("kind") or "",  # "kind" is a feature of the evidence
            "population": a.get("population") or 0,
            "probability": a["score"],
            **(a.get("evidence") or {}),
        }
        for a in alternatives
    ]


def correction(
    typed: str, picked: Alternative | None
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
