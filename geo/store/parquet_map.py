"""The map of a GeoParquet archive, computed by DuckDB: never every feature in Python.

What the dashboard asks of an archive of millions of events: what its widgets offer
(:func:`archive_summary`), and what one date window holds inside the map's bounds
(:func:`map_window`): its events when there are few enough to draw, else its places counted
in grid cells whose size follows the zoom, each with its most frequent event type. The
window, the filters and the bounds are all in the SQL.

    with ParquetStore("var/archive") as store:
        drawn = map_window(store, view, MapBounds(29, 35, 38, 49), zoom=6)
        drawn.cells  # [{"lat", "lon", "count", "event_type", "share"}, ...] or ()
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from geo.schema import UNTYPED_EVENT, Feature
from geo.store.geoparquet import UNDATED, feature_of_row
from geo.store.parquet import ParquetStore, view_clause
from geo.view.bounds import MapBounds
from geo.view.filter import ViewFilter, apply_filter

EVENTS_AT_MOST = 5_000  # more places than this in the map's bounds are drawn as cells
PLACE_INSIDE = 2  # the group of a cell's places in the window's query
CHOICES_AT_MOST = 500  # actors and sources offered as filters: the most frequent ones
TYPE = f"coalesce(nullif(event_type, ''), '{UNTYPED_EVENT}')"
PRECISE = "feature_type = 'place' AND coalesce(geo_precision, 1) < 3"


def cell_degrees(zoom: int) -> float:
    """The side of a grid cell at a map zoom: about 64 pixels of a 256-pixel tile."""
    return 90.0 / 2 ** max(0, min(zoom, 20))


@dataclass(frozen=True)
class MapWindow:
    """What a window shows on the map: its features, or its places counted in cells."""

    total: int  # features in the window, wherever they lie
    in_bounds: int  # of them, inside the bounds asked about
    features: tuple[Feature, ...] = ()
    cells: tuple[dict[str, Any], ...] = ()
    cell_degrees: float | None = None  # the side of a cell, when cells are drawn
    listed: tuple[Feature, ...] = field(default=(), compare=False)

    @property
    def grouped(self) -> bool:
        """Whether the window is drawn as cells rather than as its events."""
        return self.cell_degrees is not None


def bounds_clause(bounds: MapBounds | None) -> tuple[str, list]:
    """SQL keeping the features whose point lies inside ``bounds`` (all for None)."""
    if bounds is None:
        return "TRUE", []
    clause = "lat BETWEEN ? AND ? AND lon BETWEEN ? AND ?"
    return clause, [bounds.south, bounds.north, bounds.west, bounds.east]


def map_window(
    store: ParquetStore,
    view: ViewFilter,
    bounds: MapBounds | None,
    zoom: int,
    most: int = EVENTS_AT_MOST,
) -> MapWindow:
    """The window of ``view`` inside ``bounds`` at map ``zoom``: its features when at most
    ``most`` places lie there, else its places in cells of ``cell_degrees(zoom)``."""
    size = cell_degrees(zoom)
    groups = _window_groups(store, view, bounds, size)
    total = sum(group["count"] for group in groups)
    here = sum(group["count"] for group in groups if group["here"])
    cells = [_cell(group) for group in groups if group["here"] == PLACE_INSIDE]
    if sum(cell["count"] for cell in cells) <= most:
        found = window_features(store, view, bounds)
        return MapWindow(total, here, features=tuple(found))
    return MapWindow(total, here, cells=tuple(cells), cell_degrees=size)


def window_features(
    store: ParquetStore, view: ViewFilter, bounds: MapBounds | None, limit: int | None = None
) -> list[Feature]:
    """The features of the window inside ``bounds``, by start date, at most ``limit``, with
    every filter of the view applied (reports of one event fused unless asked apart).

    A feature lies in its start's month, so the first ``limit`` are read month by month from
    the first: the table of a window of millions reads one month or two, not all of them."""
    where, parameters = view_clause(view)
    inside, box = bounds_clause(bounds)
    rows: list[dict] = []
    for files in _by_month(store.window_files(view)):
        left = None if limit is None else limit - len(rows)
        if left is not None and left <= 0:
            break
        cap = f" LIMIT {int(left)}" if left is not None else ""
        query = (
            "SELECT id, geometry, properties FROM {source}"
            f" WHERE {where} AND {inside} ORDER BY start NULLS FIRST, id{cap}"
        )
        rows += store.query(query, files, parameters + box)
    return apply_filter([feature_of_row(row) for row in rows], view)


def window_cells(
    store: ParquetStore, view: ViewFilter, bounds: MapBounds | None, size: float
) -> list[dict[str, Any]]:
    """The places of the window inside ``bounds`` in cells of ``size`` degrees:
    ``{"lat", "lon", "count", "event_type", "share"}`` (the places' mean position, their
    number, their most frequent event type, ties to the first name, and its share), most first."""
    groups = _window_groups(store, view, bounds, size)
    return [_cell(group) for group in groups if group["here"] == PLACE_INSIDE]


def _window_groups(
    store: ParquetStore, view: ViewFilter, bounds: MapBounds | None, size: float
) -> list[dict[str, Any]]:
    """The window's features in one scan: those outside ``bounds`` as one group (``here`` 0),
    those inside that are no place as another (1), and the places inside by cell (2), each
    group with its count, mean position and most frequent type."""
    where, parameters = view_clause(view)
    inside, box = bounds_clause(bounds)
    query = (
        "SELECT here, sum(n) AS count, sum(lat_sum) / sum(n) AS lat, sum(lon_sum) / sum(n) AS lon,"
        " arg_min(type, struct_pack(fewer := -n, type := type)) AS event_type,"
        " max(n) / sum(n) AS share FROM ("
        f" SELECT here, CASE WHEN here = 2 THEN floor(lat / {size}) END AS row,"
        f" CASE WHEN here = 2 THEN floor(lon / {size}) END AS col, type,"
        " count(*) AS n, sum(lat) AS lat_sum, sum(lon) AS lon_sum FROM ("
        f" SELECT CASE WHEN {inside} THEN 1 + (feature_type = 'place')::INTEGER ELSE 0 END AS here,"
        f" lat, lon, {TYPE} AS type FROM {{source}} WHERE {where}) GROUP BY ALL)"
        " GROUP BY here, row, col ORDER BY count DESC, lat, lon"
    )
    rows = store.query(query, store.window_files(view), box + parameters)
    return [{**row, "count": int(row["count"])} for row in rows]


def _cell(group: dict[str, Any]) -> dict[str, Any]:
    return {key: group[key] for key in ("lat", "lon", "count", "event_type", "share")}


def _by_month(files: list[Path]) -> list[list[Path]]:
    """Feature files grouped by their month's folder, the undated first, then month by month."""
    months: dict[str, list[Path]] = {}
    for path in files:
        months.setdefault(path.parent.name, []).append(path)
    order = sorted(months, key=lambda name: (not name.endswith(UNDATED), name))
    return [months[name] for name in order]


