"""Features and articles as GeoParquet tables: the properties of ``geo/schema.py`` as columns,
the geometry as WKB (RFC 7946 coordinates, longitude first), GeoParquet's ``geo`` metadata.

A feature's whole ``properties`` object is kept as JSON beside its columns, so that reading it
back gives the feature as it was written, properties this version does not declare included.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import types
import typing
import uuid
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from geo.model import Article
from geo.schema import Feature, PlaceProperties, ShapeProperties, feature_dates, properties

GEOPARQUET_VERSION = "1.1.0"
UNDATED = "undated"  # the month partition of features of unknown date
ARTICLE_SCHEMA = pa.schema(
    [
        ("content_hash", pa.string()),
        ("source", pa.string()),
        ("title", pa.string()),
        ("url", pa.string()),
        ("published", pa.string()),
        ("lang", pa.string()),
        ("text", pa.string()),
        ("feature_count", pa.int32()),
        ("ingested_at", pa.string()),
    ]
)


def _arrow_type(hint: Any) -> pa.DataType:
    """The column type of a declared property: scalars as themselves, lists of strings as
    lists, anything nested (alternatives, mention spans) as JSON text."""
    args = [a for a in typing.get_args(hint) if a is not type(None)]
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType) and len(args) == 1:
        return _arrow_type(args[0])
    if origin is typing.Literal:
        return pa.string()
    if origin is list and args == [str]:
        return pa.list_(pa.string())
    scalars = {str: pa.string(), int: pa.int64(), float: pa.float64(), bool: pa.bool_()}
    return scalars.get(hint, pa.string())


def property_columns() -> dict[str, pa.DataType]:
    """Every property the schema declares, with its column type."""
    hints = {**typing.get_type_hints(PlaceProperties), **typing.get_type_hints(ShapeProperties)}
    return {name: _arrow_type(hint) for name, hint in hints.items()}


def feature_schema() -> pa.Schema:
    """The columns of a features table: identity, article, month, geometry, then properties."""
    fixed = [
        ("id", pa.string()),
        ("content_hash", pa.string()),
        ("month", pa.string()),
        ("geometry", pa.binary()),
        ("lon", pa.float64()),  # a point of the geometry, for queries that group by place
        ("lat", pa.float64()),
        ("properties", pa.string()),
    ]
    return pa.schema(fixed + list(property_columns().items()))


def event_month(feature: Feature) -> str:
    """The month partition of a feature: ``2017-01`` from its start, or ``undated``."""
    dates = feature_dates(properties(feature))
    return dates[0][:7] if dates else UNDATED


def _column_value(value: Any, kind: pa.DataType) -> Any:
    if value is None:
        return None
    if pa.types.is_string(kind) and not isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if pa.types.is_integer(kind) and isinstance(value, float):
        return None if value != value else round(value)
    return value


def features_table(rows: Iterable[tuple[str, Feature]]) -> pa.Table:
    """A table of ``(content hash of the article, feature)`` rows."""
    from shapely.geometry import shape

    columns = property_columns()
    data: dict[str, list] = {name: [] for name in feature_schema().names}
    for digest, feature in rows:
        props = properties(feature)
        data["id"].append(feature["id"])
        data["content_hash"].append(digest)
        data["month"].append(event_month(feature))
        geometry = shape(feature["geometry"])
        point = geometry if geometry.geom_type == "Point" else geometry.representative_point()
        data["geometry"].append(geometry.wkb)
        data["lon"].append(point.x)
        data["lat"].append(point.y)
        data["properties"].append(json.dumps(props, ensure_ascii=False))
        for name, kind in columns.items():
            data[name].append(_column_value(props.get(name), kind))
    return pa.table(data, schema=feature_schema())


def articles_table(rows: Iterable[tuple[str, Article, int]]) -> pa.Table:
    """A table of ``(content hash, article, number of features)`` rows."""
    now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    data: dict[str, list] = {name: [] for name in ARTICLE_SCHEMA.names}
    for digest, article, count in rows:
        for name, value in (
            ("content_hash", digest),
            ("source", article.source),
            ("title", article.title),
            ("url", article.url),
            ("published", article.published.isoformat() if article.published else None),
            ("lang", article.lang),
            ("text", article.text),
            ("feature_count", count),
            ("ingested_at", now),
        ):
            data[name].append(value)
    return pa.table(data, schema=ARTICLE_SCHEMA)


def geo_metadata(table: pa.Table) -> dict[str, Any]:
    """GeoParquet's ``geo`` metadata for a features table (no ``crs``: OGC:CRS84, lon/lat)."""
    import shapely

    geometries = shapely.from_wkb(table.column("geometry").to_numpy(zero_copy_only=False))
    kinds = sorted({geometry.geom_type for geometry in geometries})
    bounds = shapely.total_bounds(geometries) if len(geometries) else None
    column = {"encoding": "WKB", "geometry_types": kinds}
    if bounds is not None and all(b == b for b in bounds):
        column["bbox"] = [float(b) for b in bounds]
    return {
        "version": GEOPARQUET_VERSION,
        "primary_column": "geometry",
        "columns": {"geometry": column},
    }


def write_atomically(table: pa.Table, path: Path, *, geo: bool = False) -> Path:
    """Write ``table`` to ``path`` under a temporary name, then rename it: a reader sees the
    whole file or none of it, even when the writer is killed."""
    if geo:
        metadata = {**(table.schema.metadata or {}), b"geo": json.dumps(geo_metadata(table))}
        table = table.replace_schema_metadata(metadata)
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
    try:
        pq.write_table(table, temporary, compression="zstd")
        with temporary.open("rb") as written:
            os.fsync(written.fileno())
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)
    return path


def feature_of_row(row: dict[str, Any]) -> Feature:
    """A stored row back as a GeoJSON feature (geometry from WKB, properties from their JSON)."""
    import shapely

    geometry = shapely.geometry.mapping(shapely.from_wkb(row["geometry"]))
    return {
        "type": "Feature",
        "id": row["id"],
        "geometry": json.loads(json.dumps(geometry)),  # tuples to lists, as GeoJSON
        "properties": json.loads(row["properties"]),
    }


def article_of_row(row: dict[str, Any]) -> Article:
    """A stored article row back as an Article."""
    published = row.get("published")
    return Article(
        text=row["text"],
        source=row["source"],
        title=row.get("title"),
        url=row.get("url"),
        published=dt.date.fromisoformat(published) if published else None,
        lang=row.get("lang"),
    )


def months(table: pa.Table) -> Sequence[str]:
    """The month partitions a features table falls into."""
    return sorted(set(table.column("month").to_pylist()))
