"""What flows out of the engine: the GeoJSON features, their properties, and the date window.

Every producer (``geo.export.geojson``) and consumer (the store, the view, popups, the page's
feed, the CSV, the dashboard's table) reads the properties declared here. A feature is a plain
``dict`` on the wire (GeoJSON, RFC 7946); these ``TypedDict`` say which keys it has and what
they hold. Consumers ignore keys they do not know.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal, NamedTuple, TypedDict

FeatureType = Literal["place", "route", "area"]
DateSource = Literal["explicit", "relative", "inferred", "published"]
UNTYPED_EVENT = "other"  # what a feature that belongs to no typed event counts as


class Evidence(TypedDict, total=False):
    """The named features a resolution was decided on, for one candidate (see ``geo.resolve``)."""

    prior: float
    name_match: float
    focus: float
    state: float
    proximity: float
    qualifier: float
    kind: float


class Alternative(TypedDict, total=False):
    """A ranked candidate for a place mention: what it is (name, first-level division, country,
    kind, population), where, its probability of being within 161 km of the place meant
    (``score``) and the evidence behind it."""

    name: str
    geonameid: int | None
    admin1: str | None
    country_code: str | None
    kind: str
    population: int
    lat: float
    lon: float
    score: float
    evidence: Evidence


class SpanRef(TypedDict):
    """The character span of the words a route or area comes from."""

    char_start: int
    char_end: int


class ArticleProperties(TypedDict):
    """Where a feature comes from: its article."""

    source: str
    title: str | None
    url: str | None
    published: str | None  # YYYY-MM-DD
    lang: str | None


class EventProperties(TypedDict, total=False):
    """What the event a feature belongs to says: type, dates, actors, the supporting quote."""

    event_id: str
    event_type: str  # ACLED's event type ("Battles", ...), "disaster", or "other"
    sub_event_type: str | None  # ACLED's sub-event type ("Armed clash", "Air/drone strike", ...)
    actors: list[str]  # the actors named, as data/actors.json names them
    actor1: str  # ACLED's actor 1 ("Military Forces of Iraq"), the one who acts
    actor2: str  # ACLED's actor 2, the one acted upon
    actor1_country: str  # the country actor 1 belongs to ("Iraq"), from its name or demonym
    actor2_country: str
    fatalities: int  # the deaths the event's sentence reports
    quote: str
    quote_start: int
    quote_end: int
    start: str  # YYYY-MM-DD, the first day of the event
    end: str  # YYYY-MM-DD, the last day (folium's Timeline reads ``start`` and ``end``)
    time_precision: int  # ACLED: 1 day, 2 week, 3 month
    date_source: DateSource


class ControlProperties(TypedDict, total=False):
    """Who holds a place, as a control statement of the article says it."""

    status: str  # "held by Islamic State", "70% retaken from Islamic State"
    control: str  # the holder, "contested" or "retaken"
    held_by: str
    share_retaken: float
    retaken_from: str


class PlaceProperties(ArticleProperties, EventProperties, ControlProperties, total=False):
    """A Point: one place mention, resolved."""

    feature_type: Literal["place"]
    kind: str  # a ``geo.model.PlaceKind``
    name: str
    mention: str
    char_start: int
    char_end: int
    geonameid: int | None
    country_code: str | None
    admin1: str | None
    side: str | None
    confidence: float
    geo_precision: int  # ACLED: 1 the place itself, 2 part of or near it, 3 region or country
    alternatives: list[Alternative]
    corrected: bool  # moved by a user's correction
    # a nationality ("Iraqi", "syrienne", the "US" of "US-led"): evidence of who acts, not of
    # where; off the map unless the view asks for it, and never an event's location
    demonym: bool


class ShapeProperties(ArticleProperties, EventProperties, ControlProperties, total=False):
    """A LineString (route along a river) or Polygon (part of a city, region or country)."""

    feature_type: Literal["route", "area"]
    kind: Literal["route", "area"]
    name: str
    mentions: list[SpanRef]
    river: str
    # route
    length_km: float
    # area
    side: str
    split_by: str  # the river, or "compass"
    city: str
    region: str
    radius_km: float
    outline: str
    geonameid: int | None
    country_code: str | None
    geo_precision: int


FeatureProperties = PlaceProperties | ShapeProperties


class Feature(TypedDict):
    """One GeoJSON Feature of the output."""

    type: Literal["Feature"]
    id: str
    geometry: dict[str, Any]
    properties: FeatureProperties


def properties(feature: Feature | dict[str, Any]) -> FeatureProperties:
    """A feature's properties ({} for none)."""
    return feature.get("properties") or {}


def event_type_of(props: FeatureProperties) -> str:
    """A feature's event type; one that belongs to no typed event counts as ``other``."""
    return props.get("event_type") or UNTYPED_EVENT


def feature_dates(props: FeatureProperties) -> tuple[str, str] | None:
    """``(start, end)`` of a dated feature as ISO strings (the end defaults to the start)."""
    start = props.get("start")
    return (start, props.get("end") or start) if start else None


class DateWindow(NamedTuple):
    """A window of days, both ends included; an open end (None) reaches all the way."""

    start: dt.date | None = None
    end: dt.date | None = None

    @property
    def is_open(self) -> bool:
        """Whether neither end is set: the window holds every date, and the undated too."""
        return self.start is None and self.end is None

    @property
    def is_closed(self) -> bool:
        """Whether both ends are set."""
        return self.start is not None and self.end is not None

    def overlaps(self, dates: tuple[str, str] | None) -> bool:
        """Whether a feature's ``(start, end)`` overlaps the window; undated ones only in an open one."""
        if dates is None:
            return self.is_open
        start, end = dates
        if self.start is not None and end < self.start.isoformat():
            return False
        return not (self.end is not None and start > self.end.isoformat())

    def label(self) -> str | None:
        """How the window reads in a legend or caption: ``05 Jan 2017 – 31 Jan 2017``."""
        if not self.is_closed:
            return None
        return f"{self.start:%d %b %Y} – {self.end:%d %b %Y}"

    def stem(self) -> str:
        """The window's part of an export's file name: ``_2017-01-05_2017-01-31`` (or empty)."""
        return f"_{self.start:%Y-%m-%d}_{self.end:%Y-%m-%d}" if self.is_closed else ""
