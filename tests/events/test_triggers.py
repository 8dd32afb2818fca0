"""Event triggers: each vocabulary in one pattern, and the class a sentence's words give."""

from geo.events.triggers import _words, event_type, fold_case, sentence_types, statements


def test_the_longest_word_listed_at_a_position_is_the_match():
    pattern = _words(["car", "car bomb", "carbon"])
    assert [m.group() for m in pattern.finditer("A Car bomb and carbon.")] == ["Car bomb", "carbon"]


def test_a_word_listed_matches_only_at_a_word_start():
    assert _words(["bomb"]).search("a firebomb") is None


def test_a_phrase_hides_the_words_inside_it():
    assert event_type("Unions called a general strike in Lagos.") == "peaceful_protest"


def test_an_inflected_french_verb_of_massacre_is_violence_against_civilians():
    assert event_type("Au moins douze villageois ont été massacrés près de Beni.") == (
        "attack_on_civilians"
    )


def test_broken_shop_windows_at_a_demonstration_make_a_riot():
    assert event_type("À Nantes, des vitrines ont été brisées.") == "violent_demonstration"


def test_petrol_bombs_are_a_riot_not_an_explosion():
    assert event_type("Youths hurled petrol bombs at the police.") == "violent_demonstration"


def test_demonstrators_who_loot_make_a_riot():
    assert event_type("Protesters looted shops in the city centre.") == "violent_demonstration"


def test_an_attack_on_a_school_with_no_armed_force_named_is_violence_against_civilians():
    assert event_type("Gunmen attacked a school in the north.") == "attack_on_civilians"


def test_an_attack_on_soldiers_stays_a_battle():
    assert event_type("Gunmen attacked an army checkpoint near the school.") == "armed_clash"


def test_armed_men_killing_civilians_is_violence_against_civilians():
    assert event_type("Armed men killed twenty civilians on Saturday.") == "attack_on_civilians"


def test_a_tremor_of_some_magnitude_is_an_earthquake():
    assert event_type("A magnitude 6.1 tremor shook the region.") == "earthquake"


def test_a_grenade_thrown_is_a_grenade_attack_but_tear_gas_grenades_are_police_intervention():
    assert event_type("A man threw a grenade into the bar.") == "grenade"
    assert event_type("La police a tiré des grenades lacrymogènes.") == "protest_with_intervention"


def test_a_football_report_has_no_conflict_class_in_any_sentence():
    kinds = sentence_types(
        [
            "Barcelona beat Madrid 2-1 on Sunday to stay top of the league.",
            "Their striker equalised after a swift counter-attack.",
        ]
    )
    assert kinds == [None, None]


def test_a_similar_attack_is_the_kind_of_event_told_before_it():
    kinds = sentence_types(
        [
            "A car bomb exploded at a checkpoint in Gogjali on Thursday.",
            "Two weeks ago, a similar attack killed ten soldiers in Bartella.",
        ]
    )
    assert kinds == ["remote_explosive", "remote_explosive"]


def test_an_evacuation_in_a_flood_story_is_the_flood():
    kinds = sentence_types(
        ["The river burst its banks in Beledweyne.", "Hundreds of families were evacuated."]
    )
    assert kinds == ["flood", "flood"]


def test_civilians_evacuated_in_a_war_story_are_a_strategic_development():
    kinds = sentence_types(
        ["Fighting raged around Baghouz.", "Hundreds of women were evacuated to Hajin."]
    )
    assert kinds == ["armed_clash", "evacuation"]


def test_an_article_is_typed_sentence_by_sentence_as_each_sentence_alone():
    sentences = ["Jets struck a depot near Rutba.", "Protesters marched in Basra."]
    assert sentence_types(sentences) == [event_type(s) for s in sentences]


def test_folding_case_keeps_every_offset():
    text = "İstanbul: ÉMEUTES à Paris"
    assert len(fold_case(text)) == len(text)
    assert fold_case(text).endswith("émeutes à paris")


def test_an_attack_told_since_another_began_is_a_statement_of_its_own():
    text = "Rebels fired rockets into the city since they launched an offensive on Friday."
    parts = [text[a:b] for a, b in statements(text, [(0, len(text))])]
    assert [event_type(p) for p in parts] == ["shelling", "armed_clash"]


def test_a_death_with_no_armed_men_named_is_no_violence_against_civilians():
    assert event_type("The driver was killed when his car hit a bus full of passengers.") is None


def test_a_firefighter_is_no_firefight():
    assert event_type("Firefighters cleared the scene near Lyon.") is None


def test_a_similar_bill_is_no_similar_attack():
    kinds = sentence_types(["A bomb exploded in Kabul.", "He wrote a similar bill in Herat."])
    assert kinds == ["remote_explosive", None]


def test_activists_arrested_in_an_election_story_are_still_arrests():
    kinds = sentence_types(
        ["Voters go to the polls in Tbilisi on Sunday.", "Nine activists were arrested in Batumi."]
    )
    assert kinds == [None, "arrests"]
