import json

import pytest

from geo.errors import InputError
from geo.shapes import load_rivers


def test_a_river_is_found_under_its_french_arabic_and_turkish_names(rivers):
    assert {rivers.name(n) for n in ("Euphrate", "Al Furat", "Fırat", "euphrates")} == {"Euphrates"}
    assert {rivers.name(n) for n in ("Tigre", "Dijla", "Dicle")} == {"Tigris"}


def test_the_euphrates_is_one_course_from_turkey_down_to_the_tigris(rivers):
    course = rivers.course("Euphrates")
    (_, source_lat), (mouth_lon, mouth_lat) = course.coords[0], course.coords[-1]
    assert source_lat > 38 and mouth_lat < 31.5 and mouth_lon > 47  # Anatolia to Al-Qurna


def test_the_tigris_runs_through_mosul(rivers):
    assert [name for name, _ in rivers.rivers_near(36.335, 43.119, 5)] == ["Tigris"]


def test_a_desert_town_has_no_river_nearby(rivers):
    assert rivers.rivers_near(33.04, 40.28, 10) == []  # Rutba


def test_the_borders_of_iraq_include_the_one_with_syria(rivers):
    assert ("IQ", "SY") in rivers.borders_of("iq")


def test_an_unknown_river_has_no_course(rivers):
    assert rivers.course("Nowhere Creek") is None


def test_rivers_load_from_any_data_folder(tmp_path):
    river = {
        "type": "Feature",
        "properties": {"name": "Testa", "names": ["Testa", "La Teste"], "source": "test"},
        "geometry": {"type": "LineString", "coordinates": [[10.0, 50.0], [10.5, 49.5]]},
    }
    border = {
        "type": "Feature",
        "properties": {"name": "A–B border", "countries": ["AA", "BB"], "source": "test"},
        "geometry": {"type": "LineString", "coordinates": [[10.0, 49.8], [11.0, 49.8]]},
    }
    for name, feature in (("rivers.geojson", river), ("borders.geojson", border)):
        (tmp_path / name).write_text(
            json.dumps({"type": "FeatureCollection", "features": [feature]})
        )
    index = load_rivers(tmp_path)
    assert index.name("la teste") == "Testa" and index.border("BB", "AA") is not None


def test_a_folder_without_river_data_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match=r"rivers\.geojson"):
        load_rivers(tmp_path)


def test_the_river_files_are_read_when_the_index_is_first_used(tmp_path):
    for name in ("rivers.geojson", "borders.geojson"):
        (tmp_path / name).write_text("not json")
    index = load_rivers(tmp_path)  # an article naming no river does not wait for them
    with pytest.raises(InputError, match=r"rivers\.geojson"):
        index.name("Tigris")
