from hypothesis import given, settings
from hypothesis import strategies as st

from geo.events.date_scan import DateScan, folds_as_patterns, words_in
from geo.events.dates import _keys, _patterns, find_dates

SENTENCES = [
    "Fighting broke out on Monday, 5 March 2016, near Mosul.",
    "Les combats ont repris dans la nuit de jeudi à vendredi, fin janvier.",
    "Three days ago the army said it would return next Tuesday.",
    "Il y a deux semaines, la veille du scrutin, en octobre 2014.",
    "The offensive began after nearly three months of fighting, in 2013.",
    "Published on 2017-01-05. Updated: March 3rd, 2017 at 70 % turnout.",
]
DATE_WORDS = (
    "on in the of fin mi- early late Monday lundi mars March 5 3rd 1er 2016 2014 , . - % "
    "il y a deux trois weeks semaines days jours ago night nuit de à to next prochain since "
    "depuis la veille the day before yesterday hier last week month weekend this"
)
WORDS = st.sampled_from(DATE_WORDS.split())


def whole_range_matches(text, kind):
    return [m.span() for m in _patterns()[kind].finditer(text, 0, len(text))]


def scanned_matches(text, kind):
    scan = DateScan(text, 0, len(text), _keys())
    return [m.span() for m in scan.matches(kind, _patterns()[kind])]


def test_each_kind_finds_in_its_windows_what_it_finds_reading_the_whole_text():
    text = " ".join(SENTENCES)
    for kind in _patterns():
        assert scanned_matches(text, kind) == whole_range_matches(text, kind), kind


@settings(max_examples=200, deadline=None)
@given(st.lists(WORDS, max_size=40), st.sampled_from([" ", "  ", "\n", " - "]))
def test_any_run_of_date_words_is_matched_as_a_whole_reading_matches_it(words, gap):
    text = gap.join(words)
    for kind in _patterns():
        assert scanned_matches(text, kind) == whole_range_matches(text, kind), (kind, text)


def test_a_kind_whose_words_the_text_lacks_reads_nothing():
    scan = DateScan("Floods hit Basra in 2016.", 0, 25, _keys())
    assert scan.windows("weekday") == [] and scan.windows("month_day") == []


def test_a_window_holds_the_words_around_a_month():
    text = "x " * 50 + "on 5 March 2016 the army" + " y" * 50
    ((start, end),) = DateScan(text, 0, len(text), _keys()).windows("day_month")
    assert "on 5 March 2016 the army" in text[start:end] and end - start < 80


def test_a_text_whose_letters_lower_case_differently_is_read_whole():
    assert not folds_as_patterns("ſince Frıday")
    assert DateScan("ſince Frıday", 0, 12, _keys()).windows("weekday") == [(0, 12)]


def test_words_are_counted_between_spaces_and_hyphens():
    assert words_in(["le week-end dernier", "this week"]) == 4


def test_the_dates_of_a_range_are_those_found_inside_it():
    text = "On 5 March 2016 they met. On 7 March 2016 they left."
    (found,) = find_dates(text, None, 26)
    assert text[found.start : found.end] == "7 March 2016"


def test_a_range_past_the_end_of_the_text_reads_up_to_its_end():
    text = "They met on 5 March 2016"
    (found,) = find_dates(text, None, 3, 500)
    assert text[found.start : found.end] == "5 March 2016"
