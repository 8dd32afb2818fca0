import pytest

from geo.errors import InputError
from geo.view import alternative_label, correction, evidence_rows, selected_id, table_rows
from tests.view.examples import FEATURES


def test_table_rows_follow_the_features():
    assert [r["id"] for r in table_rows(FEATURES)] == ["a", "b", "c"]


def test_a_place_without_a_control_status_shows_an_empty_cell():
    place = {"id": "p", "geometry": {"type": "Point", "coordinates": [0, 0]}, "properties": {}}
    area = {
        "id": "a",
        "geometry": {"type": "Polygon", "coordinates": []},
        "properties": {"status": "held by Islamic State"},
    }
    assert [r["status"] for r in table_rows([place, area])] == ["", "held by Islamic State"]


def test_a_correction_takes_typed_coordinates_before_a_picked_alternative():
    alternative = {"name": "Mosul", "lat": 36.34, "lon": 43.13, "score": 0.4, "geonameid": 99072}
    assert alternative_label(alternative) == "Mosul · 40% (36.340, 43.130)"
    assert correction(" 36.3, 43.1 ", alternative) == ("36.3", "43.1", {})
    assert correction("", alternative) == (
        36.34,
        43.13,
        {"name": "Mosul", "geonameid": 99072},
    )
    assert correction("", None) is None
    with pytest.raises(InputError, match=r"'36\.3 43\.1'"):
        correction("36.3 43.1", None)


def test_the_selected_row_is_read_from_the_table_state():
    selected = {"selection": {"rows": [1], "columns": [], "cells": []}}
    assert selected_id(selected, FEATURES) == "b"
    assert selected_id(None, FEATURES) is None
    assert selected_id({"selection": {"rows": [9]}}, FEATURES) is None


def test_an_alternative_reads_with_its_division_country_kind_and_population():
    alternative = {"name": "Boston", "admin1": "ENG", "country_code": "GB", "kind": "city",
                   "population": 35124, "lat": 52.97, "lon": -0.03, "score": 0.12}  # fmt: skip
    assert alternative_label(alternative) == (
        "Boston — ENG, GB · city · pop. 35,124 · 12% (52.970, -0.030)"
    )


def test_an_evidence_row_keeps_the_kind_of_place_beside_the_kind_feature():
    alternative = {"name": "Arak", "admin1": "34", "country_code": "IR", "kind": "city",
                   "population": 503647, "lat": 34.1, "lon": 49.7, "score": 0.15,
                   "evidence": {"kind": 0.0, "prior": 0.8}}  # fmt: skip
    (row,) = evidence_rows([alternative])
    assert (row["kind of place"], row["kind"], row["country"]) == ("city", 0.0, "IR")
