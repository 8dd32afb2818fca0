import pytest

from geo.clean import content_spans
from geo.recognize import recognize_toponyms
from geo.recognize.tokens import tokenize


def mentions(text, gazetteer, lang="fr"):
    return recognize_toponyms(text, gazetteer, lang, content_spans(text))


def by_text(text, gazetteer, lang="fr"):
    return {m.text: m for m in mentions(text, gazetteer, lang)}


def test_offsets_are_exact(gazetteer):
    text = "Des renforts sont partis de Bagdad vers Kirkouk, puis vers l’Euphrate."
    for m in mentions(text, gazetteer):
        assert text[m.start : m.end] == m.text


def test_french_elisions_are_split_off(gazetteer):
    found = by_text("Ils ont atteint l'Euphrate près d’Haditha.", gazetteer)
    assert {"Euphrate", "Haditha"} <= set(found)


def test_elided_tokens_keep_their_offsets():
    (token,) = [t for t in tokenize("jusqu’à Mossoul") if t.text == "Mossoul"]
    assert token.start == 8


def test_a_dam_phrase_keeps_the_whole_phrase_and_names_the_town(gazetteer):
    found = by_text("Les troupes partent du grand barrage d'Haditha.", gazetteer)
    assert found["grand barrage d'Haditha"].kind_hint == "dam"
    assert "Haditha" in found


def test_a_border_adjective_is_a_border_of_that_country(gazetteer):
    found = by_text("Ils avancent jusqu'à la frontière syrienne.", gazetteer)
    border = found["la frontière syrienne"]
    assert border.kind_hint == "border" and border.name == "Syria"


def test_the_english_border_phrase_is_recognised(gazetteer):
    found = by_text("Troops reached the Syrian border on Friday.", gazetteer, "en")
    assert found["the Syrian border"].kind_hint == "border"


@pytest.mark.parametrize(
    "text, phrase, side",
    [
        ("Seventy percent of east Mosul was retaken.", "east Mosul", "east"),
        ("La moitié ouest de Mossoul reste contestée.", "La moitié ouest de Mossoul", "west"),
        ("Heavy fighting in northern Raqqa continued.", "northern Raqqa", "north"),
    ],
)
def test_city_parts_keep_the_phrase_and_the_side(gazetteer, text, phrase, side):
    found = by_text(text, gazetteer, "en")
    assert found[phrase].kind_hint == "city_part" and found[phrase].side == side


def test_west_of_a_city_is_near_it_not_part_of_it(gazetteer):
    found = by_text("Des combats ont lieu à l'ouest de Mossoul.", gazetteer)
    assert found["à l'ouest de Mossoul"].kind_hint == "near"


def test_the_west_of_the_country_is_a_region_part(gazetteer):
    found = by_text("Une offensive a commencé dans l'ouest du pays.", gazetteer)
    assert any(m.kind_hint == "region_part" and m.side == "west" for m in found.values())


def test_demonyms_are_mentions_of_their_country(gazetteer):
    found = by_text("L'armée irakienne a progressé.", gazetteer)
    assert found["irakienne"].kind_hint == "demonym" and found["irakienne"].name == "Iraq"


@pytest.mark.parametrize(
    "text",
    [
        "The storm will hit hard, and another hit is expected.",
        "Reading the report, officials said nothing.",
        "Steve Townsend spoke to reporters.",
        "Un responsable a parlé.",
        "Federal police units advanced slowly.",
    ],
)
def test_common_words_and_person_names_are_not_places(gazetteer, text):
    assert mentions(text, gazetteer, "en") == []


def test_a_town_that_is_a_name_in_context_is_kept(gazetteer):
    found = by_text("Les forces ont repris Hit, sur l'Euphrate.", gazetteer)
    assert "Hit" in found


def test_the_related_headlines_block_yields_no_place(gazetteer):
    text = "Des combats à Tikrit.\n\nÀ lire aussi\n\nDes inondations à Erbil\n"
    assert [m.text for m in mentions(text, gazetteer)] == ["Tikrit"]


def test_an_empty_article_has_no_mentions(gazetteer):
    assert mentions("", gazetteer) == []
