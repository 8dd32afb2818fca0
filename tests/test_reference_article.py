"""Acceptance on the reference article in ../shared/seed (not part of this repository)."""

import json
import subprocess
import sys

import pytest
from shapely.geometry import Point, Polygon

from geo.model import haversine_km
from tests.conftest import REFERENCE_ARTICLE, ROOT

pytestmark = pytest.mark.skipif(
    not REFERENCE_ARTICLE.exists(), reason="../shared/seed is not beside the repository"
)


@pytest.fixture(scope="module")
def features():
    result = subprocess.run(
        [sys.executable, "-m", "geo", "extract", str(REFERENCE_ARTICLE)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
        timeout=120,
    )
    return json.loads(result.stdout)["features"]


def points(features):
    return [f for f in features if f["geometry"]["type"] == "Point"]


def test_the_places_of_the_story_are_found(features):
    kinds = {(f["properties"]["name"], f["properties"]["kind"]) for f in points(features)}
    names = {name for name, _ in kinds}
    assert {"Iraq", "Mosul", "Euphrates", "Haditha Dam"} <= names
    assert any(k == "city" and "Hadith" in n for n, k in kinds)
    assert any(k == "border" for _, k in kinds)
    assert {
        f["properties"]["mention"]
        for f in points(features)
        if f["properties"]["kind"] == "city_part"
    } >= {"east Mosul"}


def test_nothing_comes_from_the_related_articles_block(features):
    text = REFERENCE_ARTICLE.read_text(encoding="utf-8")
    block = text.index("À découvrir également")
    assert all(f["properties"]["char_start"] < block for f in points(features))
    assert "Erbil" not in {f["properties"]["name"] for f in features}


def test_the_route_follows_the_euphrates_to_the_syrian_border(features):
    (route,) = [f for f in features if f["properties"]["kind"] == "route"]
    coords = [(lat, lon) for lon, lat in route["geometry"]["coordinates"]]
    assert haversine_km(coords[0], (34.207, 42.355)) < 5
    assert haversine_km(coords[-1], (34.43, 40.99)) < 10
    assert min(haversine_km(c, (34.48, 41.92)) for c in coords) < 3  # Rawa
    assert route["properties"]["start"] == "2017-01-05"


def test_east_and_west_mosul_are_on_their_banks_with_their_status(features):
    areas = {f["properties"]["side"]: f for f in features if f["properties"]["kind"] == "area"}
    east, west = (
        Polygon(areas[s]["geometry"]["coordinates"][0]).centroid for s in ("east", "west")
    )
    tigris_at_mosul = 43.16
    assert east.x > tigris_at_mosul > west.x
    assert areas["east"]["properties"]["share_retaken"] == 0.7
    assert areas["west"]["properties"]["held_by"] == "Islamic State"
    assert Point(43.13, 36.34).within(
        Polygon(areas["west"]["geometry"]["coordinates"][0]).buffer(0.2)
    )


def test_the_offensive_is_dated_from_the_embedded_post(features):
    battles = [f["properties"] for f in features if f["properties"].get("event_type") == "Battles"]
    assert battles and all(p["start"] == "2017-01-05" for p in battles)
