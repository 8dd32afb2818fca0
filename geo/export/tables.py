"""Export features as GeoJSON or as CSV with ACLED's columns."""

from __future__ import annotations

import csv
import json
from collections.abc import Sequence
from typing import Any, TextIO

from geo.errors import InputError
from geo.events.acled import country_name
from geo.export.geojson import feature_collection
from geo.schema import UNTYPED_EVENT, Feature

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# ACLED's columns first, named and ordered as in ACLED's exports, so that the file loads where
# ACLED data loads; then what this program knows besides.
ACLED_COLUMNS = (
    "event_date",
    "year",
    "time_precision",
    "event_type",
    "sub_event_type",
    "actor1",
    "actor2",
    "country",
    "admin1",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "notes",
    "fatalities",
)
CSV_COLUMNS = (
    *ACLED_COLUMNS,
    "end_date",
    "event_id",
    "source_count",
    "actors",
    "actor1_country",
    "actor2_country",
    "mention",
    "confidence",
    "geonameid",
    "country_code",
    "feature_type",
    "title",
    "url",
    "status",
    "feature_id",
    "geometry",
)
SOURCE_SEPARATOR = "; "  # as ACLED joins the sources of one event


def export_features(features: Sequence[Feature], fmt: str, out: TextIO) -> None:
    """Write features to ``out`` as ``geojson`` (a FeatureCollection) or ``csv`` (a row each)."""
    if fmt == "geojson":
        json.dump(feature_collection(features), out, ensure_ascii=False)
        out.write("\n")
    elif fmt == "csv":
        writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS)
        writer.writeheader()
        writer.writerows({k: spreadsheet_safe(v) for k, v in csv_row(f).items()} for f in features)
    else:
        raise InputError(f"unknown export format {fmt!r}: use geojson or csv")


def spreadsheet_safe(value: Any) -> Any:
    """A cell a spreadsheet will not run as a formula: text that starts with ``=``, ``+``,
    ``-``, ``@``, a tab or a carriage return gets a leading ``'`` (OWASP's advice for CSV
    injection); numbers and empty cells stay as they are."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_row(feature: dict[str, Any]) -> dict[str, Any]:
    """One CSV row: ACLED's fields, a representative point, and the geometry as GeoJSON."""
    p = feature.get("properties", {})
    lat, lon = representative_point(feature["geometry"])
    start, typed = p.get("start"), p.get("event_type") not in (None, UNTYPED_EVENT)
    code = p.get("country_code")
    return {
        "event_date": start,
        "year": int(start[:4]) if start else None,
        "time_precision": p.get("time_precision"),
        "event_type": p.get("event_type"),
        "sub_event_type": p.get("sub_event_type"),
        "actor1": p.get("actor1"),
        "actor2": p.get("actor2"),
        "country": country_name(code) if code else None,
        "admin1": p.get("admin1"),
        "location": p.get("name"),
        "latitude": lat,
        "longitude": lon,
        "geo_precision": p.get("geo_precision"),
        "source": _sources(p),
        "notes": p.get("quote"),
        "fatalities": p.get("fatalities", 0) if typed else None,  # ACLED: 0 when none reported
        "end_date": p.get("end"),
        "event_id": p.get("event_id"),
        "source_count": p.get("source_count") or 1,
        "actors": "; ".join(p.get("actors") or []),
        "actor1_country": p.get("actor1_country"),
        "actor2_country": p.get("actor2_country"),
        "mention": p.get("mention"),
        "confidence": p.get("confidence"),
        "geonameid": p.get("geonameid"),
        "country_code": code,
        "feature_type": p.get("feature_type"),
        "title": p.get("title"),
        "url": p.get("url"),
        "status": p.get("status"),
        "feature_id": feature.get("id"),
        "geometry": json.dumps(feature["geometry"]),
    }


def _sources(p: dict[str, Any]) -> str | None:
    """The source of a row; every source of a fused event, joined as ACLED joins them."""
    reports = p.get("sources") or []
    names = [str(r.get("title") or r.get("source")) for r in reports]
    return SOURCE_SEPARATOR.join(dict.fromkeys(names)) if names else p.get("source")


def representative_point(geometry: dict[str, Any]) -> tuple[float, float]:
    """``(lat, lon)`` of a Point, or the mean of a line's or ring's vertices."""
    coords = geometry["coordinates"]
    if geometry["type"] == "Point":
        return round(coords[1], 5), round(coords[0], 5)
    ring = coords[0] if geometry["type"] == "Polygon" else coords
    lons, lats = [c[0] for c in ring], [c[1] for c in ring]
    return round(sum(lats) / len(lats), 5), round(sum(lons) / len(lons), 5)
