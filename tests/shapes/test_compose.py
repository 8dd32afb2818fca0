"""compose_shapes on sentences written for these tests, with the resolutions earlier stages give."""

from shapely.geometry import Point, Polygon

from geo.model import Mention, Place, Resolution, haversine_km
from geo.shapes import compose_shapes, place_rivers_near_story

EUPHRATES = Place("Euphrates", 34.4, 41.5, kind="river")
TIGRIS = Place("Tigris", 35.6, 43.3, kind="river")
HADITHA_DAM = Place("Haditha Dam", 34.2069, 42.355, kind="dam", country_code="IQ")  # data/dams.csv
IRAQ_SYRIA = Place("Iraq–Syria border", 33.9, 40.8, kind="border", countries=("IQ", "SY"))
SYRIA = Place("Syria", 35.0, 38.0, kind="country", country_code="SY")
IRAQ = Place("Iraq", 33.0, 44.0, kind="country", country_code="IQ")
MOSUL = Place(
    "Mosul", 36.335, 43.119, geonameid=99072, country_code="IQ", kind="city", population=1_739_800
)
BAIJI = Place(
    "Baiji", 34.929, 43.493, geonameid=99434, country_code="IQ", kind="city", population=200_000
)
DEIR_EZ_ZOR = Place(
    "Deir ez-Zor",
    35.336,
    40.141,
    geonameid=170794,
    country_code="SY",
    kind="city",
    population=242_565,
)
RAQQA = Place(
    "Raqqa", 35.953, 39.009, geonameid=172955, country_code="SY", kind="city", population=177_636
)
RUTBA = Place(
    "Rutba", 33.038, 40.284, geonameid=89570, country_code="IQ", kind="city", population=22_370
)
ANBAR = Place("Al Anbar", 33.4, 42.0, country_code="IQ", kind="region")
AL_QAIM_CROSSING = (34.43, 40.99)


