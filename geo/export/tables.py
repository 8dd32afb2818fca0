"""Export features as GeoJSON or as CSV with ACLED-style columns."""

from __future__ import annotations

import csv
import json
from collections.abc import Sequence
from typing import Any, TextIO

from geo.errors import InputError
from geo.export.geojson import feature_collection
from geo.schema import Feature

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
CSV_COLUMNS = (
    "event_id",
    "event_date",
    "end_date",
    "time_precision",
    "event_type",
    "actors",
    "location",
    "mention",
    "latitude",
    "longitude",
    "geo_precision",
    "confidence",
    "geonameid",
    "country_code",
    "feature_type",
    "source",
    "title",
    "url",
    "notes",
    "status",
    "feature_id",
    "geometry",
)


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
    """One CSV row: ACLED-like fields, a representative point, and the geometry as GeoJSON."""
    p = feature.get("properties", {})
    lat, lon = representative_point(feature["geometry"])
    return {
        "event_id": p.get("event_id"),
        "event_date": p.get("start"),
        "end_date": p.get("end"),
        "time_precision": p.get("time_precision"),
        "event_type": p.get("event_type"),
        "actors": "; ".join(p.get("actors") or []),
        "location": p.get("name"),
        "mention": p.get("mention"),
        "latitude": lat,
        "longitude": lon,
        "geo_precision": p.get("geo_precision"),
        "confidence": p.get("confidence"),
        "geonameid": p.get("geonameid"),
        "country_code": p.get("country_code"),
        "feature_type": p.get("feature_type"),
        "source": p.get("source"),
        "title": p.get("title"),
        "url": p.get("url"),
        "notes": p.get("quote"),
        "status": p.get("status"),
        "feature_id": feature.get("id"),
        "geometry": json.dumps(feature["geometry"]),
    }


def representative_point(geometry: dict[str, Any]) -> tuple[float, float]:
    """``(lat, lon)`` of a Point, or the mean of a line's or ring's vertices."""
    coords = geometry["coordinates"]
    if geometry["type"] == "Point":
        return round(coords[1], 5), round(coords[0], 5)
    ring = coords[0] if geometry["type"] == "Polygon" else coords
    lons, lats = [c[0] for c in ring], [c[1] for c in ring]
    return round(sum(lats) / len(lats), 5), round(sum(lons) / len(lons), 5)
