import json
import time

import pytest

from geo.gazetteer import embedded, sources
from geo.gazetteer.embedded import gazetteer_from_entries, load_embedded_gazetteer
from geo.gazetteer.folding import fold
from geo.model import Place


@pytest.fixture
def no_memory_cache():
    load_embedded_gazetteer.cache_clear()
    yield
    load_embedded_gazetteer.cache_clear()


def test_french_exonyms_find_the_cities(gazetteer):
    assert gazetteer.lookup("Mossoul")[0].geonameid == 99072
    assert gazetteer.lookup("Mosul")[0].geonameid == 99072
    assert gazetteer.lookup("Alep")[0].name == "Aleppo"


def test_country_names_come_in_french_and_english(gazetteer):
    for name in ("Irak", "Iraq", "Syrie", "États-Unis", "Etats-Unis", "U.S.", "Turquie"):
        assert gazetteer.lookup(name)[0].kind == "country", name


def test_a_country_is_found_under_its_official_forms_and_diplomatic_names(gazetteer):
    for name, country in (
        ("Republic of Armenia", "AM"),
        ("Kingdom of Saudi Arabia", "SA"),
        ("Islamic Republic of Iran", "IR"),
        ("Holy See", "VA"),
        ("Saint-Siège", "VA"),
    ):
        place = gazetteer.lookup(name)[0]
        assert (place.kind, place.country_code) == ("country", country), name


def test_countries_come_first_and_their_borders_after(gazetteer):
    places = gazetteer.lookup("Syria")
    assert places[0].kind == "country"
    assert any(p.kind == "border" and set(p.countries) == {"IQ", "SY"} for p in places)


def test_demonyms_point_to_their_country(gazetteer):
    assert gazetteer.demonym("syrienne").country_code == "SY"
    assert gazetteer.demonym("Iraqi").country_code == "IQ"
    assert gazetteer.demonym("américaines").country_code == "US"
    assert gazetteer.demonym("soldier") is None


def test_paris_ranks_the_french_capital_first(gazetteer):
    assert gazetteer.lookup("Paris")[0].country_code == "FR"


def test_haditha_is_the_iraqi_town(gazetteer):
    town = gazetteer.lookup("Haditha")[0]
    assert (town.kind, town.country_code, town.geonameid) == ("city", "IQ", 96309)
    assert town.name.isascii()


def test_dams_rivers_regions_and_crossings_are_known(gazetteer):
    assert gazetteer.lookup("barrage d'Haditha")[0].kind == "dam"
    assert gazetteer.lookup("Euphrate")[0].kind == "river"
    assert gazetteer.lookup("Anbar")[0].kind == "region"
    assert gazetteer.lookup("Ninive")[0].kind == "region"
    assert gazetteer.lookup("al-Tanf")[0].kind == "border"


def test_parts_of_countries_are_regions_under_their_english_and_french_names(gazetteer):
    scotland = gazetteer.lookup("Scotland")[0]
    assert (scotland.kind, scotland.country_code) == ("region", "GB")
    assert gazetteer.lookup("Écosse")[0] == scotland
    assert gazetteer.lookup("Cisjordanie")[0].name == "West Bank"
    assert gazetteer.lookup("Kurdistan")[0].country_code == "IQ"
    sicily = gazetteer.lookup("Sicile")[0]  # not Sardinia, whatever Natural Earth calls it
    assert sicily.name == "Sicily" and sicily.lon > 12


def test_palestine_and_kosovo_are_countries(gazetteer):
    assert gazetteer.lookup("Palestine")[0].country_code == "PS"
    assert gazetteer.lookup("Territoires palestiniens")[0].kind == "country"
    assert gazetteer.demonym("palestiniens").country_code == "PS"
    assert gazetteer.lookup("Kosovo")[0].country_code == "XK"
    assert gazetteer.lookup("Birmanie")[0].country_code == "MM"


def test_regions_of_the_world_sit_among_their_member_countries(gazetteer):
    middle_east = gazetteer.lookup("Moyen-Orient")[0]
    assert (middle_east.name, middle_east.kind) == ("Middle East", "region")
    assert gazetteer.lookup("Middle East")[0] == middle_east  # not the Maryland neighbourhood
    assert 25 < middle_east.lat < 35 and 35 < middle_east.lon < 50
    sahel = gazetteer.lookup("Sahel")[0]
    assert 12 < sahel.lat < 20 and -5 < sahel.lon < 10


