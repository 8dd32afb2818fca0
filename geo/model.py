"""The values that flow through the pipeline: small, frozen, and (lat, lon) inside Python.

Coordinates become GeoJSON ``[lon, lat]`` only in :func:`geo.export.geojson.position`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from math import asin, cos, radians, sin, sqrt
from typing import Literal, get_args

from geo.errors import InputError

PlaceKind = Literal[
    "city", "country", "region", "county", "river", "dam", "border", "city_part", "other"
]
# What a phrase says its place is: "la frontière syrienne" a border, "east Mosul" a part of a
# city, "north of Mosul" near it, "syrienne" a demonym, "l'ouest du pays" a part of a region.
PhraseKind = Literal["border", "city_part", "demonym", "dam", "river", "region_part", "near"]
# Compass sides of a place, and the banks of a river (left and right facing downstream).
Side = Literal[
    "north",
    "south",
    "east",
    "west",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
    "left",
    "right",
]
PLACE_KINDS: tuple[PlaceKind, ...] = get_args(PlaceKind)
PHRASE_KINDS: tuple[PhraseKind, ...] = get_args(PhraseKind)
SIDES: tuple[Side, ...] = get_args(Side)
SHAPE_KINDS = ("route", "area")

LatLon = tuple[float, float]
EARTH_RADIUS_KM = 6371.0088


def haversine_km(a: LatLon, b: LatLon) -> float:
    """Great-circle distance in kilometres between two ``(lat, lon)`` points."""
    lat1, lon1, lat2, lon2 = map(radians, (*a, *b))
    h = sin((lat2 - lat1) / 2) ** 2 + cos(lat1) * cos(lat2) * sin((lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS_KM * asin(min(1.0, sqrt(h)))


def _check(what: str, value: str, allowed: tuple[str, ...]) -> None:
    """InputError naming ``value`` unless it is one of ``allowed``."""
    if value not in allowed:
        raise InputError(f"unknown {what} {value!r}; expected one of {', '.join(allowed)}")


@dataclass(frozen=True)
class Place:
    """A gazetteer entry: one referent a toponym can point to.

    ``population`` counts people (0 when unknown or when the kind has none: regions, rivers,
    dams, borders); ``importance`` is what ranks namesakes in a gazetteer's answer, most
    important first: for a city or county its population, for a country ten billion more
    than its population, fixed steps for the other kinds (see :mod:`geo.gazetteer.sources`).
    ``admin1`` is the first-level division a place lies in (GeoNames' admin1 code, the postal
    code of a US state) or, for a US state itself, that code; ``countries`` are the ISO codes
    of the countries a land border or a border crossing separates (the data give none for
    rivers). ``raw`` only says where the entry comes from: its source, its row.
    """

    name: str
    lat: float
    lon: float
    geonameid: int | None = None
    country_code: str | None = None
    kind: PlaceKind = "other"
    population: int = 0
    importance: float = 0.0
    admin1: str | None = None
    countries: tuple[str, ...] = ()
    raw: Mapping = field(default_factory=dict, compare=False, hash=False, repr=False)

    def __post_init__(self) -> None:
        _check("place kind", self.kind, PLACE_KINDS)

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
    kind_hint: PhraseKind | None = None
    side: Side | None = None  # for parts of a place and places near one
    qualifier: str | None = None  # "Texas" in "Paris, Texas"

    def __post_init__(self) -> None:
        if self.kind_hint is not None:
            _check("phrase kind", self.kind_hint, PHRASE_KINDS)
        if self.side is not None:
            _check("side", self.side, SIDES)


@dataclass(frozen=True)
class Candidate:
    """A possible referent for a mention, with its score in [0, 1] and the evidence behind it
    (named features, see :mod:`geo.resolve.evidence`)."""

    place: Place
    score: float
    evidence: Mapping[str, float] = field(default_factory=dict, compare=False, hash=False)


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
