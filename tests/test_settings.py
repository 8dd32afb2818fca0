import re
from pathlib import Path

import pytest

from geo.errors import InputError
from geo.settings import SETTINGS, load_settings

README = Path(__file__).resolve().parent.parent / "README.md"


def test_every_setting_is_documented_in_the_readme_table():
    documented = set(
        re.findall(r"^\| `(GEO_[A-Z_]+)` \|", README.read_text(encoding="utf-8"), re.M)
    )
    assert documented == {s.name for s in SETTINGS}


def test_defaults_apply_when_the_environment_is_empty():
    settings = load_settings({})
    assert settings.store == Path("var/store.sqlite3")
    assert "{z}" in settings.tiles


def test_tiles_none_means_the_vector_basemap_only():
    assert load_settings({"GEO_TILES": "none"}).tiles is None


def test_a_tile_url_without_placeholders_is_refused_and_named():
    with pytest.raises(InputError, match=r"example\.org/tiles\.png"):
        load_settings({"GEO_TILES": "https://example.org/tiles.png"})
