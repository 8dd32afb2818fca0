"""An article tells several events, each with its own date and places."""

import datetime as dt

from geo.export.geojson import document_features
from geo.model import Article
from geo.pipeline import geoparse
from geo.schema import DateWindow
from geo.view import ViewFilter, apply_filter


def events_of(text, gazetteer, published=None):
    return geoparse(Article(text=text, source="test", published=published), gazetteer).events


def dates_at(events, name):
    return {e.date.start for e in events for r in e.places if r.place.name == name}


WIRE = """BAGHDAD, April 15, 2016 — Iraqi troops clashed with militants near Ramadi on Tuesday, officers said.

On Wednesday, coalition jets struck a depot near Mosul.
"""


def test_the_dateline_date_is_not_the_date_of_the_event(gazetteer):
    events = events_of(WIRE, gazetteer)
    assert dates_at(events, "Ramadi") == {dt.date(2016, 4, 12)}


def test_each_dated_sentence_is_its_own_event(gazetteer):
    events = events_of(WIRE, gazetteer)
    assert dates_at(events, "Mosul") == {dt.date(2016, 4, 13)}


def test_a_background_anecdote_is_its_own_event(gazetteer):
    text = (
        "KIRKUK, Oct 19, 2017 — Government forces entered Kirkuk on Monday.\n\n"
        "In 2014, the militants seized Tikrit after the army collapsed.\n"
    )
    events = events_of(text, gazetteer)
    assert dates_at(events, "Kirkuk") == {dt.date(2017, 10, 16)}
    (tikrit,) = [e.date for e in events if any(r.place.name == "Tikrit" for r in e.places)]
    assert (tikrit.start, tikrit.end) == (dt.date(2014, 1, 1), dt.date(2014, 12, 31))


def test_a_dated_sentence_naming_no_place_happens_where_the_story_is(gazetteer):
    text = (
        "Floods in Beledweyne\n\nThe river flooded Beledweyne on Saturday, officials said.\n\n"
        "The same town was flooded in April 2018.\n"
    )
    events = events_of(text, gazetteer, published=dt.date(2019, 10, 28))
    assert dates_at(events, "Beledweyne") == {dt.date(2019, 10, 26), dt.date(2018, 4, 1)}


def test_the_day_before_counts_from_the_event_told_before(gazetteer):
    text = (
        "Manifestations\n\nDes milliers de personnes ont défilé vendredi à Alger. "
        "La veille, des magistrats avaient manifesté à Oran.\n"
    )
    events = events_of(text, gazetteer, published=dt.date(2019, 4, 27))
    assert dates_at(events, "Oran") == {dt.date(2019, 4, 25)}


def test_a_paragraph_without_a_date_takes_the_date_of_the_lead(gazetteer):
    text = (
        "Attaque\n\nDes hommes armés ont attaqué mercredi un poste près de Gao.\n\n"
        "Il y a une semaine, un convoi avait sauté sur une mine.\n\n"
        "Des renforts ont été envoyés à Kidal.\n"
    )
    events = events_of(text, gazetteer, published=dt.date(2018, 8, 3))
    assert dates_at(events, "Kidal") == {dt.date(2018, 8, 1)}


def test_a_day_to_come_dates_no_event(gazetteer):
    text = "Vote\n\nThe election in Tunis will take place on October 20.\n"
    events = events_of(text, gazetteer, published=dt.date(2019, 10, 9))
    assert dates_at(events, "Tunis") == {dt.date(2019, 10, 9)}


def test_a_long_first_line_is_the_lead_not_a_headline(gazetteer):
    text = (
        "MOSUL, Iraq, Nov 4, 2016 — A car bomb exploded at a checkpoint in Mosul on Thursday.\n"
        "Officials gave no figures.\n"
    )
    assert dates_at(events_of(text, gazetteer), "Mosul") == {dt.date(2016, 11, 3)}


UNDATED = "Clashes broke out in Benghazi between the army and armed men, a source said.\n"


def test_an_article_with_no_date_is_undated(gazetteer):
    assert [e.date for e in events_of(UNDATED, gazetteer)] == [None]


def test_an_undated_article_stays_out_of_a_dated_window(gazetteer):
    doc = geoparse(Article(text=UNDATED, source="undated.txt"), gazetteer)
    window = ViewFilter(DateWindow(dt.date(2000, 1, 1), dt.date(2030, 1, 1)))
    assert document_features(doc) and apply_filter(document_features(doc), window) == []


def test_a_place_of_two_events_is_a_point_for_each(gazetteer):
    text = (
        "Floods in Beledweyne\n\nThe river flooded Beledweyne on Saturday, officials said.\n\n"
        "The same town was flooded in April 2018.\n"
    )
    doc = geoparse(Article(text=text, source="t", published=dt.date(2019, 10, 28)), gazetteer)
    starts = [
        f["properties"]["start"]
        for f in document_features(doc)
        if f["properties"].get("name") == "Beledweyne"
    ]
    assert set(starts) == {"2018-04-01", "2019-10-26"}
