"""An event in ACLED's terms: type and sub-event type, actor 1 and 2 and their country."""

from geo.events.acled import acled_terms, event_details
from geo.events.triggers import event_type


def details(sentence):
    return event_details(event_type(sentence), sentence)


def test_each_class_has_acleds_two_levels():
    assert acled_terms("air_drone_strike") == ("Explosions/Remote violence", "Air/drone strike")


def test_a_force_named_with_a_demonym_is_that_countrys_military():
    found = details("Iraqi forces recaptured the town of Tal Afar.")
    assert (found["actor1"], found["actor1_country"]) == ("Military Forces of Iraq", "Iraq")


def test_a_french_force_is_named_after_its_adjective():
    assert details("L'armée malienne a repris Kidal.")["actor1"] == "Military Forces of Mali"


def test_a_group_whose_name_holds_a_demonym_is_not_a_state_force():
    found = details("L'Armée syrienne libre a repris Jarablus.")
    assert found["actor1"] == "Free Syrian Army"


def test_a_place_taken_by_a_non_state_actor_is_an_overtaking():
    found = details("Islamic State fighters seized the town of Hit from Iraqi forces.")
    assert found["sub_event_type"] == "Non-state actor overtakes territory"
    assert (found["actor1"], found["actor2"]) == ("Islamic State", "Military Forces of Iraq")


def test_a_place_retaken_from_a_group_names_that_group_as_actor_2():
    found = details("About 70 percent of east Mosul has been retaken from Islamic State.")
    assert found["sub_event_type"] == "Government regains territory"
    assert "actor1" not in found and found["actor2"] == "Islamic State"


def test_violence_against_civilians_of_no_named_author_is_by_an_unidentified_group():
    found = details("Gunmen executed ten villagers near Kirkuk.")
    assert (found["actor1"], found["actor2"], found["fatalities"]) == (
        "Unidentified Armed Group",
        "Civilians",
        10,
    )


def test_a_protest_with_police_intervention_has_protesters_and_police():
    found = details("La police ougandaise a dispersé les manifestants avec des gaz lacrymogènes.")
    assert found["sub_event_type"] == "Protest with intervention"
    assert (found["actor1"], found["actor2"]) == ("Protesters", "Police Forces of Uganda")


def test_a_sentence_of_non_conflict_news_has_no_battle_type():
    assert event_type("Lyon won the match against Marseille in a clash of titans.") is None


def test_a_general_strike_is_a_protest_not_an_air_strike():
    assert acled_terms(event_type("Workers began a general strike in Lagos."))[0] == "Protests"


def test_an_unknown_class_is_other():
    assert event_details("no_such_class", "Anything.") == {"event_type": "other"}


def test_air_strikes_in_support_of_an_advance_do_not_make_it_an_air_strike():
    sentence = "The troops recaptured the dam on Wednesday, backed by coalition air strikes."
    assert acled_terms(event_type(sentence))[1] == "Government regains territory"


def test_air_strikes_that_are_the_news_stay_air_strikes():
    assert event_type("Coalition air strikes hit Raqqa overnight.") == "air_drone_strike"
