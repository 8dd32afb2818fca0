"""Online geocoders through geopy (Nominatim by default), only with an explicit ``--online``.

Answers are cached on disk as JSON, and requests go through geopy's ``RateLimiter``.
Any geopy geocoder (anything with ``geocode(query, exactly_one=False, ...)``) can stand in
for Nominatim; tests pass a fake one.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from geo.errors import GeocoderServiceError
from geo.gazetteer import Gazetteer
from geo.gazetteer.embedded import MAX_NAME_TOKENS
from geo.gazetteer.folding import fold
from geo.model import Place, PlaceKind

USER_AGENT = "geo-news-map"
MAX_RESULTS = 5
NOMINATIM_OPTIONS = {"limit": MAX_RESULTS, "addressdetails": True}

# OpenStreetMap's place types (Nominatim's ``addresstype`` or ``type``) -> our place kinds
OSM_KINDS: dict[str, PlaceKind] = {
    "country": "country",
    "state": "region",
    "province": "region",
    "region": "region",
    "state_district": "region",
    "county": "county",
    "city": "city",
    "town": "city",
    "village": "city",
    "hamlet": "city",
    "municipality": "city",
    "suburb": "city_part",
    "quarter": "city_part",
    "neighbourhood": "city_part",
    "river": "river",
    "dam": "dam",
}


class OnlineGazetteer:
    """Places from a geopy geocoder, cached on disk; ``lookup`` is the only question it answers."""

    # as long as the embedded gazetteer's: every run of words the recogniser tries is a request
    max_name_tokens = MAX_NAME_TOKENS

    def __init__(
        self,
        geocoder: Any,
        cache_file: Path,
        *,
        min_delay_seconds: float = 1.0,
        max_retries: int = 2,
        geocode_options: Mapping[str, Any] | None = None,
    ):
        from geopy.extra.rate_limiter import RateLimiter

        self._geocode = RateLimiter(
            geocoder.geocode,
            min_delay_seconds=min_delay_seconds,
            max_retries=max_retries,
            swallow_exceptions=False,
        )
        self._options = dict(geocode_options or {})
        self._cache_file = cache_file
        self._cache: dict[str, list[dict]] = (
            json.loads(cache_file.read_text("utf-8")) if cache_file.exists() else {}
        )

    def lookup(self, name: str) -> list[Place]:
        """Places for ``name`` from the cache, else from the geocoder (then cached)."""
        key = fold(name)
        if not key:
            return []
        if key not in self._cache:
            self._cache[key] = [_place_fields(p) for p in self._ask(name)]
            _write_json_atomically(self._cache_file, self._cache)
        return [Place(**row) for row in self._cache[key]]

    def get(self, geonameid: int) -> Place | None:
        """Online geocoders do not know GeoNames ids: always None."""
        return None

    def country(self, code: str) -> Place | None:
        """Not asked online: always None."""
        return None

    def demonym(self, word: str) -> Place | None:
        """Not asked online: always None."""
        return None

    def _ask(self, name: str) -> list[Place]:
        from geopy.exc import GeopyError

        try:
            locations = self._geocode(name, exactly_one=False, **self._options) or []
        except GeopyError as err:
            raise GeocoderServiceError(f"the online geocoder failed for {name!r}: {err}") from err
        return [place_from_location(loc) for loc in locations[:MAX_RESULTS]]


def place_from_location(location: Any) -> Place:
    """A geopy ``Location`` as a :class:`Place`: first part of the address as its name,
    kind and country code from the raw answer when the geocoder gives them (Nominatim does)."""
    raw = getattr(location, "raw", None) or {}
    address = raw.get("address") if isinstance(raw.get("address"), Mapping) else {}
    osm_type = raw.get("addresstype") or raw.get("type")
    code = address.get("country_code")
    return Place(
        name=location.address.split(",")[0].strip(),
        lat=float(location.latitude),
        lon=float(location.longitude),
        country_code=code.upper() if isinstance(code, str) else None,
        kind=OSM_KINDS.get(osm_type, "other"),
        raw={"source": "online geocoder", "address": location.address},
    )


def _place_fields(place: Place) -> dict:
    return {
        "name": place.name,
        "lat": place.lat,
        "lon": place.lon,
        "country_code": place.country_code,
        "kind": place.kind,
        "raw": dict(place.raw),
    }


def _write_json_atomically(path: Path, value: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=path.parent, delete=False) as tmp:
        json.dump(value, tmp, ensure_ascii=False)
    os.replace(tmp.name, path)


class FallbackGazetteer:
    """The embedded gazetteer first; an online one for names it does not know."""

    def __init__(self, embedded: Gazetteer, online: OnlineGazetteer):
        self._embedded = embedded
        self._online = online
        self.max_name_tokens = embedded.max_name_tokens

    def lookup(self, name: str) -> list[Place]:
        """Embedded places, or online ones when there are none."""
        return self._embedded.lookup(name) or self._online.lookup(name)

    def get(self, geonameid: int) -> Place | None:
        """The embedded place with this GeoNames id."""
        return self._embedded.get(geonameid)

    def country(self, code: str) -> Place | None:
        """The embedded country with this code."""
        return self._embedded.country(code)

    def demonym(self, word: str) -> Place | None:
        """The embedded country of a demonym."""
        return self._embedded.demonym(word)


def with_online_fallback(
    embedded: Gazetteer,
    geocoder: Any | None = None,
    cache_dir: Path | None = None,
    **options: Any,
) -> FallbackGazetteer:
    """``embedded`` backed by Nominatim (or ``geocoder``) for names it does not know.

    ``options`` go to :class:`OnlineGazetteer` (``min_delay_seconds``, ``max_retries``,
    ``geocode_options``).
    """
    from geo.settings import load_settings

    if geocoder is None:
        from geopy.geocoders import Nominatim

        geocoder = Nominatim(user_agent=USER_AGENT, timeout=10)
        options.setdefault("geocode_options", NOMINATIM_OPTIONS)
    cache = (cache_dir or load_settings().cache_dir) / "online-geocoder.json"
    return FallbackGazetteer(embedded, OnlineGazetteer(geocoder, cache, **options))
