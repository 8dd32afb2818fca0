import datetime as dt
import json

import pytest

from geo.datafiles import DATA_DIR
from geo.events.triggers import actors_in, event_type, statements
from geo.model import Article
from geo.pipeline import geoparse
from geo.text.sentences import split_sentences

ANBAR = """Offensive dans l'Anbar

L'armée irakienne a lancé jeudi une offensive vers Anah, avec l'appui de la coalition menée par les Etats-Unis.

Les villes de Rawa et d'Al-Qaïm restent aux mains du groupe Etat islamique, selon un officier à Haditha.
"""

MOSUL = """Mosul update

About 70 percent of east Mosul has been retaken from Islamic State, a commander said on Thursday.

West Mosul is still held by Islamic State.
"""


def events_of(text, gazetteer, published=None):
    return geoparse(Article(text=text, source="test", published=published), gazetteer).events


def test_an_offensive_is_a_battle_dated_by_its_weekday(gazetteer):
    events = events_of(ANBAR, gazetteer, published=dt.date(2017, 1, 7))
    battle = events[0]
    assert battle.event_type == "armed_clash"
    assert battle.date.start == dt.date(2017, 1, 5) and battle.date.date_source == "relative"


def test_actors_named_in_the_sentence_are_kept(gazetteer):
    battle = events_of(ANBAR, gazetteer, published=dt.date(2017, 1, 7))[0]
    assert {"Iraqi army", "US-led coalition"} <= set(battle.actors)


def test_places_named_before_holding_words_are_held_the_others_not(gazetteer):
    held = next(
        e
        for e in events_of(ANBAR, gazetteer, dt.date(2017, 1, 7))
        if e.event_type == "territory_held"
    )
    assert held.properties["held_by"] == "Islamic State"
    scoped = {
        r.mention.text for r in held.places if r.mention.start in held.properties["control_scope"]
    }
    assert scoped == {"Rawa", "Al-Qaïm"}
    assert {r.mention.text for r in held.places} == {"Rawa", "Al-Qaïm"}


def test_where_the_speaker_was_joins_the_main_event_not_the_holding(gazetteer):
    events = events_of(ANBAR, gazetteer, dt.date(2017, 1, 7))
    assert "Haditha" in {r.mention.text for r in events[0].places}
    assert events[0].event_type == "armed_clash"


def test_the_share_retaken_is_kept_as_a_figure(gazetteer):
    events = events_of(MOSUL, gazetteer, published=dt.date(2017, 1, 5))
    regained = next(e for e in events if e.event_type == "government_regains_territory")
    assert regained.properties["share_retaken"] == 0.7
    assert any(s.properties["side"] == "east" for s in regained.shapes)


def test_the_west_half_is_held_by_the_islamic_state(gazetteer):
    events = events_of(MOSUL, gazetteer, published=dt.date(2017, 1, 5))
    held = next(e for e in events if e.event_type == "territory_held")
    assert held.properties["control"] == "Islamic State"


def test_every_event_keeps_its_quote_with_offsets(gazetteer):
    for event in events_of(MOSUL, gazetteer, published=dt.date(2017, 1, 5)):
        assert MOSUL[event.quote_start : event.quote_end] == event.quote


def test_places_outside_event_sentences_join_the_main_event(gazetteer):
    text = "Visite\n\nLe ministre s'est rendu à Erbil.\n"
    events = events_of(text, gazetteer, published=dt.date(2017, 3, 2))
    assert len(events) == 1 and events[0].places[0].place.name == "Erbil"
    assert events[0].date.start == dt.date(2017, 3, 2)


def test_two_statements_joined_in_one_sentence_are_two_events(gazetteer):
    text = (
        "Mossoul\n\nLa rive gauche du Tigre à Mossoul est désormais sous le contrôle des forces "
        "gouvernementales, tandis que l'ouest de Mossoul reste aux mains des jihadistes.\n"
    )
    events = events_of(text, gazetteer, published=dt.date(2017, 1, 24))
    by_side = {s.properties["side"]: e for e in events for s in e.shapes}
    assert by_side["left"].event_type == "government_regains_territory"
    assert by_side["west"].event_type == "territory_held"
    assert by_side["west"].properties["held_by"] == "Islamic State"
    assert by_side["west"].quote.startswith("tandis que")


def test_a_contrast_without_a_second_statement_keeps_the_sentence_whole():
    text = (
        "Talks resumed in Geneva, but no deal was reached. Troops retook Anah, while others rested."
    )
    cut = statements(text, split_sentences(text))
    assert [text[a:b] for a, b in cut] == [
        "Talks resumed in Geneva, but no deal was reached.",
        "Troops retook Anah, while others rested.",
    ]


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("Les jihadistes ont exécuté douze civils à Mossoul.", "attack_on_civilians"),
        ("IS fighters kidnapped 30 villagers near Kirkuk.", "abduction"),
        ("Coalition jets struck targets near Mosul.", "air_drone_strike"),
        ("Rebels shelled government positions in Daraa.", "shelling"),
        ("An earthquake struck eastern Turkey.", "earthquake"),
    ],
)
def test_event_types_follow_their_trigger_words(sentence, kind):
    assert event_type(sentence) == kind


def test_every_event_type_has_a_colour_and_a_label_in_the_legend():
    from geo.mapview.style import palette

    classes = json.loads((DATA_DIR / "event_types.json").read_text(encoding="utf-8"))["classes"]
    assert {c["event_type"] for c in classes.values()} <= set(palette()["event_type"])


def test_the_parties_of_the_syrian_war_are_actors():
    sentence = "Russian jets backed the Syrian regime against HTS, while Turkish troops and the SDF fought."
    assert [actor for _, actor in actors_in(sentence)] == [
        "Russian forces",
        "Syrian army",
        "Hayat Tahrir al-Sham",
        "Turkish army",
        "Syrian Democratic Forces",
    ]


def test_a_country_named_only_as_who_leads_the_coalition_is_not_where_the_battle_was(gazetteer):
    text = (
        "Iraqi forces launched an offensive on Thursday against the Islamic State in Anbar.\n\n"
        "Backed by the aircraft of the coalition led by the United States, the troops moved "
        "up the Euphrates from the Haditha dam.\n"
    )
    document = geoparse(Article(text=text, source="t", published=dt.date(2017, 1, 6)), gazetteer)
    battle = document.events[0]
    assert "Anbar" in [r.mention.text for r in battle.places]
    assert "United States" not in [r.place.name for r in battle.places]
    (context,) = [e for e in document.events if any(r.place.country_code == "US" for r in e.places)]
    assert context.event_type == "other" and context.date == battle.date