def archive_summary(store: ParquetStore) -> dict[str, Any]:
    """What the dashboard's widgets offer over an archive, as ``geo.view.widget_summary`` gives
    it for a list of features, plus ``count`` and ``extent`` (the precise places' box):
    the actors and sources offered are the ``CHOICES_AT_MOST`` most frequent."""
    files = store.archive.feature_files()
    one = store.query(
        "SELECT count(*) AS count, count(*) FILTER (WHERE start IS NULL) AS undated,"
        ' min(start) AS first, max(coalesce("end", start)) AS last,'
        f" min(lat) FILTER (WHERE {PRECISE}) AS south, max(lat) FILTER (WHERE {PRECISE}) AS north,"
        f" min(lon) FILTER (WHERE {PRECISE}) AS west, max(lon) FILTER (WHERE {PRECISE}) AS east"
        " FROM {source}",
        files,
    )
    totals = one[0] if one else {"count": 0, "undated": 0, "first": None}
    bounds = None
    if totals.get("first"):
        bounds = (dt.date.fromisoformat(totals["first"]), dt.date.fromisoformat(totals["last"]))
    extent = None
    if totals.get("south") is not None:
        extent = MapBounds(totals["south"], totals["west"], totals["north"], totals["east"])
    return {
        "choices": {
            "event_type": _values(store, files, TYPE),
            "actors": _values(store, files, "unnest(actors)"),
            "source": _values(store, files, "source"),
        },
        "bounds": bounds,
        "per_day": _per_day(store, files),
        "undated": totals.get("undated") or 0,
        "count": totals.get("count") or 0,
        "extent": extent,
    }


def _values(store: ParquetStore, files, expression: str) -> list[str]:
    """The most frequent distinct values of an expression, sorted by name."""
    query = (
        f"SELECT value FROM (SELECT {expression} AS value FROM {{source}}) WHERE value IS NOT NULL"
        f" AND value <> '' GROUP BY value ORDER BY count(*) DESC, value LIMIT {CHOICES_AT_MOST}"
    )
    return sorted(row["value"] for row in store.query(query, files))


def _per_day(store: ParquetStore, files) -> dict[dt.date, int]:
    """How many distinct events start on each day (a feature of no event counts as one)."""
    query = (
        "SELECT start, count(DISTINCT event_id) + count(*) FILTER (WHERE event_id IS NULL) AS n"
        " FROM {source} WHERE start IS NOT NULL GROUP BY start ORDER BY start"
    )
    return {dt.date.fromisoformat(row["start"]): row["n"] for row in store.query(query, files)}
