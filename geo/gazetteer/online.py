"""Online geocoders through geopy (Nominatim by default), only with an explicit ``--online``.

Answers are cached on disk as JSON, and requests go through geopy's ``RateLimiter``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from geo.errors import GeocoderServiceError
from geo.gazetteer import Gazetteer
from geo.gazetteer.names import fold
from geo.model import Place

USER_AGENT = "geo-news-map"


class OnlineGazetteer:
    """Places from a geopy geocoder, cached on disk; ``lookup`` is the only question it answers."""

    def __init__(self, geocoder: Any, cache_file: Path, min_delay_seconds: float = 1.0):
        from geopy.extra.rate_limiter import RateLimiter

        self._geocode = RateLimiter(
            geocoder.geocode, min_delay_seconds=min_delay_seconds, swallow_exceptions=False
        )
        self._cache_file = cache_file
        self._cache: dict[str, list[dict]] = (
            json.loads(cache_file.read_text("utf-8")) if cache_file.exists() else {}
        )

    def lookup(self, name: str) -> list[Place]:
        """Places for ``name`` from the cache, else from the geocoder (then cached)."""
        key = fold(name)
        if key not in self._cache:
            self._cache[key] = self._ask(name)
            self._cache_file.parent.mkdir(parents=True, exist_ok=True)
            self._cache_file.write_text(json.dumps(self._cache, ensure_ascii=False), "utf-8")
        return [Place(**row) for row in self._cache[key]]

    def _ask(self, name: str) -> list[dict]:
        from geopy.exc import GeopyError

        try:
            locations = self._geocode(name, exactly_one=False, limit=5) or []
        except GeopyError as err:
            raise GeocoderServiceError(f"the online geocoder failed for {name!r}: {err}") from err
        return [
            {
                "name": loc.address.split(",")[0],
                "lat": loc.latitude,
                "lon": loc.longitude,
                "kind": "other",
                "raw": {"source": "online geocoder", "address": loc.address},
            }
            for loc in locations
        ]


class FallbackGazetteer:
    """The embedded gazetteer first; an online one for names it does not know."""

    def __init__(self, embedded: Gazetteer, online: OnlineGazetteer):
        self._embedded = embedded
        self._online = online
        self.max_name_tokens = getattr(embedded, "max_name_tokens", 6)

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
    embedded: Gazetteer, geocoder: Any | None = None, cache_dir: Path | None = None
) -> FallbackGazetteer:
    """``embedded`` backed by Nominatim (or ``geocoder``) for names it does not know."""
    from geo.settings import load_settings

    if geocoder is None:
        from geopy.geocoders import Nominatim

        geocoder = Nominatim(user_agent=USER_AGENT, timeout=10)
    cache = (cache_dir or load_settings().cache_dir) / "online-geocoder.json"
    return FallbackGazetteer(embedded, OnlineGazetteer(geocoder, cache))
