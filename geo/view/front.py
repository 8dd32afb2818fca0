"""Who holds what on a given day: the latest control statement known then, per place and area.

A control statement is a feature whose event says who holds its place ("still held by the
Islamic State": ``held_by``/``control``) or what share was retaken ("70% of east Mosul retaken":
``share_retaken``/``control``; see ``geo/events/control.py``). On a day, each place or area shows
the latest statement about it dated that day or before, however long ago it was made: so
stepping the day through the timeline shows the front moving.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from geo.schema import properties

Feature = Mapping[str, Any]
# A place given as a region or a country ("somewhere in Iraq") is no position anyone holds.
VAGUE_PRECISION = 3
# what a part keeps of its own when the statement about its whole city is later
OWN_PROPERTIES = ("name", "side", "kind", "feature_type", "mentions", "outline", "split_by",
                  "radius_km", "city", "geo_precision", "char_start", "char_end", "mention")  # fmt: skip


def is_control_statement(feature: Feature) -> bool:
    """Whether a feature says who holds its place, on a known date, precisely enough to draw."""
    p = properties(feature)
    if not p.get("start") or not (p.get("control") or p.get("held_by")):
        return False
    point = feature.get("geometry", {}).get("type") == "Point"
    return not (point and (p.get("geo_precision") or 1) >= VAGUE_PRECISION)


def control_place(feature: Feature) -> tuple:
    """What a statement is about. A part of a city is one thing whether drawn as its area or as
    the city's point ("east Mosul"); another area by its name; a place by its GeoNames id (else
    its name) and the side named ("east Mosul" is not Mosul)."""
    p = properties(feature)
    if p.get("side") and p.get("geonameid"):
        return ("part", p["geonameid"], p["side"])
    if feature["geometry"]["type"] != "Point":
        return ("area", p.get("name"), p.get("side"))
    return ("place", p.get("geonameid") or p.get("name"), p.get("side"))


def _recency(feature: Feature) -> tuple[str, str, str, bool]:
    """Later statements sort last: by the event's date, then its end, then publication; between
    the area and the point of one statement, the area, which shows what is held."""
    p = properties(feature)
    return (
        str(p.get("start")),
        str(p.get("end") or p.get("start")),
        str(p.get("published") or ""),
        feature["geometry"]["type"] != "Point",
    )


def latest_statements(features: Iterable[Feature], day: dt.date) -> list[Feature]:
    """The latest control statement about each place and area dated ``day`` or before.

    Between statements of one date the later published wins, then the later in ``features``.
    """
    known = day.isoformat()
    latest: dict[tuple, Feature] = {}
    for feature in features:
        if not is_control_statement(feature) or str(properties(feature)["start"]) > known:
            continue
        key = control_place(feature)
        if key not in latest or _recency(latest[key]) <= _recency(feature):
            latest[key] = feature
    return [_as_of_whole(key, feature, latest) for key, feature in latest.items()]


def _as_of_whole(key: tuple, part: Feature, latest: Mapping[tuple, Feature]) -> Feature:
    """A part of a city as the later statement about the whole city says ("Mosul retaken" after
    "west Mosul still held"), drawn with its own shape and name; else the part as it is."""
    whole = latest.get(("place", key[1], None)) if key[0] == "part" else None
    if whole is None or _recency(whole)[:3] <= _recency(part)[:3]:
        return part
    own = {k: properties(part).get(k) for k in OWN_PROPERTIES if k in properties(part)}
    return {**part, "properties": {**properties(whole), **own}}


def control_features(features: Sequence[Feature], day: dt.date) -> list[dict[str, Any]]:
    """The features of the control layer on ``day``: each latest statement, its status dated."""
    shown = []
    for feature in latest_statements(features, day):
        p = dict(properties(feature))
        status = p.get("status") or f"held by {p.get('held_by') or p.get('control')}"
        p["status"] = f"{status} (stated {p['start']})"
        shown.append({**feature, "properties": p})
    return shown


def control_day(features: Iterable[Feature], window_end: dt.date | None) -> dt.date | None:
    """The day the control layer shows: the window's end, else the last day of a statement."""
    if window_end is not None:
        return window_end
    days = [str(properties(f)["start"]) for f in features if is_control_statement(f)]
    return dt.date.fromisoformat(max(days)) if days else None
