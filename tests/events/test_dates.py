import datetime as dt

import pytest

from geo.events.dates import DAY, MONTH, WEEK, find_dates, publication_date

THURSDAY = dt.date(2017, 1, 5)
SATURDAY = dt.date(2017, 1, 7)


def only(text, reference):
    (found,) = find_dates(text, reference)
    return found.date


def test_a_weekday_named_on_that_weekday_is_the_same_day():
    assert only("L'armée a lancé jeudi une offensive.", THURSDAY).start == THURSDAY


def test_a_weekday_is_the_last_one_before_the_reference():
    date = only("L'armée a lancé jeudi une offensive.", SATURDAY)
    assert date.start == THURSDAY and date.date_source == "relative" and date.time_precision == DAY


def test_a_weekday_or_month_written_with_a_long_s_reads_as_the_pattern_matched_it():
    assert only("It happened on ſunday.", THURSDAY).start == dt.date(2017, 1, 1)
    assert only("Le 3 ſeptembre, à Mossoul.", THURSDAY).start == dt.date(2016, 9, 3)


def test_percentages_and_counts_are_not_dates():
    assert (
        find_dates(
            "70% de la ville, 70 percent of the city, 1,000 fighters, 18 combattants", THURSDAY
        )
        == []
    )


@pytest.mark.parametrize("text", ["hier soir", "yesterday evening"])
def test_yesterday_is_the_day_before(text):
    assert only(text, THURSDAY).start == dt.date(2017, 1, 4)


def test_last_week_is_a_week_with_week_precision():
    date = only("Fighting flared last week.", THURSDAY)
    assert (date.start, date.end, date.time_precision) == (
        dt.date(2016, 12, 26),
        dt.date(2017, 1, 1),
        WEEK,
    )


@pytest.mark.parametrize("text", ["il y a deux jours", "two days ago", "2 days ago"])
def test_days_ago_count_back_from_the_reference(text):
    assert only(text, THURSDAY).start == dt.date(2017, 1, 3)


@pytest.mark.parametrize("text", ["le week-end dernier", "over the weekend"])
def test_last_weekend_is_the_saturday_and_sunday_before_the_week(text):
    date = only(text, THURSDAY)
    assert (date.start, date.end, date.time_precision) == (
        dt.date(2016, 12, 31),
        dt.date(2017, 1, 1),
        WEEK,
    )


def test_this_week_runs_from_monday_to_the_reference():
    date = only("Les frappes se sont intensifiées cette semaine.", THURSDAY)
    assert (date.start, date.end) == (dt.date(2017, 1, 2), THURSDAY)


def test_late_january_is_the_end_of_the_month():
    date = only("Les combats ont repris fin janvier.", dt.date(2017, 2, 10))
    assert (date.start, date.end, date.time_precision) == (
        dt.date(2017, 1, 21),
        dt.date(2017, 1, 31),
        MONTH,
    )


def test_months_of_fighting_span_back_from_the_reference():
    date = only("au terme de trois mois de combats", THURSDAY)
    assert date.end == THURSDAY and (THURSDAY - date.start).days == 90


def test_explicit_dates_in_both_languages():
    assert only("le 5 janvier 2017", None).start == THURSDAY
    assert only("on January 5, 2017", None).start == THURSDAY
    assert only("2017-01-05", None).date_source == "explicit"


def test_a_date_without_year_takes_the_reference_year():
    assert only("le 12 mars", dt.date(2017, 4, 1)).start == dt.date(2017, 3, 12)


def test_the_given_publication_date_wins():
    assert publication_date("Publié le 3 février 2017", THURSDAY) == (THURSDAY, "published")


def test_a_published_line_at_the_top_gives_the_date():
    assert publication_date("Titre\nPublié le 3 février 2017\nTexte.", None) == (
        dt.date(2017, 2, 3),
        "published",
    )


def test_an_embedded_post_date_is_an_inferred_publication_date():
    text = "Un tweet disait ceci.\n— Une agence (@agence) 5 janvier 2017\nLa suite."
    assert publication_date(text, None) == (THURSDAY, "inferred")


def test_no_date_at_all_gives_none():
    assert publication_date("Aucune date ici.", None) is None