def test_regions_made_of_departments_or_provinces_sit_among_them(gazetteer):
    brittany = gazetteer.lookup("Bretagne")[0]
    assert (brittany.name, brittany.kind, brittany.country_code) == ("Brittany", "region", "FR")
    assert 47.5 < brittany.lat < 48.8 and -4.5 < brittany.lon < -1.5
    assert gazetteer.lookup("Catalogne")[0] == gazetteer.lookup("Catalonia")[0]
    assert gazetteer.lookup("Lombardie")[0].country_code == "IT"
    assert gazetteer.lookup("Donbass")[0].country_code == "UA"
    assert gazetteer.lookup("Sinaï")[0].country_code == "EG"  # not Sinnai, Sardinia


def test_regions_named_locally_by_natural_earth_have_their_exonyms(gazetteer):
    assert gazetteer.lookup("Bavaria")[0].name == "Bayern"
    assert gazetteer.lookup("Bavière")[0].name == "Bayern"
    assert gazetteer.lookup("Tibet")[0].name == "Xizang"


def test_us_counties_are_known_by_their_full_names_only(gazetteer):
    laurels = gazetteer.lookup("Laurel County")
    assert {p.admin1 for p in laurels} == {"KY"}
    assert laurels[0].kind == "county" and laurels[0].raw["fips"] == "21125"
    assert gazetteer.lookup("Laurel Co.") == laurels
    assert {p.kind for p in gazetteer.lookup("Laurel")} == {"city"}
    assert len(gazetteer.lookup("Washington County")) > 20  # a name of many states


def test_us_states_carry_the_admin1_code_of_their_towns(gazetteer):
    texas = next(p for p in gazetteer.lookup("Texas") if p.kind == "region")
    dallas = gazetteer.lookup("Dallas")[0]
    assert texas.admin1 == dallas.admin1 == "TX"


def test_every_curated_point_has_a_source():
    for name in (
        "dams.csv",
        "border_crossings.csv",
        "country_points.csv",
        "regions.csv",
        "world_regions.csv",
        "region_groups.csv",
        "us_counties.csv",
    ):
        for row in sources.read_csv(sources.DATA_DIR / name):
            assert row["source"].strip(), (name, row)


def test_get_and_country_find_by_code(gazetteer):
    assert gazetteer.get(99072).name == "Mosul"
    assert gazetteer.country("iq").name == "Iraq"
    assert gazetteer.get(-1) is None


def test_a_city_ranks_by_its_population_and_names_its_state(gazetteer):
    dallas = next(p for p in gazetteer.lookup("Dallas") if p.kind == "city")
    assert (dallas.admin1, dallas.importance) == ("TX", dallas.population)
    assert dallas.population > 1_000_000


def test_a_country_counts_its_people_and_ranks_above_every_city(gazetteer):
    iraq = gazetteer.country("IQ")
    assert 10_000_000 < iraq.population < 100_000_000
    assert iraq.importance > 10**10 > gazetteer.lookup("Dallas")[0].importance


def test_a_river_ranks_without_counting_people(gazetteer):
    tigris = next(p for p in gazetteer.lookup("Tigris") if p.kind == "river")
    assert tigris.population == 0 < tigris.importance


def test_the_raw_row_says_only_where_a_place_comes_from(gazetteer):
    places = [
        *gazetteer.lookup("Dallas"),
        *gazetteer.lookup("Texas"),
        *gazetteer.lookup("Laurel County"),
        *gazetteer.lookup("Haditha Dam"),
        *gazetteer.lookup("Al-Qaim border crossing"),
        *gazetteer.lookup("Syrie"),
    ]
    assert {p.kind for p in places} >= {"city", "region", "county", "dam", "border", "country"}
    for place in places:
        assert "source" in place.raw
        assert not place.raw.keys() & {"admin1", "countries", "population", "importance"}


def test_the_recogniser_can_probe_folded_keys(gazetteer):
    assert gazetteer.has_key(fold("Deir ez-Zor"))
    assert not gazetteer.has_key(fold("Zzyzxq"))
    assert gazetteer.max_name_tokens >= 3


def _write_lines(path, features):
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}), "utf-8")
    return path


def _line(coords, **properties):
    return {"type": "Feature", "geometry": {"type": "LineString", "coordinates": coords},
            "properties": properties}  # fmt: skip


def test_a_border_is_found_under_the_names_of_both_its_countries(tmp_path):
    path = _write_lines(tmp_path / "borders.geojson", [
        _line([[41.0, 34.0], [41.0, 36.0]], countries=["IQ", "SY"], name="Iraq–Syria border",
              source="test"),
    ])  # fmt: skip
    syria = Place("Syria", 35.0, 38.0, country_code="SY", kind="country", importance=10**10)
    entries = [(syria, ["Syria", "Syrie"]), *sources.borders(path, {"SY": ["Syria", "Syrie"],
                                                                    "IQ": ["Iraq"]})]  # fmt: skip
    gazetteer = gazetteer_from_entries(entries)
    assert [p.kind for p in gazetteer.lookup("Syrie")] == ["country", "border"]
    border = gazetteer.lookup("Iraq")[0]
    assert (border.name, border.point, border.countries) == (
        "Iraq–Syria border", (35.0, 41.0), ("IQ", "SY"))  # fmt: skip


