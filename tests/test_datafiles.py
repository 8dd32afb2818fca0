"""Reading the files of data/: by name, or from a path a test gives; bad files are named."""

import pytest

from geo.datafiles import DATA_DIR, data_path, read_csv, read_geojson, read_json
from geo.errors import DataFileError, InputError


def test_a_name_is_a_file_of_the_data_folder_and_a_path_is_itself(tmp_path):
    assert data_path("stopwords.json") == DATA_DIR / "stopwords.json"
    assert data_path(tmp_path / "own.json") == tmp_path / "own.json"


def test_json_is_read_by_name():
    assert "le" in read_json("stopwords.json")["fr"]


def test_csv_rows_are_dicts_keyed_by_the_header(tmp_path):
    path = tmp_path / "dams.csv"
    path.write_text('name,aliases\nMosul Dam,"barrage de Mossoul|Chambarakat"\n', encoding="utf-8")
    assert read_csv(path) == [{"name": "Mosul Dam", "aliases": "barrage de Mossoul|Chambarakat"}]


def test_geojson_gives_the_features_of_a_collection():
    features = read_geojson("rivers.geojson")
    assert any(f["properties"]["name"] == "Euphrates" for f in features)


def test_a_missing_file_is_an_input_error_naming_it(tmp_path):
    with pytest.raises(InputError, match=r"absent\.csv"):
        read_csv(tmp_path / "absent.csv")
    with pytest.raises(DataFileError, match=r"absent\.json"):
        read_json("absent.json")


def test_a_file_that_is_not_json_is_named(tmp_path):
    path = tmp_path / "broken.json"
    path.write_text('{"fr": [', encoding="utf-8")
    with pytest.raises(DataFileError, match=r"broken\.json: not a UTF-8 JSON file"):
        read_json(path)


def test_a_file_that_is_not_utf8_is_named(tmp_path):
    path = tmp_path / "latin1.csv"
    path.write_bytes("name\nMossoul é\n".encode("latin-1"))
    with pytest.raises(DataFileError, match=r"latin1\.csv"):
        read_csv(path)


def test_json_without_features_is_no_geojson(tmp_path):
    path = tmp_path / "rivers.geojson"
    path.write_text('{"type": "Feature"}', encoding="utf-8")
    with pytest.raises(DataFileError, match=r"rivers\.geojson: not a GeoJSON FeatureCollection"):
        read_geojson(path)
