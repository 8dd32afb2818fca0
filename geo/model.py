"""The values that flow through the pipeline: small, frozen, and (lat, lon) inside Python.

Coordinates become GeoJSON ``[lon, lat]`` only in :func:`geo.export.geojson.position`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from math import asin, cos, radians, sin, sqrt

PLACE_KINDS = (
    "city",
    "country",
    "region",
    "county",
    "river",
    "dam",
    "border",
    "city_part",
    "other",
)
SHAPE_KINDS = ("route", "area")

LatLon = tuple[float, float]
EARTH_RADIUS_KM = 6371.0088


def haversine_km(a: LatLon, b: LatLon) -> float:
    """Great-circle distance in kilometres between two ``(lat, lon)`` points."""
    lat1, lon1, lat2, lon2 = map(radians, (*a, *b))
    h = sin((lat2 - lat1) / 2) ** 2 + cos(lat1) * cos(lat2) * sin((lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS_KM * asin(min(1.0, sqrt(h)))


@dataclass(frozen=True)
class Place:
    """A gazetteer entry: one referent a toponym can point to."""

    name: str
    lat: float
    lon: float
    geonameid: int | None = None
    country_code: str | None = None
    kind: str = "other"
    population: int = 0
    raw: Mapping = field(default_factory=dict, compare=False, hash=False, repr=False)

    @property
    def point(self) -> LatLon:
        """The place as a ``(lat, lon)`` pair."""
        return (self.lat, self.lon)


@dataclass(frozen=True)
class Article:
    """An article as read from a file, a page or a JSON record."""

    text: str
    source: str
    title: str | None = None
    url: str | None = None
    published: dt.date | None = None
    lang: str | None = None
    # what its bytes were decoded from ("utf-8", "utf-16-le", "cp1252"...); None if given as text
    encoding: str | None = None


@dataclass(frozen=True)
class Mention:
    """A toponym recognised in the text, with exact character offsets (end exclusive).

    ``text`` is ``article.text[start:end]``; ``name`` is the toponym to look up inside it
    ("Mossoul" in "la moitié ouest de Mossoul", "Syria" for "syrienne").
    """

    text: str
    start: int
    end: int
    name: str
    kind_hint: str | None = None  # "border", "city_part", "demonym", "dam", "river", "region_part"
    side: str | None = None  # "north", "south", "east", "west" for parts of a place
    qualifier: str | None = None  # "Texas" in "Paris, Texas"


@dataclass(frozen=True)
class Candidate:
    """A possible referent for a mention, with its score in [0, 1]."""

    place: Place
    score: float


@dataclass(frozen=True)
class Resolution:
    """A mention tied to the referent chosen for it, and the runners-up."""

    mention: Mention
    place: Place
    confidence: float
    geo_precision: (
        int  # ACLED: 1 the place itself, 2 part of or near it, 3 region or country centroid
    )
    alternatives: tuple[Candidate, ...] = ()


@dataclass(frozen=True)
class Shape:
    """A route (LineString) or an area (Polygon ring) composed from several words of the text.

    ``coords`` are ``(lat, lon)`` pairs; an area's ring is closed (first == last).
    ``mentions`` are the ``(char_start, char_end)`` spans the shape comes from.
    """

    kind: str
    name: str
    coords: tuple[LatLon, ...]
    mentions: tuple[tuple[int, int], ...]
    properties: Mapping = field(default_factory=dict, compare=False, hash=False)


@dataclass(frozen=True)
class EventDate:
    """When an event happened, how precisely, and how the date was obtained."""

    start: dt.date
    end: dt.date
    time_precision: int  # ACLED: 1 day, 2 week, 3 month
    date_source: str  # "explicit", "relative", "inferred", "published"


@dataclass(frozen=True)
class Event:
    """Something that happened somewhere at some time, with the sentence that says so."""

    event_type: str
    date: EventDate | None
    quote: str
    quote_start: int
    quote_end: int
    places: tuple[Resolution, ...] = ()
    shapes: tuple[Shape, ...] = ()
    actors: tuple[str, ...] = ()
    properties: Mapping = field(default_factory=dict, compare=False, hash=False)


@dataclass(frozen=True)
class Document:
    """Everything the pipeline learned from one article."""

    article: Article
    resolutions: tuple[Resolution, ...] = ()
    shapes: tuple[Shape, ...] = ()
    events: tuple[Event, ...] = ()