def test_a_river_is_placed_on_its_course_under_all_its_names(tmp_path):
    path = _write_lines(tmp_path / "rivers.geojson", [
        _line([[40.0, 35.0], [42.0, 35.0]], name="Euphrates", names=["Euphrates", "Euphrate"],
              source="test"),
    ])  # fmt: skip
    gazetteer = gazetteer_from_entries(list(sources.rivers(path)))
    river = gazetteer.lookup("Euphrate")[0]
    assert (river.kind, river.point, river.raw["source"]) == ("river", (35.0, 41.0), "test")


def test_missing_river_and_border_files_add_nothing(tmp_path):
    assert list(sources.rivers(tmp_path / "absent.geojson")) == []
    assert list(sources.borders(tmp_path / "absent.geojson")) == []


def test_the_index_is_cached_on_disk_and_reused(tmp_path, monkeypatch, no_memory_cache):
    monkeypatch.setattr(embedded, "build_gazetteer", _tiny_build)
    first = load_embedded_gazetteer(tmp_path)
    load_embedded_gazetteer.cache_clear()
    monkeypatch.setattr(embedded, "build_gazetteer", _must_not_build)
    started = time.process_time()  # CPU time: other jobs on the machine do not count
    second = load_embedded_gazetteer(tmp_path)
    assert time.process_time() - started < 1.0
    assert second.lookup("Testville")[0] == first.lookup("Testville")[0]


def test_a_changed_input_file_rebuilds_the_index(tmp_path, monkeypatch, no_memory_cache):
    data = tmp_path / "dams.csv"
    data.write_text("name,lat,lon,source\nOne Dam,1,2,test\n", "utf-8")
    real_fingerprint = embedded.input_fingerprint
    monkeypatch.setattr(embedded, "input_fingerprint", lambda: real_fingerprint([data]))
    monkeypatch.setattr(embedded, "build_gazetteer", _tiny_build)
    load_embedded_gazetteer(tmp_path / "cache")
    before = {p.name for p in (tmp_path / "cache").glob("gazetteer-*.pickle")}
    data.write_text("name,lat,lon,source\nOne Dam,1,2.5,test\n", "utf-8")
    load_embedded_gazetteer.cache_clear()
    load_embedded_gazetteer(tmp_path / "cache")
    after = {p.name for p in (tmp_path / "cache").glob("gazetteer-*.pickle")}
    assert len(before) == 1 and len(after) == 2 and before < after


def test_the_newest_cached_versions_are_kept_for_other_checkouts(
    tmp_path, monkeypatch, no_memory_cache
):
    monkeypatch.setattr(embedded, "build_gazetteer", _tiny_build)
    for version in ("a", "b", "c", "d"):
        monkeypatch.setattr(embedded, "input_fingerprint", lambda v=version: v)
        load_embedded_gazetteer.cache_clear()
        load_embedded_gazetteer(tmp_path)
        time.sleep(0.01)  # distinct modification times
    monkeypatch.setattr(embedded, "input_fingerprint", lambda: "b")
    monkeypatch.setattr(embedded, "build_gazetteer", _must_not_build)
    load_embedded_gazetteer.cache_clear()
    load_embedded_gazetteer(tmp_path)  # "b" is still there: used, not rebuilt
    kept = sorted(p.name for p in tmp_path.glob("gazetteer-*.pickle"))
    assert kept == ["gazetteer-b.pickle", "gazetteer-c.pickle", "gazetteer-d.pickle"]


def test_an_unreadable_cache_file_is_rebuilt(tmp_path, monkeypatch, no_memory_cache):
    monkeypatch.setattr(embedded, "input_fingerprint", lambda: "same")
    (tmp_path / "gazetteer-same.pickle").write_bytes(b"not a pickle")
    monkeypatch.setattr(embedded, "build_gazetteer", _tiny_build)
    assert load_embedded_gazetteer(tmp_path).lookup("Testville")[0].name == "Testville"


def _tiny_build():
    town = Place("Testville", 1.0, 2.0, geonameid=1, country_code="XX", kind="city",
                 population=10, importance=10, admin1="01", raw={"source": "geonames"})  # fmt: skip
    return gazetteer_from_entries([(town, ["Testville"])])


def _must_not_build():
    raise AssertionError("the cached index should have been used")
