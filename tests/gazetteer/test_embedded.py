import time

from geo.gazetteer import embedded
from geo.gazetteer.embedded import french_forms, load_embedded_gazetteer


def test_french_exonyms_find_the_cities(gazetteer):
    assert gazetteer.lookup("Mossoul")[0].geonameid == 99072
    assert gazetteer.lookup("Alep")[0].name == "Aleppo"


def test_country_names_come_in_french_and_english(gazetteer):
    for name in ("Irak", "Iraq", "Syrie", "États-Unis", "Etats-Unis", "U.S.", "Turquie"):
        assert gazetteer.lookup(name)[0].kind == "country", name


def test_countries_come_first_and_their_borders_after(gazetteer):
    places = gazetteer.lookup("Syria")
    assert places[0].kind == "country"
    assert any(p.kind == "border" and set(p.raw["countries"]) == {"IQ", "SY"} for p in places)


def test_demonyms_point_to_their_country(gazetteer):
    assert gazetteer.demonym("syrienne").country_code == "SY"
    assert gazetteer.demonym("Iraqi").country_code == "IQ"
    assert gazetteer.demonym("soldier") is None


def test_french_adjectives_agree_by_rule():
    assert french_forms("syrien") == ["syrien", "syrienne", "syriens", "syriennes"]
    assert french_forms("français")[2] == "français"


def test_paris_ranks_the_french_capital_first(gazetteer):
    assert gazetteer.lookup("Paris")[0].country_code == "FR"


def test_dams_rivers_and_regions_are_known(gazetteer):
    assert gazetteer.lookup("barrage d'Haditha")[0].kind == "dam"
    assert gazetteer.lookup("Euphrate")[0].kind == "river"
    assert gazetteer.lookup("Anbar")[0].kind == "region"


def test_display_names_are_plain_spellings(gazetteer):
    assert gazetteer.lookup("Haditha")[0].name.isascii()


def test_get_and_country_find_by_code(gazetteer):
    assert gazetteer.get(99072).name == "Mosul"
    assert gazetteer.country("iq").name == "Iraq"


def test_the_index_is_cached_on_disk_and_reused(tmp_path, monkeypatch):
    monkeypatch.setattr(embedded, "build_gazetteer", _tiny_build)
    load_embedded_gazetteer.cache_clear()
    first = load_embedded_gazetteer(tmp_path)
    load_embedded_gazetteer.cache_clear()
    monkeypatch.setattr(embedded, "build_gazetteer", _must_not_build)
    started = time.perf_counter()
    second = load_embedded_gazetteer(tmp_path)
    assert time.perf_counter() - started < 1.0
    assert second.lookup("Testville")[0].name == first.lookup("Testville")[0].name
    load_embedded_gazetteer.cache_clear()


def test_a_changed_input_rebuilds_the_index(tmp_path, monkeypatch):
    monkeypatch.setattr(embedded, "build_gazetteer", _tiny_build)
    monkeypatch.setattr(embedded, "input_fingerprint", lambda: "one")
    load_embedded_gazetteer.cache_clear()
    load_embedded_gazetteer(tmp_path)
    monkeypatch.setattr(embedded, "input_fingerprint", lambda: "two")
    load_embedded_gazetteer.cache_clear()
    load_embedded_gazetteer(tmp_path)
    assert [p.name for p in tmp_path.glob("gazetteer-*.pickle")] == ["gazetteer-two.pickle"]
    load_embedded_gazetteer.cache_clear()


def _tiny_build():
    rows = [("Testville", 1.0, 2.0, 1, "XX", "city", 10, {})]
    return embedded.EmbeddedGazetteer(rows, {"testvile": (0,)}, {})


def _must_not_build():
    raise AssertionError("the cached index should have been used")
