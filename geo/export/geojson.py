"""GeoJSON (RFC 7946) output: the one place where ``(lat, lon)`` becomes ``[lon, lat]``."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from typing import Any

from geo.events.acled import event_details
from geo.model import Document, Event, LatLon, Resolution, Shape
from geo.schema import (
    ArticleProperties,
    EventProperties,
    Feature,
    FeatureProperties,
    PlaceProperties,
    ShapeProperties,
)


def position(point: LatLon) -> list[float]:
    """A ``(lat, lon)`` pair as a GeoJSON position ``[lon, lat]``, rounded to about 1 m."""
    lat, lon = point
    return [round(lon, 5), round(lat, 5)]


def feature_collection(features: Iterable[Feature]) -> dict[str, Any]:
    """Wrap features in a FeatureCollection."""
    return {"type": "FeatureCollection", "features": list(features)}


def article_key(text: str) -> str:
    """A short stable key for an article, from its text."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def document_features(doc: Document) -> list[Feature]:
    """Every feature of one parsed article: a Point per place mention, then its shapes, then a
    Point more for each later event at a place an earlier event already holds."""
    key = article_key(doc.article.text)
    events_of = _events_by_member(doc.events, key)
    common = _article_properties(doc)
    features = []
    for resolution in doc.resolutions:
        props = {**common, **_place_properties(resolution)}
        props.update(events_of.get(("place", resolution.mention.start), {}))
        if resolution.mention.kind_hint == "demonym":
            props.update(_nationality_dates(resolution, doc.events))
        geometry = {"type": "Point", "coordinates": position(resolution.place.point)}
        features.append(_feature(geometry, props))
    for shape in doc.shapes:
        props = {**common, **_shape_properties(shape)}
        props.update(events_of.get(("shape", shape.mentions), {}))
        features.append(_feature(_shape_geometry(shape), props))
    for resolution, event_props in _places_of_later_events(doc.events, key):
        props = {**common, **_place_properties(resolution), **event_props}
        geometry = {"type": "Point", "coordinates": position(resolution.place.point)}
        features.append(_feature(geometry, props))
    for number, feature in enumerate(features):
        feature["id"] = f"{key}-{number}"
    return features


def _feature(geometry: dict[str, Any], properties: FeatureProperties) -> Feature:
    return {"type": "Feature", "id": None, "geometry": geometry, "properties": properties}


def _article_properties(doc: Document) -> ArticleProperties:
    article = doc.article
    return {
        "source": article.source,
        "title": article.title,
        "url": article.url,
        "published": article.published.isoformat() if article.published else None,
        "lang": article.lang,
    }


def _place_properties(resolution: Resolution) -> PlaceProperties:
    mention, place = resolution.mention, resolution.place
    return {
        "feature_type": "place",
        "mention": mention.text,
        "char_start": mention.start,
        "char_end": mention.end,
        "name": place.name,
        "geonameid": place.geonameid,
        "country_code": place.country_code,
        "admin1": place.admin1,
        "kind": place.kind if mention.kind_hint != "city_part" else "city_part",
        "side": mention.side,
        "confidence": round(resolution.confidence, 3),
        "geo_precision": resolution.geo_precision,
        "demonym": mention.kind_hint == "demonym",
        "alternatives": [
            {
                "name": c.place.name,
                "geonameid": c.place.geonameid,
                "admin1": c.place.admin1,
                "country_code": c.place.country_code,
                "kind": c.place.kind,
                "population": c.place.population,
                "lat": round(c.place.lat, 5),
                "lon": round(c.place.lon, 5),
                "score": round(c.score, 3),
                "evidence": {name: round(value, 3) for name, value in c.evidence.items()},
            }
            for c in resolution.alternatives
        ],
    }


def _nationality_dates(resolution: Resolution, events: tuple[Event, ...]) -> EventProperties:
    """The dates of a nationality mention, which belongs to no event: those of the event of its
    sentence, else of the article's main event, so that a date window can show it."""
    start = resolution.mention.start
    around = [e for e in events if e.quote_start <= start < e.quote_end]
    event = (around or list(events[:1]) or [None])[0]
    if event is None or event.date is None:
        return {}
    return {
        "start": event.date.start.isoformat(),
        "end": event.date.end.isoformat(),
        "time_precision": event.date.time_precision,
        "date_source": event.date.date_source,
    }


def _shape_properties(shape: Shape) -> ShapeProperties:
    props: ShapeProperties = {
        "feature_type": shape.kind,
        "kind": shape.kind,
        "name": shape.name,
        "mentions": [{"char_start": s, "char_end": e} for s, e in shape.mentions],
    }
    props.update(shape.properties)
    return props


def _shape_geometry(shape: Shape) -> dict[str, Any]:
    coords = [position(p) for p in shape.coords]
    if shape.kind == "area":
        if coords and coords[0] != coords[-1]:
            coords.append(coords[0])
        return {"type": "Polygon", "coordinates": [coords]}
    return {"type": "LineString", "coordinates": coords}


def _event_properties(event: Event, event_id: str) -> EventProperties:
    props: EventProperties = {
        "event_id": event_id,
        **event_details(event.event_type, event.quote),
        "actors": list(event.actors),
        "quote": event.quote,
        "quote_start": event.quote_start,
        "quote_end": event.quote_end,
    }
    if event.date is not None:
        props.update(
            start=event.date.start.isoformat(),
            end=event.date.end.isoformat(),
            time_precision=event.date.time_precision,
            date_source=event.date.date_source,
        )
    return props


def _places_of_later_events(
    events: Iterable[Event], key: str
) -> list[tuple[Resolution, dict[str, Any]]]:
    """The places an event shares with an earlier event of the article ("the same town was
    flooded in 2018"), each with the later event's properties: one more point each."""
    claimed: set[int] = set()
    later = []
    for number, event in enumerate(events):
        props = _event_properties(event, f"{key}-e{number}")
        for resolution in event.places:
            if resolution.mention.start in claimed:
                later.append((resolution, props))
        claimed.update(r.mention.start for r in event.places)
    return later


def _events_by_member(events: Iterable[Event], key: str) -> dict[tuple, dict[str, Any]]:
    """Map each place (by mention start) and shape (by mentions) to its first event's properties.

    What the event says of control (who holds a place, the share retaken) goes only to the
    places and shapes the statement is about (``control_scope``).
    """
    members: dict[tuple, dict[str, Any]] = {}
    for number, event in enumerate(events):
        props = _event_properties(event, f"{key}-e{number}")
        control = {k: v for k, v in event.properties.items() if k != "control_scope"}
        scope = set(event.properties.get("control_scope", ()))
        for resolution in event.places:
            extra = control if resolution.mention.start in scope else {}
            members.setdefault(("place", resolution.mention.start), {**props, **extra})
        for shape in event.shapes:
            extra = control if any(start in scope for start, _ in shape.mentions) else {}
            members.setdefault(("shape", shape.mentions), {**props, **extra})
    return members
