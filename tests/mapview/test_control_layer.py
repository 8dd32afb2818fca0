"""The control layer rendered: who holds each place and area on a day, in the page's HTML."""

import datetime as dt

import folium

from geo.mapview import build_map, control_layer
from geo.mapview.control_layer import control_style
from tests.mapview.examples import area, place

RING = [[43.2, 36.3], [43.3, 36.3], [43.3, 36.4], [43.2, 36.3]]
EAST_CONTESTED = area("east Mosul", RING, control="contested", status="70% retaken",
                      start="2017-01-05", end="2017-01-05", url="https://news.example.org/east")  # fmt: skip
EAST_RETAKEN = area("east Mosul", RING, control="Iraqi army", status="100% retaken",
                    start="2017-01-24", end="2017-01-24")  # fmt: skip
RAWA = place("Rawa", 41.92, 34.47, control="Islamic State", held_by="Islamic State",
             status="held by Islamic State", event_type="territory_held")  # fmt: skip


def rendered(features, day):
    fmap = build_map([], tiles=None, png_button=False)
    control_layer(features, day).add_to(fmap)
    return fmap.get_root().render()


def test_the_layer_is_named_after_its_day():
    layer = control_layer([EAST_CONTESTED], dt.date(2017, 1, 10))
    assert isinstance(layer, folium.FeatureGroup) and layer.layer_name == "Control on 2017-01-10"


def test_no_layer_before_any_statement():
    assert control_layer([EAST_CONTESTED], dt.date(2017, 1, 1)) is None


def test_an_area_takes_the_colour_of_the_latest_statement_on_the_day():
    before = rendered([EAST_CONTESTED, EAST_RETAKEN], dt.date(2017, 1, 10))
    after = rendered([EAST_CONTESTED, EAST_RETAKEN], dt.date(2017, 2, 1))
    assert "gm-control-contested" in before and "gm-control-government" not in before
    assert "gm-control-government" in after and "gm-control-contested" not in after


def test_the_popup_holds_the_statement_its_date_and_its_source():
    html = rendered([EAST_CONTESTED], dt.date(2017, 1, 10))
    assert "70% retaken (stated 2017-01-05)" in html
    assert "https://news.example.org/east" in html


def test_a_place_is_ringed_in_the_colour_of_who_holds_it():
    style = control_style(RAWA)
    assert style["fill"] is False and style["color"] == "#222222" and style["radius"] >= 10


def test_a_part_of_a_country_is_a_paler_dashed_hint_than_a_city_half():
    west_iraq = area("west Iraq", RING, control="Islamic State", geo_precision=3)
    half, hint = control_style(EAST_CONTESTED), control_style(west_iraq)
    assert hint["dashArray"] and hint["fillOpacity"] < half["fillOpacity"]
