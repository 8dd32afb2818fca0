"""The resolver's evidence: the named features each candidate is ranked on."""

import dataclasses
import math
from collections import Counter

import pytest

from geo.model import Mention, Place
from geo.resolve.evidence import EVIDENCE_NAMES, Context, evidence
from geo.resolve.features import pool_features
from geo.resolve.ranker import load_ranker
from geo.resolve.resolver import ranked_candidates, resolve_mentions

MOSUL = Place("Mosul", 36.335, 43.119, 99072, "IQ", "city", 1_683_000, 1_683_000)
IRAQ = Place("Iraq", 33.0, 44.0, 99237, "IQ", "country", 38_000_000, 10**10 + 38_000_000)


def mention_of(text, name):
    start = text.index(name)
    return Mention(name, start, start + len(name), name)


def test_the_evidence_names_are_those_the_map_exports():
    assert set(EVIDENCE_NAMES) == {
        "prior", "name_match", "focus", "state", "proximity", "qualifier", "kind",
        "top_country", "admin1", "centroid", "others_focus",
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
        "top_country": 1.0,
        "admin1": 0.0,
        "centroid": 0.0,
        "others_focus": 0.0,
    }


def test_a_country_is_important_by_its_kind_not_its_population():
    found = evidence(IRAQ, "iraq", Context(Counter()), qualifier=None)
    assert (found["prior"], found["kind"]) == (0.0, 1.0)


def test_a_qualifier_naming_the_country_of_the_place_is_evidence():
    found = evidence(MOSUL, "mosul", Context(Counter({"IQ": 1.0})), qualifier=IRAQ)
    assert found["qualifier"] == 1.0


def test_the_middle_of_the_other_places_is_evidence_for_the_nearer_namesake():
    context = Context(Counter({"IQ": 1.0}), anchors=(("baghdad", IRAQ),))
    near = evidence(MOSUL, "mosul", context, qualifier=None)
    far = evidence(dataclasses.replace(MOSUL, lat=40.0, lon=-100.0), "mosul", context, None)
    assert 0.0 < far["centroid"] < near["centroid"] <= 1.0


def test_every_alternative_carries_its_evidence(gazetteer):
    text = "Fighting resumed near Homs in Syria."
    (homs,) = resolve_mentions([mention_of(text, "Homs")], gazetteer, text)
    assert homs.alternatives
    for alternative in homs.alternatives:
        assert list(alternative.evidence) == list(EVIDENCE_NAMES)


def test_the_places_a_qualifier_fits_come_first_each_group_in_the_ranker_order(gazetteer):
    text = "The storm reached Paris, Texas, on Sunday."
    (paris,) = ranked_candidates([mention_of(text, "Paris")], gazetteer, text)
    features = pool_features([c.place for c in paris], [c.evidence for c in paris])
    scores = [load_ranker().score(f) for f in features]
    fitting = [s for s, c in zip(scores, paris, strict=True) if c.evidence["qualifier"] == 1.0]
    others = [s for s, c in zip(scores, paris, strict=True) if c.evidence["qualifier"] == 0.0]
    assert (
        fitting
        and others
        and scores == sorted(fitting, reverse=True) + sorted(others, reverse=True)
    )
    assert (paris[0].place.country_code, paris[0].evidence["qualifier"]) == ("US", 1.0)
    french = next(c for c in paris if c.place.country_code == "FR")
    assert french.evidence["qualifier"] == 0.0
