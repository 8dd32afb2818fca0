"""Parts of regions outside the Middle East, cut from their admin-1 polygons, as the gazetteer
resolves them."""

import pytest
from shapely.geometry import Point, Polygon

from geo.shapes import split_region_by_compass
from geo.shapes.outlines import load_outlines


@pytest.fixture(scope="module")
def outlines():
    return load_outlines()


def region(gazetteer, name):
    """The first-level region the gazetteer finds under ``name``."""
    return next(p for p in gazetteer.lookup(name) if p.kind == "region")


def part_of(place, side, outlines):
    ring, outline = split_region_by_compass(place, side, outlines)
    assert outline == "region outline"
    return Polygon([(lon, lat) for lat, lon in ring])


def share_outside(part, whole):
    return part.difference(whole).area / part.area


def test_the_north_of_kandahar_province_lies_within_kandahar(gazetteer, outlines):
    kandahar = region(gazetteer, "Kandahar")
    part = part_of(kandahar, "north", outlines)
    assert share_outside(part, outlines.region(kandahar)) < 1e-6
    assert part.area > 0.3 * outlines.region(kandahar).area
    assert not part.contains(Point(66.44, 31.01))  # Spin Boldak, on the Pakistani border


def test_the_east_of_bavaria_lies_within_bavaria(gazetteer, outlines):
    bavaria = region(gazetteer, "Bavière")
    part = part_of(bavaria, "east", outlines)
    assert share_outside(part, outlines.region(bavaria)) < 1e-6
    assert part.contains(Point(13.43, 48.57))  # Passau
    assert not part.contains(Point(9.95, 49.79))  # Würzburg, in the west
    assert part.intersection(outlines.country("CZ")).area < 1e-6


def test_western_kentucky_lies_within_kentucky(gazetteer, outlines):
    kentucky = region(gazetteer, "Kentucky")
    part = part_of(kentucky, "west", outlines)
    assert share_outside(part, outlines.region(kentucky)) < 1e-6
    assert part.contains(Point(-88.60, 37.08))  # Paducah
    assert not part.contains(Point(-84.50, 38.04))  # Lexington


def test_western_kentucky_stops_at_the_tennessee_line(gazetteer, outlines):
    part = part_of(region(gazetteer, "Kentucky"), "west", outlines)
    tennessee = outlines.region(region(gazetteer, "Tennessee"))
    assert part.intersection(tennessee).area < 1e-4
    assert not part.contains(Point(-86.78, 36.16))  # Nashville
