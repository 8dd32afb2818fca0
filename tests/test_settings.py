import re
from pathlib import Path

import pytest

from geo.errors import InputError, SettingsError
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


def test_a_server_folder_outside_the_root_is_refused_and_named(tmp_path):
    inside = tmp_path / "articles"
    inside.mkdir()
    settings = load_settings({"GEO_FOLDER_ROOT": str(tmp_path)})
    assert settings.server_folder(str(inside)) == inside.resolve()
    with pytest.raises(InputError, match=r"/etc: outside the folders"):
        settings.server_folder("/etc")
    with pytest.raises(InputError, match="outside the folders"):
        settings.server_folder(str(inside / ".." / ".."))  # climbing out is caught too
    with pytest.raises(InputError, match="no such folder"):
        settings.server_folder(str(tmp_path / "missing"))


def test_a_bad_setting_names_the_variable_and_its_value():
    with pytest.raises(SettingsError, match=r"^GEO_TILES='https://example\.org/tiles\.png': "):
        load_settings({"GEO_TILES": "https://example.org/tiles.png"})


def test_a_folder_root_that_is_no_folder_is_refused(tmp_path):
    with pytest.raises(SettingsError, match=r"^GEO_FOLDER_ROOT='.*missing': no such folder$"):
        load_settings({"GEO_FOLDER_ROOT": str(tmp_path / "missing")})
    notes = tmp_path / "notes.txt"
    notes.write_text("", encoding="utf-8")
    with pytest.raises(SettingsError, match=r"notes\.txt': not a folder$"):
        load_settings({"GEO_FOLDER_ROOT": str(notes)})


def test_a_bad_value_is_named_on_one_line():
    with pytest.raises(SettingsError) as caught:
        load_settings({"GEO_TILES": "https://example.org/\ntiles.png"})
    assert "\n" not in str(caught.value)


def test_the_article_size_limit_is_two_megabytes_unless_set():
    assert load_settings({}).max_article_bytes == 2_000_000
    assert load_settings({"GEO_MAX_ARTICLE_BYTES": "500_000"}).max_article_bytes == 500_000


@pytest.mark.parametrize("value", ["0", "-5", "lots", "2MB"])
def test_a_bad_article_size_limit_is_refused_and_named(value):
    with pytest.raises(SettingsError, match=rf"^GEO_MAX_ARTICLE_BYTES={re.escape(repr(value))}: "):
        load_settings({"GEO_MAX_ARTICLE_BYTES": value})


def test_french_entity_features_are_off_by_default():
    assert load_settings({}).french_ner is False


def test_french_entity_features_can_be_turned_on():
    assert load_settings({"GEO_FRENCH_NER": "on"}).french_ner is True


def test_a_french_entity_setting_other_than_on_or_off_is_refused_and_named():
    with pytest.raises(SettingsError, match=r"GEO_FRENCH_NER='maybe'"):
        load_settings({"GEO_FRENCH_NER": "maybe"})
