import pytest

from geo.shapes.route_phrases import follows_route_cue, stop_role


@pytest.mark.parametrize(
    "before_river",
    [
        "Boats sailed along the ",
        "Ils avancent le long de l'",
        "Les berges le long des rives de l’",
        "remontent l'",
    ],
)
def test_route_words_before_a_river_make_a_route(before_river):
    assert follows_route_cue(before_river)


def test_a_river_named_as_a_plain_noun_is_no_route():
    assert not follows_route_cue("La ville est bâtie sur le ")


@pytest.mark.parametrize(
    ("gap", "role"),
    [
        (" from ", "from"),
        (" à partir du barrage d'", "from"),
        (", en direction de ", "to"),
        (" jusqu‘à ", "to"),
        (" as far as ", "to"),
        (" et ", None),
    ],
)
def test_the_last_cue_word_gives_the_next_place_its_role(gap, role):
    assert stop_role(gap) == role
