"""Dates as wire copy writes them: datelines, nights, weekdays to come, spans and years."""

import datetime as dt

from geo.events.dates import DAY, MONTH, WEEK, dateline, find_dates, publication_date

THURSDAY = dt.date(2017, 1, 5)
TUESDAY = dt.date(2017, 1, 3)


def only(text, reference):
    (found,) = find_dates(text, reference)
    return found.date


def test_an_english_dateline_is_the_publication_date():
    text = "BAGHDAD, April 15, 2016 — Iraqi troops clashed with militants on Tuesday."
    assert publication_date(text, None) == (dt.date(2016, 4, 15), "published")


def test_a_french_dateline_with_an_agency_is_the_publication_date():
    text = "RAQQA (Syrie), 19 octobre 2017 (AFP) - Les forces ont repris la ville mardi."
    assert publication_date(text, None) == (dt.date(2017, 10, 19), "published")


def test_a_date_on_its_own_line_below_a_headline_is_a_dateline():
    text = "Camp diary\nErbil, 5 November 2016\n\nFamilies arrived on Saturday."
    assert dateline(text).date.start == dt.date(2016, 11, 5)


def test_a_date_inside_the_first_sentence_is_no_dateline():
    assert dateline("The army said on April 15, 2016 that it had taken the town.") is None


def test_a_dateline_without_its_year_takes_the_year_of_the_date_given():
    line = dateline("KABUL, June 12 (Reuters) - A bomb exploded.", dt.date(2019, 6, 12))
    assert line.date.start == dt.date(2019, 6, 12)


def test_a_given_date_wins_over_the_dateline():
    text = "BAGHDAD, April 15, 2016 — Fighting."
    assert publication_date(text, THURSDAY) == (THURSDAY, "published")


def test_a_night_from_saturday_to_sunday_spans_both_days():
    date = only("dans la nuit de samedi à dimanche", THURSDAY)
    assert (date.start, date.end, date.time_precision) == (
        dt.date(2016, 12, 31),
        dt.date(2017, 1, 1),
        DAY,
    )


def test_next_tuesday_is_after_the_reference():
    assert only("Talks resume next Tuesday.", TUESDAY).start == dt.date(2017, 1, 10)


def test_jeudi_prochain_is_after_the_reference():
    assert only("Une marche aura lieu jeudi prochain.", TUESDAY).start == THURSDAY


def test_a_weekday_in_a_sentence_about_plans_is_the_one_to_come():
    assert only("The council will vote on Thursday.", TUESDAY).start == THURSDAY


def test_a_weekday_told_in_the_past_is_the_one_before():
    assert only("The council voted on Thursday.", TUESDAY).start == dt.date(2016, 12, 29)


def test_every_friday_is_a_habit_not_a_date():
    assert find_dates("Crowds march every Friday.", THURSDAY) == []


def test_earlier_this_month_runs_from_the_first_to_the_reference():
    date = only("Earlier this month, rockets hit the district.", THURSDAY)
    assert (date.start, date.end, date.time_precision) == (dt.date(2017, 1, 1), THURSDAY, MONTH)


def test_two_weeks_ago_is_that_week():
    date = only("il y a deux semaines", THURSDAY)
    assert (date.start, date.end, date.time_precision) == (
        dt.date(2016, 12, 19),
        dt.date(2016, 12, 25),
        WEEK,
    )


def test_a_year_alone_is_that_year_at_the_coarsest_precision():
    date = only("In 2013, a car bomb exploded in the market.", THURSDAY)
    assert (date.start, date.end, date.time_precision) == (
        dt.date(2013, 1, 1),
        dt.date(2013, 12, 31),
        MONTH,
    )


def test_a_year_needs_no_reference():
    assert only("En 2013, une voiture piégée a explosé.", None).start == dt.date(2013, 1, 1)


def test_since_a_weekday_runs_to_the_reference():
    date = only("2,000 people have arrived since Monday.", THURSDAY)
    assert (date.start, date.end, date.time_precision) == (dt.date(2017, 1, 2), THURSDAY, WEEK)


def test_the_day_before_is_told_from_the_event_before_it():
    (found,) = find_dates("La veille, des tirs ont touché la ville.", THURSDAY)
    assert found.shift == -1


def test_a_month_with_its_year_needs_no_preposition():
    date = only("the riots of October 1988", THURSDAY)
    assert (date.start, date.end, date.time_precision) == (
        dt.date(1988, 10, 1),
        dt.date(1988, 10, 31),
        MONTH,
    )
