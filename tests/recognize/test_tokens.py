"""Tokens: words with exact offsets, elisions split off, capitals and sentence starts marked."""

from geo.recognize.tokens import tokenize


def texts(text):
    return [t.text for t in tokenize(text)]


def test_every_token_is_its_span_of_the_text():
    text = "À l'ouest d’Haditha, the U.S. Army's base. Iraq's north."
    assert all(text[t.start : t.end] == t.text for t in tokenize(text))


def test_an_elision_is_split_off_only_before_an_apostrophe():
    assert texts("l'Euphrate et lorsqu’il") == ["Euphrate", "et", "il"]
    assert texts("Lyon et Laval") == ["Lyon", "et", "Laval"]


def test_a_possessive_and_a_final_full_stop_are_left_out():
    assert texts("Iraq's north. St. Louis") == ["Iraq", "north", "St.", "Louis"]


def test_a_lower_case_arabic_article_before_a_capital_makes_a_capitalised_token():
    by_text = {t.text: t.capitalised for t in tokenize("al-Bab and well-known Raqqa")}
    assert by_text == {"al-Bab": True, "and": False, "well-known": False, "Raqqa": True}


def test_a_sentence_starts_after_a_full_stop_not_after_a_space():
    starts = [t.sentence_start for t in tokenize("Mosul fell. Then Raqqa")]
    assert starts == [True, False, True, False]
