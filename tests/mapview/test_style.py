from geo.mapview.style import (
    area_style,
    control_key,
    event_colour,
    event_label,
    palette,
    point_style,
    route_style,
)


def feature(**props):
    return {"properties": props}


def test_who_holds_an_area_decides_its_fill():
    held = area_style(feature(control="Islamic State"))["fillColor"]
    retaken = area_style(feature(control="Iraqi army"))["fillColor"]
    contested = area_style(feature(control="contested"))["fillColor"]
    assert len({held, retaken, contested}) == 3
    assert held == "#222222" and contested == "#ff9f1c"


def test_a_regained_territory_counts_as_held_by_the_government():
    assert control_key({"sub_event_type": "Government regains territory"}) == "government"


def test_a_contested_area_has_a_dashed_outline():
    assert area_style(feature(control="contested"))["dashArray"]
    assert area_style(feature(control="Islamic State"))["dashArray"] is None


def test_a_regional_area_is_drawn_lighter_than_a_city_half():
    vague = area_style(feature(control="Islamic State", geo_precision=3))
    precise = area_style(feature(control="Islamic State"))
    assert vague["fillOpacity"] < precise["fillOpacity"]


def test_routes_are_thick_lines_in_their_event_colour():
    style = route_style(feature(event_type="Explosions/Remote violence"))
    assert style["color"] == event_colour("Explosions/Remote violence") and style["weight"] >= 4


def test_an_unknown_event_type_is_grey():
    assert event_colour("parade") == event_colour("other") == "#7f7f7f"


def test_an_uncertain_place_is_fainter():
    sure = point_style(feature(event_type="Battles", confidence=0.9))
    unsure = point_style(feature(event_type="Battles", confidence=0.3))
    assert unsure["fillOpacity"] < sure["fillOpacity"]


def test_a_grouped_cell_grows_with_its_count():
    assert point_style(feature(count=1000))["radius"] > point_style(feature(count=2))["radius"]


def test_an_event_type_reads_as_its_legend_label():
    assert event_label("Battles") == "Battles"
    assert event_label("not_in_the_palette") == "not in the palette"
    assert event_label(None) == palette()["event_type"]["other"][1]


def test_a_country_centre_is_a_hollow_dashed_ring_unlike_a_town():
    town = point_style(feature(geo_precision=1, confidence=0.9, event_type="battle"))
    centre = point_style(feature(geo_precision=3, confidence=0.9, event_type="battle"))
    assert centre["dashArray"] and centre["fillOpacity"] < 0.1 and centre["radius"] > town["radius"]
    assert town["fillOpacity"] >= 0.45 and "dashArray" not in town
