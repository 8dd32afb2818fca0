import pytest

from geo.errors import InputError
from geo.model import PLACE_KINDS, Mention, Place


def test_the_place_kinds_are_those_of_the_type():
    assert PLACE_KINDS == (
        "city", "country", "region", "county", "river", "dam", "border", "city_part", "other",
    )  # fmt: skip


def test_a_place_of_an_unknown_kind_is_refused_with_its_kind_named():
    with pytest.raises(InputError, match="'town'"):
        Place("Hit", 33.64, 42.83, kind="town")


def test_a_mention_of_an_unknown_phrase_kind_is_refused_with_its_kind_named():
    with pytest.raises(InputError, match="'bridge'"):
        Mention("the Mosul bridge", 0, 16, "Mosul", kind_hint="bridge")


def test_a_mention_on_an_unknown_side_is_refused_with_its_side_named():
    with pytest.raises(InputError, match="'upriver'"):
        Mention("upriver Mosul", 0, 13, "Mosul", kind_hint="city_part", side="upriver")


def test_a_plain_mention_needs_no_phrase_kind():
    mention = Mention("Mosul", 12, 17, "Mosul")
    assert (mention.kind_hint, mention.side) == (None, None)


def test_a_place_says_what_it_is_beside_its_point():
    dallas = Place("Dallas", 32.78, -96.81, 4684888, "US", "city", 1_300_092, 1_300_092, "TX")
    assert (dallas.admin1, dallas.population, dallas.importance) == ("TX", 1_300_092, 1_300_092)


def test_a_border_holds_the_countries_it_separates():
    border = Place("Iraq–Syria border", 34.4, 40.97, kind="border", countries=("IQ", "SY"))
    assert border.countries == ("IQ", "SY") and border.country_code is None


def test_a_place_knows_nothing_it_is_not_told():
    hit = Place("Hit", 33.64, 42.83)
    assert (hit.kind, hit.population, hit.importance, hit.admin1, hit.countries) == (
        "other", 0, 0.0, None, ())  # fmt: skip
