import json
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "data"
WANTED_RIVERS = (
    "Euphrates",
    "Tigris",
    "Jordan",
    "Nile",
    "Danube",
    "Rhine",
    "Seine",
    "Loire",
    "Rhône",
    "Thames",
    "Mississippi",
    "Volga",
)


def features(name):
    return json.loads((DATA / name).read_text("utf-8"))["features"]


def test_river_and_border_files_stay_small():
    size = sum((DATA / name).stat().st_size for name in ("rivers.geojson", "borders.geojson"))
    assert size < 3_000_000


def test_the_main_rivers_have_english_french_and_local_names():
    names = {f["properties"]["name"]: f["properties"]["names"] for f in features("rivers.geojson")}
    assert set(WANTED_RIVERS) <= set(names)
    assert {"Euphrate", "Al Furat", "Fırat"} <= set(names["Euphrates"])
    assert {"Tigre", "Dijla"} <= set(names["Tigris"])


def test_every_river_and_border_says_where_it_comes_from():
    for feature in features("rivers.geojson") + features("borders.geojson"):
        assert "Natural Earth" in feature["properties"]["source"]


def test_borders_name_their_two_countries():
    iraq_syria = [
        f["properties"]
        for f in features("borders.geojson")
        if f["properties"]["countries"] == ["IQ", "SY"]
    ]
    assert [p["name"] for p in iraq_syria] == ["Iraq–Syria border"]
