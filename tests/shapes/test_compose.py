from geo.clean import content_spans
from geo.recognize import recognize_toponyms
from geo.resolve import resolve_mentions
from geo.shapes import compose_shapes, place_rivers_near_story


def shapes_of(text, gazetteer, rivers, lang):
    mentions = recognize_toponyms(text, gazetteer, lang, content_spans(text))
    resolutions = place_rivers_near_story(resolve_mentions(mentions, gazetteer, text), rivers)
    return compose_shapes(text, resolutions, lang, rivers), resolutions


def test_a_french_sentence_gives_a_route_along_the_river_to_the_border(gazetteer, rivers):
    text = "Les troupes remontent l'Euphrate depuis le barrage d'Haditha jusqu'à la frontière syrienne."
    shapes, _ = shapes_of(text, gazetteer, rivers, "fr")
    (route,) = [s for s in shapes if s.kind == "route"]
    assert route.properties["river"] == "Euphrates"
    assert route.coords[-1][1] < 41.1  # ends at the border, near Al-Qaim
    assert all(text[a:b] for a, b in route.mentions)


def test_an_english_sentence_gives_a_route_between_two_towns(gazetteer, rivers):
    text = "Convoys moved along the Tigris from Mosul to Baiji on Monday."
    shapes, _ = shapes_of(text, gazetteer, rivers, "en")
    (route,) = [s for s in shapes if s.kind == "route"]
    baiji = gazetteer.lookup("Baiji")[0].name
    assert (route.properties["from"], route.properties["to"]) == ("Mosul", baiji)


def test_east_and_west_mosul_become_two_areas(gazetteer, rivers):
    text = "Troops hold east Mosul. Militants still hold west Mosul."
    shapes, _ = shapes_of(text, gazetteer, rivers, "en")
    areas = {s.properties["side"]: s for s in shapes if s.kind == "area"}
    assert set(areas) == {"east", "west"}
    assert areas["east"].properties["split_by"] == "river"


def test_a_river_is_drawn_near_the_towns_of_the_story(gazetteer, rivers):
    _, resolutions = shapes_of("Boats crossed the Tigris at Mosul.", gazetteer, rivers, "en")
    tigris = next(r for r in resolutions if r.place.kind == "river")
    assert abs(tigris.place.lat - 36.3) < 0.3
