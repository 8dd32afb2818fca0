"""Who holds what on a day: the latest control statement known then, per place and area."""

import datetime as dt

from geo.view.front import control_day, control_features, latest_statements


def statement(fid, start, control, *, name="east Mosul", geometry="Polygon", **props):
    coords = [[[43.2, 36.3], [43.3, 36.3], [43.3, 36.4], [43.2, 36.3]]]
    if geometry == "Point":
        coords = [43.1, 36.3]
    return {
        "id": fid,
        "geometry": {"type": geometry, "coordinates": coords},
        "properties": {"name": name, "start": start, "end": start, "control": control, **props},
    }


EAST_CONTESTED = statement("e1", "2017-01-05", "contested", status="70% retaken", share_retaken=0.7)
EAST_RETAKEN = statement("e2", "2017-01-24", "Iraqi army", status="100% retaken")
WEST_HELD = statement("w1", "2017-01-05", "Islamic State", name="west Mosul")


def ids(features):
    return sorted(f["id"] for f in features)


def test_before_any_statement_nothing_is_known():
    assert latest_statements([EAST_CONTESTED, EAST_RETAKEN], dt.date(2017, 1, 4)) == []


def test_a_statement_holds_until_a_later_one_about_the_same_area():
    features = [EAST_CONTESTED, EAST_RETAKEN]
    assert ids(latest_statements(features, dt.date(2017, 1, 20))) == ["e1"]
    assert ids(latest_statements(features, dt.date(2017, 1, 24))) == ["e2"]
    assert ids(latest_statements(features, dt.date(2017, 6, 1))) == ["e2"]


def test_the_order_of_the_features_does_not_decide_which_statement_is_latest():
    features = [EAST_RETAKEN, EAST_CONTESTED]
    assert ids(latest_statements(features, dt.date(2017, 2, 1))) == ["e2"]


def test_each_area_keeps_its_own_latest_statement():
    features = [EAST_CONTESTED, WEST_HELD, EAST_RETAKEN]
    assert ids(latest_statements(features, dt.date(2017, 2, 1))) == ["e2", "w1"]


def test_between_statements_of_one_day_the_later_published_wins():
    early = statement("a", "2017-01-05", "Islamic State", published="2017-01-05")
    late = statement("b", "2017-01-05", "contested", published="2017-01-06")
    assert ids(latest_statements([late, early], dt.date(2017, 1, 10))) == ["b"]


def test_the_halves_of_a_city_named_as_places_are_two_places():
    east = statement("pe", "2017-01-05", "contested", geometry="Point", name="Mosul", side="east",
                     geonameid=99072, geo_precision=2)  # fmt: skip
    west = statement("pw", "2017-01-05", "Islamic State", geometry="Point", name="Mosul",
                     side="west", geonameid=99072, geo_precision=2)  # fmt: skip
    assert ids(latest_statements([east, west], dt.date(2017, 1, 5))) == ["pe", "pw"]


def test_a_country_or_region_centre_is_not_coloured_as_held():
    iraq = statement("iq", "2017-01-05", "contested", geometry="Point", name="Iraq",
                     geo_precision=3)  # fmt: skip
    assert latest_statements([iraq], dt.date(2017, 2, 1)) == []


def test_an_event_without_a_control_statement_is_left_out():
    battle = statement("x", "2017-01-05", None, event_type="battle")
    assert latest_statements([battle], dt.date(2017, 2, 1)) == []


def test_the_status_shown_says_when_it_was_stated():
    (shown,) = control_features([EAST_CONTESTED], dt.date(2017, 1, 10))
    assert shown["properties"]["status"] == "70% retaken (stated 2017-01-05)"
    assert EAST_CONTESTED["properties"]["status"] == "70% retaken"  # the input is left as it was


def test_the_control_day_is_the_window_end_or_else_the_last_statement():
    features = [EAST_CONTESTED, EAST_RETAKEN]
    assert control_day(features, dt.date(2017, 1, 10)) == dt.date(2017, 1, 10)
    assert control_day(features, None) == dt.date(2017, 1, 24)
    assert control_day([], None) is None


def test_a_city_half_stated_as_area_and_as_point_is_drawn_once_as_its_area():
    area = statement("a", "2017-01-05", "contested", side="east", geonameid=99072)
    point = statement("p", "2017-01-05", "contested", geometry="Point", name="Mosul",
                      side="east", geonameid=99072, geo_precision=2)  # fmt: skip
    assert ids(latest_statements([area, point], dt.date(2017, 1, 5))) == ["a"]
    assert ids(latest_statements([point, area], dt.date(2017, 1, 5))) == ["a"]


def test_a_later_statement_about_the_whole_city_colours_its_halves():
    west = statement("w", "2017-01-24", "Islamic State", name="west Mosul", side="west",
                     geonameid=99072, status="held by Islamic State")  # fmt: skip
    city = statement("c", "2017-07-10", "Iraqi government", geometry="Point", name="Mosul",
                     geonameid=99072, geo_precision=1, status="100% retaken")  # fmt: skip
    shown = {
        f["properties"]["name"]: f for f in latest_statements([west, city], dt.date(2017, 7, 15))
    }
    assert shown["west Mosul"]["properties"]["control"] == "Iraqi government"
    assert shown["west Mosul"]["geometry"]["type"] == "Polygon"
    assert shown["Mosul"]["properties"]["control"] == "Iraqi government"
    before = latest_statements([west, city], dt.date(2017, 3, 1))
    assert [f["properties"]["control"] for f in before] == ["Islamic State"]