def resolved(text, phrase, place, hint=None, side=None, nth=0):
    """The resolution of the ``nth`` occurrence of ``phrase`` in ``text``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(phrase, start + 1)
    mention = Mention(phrase, start, start + len(phrase), place.name, kind_hint=hint, side=side)
    return Resolution(mention, place, confidence=0.9, geo_precision=1)


def routes(shapes):
    return [s for s in shapes if s.kind == "route"]


def areas(shapes):
    return {s.properties["side"]: s for s in shapes if s.kind == "area"}


def centroid(shape):
    centre = Polygon([(lon, lat) for lat, lon in shape.coords]).centroid
    return centre.y, centre.x


def test_a_french_route_runs_from_the_dam_to_where_the_river_meets_the_border(rivers):
    text = (
        "Les colonnes blindées remontent l'Euphrate depuis le barrage de Haditha"
        " jusqu'à la frontière avec la Syrie."
    )
    found = [
        resolved(text, "Euphrate", EUPHRATES),
        resolved(text, "barrage de Haditha", HADITHA_DAM, "dam"),
        resolved(text, "frontière avec la Syrie", IRAQ_SYRIA, "border"),
    ]
    (route,) = routes(compose_shapes(text, found, "fr", rivers))
    assert route.properties == {
        "river": "Euphrates",
        "from": "Haditha Dam",
        "to": "Iraq–Syria border",
        "length_km": route.properties["length_km"],
    }
    assert haversine_km(route.coords[0], HADITHA_DAM.point) < 5
    assert haversine_km(route.coords[-1], AL_QAIM_CROSSING) < 10
    assert [text[a:b] for a, b in route.mentions] == [
        "Euphrate",
        "barrage de Haditha",
        "frontière avec la Syrie",
    ]


def test_a_border_named_by_one_country_ends_at_its_crossing_nearest_the_start(rivers):
    text = (
        "Le long de l'Euphrate, de Haditha jusqu'à la frontière syrienne, les villages se vident."
    )
    found = [
        resolved(text, "Euphrate", EUPHRATES),
        resolved(text, "Haditha", HADITHA_DAM),
        resolved(text, "frontière syrienne", SYRIA, "border"),
    ]
    (route,) = routes(compose_shapes(text, found, "fr", rivers))
    assert haversine_km(route.coords[-1], AL_QAIM_CROSSING) < 10


def test_an_english_route_along_the_tigris_runs_from_mosul_to_baiji(rivers):
    text = "Engineers cleared mines along the Tigris from Mosul to Baiji last week."
    found = [
        resolved(text, "Tigris", TIGRIS),
        resolved(text, "Mosul", MOSUL),
        resolved(text, "Baiji", BAIJI),
    ]
    (route,) = routes(compose_shapes(text, found, "en", rivers))
    assert (route.properties["from"], route.properties["to"]) == ("Mosul", "Baiji")
    assert (
        haversine_km(route.coords[0], MOSUL.point) < 10
        and haversine_km(route.coords[-1], BAIJI.point) < 10
    )


def test_places_named_before_the_river_make_a_route_too(rivers):
    text = "De Mossoul à Baïji le long du Tigre, les ponts sont coupés."
    found = [
        resolved(text, "Mossoul", MOSUL),
        resolved(text, "Baïji", BAIJI),
        resolved(text, "Tigre", TIGRIS),
    ]
    (route,) = routes(compose_shapes(text, found, "fr", rivers))
    assert (route.properties["from"], route.properties["to"]) == ("Mosul", "Baiji")


def test_up_the_river_to_a_town_starts_from_the_town_named_before(rivers):
    text = "The convoy left Deir ez-Zor and sailed up the Euphrates to Raqqa."
    found = [
        resolved(text, "Deir ez-Zor", DEIR_EZ_ZOR),
        resolved(text, "Euphrates", EUPHRATES),
        resolved(text, "Raqqa", RAQQA),
    ]
    (route,) = routes(compose_shapes(text, found, "en", rivers))
    assert (
        haversine_km(route.coords[0], DEIR_EZ_ZOR.point) < 10
        and haversine_km(route.coords[-1], RAQQA.point) < 10
    )


def test_a_river_named_without_a_route_word_gives_no_route(rivers):
    text = "Mosul lies on the Tigris, far north of Baiji."
    found = [
        resolved(text, "Mosul", MOSUL),
        resolved(text, "Tigris", TIGRIS),
        resolved(text, "Baiji", BAIJI),
    ]
    assert routes(compose_shapes(text, found, "en", rivers)) == []


def test_a_town_far_from_the_river_does_not_end_a_route(rivers):
    text = "Trucks drove along the Euphrates from Raqqa to Rutba."
    found = [
        resolved(text, "Euphrates", EUPHRATES),
        resolved(text, "Raqqa", RAQQA),
        resolved(text, "Rutba", RUTBA),
    ]
    assert routes(compose_shapes(text, found, "en", rivers)) == []


def test_east_and_west_mosul_are_split_by_the_tigris(rivers):
    text = "Troops hold east Mosul. Militants still hold west Mosul."
    found = [
        resolved(text, "east Mosul", MOSUL, "city_part", "east"),
        resolved(text, "west Mosul", MOSUL, "city_part", "west"),
    ]
    parts = areas(compose_shapes(text, found, "en", rivers))
    assert {side: p.properties["split_by"] for side, p in parts.items()} == {
        "east": "Tigris",
        "west": "Tigris",
    }
    assert centroid(parts["east"])[1] > centroid(parts["west"])[1]


def test_the_same_city_part_named_twice_is_one_area_with_both_mentions(rivers):
    text = (
        "La moitié est de Mossoul est reprise. Dans la moitié est de Mossoul, les écoles rouvrent."
    )
    found = [
        resolved(text, "moitié est de Mossoul", MOSUL, "city_part", "east", nth=n) for n in (0, 1)
    ]
    (part,) = [s for s in compose_shapes(text, found, "fr", rivers) if s.kind == "area"]
    assert len(part.mentions) == 2


def test_the_left_bank_of_the_tigris_is_drawn_at_the_city_of_the_story(rivers):
    text = "À Mossoul, la rive gauche du Tigre est calme."
    found = [
        resolved(text, "Mossoul", MOSUL),
        resolved(text, "rive gauche du Tigre", TIGRIS, "city_part", "left"),
    ]
    (bank,) = [s for s in compose_shapes(text, found, "fr", rivers) if s.kind == "area"]
    assert bank.properties["city"] == "Mosul" and bank.properties["river"] == "Tigris"
    assert bank.properties["outline"] == "urban area"
    assert centroid(bank)[1] > 43.15  # the left bank of the Tigris at Mosul is its eastern side


def test_a_city_without_a_river_is_split_by_the_compass(rivers):
    text = "Northern Rutba was shelled."
    found = [resolved(text, "Northern Rutba", RUTBA, "city_part", "north")]
    (part,) = [s for s in compose_shapes(text, found, "en", rivers) if s.kind == "area"]
    assert part.properties["split_by"] == "compass"
    assert centroid(part)[0] > RUTBA.lat


def test_western_anbar_is_an_area_at_region_precision(rivers):
    text = "Fighting spread across western Anbar."
    found = [resolved(text, "western Anbar", ANBAR, "city_part", "west")]
    (part,) = [s for s in compose_shapes(text, found, "en", rivers) if s.kind == "area"]
    assert part.properties["geo_precision"] == 3 and part.properties["region"] == "Al Anbar"
    assert all(lon <= ANBAR.lon + 1e-9 for _, lon in part.coords)


def test_the_west_of_the_country_follows_the_country_outline(rivers):
    text = "Les combats ont repris à l'ouest du pays."
    found = [resolved(text, "à l'ouest du pays", IRAQ, "region_part", "west")]
    (part,) = [s for s in compose_shapes(text, found, "fr", rivers) if s.kind == "area"]
    assert part.properties["outline"] == "country outline"
    assert Polygon([(lon, lat) for lat, lon in part.coords]).contains(Point(41.0, 33.0))


def test_a_part_of_the_country_that_only_locates_the_place_before_it_draws_no_area(rivers):
    text = "Les combats ont repris dans la province d'Anbar, à l'ouest du pays."
    found = [
        resolved(text, "Anbar", ANBAR),
        resolved(text, "à l'ouest du pays", IRAQ, "region_part", "west"),
    ]
    assert [s for s in compose_shapes(text, found, "fr", rivers) if s.kind == "area"] == []


def test_a_city_in_western_iraq_draws_no_area_for_western_iraq(rivers):
    text = "Rutba, a town in western Iraq, was shelled."
    found = [
        resolved(text, "Rutba", RUTBA),
        resolved(text, "western Iraq", IRAQ, "region_part", "west"),
    ]
    assert [s for s in compose_shapes(text, found, "en", rivers) if s.kind == "area"] == []


def test_a_part_of_the_country_named_for_itself_is_still_drawn(rivers):
    text = "Rutba was shelled. The army advanced in western Iraq."
    found = [
        resolved(text, "Rutba", RUTBA),
        resolved(text, "western Iraq", IRAQ, "region_part", "west"),
    ]
    (part,) = [s for s in compose_shapes(text, found, "en", rivers) if s.kind == "area"]
    assert part.name == "west Iraq"


def test_the_halves_of_mosul_are_cut_from_its_urban_area(rivers):
    text = "Troops hold east Mosul. Militants still hold west Mosul."
    found = [
        resolved(text, "east Mosul", MOSUL, "city_part", "east"),
        resolved(text, "west Mosul", MOSUL, "city_part", "west"),
    ]
    parts = areas(compose_shapes(text, found, "en", rivers))
    assert {p.properties["outline"] for p in parts.values()} == {"urban area"}
    east, west = (Polygon([(lon, lat) for lat, lon in parts[s].coords]) for s in ("east", "west"))
    assert east.intersection(west).area < 1e-6
    tigris = rivers.course("Tigris")
    assert tigris.distance(east.centroid) > 0.01 and tigris.distance(west.centroid) > 0.01


def test_a_river_is_drawn_near_the_towns_of_the_story(rivers):
    text = "Boats crossed the Tigris at Mosul."
    found = [resolved(text, "Tigris", TIGRIS), resolved(text, "Mosul", MOSUL)]
    tigris = place_rivers_near_story(found, rivers)[0].place
    assert haversine_km(tigris.point, MOSUL.point) < 10


def test_a_town_in_western_iraq_without_a_comma_draws_no_area_either(rivers):
    text = "Shells fell on Rutba in western Iraq."
    found = [
        resolved(text, "Rutba", RUTBA),
        resolved(text, "western Iraq", IRAQ, "region_part", "west"),
    ]
    assert [s for s in compose_shapes(text, found, "en", rivers) if s.kind == "area"] == []


def test_a_nationality_before_the_west_of_the_country_does_not_stop_its_area(rivers):
    turkey = Place("Turkey", 39.0, 35.0, kind="country", country_code="TR")
    text = "En Syrie, les forces turques à l'ouest du pays avancent."
    found = [
        resolved(text, "Syrie", SYRIA),
        resolved(text, "turques", turkey, "demonym"),
        resolved(text, "à l'ouest du pays", SYRIA, "region_part", "west"),
    ]
    (part,) = [s for s in compose_shapes(text, found, "fr", rivers) if s.kind == "area"]
    assert part.name == "west Syria"
