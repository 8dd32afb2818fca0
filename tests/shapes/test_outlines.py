"""The outlines of data/: countries, first-level regions and urban areas from Natural Earth."""

from pathlib import Path

import pytest
from shapely.geometry import Point

from geo.model import Place
from geo.shapes.outlines import load_outlines

DATA = Path(__file__).resolve().parents[2] / "data"
FILES = ("countries.geojson", "admin1.geojson", "urban_areas.geojson")


@pytest.fixture(scope="module")
def outlines():
    return load_outlines()


def test_the_outline_files_stay_small():
    assert sum((DATA / name).stat().st_size for name in FILES) < 3_000_000


def test_a_country_is_found_by_its_iso_code(outlines):
    assert outlines.country("iq").contains(Point(44.37, 33.31))  # Baghdad
    assert not outlines.country("IQ").contains(Point(40.92, 34.45))  # Abu Kamal, Syria
    assert outlines.country("ZZ") is None and outlines.country(None) is None


def test_neighbours_share_their_border_without_overlapping(outlines):
    for neighbour in ("SY", "JO", "SA", "KW", "IR", "TR"):
        assert outlines.country("IQ").intersection(outlines.country(neighbour)).area < 1e-6


def test_a_region_is_found_by_its_natural_earth_code_or_its_name(outlines):
    by_code = outlines.region(Place("Anbar", 0, 0, country_code="IQ", kind="region",
                                    raw={"adm1_code": "IRQ-3471"}))  # fmt: skip
    by_name = outlines.region(Place("Al-Anbar", 0, 0, country_code="IQ", kind="region"))
    assert by_code is by_name and by_code.contains(Point(43.30, 33.42))  # Ramadi


def test_a_region_outside_the_kept_ones_is_none(outlines):
    assert outlines.region(Place("Bavaria", 48.9, 11.4, country_code="DE", kind="region")) is None


def test_a_city_lies_in_its_urban_area_and_open_country_in_none(outlines):
    mosul = outlines.urban_area(36.335, 43.119)
    assert mosul is not None and mosul.contains(Point(43.15, 36.36))
    assert outlines.urban_area(32.0, 40.0) is None  # the desert of western Iraq
