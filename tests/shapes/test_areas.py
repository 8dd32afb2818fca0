from shapely.geometry import Polygon

from geo.model import Place
from geo.shapes import region_part_point, split_area_by_compass, split_region_by_compass

IRAQ = Place("Iraq", 33.0, 44.0, country_code="IQ", kind="country")
ANBAR = Place("Al Anbar", 33.4, 42.0, country_code="IQ", kind="region")


def test_the_west_of_iraq_is_cut_from_the_outline_of_its_land_borders(rivers):
    ring, outline = split_region_by_compass(IRAQ, "west", rivers)
    assert outline == "land borders"
    assert max(lon for _, lon in ring) <= 44.0 + 1e-9
    assert min(lon for _, lon in ring) < 40.0  # reaches the Syrian and Jordanian borders


def test_a_region_without_outline_is_cut_from_a_disc_around_its_point(rivers):
    ring, outline = split_region_by_compass(ANBAR, "north", rivers)
    assert outline == "disc"
    assert min(lat for lat, _ in ring) >= 33.4 - 1e-9


def test_a_region_part_point_lies_on_its_side():
    square = Polygon([(0, 0), (2, 0), (2, 2), (0, 2)])
    lat, lon = region_part_point(split_area_by_compass(square, (1.0, 1.0), "east"))
    assert lon > 1.0 and abs(lat - 1.0) < 1e-9
