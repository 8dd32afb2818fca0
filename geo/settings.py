"""Settings read from the environment; each one is documented in the README's settings table."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from geo.errors import SettingsError

OSM_TILES = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
DEFAULT_MAX_ARTICLE_BYTES = 2_000_000


@dataclass(frozen=True)
class Setting:
    """One environment variable: its name, default and meaning."""

    name: str
    default: str
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting("GEO_STORE", "var/store.sqlite3", "SQLite file of the event store"),
    Setting(
        "GEO_TILES",
        OSM_TILES,
        "tile URL template of the background map; `none` for the vector basemap only",
    ),
    Setting(
        "GEO_TILES_ATTRIBUTION", "© OpenStreetMap contributors", "attribution shown for the tiles"
    ),
    Setting(
        "GEO_CACHE_DIR",
        "~/.cache/geo-news-map",
        "where the gazetteer index and the online geocoder cache live",
    ),
    Setting("GEO_CHROMIUM", "/usr/bin/chromium", "Chromium binary used for PNG snapshots"),
    Setting(
        "GEO_FOLDER_ROOT",
        ".",
        "the dashboard reads server folders only inside this one (`/` for any)",
    ),
    Setting(
        "GEO_MAX_ARTICLE_BYTES",
        str(DEFAULT_MAX_ARTICLE_BYTES),
        "the largest article, in bytes of UTF-8 text; a longer one is refused by name",
    ),
    Setting(
        "GEO_FRENCH_NER",
        "off",
        "`on` adds spaCy's French entity tags to the recogniser's features (French articles)",
    ),
)


@dataclass(frozen=True)
class Settings:
    """The settings in force."""

    store: Path
    tiles: str | None
    tiles_attribution: str
    cache_dir: Path
    chromium: Path
    folder_root: Path
    max_article_bytes: int = DEFAULT_MAX_ARTICLE_BYTES
    french_ner: bool = False

    def server_folder(self, typed: str) -> Path:
        """The folder a dashboard user named, inside ``folder_root`` once links are followed
        (a relative name is taken inside it); else a named error that shows no server path."""
        from geo.store.folders import server_folder

        return server_folder(typed, self.folder_root)


def load_settings(environ: Mapping[str, str] | None = None) -> Settings:
    """Read every setting from ``environ`` (default: the process environment); a value that
    cannot be used is a :class:`~geo.errors.SettingsError` naming the variable and the value."""
    env = os.environ if environ is None else environ
    value = {s.name: env.get(s.name, s.default) for s in SETTINGS}
    return Settings(
        store=Path(value["GEO_STORE"]).expanduser(),
        tiles=_tiles(value["GEO_TILES"]),
        tiles_attribution=value["GEO_TILES_ATTRIBUTION"],
        cache_dir=Path(value["GEO_CACHE_DIR"]).expanduser(),
        chromium=Path(value["GEO_CHROMIUM"]).expanduser(),
        folder_root=_folder_root(value["GEO_FOLDER_ROOT"]),
        max_article_bytes=_positive_int("GEO_MAX_ARTICLE_BYTES", value["GEO_MAX_ARTICLE_BYTES"]),
        french_ner=_on_or_off("GEO_FRENCH_NER", value["GEO_FRENCH_NER"]),
    )


def french_ner_enabled(environ: Mapping[str, str] | None = None) -> bool:
    """Whether French articles are read with spaCy's entity tags (``GEO_FRENCH_NER``), read
    alone: recognition needs no other setting."""
    env = os.environ if environ is None else environ
    return _on_or_off("GEO_FRENCH_NER", env.get("GEO_FRENCH_NER", "off"))


def _tiles(value: str) -> str | None:
    """``GEO_TILES``: a tile URL template, or None for ``none`` (the vector basemap only)."""
    tiles = value.strip()
    if tiles.lower() in ("", "none"):
        return None
    if not all(part in tiles for part in ("{z}", "{x}", "{y}")):
        raise _refused("GEO_TILES", value, "a tile URL template needs {z}, {x} and {y}")
    return tiles


def _folder_root(value: str) -> Path:
    """``GEO_FOLDER_ROOT``: an existing folder."""
    root = Path(value).expanduser()
    if not root.is_dir():
        raise _refused(
            "GEO_FOLDER_ROOT", value, "not a folder" if root.exists() else "no such folder"
        )
    return root


def _refused(name: str, value: str, reason: str) -> SettingsError:
    """The error of a setting that cannot be used, on one line: ``NAME='value': reason``."""
    return SettingsError(f"{name}={value!r}: {reason}")


def _positive_int(name: str, value: str) -> int:
    """A setting that is a whole number above 0."""
    try:
        number = int(value.replace("_", ""))
    except ValueError:
        number = 0
    if number <= 0:
        raise _refused(name, value, "must be a whole number above 0")
    return number


def _on_or_off(name: str, value: str) -> bool:
    """A setting that is ``on`` or ``off``."""
    word = value.strip().lower()
    if word not in ("on", "off"):
        raise _refused(name, value, "must be on or off")
    return word == "on"
