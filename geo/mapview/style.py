"""Colours of the map: by event type for points and routes, by who holds it for areas."""

from __future__ import annotations

import math
from functools import cache
from typing import Any

from geo.datafiles import read_csv, read_json
from geo.schema import properties

RETAKEN = "retaken"
VAGUE_PRECISION = 3  # ACLED geo_precision of a region or country  # the holder of a place retaken where no actor is named (geo/events)


@cache
def palette() -> dict[str, dict[str, tuple[str, str]]]:
    """``{group: {key: (colour, label)}}`` from ``data/event_styles.csv``."""
    table: dict[str, dict[str, tuple[str, str]]] = {}
    for row in read_csv("event_styles.csv"):
        table.setdefault(row["group"], {})[row["key"]] = (row["colour"], row["label"])
    return table


@cache
def government_sides() -> tuple[str, ...]:
    """The actors whose hold on a place is coloured as the government's (``data/actors.json``)."""
    return tuple(read_json("actors.json")["government_sides"])


def event_label(event_type: str | None) -> str:
    """How users read an event type: its legend label ("Battles")."""
    key = event_type or "other"
    known = palette()["event_type"].get(key)
    return known[1] if known else key.replace("_", " ")


def event_colour(event_type: str | None) -> str:
    """The colour of an event type (grey for an unknown one)."""
    types = palette()["event_type"]
    return types.get(event_type or "other", types["other"])[0]


def control_key(properties: dict[str, Any]) -> str:
    """Who holds an area, as a legend key: ``Islamic State``, ``contested``, ``government`` or ``unknown``."""
    control = properties.get("control") or properties.get("held_by")
    if control == "Islamic State":
        return "Islamic State"
    if control == "contested":
        return "contested"
    regained = properties.get("sub_event_type") == "Government regains territory"
    if control == RETAKEN or control in government_sides() or regained:
        return "government"
    return "unknown"


def control_colour(properties: dict[str, Any]) -> str:
    """The fill colour of an area."""
    return palette()["control"][control_key(properties)][0]


def is_somewhere_in(p: dict[str, Any]) -> bool:
    """Whether a place stands for a whole region or country (its centre), not a town."""
    return p.get("geo_precision") == VAGUE_PRECISION and not p.get("count")


def point_style(feature: dict[str, Any]) -> dict[str, Any]:
    """Style of a place marker: coloured by event type, faint when the place is uncertain; a
    region's or country's centre is a hollow dashed ring, so that nobody reads it as a town."""
    p = properties(feature)
    colour = event_colour(p.get("event_type"))
    confident = (p.get("confidence") or 0) >= 0.6
    if is_somewhere_in(p):
        return {
            "color": colour,
            "weight": 2,
            "opacity": 0.9,
            "dashArray": "4 3",
            "fill": True,
            "fillColor": colour,
            "fillOpacity": 0.06,
            "radius": 10,
        }
    return {
        "color": "#333333",
        "weight": 1,
        "opacity": 0.9,
        "fill": True,
        "fillColor": colour,
        "fillOpacity": 0.9 if confident else 0.45,
        "radius": _point_radius(p),
    }


def _point_radius(p: dict[str, Any]) -> float:
    """A grouped cell grows with the number of events in it; a single place by its precision."""
    if p.get("count"):
        return min(18.0, 4 + 3 * math.log10(p["count"]))
    return 7 if p.get("geo_precision", 1) == 1 else 5


def route_style(feature: dict[str, Any]) -> dict[str, Any]:
    """Style of a route: a thick line in the colour of its event type."""
    return {
        "color": event_colour(properties(feature).get("event_type")),
        "weight": 5,
        "opacity": 0.85,
    }


def area_style(feature: dict[str, Any]) -> dict[str, Any]:
    """Style of an area: filled in the colour of who holds it, outlined in its event type's colour."""
    p = properties(feature)
    vague = p.get("geo_precision") == 3  # a region or part of a country: a hint, not a front line
    return {
        "color": event_colour(p.get("event_type")),
        "weight": 1.5 if vague else 2.5,
        "opacity": 0.7 if vague else 0.9,
        "fillColor": control_colour(p),
        "fillOpacity": 0.12 if vague else 0.5,
        "dashArray": "6 4" if vague or control_key(p) == "contested" else None,
    }


def highlight_style(_: dict[str, Any]) -> dict[str, Any]:
    """Style of the selected feature, drawn on top."""
    return {
        "color": "#ffd400",
        "weight": 6,
        "fillColor": "#ffd400",
        "fillOpacity": 0.35,
        "radius": 11,
        "opacity": 1,
    }
