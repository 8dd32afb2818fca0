"""Search: the events whose place, actors or quote hold every word asked for, and the map view
that shows them all.

A place named as asked comes first: when some features are the place searched for, they are the
matches, and the other places of the events whose quotes name it are not (a search for "Haditha"
zooms to Haditha, not to every place of the offensive that set out from it).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from geo.schema import properties
from geo.view.url import MapView

WORD = re.compile(r"\w+")
# the properties a search reads: first the place (as named and as resolved), its region, the
# route's river and ends; else also the event's quote and actors
PLACE_FIELDS = ("name", "mention", "admin1", "river", "from", "to")
EVENT_FIELDS = ("quote",)
SEARCH_MAP_SIZE = (900, 500)  # about the dashboard's map, in pixels


def search_words(text: str) -> list[str]:
    """The words of ``text`` as a search compares them: lower case, accents off."""
    plain = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    return WORD.findall(plain.casefold())


def searched_text(feature: Mapping[str, Any], place_only: bool = False) -> list[str]:
    """The words a search looks among in one feature: its place's, and unless ``place_only``
    its event's quote and actors."""
    p = properties(feature)
    fields = PLACE_FIELDS if place_only else PLACE_FIELDS + EVENT_FIELDS
    parts = [p[key] for key in fields if isinstance(p.get(key), str)]
    if not place_only:
        parts += [str(actor) for actor in p.get("actors") or []]
    return search_words(" ".join(parts))


def matches(feature: Mapping[str, Any], query: str, place_only: bool = False) -> bool:
    """Whether every word of ``query`` begins a word of the feature's place (or, unless
    ``place_only``, of its actors or quote): ``mosul`` finds Mosul, ``moss`` Mossoul."""
    wanted = search_words(query)
    if not wanted:
        return False
    words = searched_text(feature, place_only)
    return all(any(word.startswith(w) for word in words) for w in wanted)


def search_features(features: Iterable[Mapping[str, Any]], query: str) -> list[Mapping[str, Any]]:
    """The features that match ``query``, in their order: the places it names if there are
    any, else those whose actors or quote it names; none for an empty query."""
    features = list(features)
    places = [f for f in features if matches(f, query, place_only=True)]
    return places or [f for f in features if matches(f, query)]


def bounds_of(features: Sequence[Mapping[str, Any]]) -> list[list[float]] | None:
    """``[[south, west], [north, east]]`` around every position of the features, or None."""
    lats, lons = [], []
    for feature in features:
        for lon, lat in _positions(feature["geometry"]):
            lats.append(lat)
            lons.append(lon)
    return [[min(lats), min(lons)], [max(lats), max(lons)]] if lats else None


def fitted_view(
    features: Sequence[Mapping[str, Any]], size: tuple[int, int] = SEARCH_MAP_SIZE
) -> MapView | None:
    """The centre and zoom at which a map of ``size`` pixels shows every one of the features
    (a country's or region's centre only when there is nothing more precise, as the map does)."""
    from geo.mapview.build import view_of  # the map's own fitting; folium loads only when asked

    precise = [f for f in features if (properties(f).get("geo_precision") or 1) < 3]
    bounds = bounds_of(precise or features)
    if bounds is None:
        return None
    centre, zoom = view_of(bounds, *size)
    return MapView(round(centre[0], 4), round(centre[1], 4), zoom)


def _positions(geometry: Mapping[str, Any]) -> list:
    coords = geometry["coordinates"]
    if geometry["type"] == "Point":
        return [coords]
    if geometry["type"] in ("LineString", "MultiPoint"):
        return list(coords)
    if geometry["type"] in ("Polygon", "MultiLineString"):
        return [c for ring in coords for c in ring]
    if geometry["type"] == "MultiPolygon":
        return [c for polygon in coords for ring in polygon for c in ring]
    return []
