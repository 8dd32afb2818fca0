import pytest
from shapely.geometry import LineString, Point, Polygon

from geo.model import Place
from geo.shapes import region_part_point, split_area_by_compass, split_region_by_compass
from geo.shapes.outlines import load_outlines

IRAQ = Place("Iraq", 33.0, 44.0, country_code="IQ", kind="country")
ANBAR = Place("Al-Anbar", 33.2317, 41.5307, country_code="IQ", kind="region")
FRANCE = Place("France", 46.0, 2.0, country_code="FR", kind="country")
# a region that admin1.geojson does not hold (it keeps the Middle East and its neighbours)
BAVARIA = Place("Bavaria", 48.9, 11.4, country_code="DE", kind="region")
MOUNT_SINJAR_REGION = Place("Sinjar District", 36.3, 41.6, country_code="IQ", kind="county")
AL_QAIM = (34.37, 41.08)
ABU_KAMAL_SYRIA = (34.45, 40.92)


@pytest.fixture(scope="module")
def outlines():
    return load_outlines()


def polygon(ring):
    return Polygon([(lon, lat) for lat, lon in ring])


def test_the_west_of_iraq_lies_entirely_within_iraq(outlines):
    ring, outline = split_region_by_compass(IRAQ, "west", outlines)
    part = polygon(ring)
    assert outline == "country outline"
    assert part.difference(outlines.country("IQ")).area / part.area < 1e-6


def test_the_west_of_iraq_reaches_the_syrian_and_jordanian_borders_but_not_beyond(outlines):
    part = polygon(split_region_by_compass(IRAQ, "west", outlines)[0])
    assert part.buffer(0.05).intersects(outlines.country("SY"))
    assert part.buffer(0.05).intersects(outlines.country("JO"))
    assert part.intersection(outlines.country("SY")).area < 1e-6
    assert part.intersection(outlines.country("SA")).area < 1e-6


def test_the_west_of_iraq_leaves_out_baghdad(outlines):
    part = polygon(split_region_by_compass(IRAQ, "west", outlines)[0])
    assert not part.contains(Point(44.37, 33.31))


def test_west_anbar_follows_the_polygon_of_anbar(outlines):
    ring, outline = split_region_by_compass(ANBAR, "west", outlines)
    part, anbar = polygon(ring), outlines.region(ANBAR)
    assert outline == "region outline"
    assert part.difference(anbar).area / part.area < 1e-6
    assert part.area > 0.3 * anbar.area
    assert part.bounds[0] == pytest.approx(anbar.bounds[0], abs=0.01)  # its western tip


def test_west_anbar_covers_the_euphrates_valley_on_its_side(outlines, rivers):
    part = polygon(split_region_by_compass(ANBAR, "west", outlines)[0])
    assert part.contains(Point(AL_QAIM[1], AL_QAIM[0]))
    euphrates = rivers.course("Euphrates")
    in_anbar_west = euphrates.intersection(outlines.region(ANBAR)).intersection(
        Polygon([(38, 29), (part.bounds[2], 29), (part.bounds[2], 36), (38, 36)])
    )
    covered = euphrates.intersection(part).length
    assert covered > 0.2  # degrees of river, more than 20 km
    assert covered >= 0.95 * in_anbar_west.length


def test_west_anbar_stays_inside_iraq(outlines):
    part = polygon(split_region_by_compass(ANBAR, "west", outlines)[0])
    assert not part.contains(Point(ABU_KAMAL_SYRIA[1], ABU_KAMAL_SYRIA[0]))
    assert part.difference(outlines.country("IQ")).area < 1e-6


def test_the_west_of_france_is_cut_from_the_mainland_not_its_overseas_parts(outlines):
    part = polygon(split_region_by_compass(FRANCE, "west", outlines)[0])
    assert part.contains(Point(-1.55, 47.22))  # Nantes
    assert not part.contains(Point(5.37, 43.30))  # Marseille
    assert part.bounds[0] > -6  # not in French Guiana


def test_a_region_without_polygon_is_a_disc_clipped_to_its_country(outlines):
    ring, outline = split_region_by_compass(BAVARIA, "north", outlines)
    part = polygon(ring)
    assert outline == "disc within country"
    assert part.difference(outlines.country("DE")).area / part.area < 1e-6
    assert min(lat for lat, _ in ring) >= part.centroid.y - 1.0


def test_a_county_disc_on_a_border_stops_at_it(outlines):
    ring, outline = split_region_by_compass(MOUNT_SINJAR_REGION, "west", outlines)
    assert outline == "disc within country"
    assert polygon(ring).intersection(outlines.country("SY")).area < 1e-4


def test_a_region_part_point_lies_on_its_side():
    square = Polygon([(0, 0), (2, 0), (2, 2), (0, 2)])
    lat, lon = region_part_point(split_area_by_compass(square, (1.0, 1.0), "east"))
    assert lon > 1.0 and abs(lat - 1.0) < 1e-9


def test_the_euphrates_leaves_iraq_at_the_syrian_border(outlines, rivers):
    # the outlines and the rivers agree: where the river crosses Iraq's outline is the border
    iraq = outlines.country("IQ")
    crossing = rivers.course("Euphrates").intersection(iraq.exterior)
    points = list(getattr(crossing, "geoms", [crossing]))
    assert any(Point(40.99, 34.43).distance(p) < 0.05 for p in points)
    assert isinstance(rivers.course("Euphrates"), LineString)
