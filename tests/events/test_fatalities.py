"""The deaths a sentence reports, in digits or in English and French number words."""

import pytest

from geo.events.fatalities import fatalities


@pytest.mark.parametrize(
    ("sentence", "deaths"),
    [
        ("A car bomb killed 12 people in Baghdad.", 12),
        ("At least twenty-five civilians were killed.", 25),
        ("L'attentat a fait douze morts.", 12),
        ("tuant au moins quatre-vingt-dix personnes", 90),
        ("Le bilan s'élève à 1 200 morts.", 1200),
        ("The strikes killed 1,200 fighters.", 1200),
        ("Trois policiers ont été tués à Gao.", 3),
        ("Dozens of people died in the fire.", 12),
    ],
)
def test_a_count_tied_to_a_word_of_death_is_the_fatalities(sentence, deaths):
    assert fatalities(sentence) == deaths


def test_the_wounded_are_not_counted_as_dead():
    assert fatalities("The blast left 30 wounded and 2 killed.") == 2


def test_a_count_of_other_things_is_no_fatality():
    assert fatalities("The army took 3 villages on 12 May.") is None


def test_a_sentence_that_gives_no_count_has_no_fatalities():
    assert fatalities("The offensive killed many fighters in 2017.") is None


def test_a_superscript_digit_is_no_count():
    assert fatalities("Fighting broke out in Mosul on Monday. ² killed") is None
