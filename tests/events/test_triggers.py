"""Event triggers: each vocabulary in one pattern, and the class a sentence's words give."""

from geo.events.triggers import _words, event_type


def test_the_longest_word_listed_at_a_position_is_the_match():
    pattern = _words(["car", "car bomb", "carbon"])
    assert [m.group() for m in pattern.finditer("A Car bomb and carbon.")] == ["Car bomb", "carbon"]


def test_a_word_listed_matches_only_at_a_word_start():
    assert _words(["bomb"]).search("a firebomb") is None


def test_a_phrase_hides_the_words_inside_it():
    assert event_type("Unions called a general strike in Lagos.") == "peaceful_protest"
