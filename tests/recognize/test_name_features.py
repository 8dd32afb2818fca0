"""What the recogniser's classifier is told about the names listed before a name."""

from geo.recognize.plain_names import name_candidates
from geo.recognize.tokens import tokenize
from geo.text.boilerplate import content_spans


def features_of(text, name, gazetteer, lang="en"):
    """The features of the first candidate whose text is ``name``."""
    tokens = tokenize(text, content_spans(text))
    return next(v for m, v in name_candidates(text, tokens, gazetteer, lang) if m.text == name)


def test_a_name_after_and_and_an_elided_article_follows_the_place_before_it(gazetteer):
    values = features_of("Les villes de Rawa et d'Al-Qaïm.", "Al-Qaïm", gazetteer, "fr")
    assert values["listed_after_place"] == 1


def test_a_name_after_and_and_another_word_is_not_listed(gazetteer):
    values = features_of("Rawa and the Al-Qaïm road.", "Al-Qaïm", gazetteer)
    assert values["listed_after_place"] == 0


def test_the_capitalised_share_counts_three_words_either_side(gazetteer):
    values = features_of("the talks in Amman Said Jordan was ready", "Amman", gazetteer)
    # "the talks in" | "Said Jordan was": two capitalised words out of six
    assert values["capitalised_share_around"] == 2 / 6


def test_an_organisation_noun_is_near_up_to_twelve_words_before_the_name(gazetteer):
    near = features_of("the coach" + " so" * 11 + " Amman", "Amman", gazetteer)
    far = features_of("the coach" + " so" * 12 + " Amman", "Amman", gazetteer)
    assert near["organisation_nouns_near"] and not far["organisation_nouns_near"]
