"""Nationality mentions say who acts, not where: they never place an event."""

import datetime as dt

from geo.model import Article
from geo.pipeline import geoparse, geoparse_features

COALITION = "The US-led coalition struck Islamic State positions on Monday, a spokesman said."
IRAQI_FORCES = "Iraqi forces advanced on Monday against Islamic State fighters near Mosul."
FORCES_FR = "Les forces irakiennes ont lancé lundi une offensive contre l'Etat islamique."


def parsed(text, gazetteer, lang="en"):
    return geoparse(Article(text=text, source="test", lang=lang), gazetteer)


def test_the_us_of_us_led_is_a_nationality_mention_of_the_united_states(gazetteer):
    (resolution,) = parsed(COALITION, gazetteer).resolutions
    assert resolution.mention.text == "US" and resolution.mention.kind_hint == "demonym"
    assert resolution.place.country_code == "US"


def test_a_strike_by_the_us_led_coalition_has_no_point_in_the_united_states(gazetteer):
    document = parsed(COALITION, gazetteer)
    assert all(not event.places for event in document.events)


def test_iraqi_forces_do_not_place_a_battle_at_the_centre_of_iraq(gazetteer):
    document = parsed(IRAQI_FORCES, gazetteer)
    located = {r.mention.text for event in document.events for r in event.places}
    assert located == {"Mosul"}


def test_an_event_whose_only_places_are_nationalities_has_no_point_in_french(gazetteer):
    document = parsed(FORCES_FR, gazetteer, "fr")
    assert any(r.mention.text == "irakiennes" for r in document.resolutions)
    assert all(not event.places for event in document.events)


def test_nationality_mentions_are_output_flagged_and_without_an_event(gazetteer):
    features = geoparse_features(Article(text=IRAQI_FORCES, source="t", lang="en"), gazetteer)
    iraqi = next(f for f in features if f["properties"]["mention"] == "Iraqi")
    mosul = next(f for f in features if f["properties"]["mention"] == "Mosul")
    assert iraqi["properties"]["demonym"] is True and "event_id" not in iraqi["properties"]
    assert mosul["properties"]["demonym"] is False and mosul["properties"]["event_id"]


def test_a_nationality_mention_is_dated_by_the_article_so_a_date_window_can_show_it(gazetteer):
    article = Article(text=IRAQI_FORCES, source="t", lang="en", published=dt.date(2017, 1, 10))
    iraqi = next(
        f for f in geoparse_features(article, gazetteer) if f["properties"]["mention"] == "Iraqi"
    )
    assert iraqi["properties"]["start"] == "2017-01-09" and "event_type" not in iraqi["properties"]
