"""Namesakes resolved by the fitted ranker, on short stories written for these tests."""

import re

from geo.model import Mention
from geo.resolve.resolver import resolve_mentions


def places_in(text, names, gazetteer):
    """Every occurrence of ``names`` in ``text`` as a mention, resolved; by name (the last wins)."""
    mentions = sorted(
        (Mention(m.group(), m.start(), m.end(), m.group()) for n in names
         for m in re.finditer(rf"\b{re.escape(n)}\b", text)),
        key=lambda m: m.start,
    )  # fmt: skip
    return {r.mention.text: r for r in resolve_mentions(mentions, gazetteer, text)}


SOLDIER = (
    "A British soldier killed on patrol was brought home to England on Tuesday. He grew up in "
    "Boston and went to school in Grantham before joining the army at eighteen; his funeral "
    "will be held in Lincoln, where his regiment is based."
)


def test_english_towns_in_a_story_about_a_british_soldier_stay_in_england(gazetteer):
    found = places_in(SOLDIER, ["England", "Boston", "Grantham", "Lincoln"], gazetteer)
    assert found["Boston"].place.country_code == "GB"
    assert found["Lincoln"].place.country_code == "GB"


def test_an_english_town_is_among_the_alternatives_of_its_american_namesake(gazetteer):
    text = "The Red Sox won again in Boston, Massachusetts, on Sunday."
    boston = places_in(text, ["Boston", "Massachusetts"], gazetteer)["Boston"]
    assert boston.place.country_code == "US"
    assert "GB" in {a.place.country_code for a in boston.alternatives}


def test_a_country_named_like_a_us_state_is_the_country_in_a_story_about_its_region(gazetteer):
    text = (
        "Russian tanks crossed into Georgia from South Ossetia overnight. Tbilisi asked Armenia "
        "and Azerbaijan to close their airspace."
    )
    found = places_in(text, ["Georgia", "Tbilisi", "Armenia", "Azerbaijan"], gazetteer)
    assert found["Georgia"].place.kind == "country"
    assert found["Georgia"].place.country_code == "GE"


def test_a_province_named_after_a_country_is_the_province_when_the_text_says_so(gazetteer):
    text = "Floods hit the Belgian province of Luxembourg, south of Namur, on Monday."
    luxembourg = places_in(text, ["Luxembourg", "Namur"], gazetteer)["Luxembourg"]
    assert (luxembourg.place.kind, luxembourg.place.country_code) == ("region", "BE")


def test_a_texas_qualifier_picks_the_texan_town_even_for_a_country_name(gazetteer):
    text = "A tornado struck Palestine, Texas, and the county sheriff closed the roads."
    palestine = places_in(text, ["Palestine", "Texas"], gazetteer)["Palestine"]
    assert (palestine.place.kind, palestine.place.country_code) == ("city", "US")


def test_a_georgia_qualifier_picks_the_american_athens(gazetteer):
    text = "Students returned to Athens, Georgia, after the storm."
    athens = places_in(text, ["Athens", "Georgia"], gazetteer)["Athens"]
    assert athens.place.country_code == "US"


def test_the_middle_east_is_a_region_of_the_world_not_a_town(gazetteer):
    text = "Oil prices rose as tensions spread across the Middle East."
    middle_east = places_in(text, ["Middle East"], gazetteer)["Middle East"]
    assert middle_east.place.kind == "region"
    assert middle_east.place.country_code is None
