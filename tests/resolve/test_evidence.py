"""The resolver's evidence: named features that add up to each candidate's score."""

import math
from collections import Counter

import pytest

from geo.model import Mention, Place
from geo.resolve.evidence import EVIDENCE_NAMES, WEIGHTS, Context, evidence, score
from geo.resolve.resolver import ranked_candidates, resolve_mentions

MOSUL = Place("Mosul", 36.335, 43.119, 99072, "IQ", "city", 1_683_000, 1_683_000)
IRAQ = Place("Iraq", 33.0, 44.0, 99237, "IQ", "country", 38_000_000, 10**10 + 38_000_000)


def mention_of(text, name):
    start = text.index(name)
    return Mention(name, start, start + len(name), name)


def test_the_evidence_names_are_those_the_map_exports():
    assert set(EVIDENCE_NAMES) == {
        "prior", "name_match", "focus", "state", "proximity", "qualifier", "kind",
    }  # fmt: skip


def test_a_city_in_the_country_of_the_story_has_prior_name_and_focus():
    found = evidence(MOSUL, "mosul", Context(Counter({"IQ": 1.0})), qualifier=None)
    assert found == {
        "prior": pytest.approx(math.log10(1_683_010) / 7),
        "kind": 0.0,
        "name_match": 1.0,
        "focus": 1.0,
        "state": 0.0,
        "proximity": 0.0,
        "qualifier": 0.0,
    }


def test_a_country_is_important_by_its_kind_not_its_population():
    found = evidence(IRAQ, "iraq", Context(Counter()), qualifier=None)
    assert (found["prior"], found["kind"]) == (0.0, 1.0)


def test_the_score_is_the_weighted_sum_of_the_evidence():
    found = evidence(MOSUL, "mosul", Context(Counter({"IQ": 1.0})), qualifier=IRAQ)
    assert score(found) == pytest.approx(sum(WEIGHTS[n] * v for n, v in found.items()))
    assert found["qualifier"] == 1.0


def test_every_alternative_carries_its_evidence(gazetteer):
    text = "Fighting resumed near Homs in Syria."
    (homs,) = resolve_mentions([mention_of(text, "Homs")], gazetteer, text)
    assert homs.alternatives
    for alternative in homs.alternatives:
        assert list(alternative.evidence) == list(EVIDENCE_NAMES)


def test_candidates_are_ordered_like_the_score_of_their_evidence(gazetteer):
    text = "The storm reached Paris, Texas, on Sunday."
    (paris,) = ranked_candidates([mention_of(text, "Paris")], gazetteer, text)
    scores = [score(c.evidence) for c in paris]
    assert scores == sorted(scores, reverse=True)
    assert [c.score for c in paris] == sorted((c.score for c in paris), reverse=True)
    assert (paris[0].place.country_code, paris[0].evidence["qualifier"]) == ("US", 1.0)
    french = next(c for c in paris if c.place.country_code == "FR")
    assert french.evidence["qualifier"] == 0.0
