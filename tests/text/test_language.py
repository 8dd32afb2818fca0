from geo.text.language import detect_language


def test_french_is_recognised():
    assert detect_language("Les forces irakiennes ont repris la ville après des combats.") == "fr"


def test_english_is_recognised():
    assert detect_language("The army said it had retaken the town after heavy fighting.") == "en"


def test_empty_text_falls_back_to_the_default():
    assert detect_language("", default="fr") == "fr"
