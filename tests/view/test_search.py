from geo.view.search import fitted_view, matches, search_features
from tests.mapview.examples import ROUTE, TOWN, place

MOSUL = place("mosul", 43.13, 36.34, name="Mosul", mention="Mossoul", actors=["Iraqi army"],
              quote="Les forces irakiennes ont repris l'est de Mossoul.")  # fmt: skip
RAQQA = place("raqqa", 39.01, 35.95, name="Raqqa", actors=["SDF"], quote="Strikes on Raqqa.")


def test_a_place_is_found_by_its_name_or_as_the_text_names_it():
    assert matches(MOSUL, "Mosul") and matches(MOSUL, "mossoul")


def test_a_search_ignores_case_and_accents():
    assert matches(MOSUL, "IRAKIENNES") and matches(MOSUL, "l'est")


def test_an_event_is_found_by_its_actor():
    assert search_features([MOSUL, RAQQA], "sdf") == [RAQQA]


def test_every_word_must_be_found_each_as_the_start_of_a_word():
    assert matches(MOSUL, "forces repr")
    assert not matches(MOSUL, "forces raqqa")
    assert not matches(MOSUL, "osul")


def test_an_empty_search_finds_nothing():
    assert search_features([MOSUL, RAQQA], "  ") == []


def test_the_fitted_view_holds_every_match():
    view = fitted_view([MOSUL, RAQQA])
    assert 38.9 < view.lon < 43.2 and 35.9 < view.lat < 36.4 and 6 <= view.zoom <= 8


def test_one_place_is_fitted_at_a_close_zoom_and_a_route_by_its_whole_line():
    assert fitted_view([TOWN]).zoom == 11
    route = fitted_view([ROUTE])
    assert 41.0 < route.lon < 42.35 and route.zoom < 11


def test_a_place_named_as_asked_comes_before_the_quotes_that_name_it():
    nearby = place("rawa", 41.9, 34.47, name="Rawa", quote="From Mosul to Rawa.")
    assert search_features([MOSUL, nearby], "mosul") == [MOSUL]
    assert search_features([MOSUL, nearby], "from mosul") == [nearby]


def test_a_countrys_centre_does_not_widen_the_fitted_view():
    usa = place("usa", -97.0, 38.0, name="United States", geo_precision=3)
    assert fitted_view([MOSUL, usa]) == fitted_view([MOSUL])
    assert fitted_view([usa]).lon == -97.0
