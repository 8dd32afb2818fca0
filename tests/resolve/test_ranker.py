import json

import pytest

from geo.datafiles import DATA_DIR
from geo.errors import DataFileError
from geo.resolve.calibration import Calibration
from geo.resolve.features import FEATURE_NAMES
from geo.resolve.ranker import fitted_corpora, load_ranker
from tests.resolve.test_namesakes import SOLDIER, places_in


def test_the_shipped_ranker_loads_with_a_weight_for_every_feature():
    ranker = load_ranker()
    assert len(ranker.weights) == len(FEATURE_NAMES)
    assert set(json.loads((DATA_DIR / "models" / "ranker.json").read_text())["features"]) == set(
        FEATURE_NAMES
    )


def test_each_held_out_model_differs_from_the_full_one():
    full = load_ranker()
    assert len(fitted_corpora()) >= 3
    for corpus in fitted_corpora():
        held_out = load_ranker(held_out=corpus)
        assert held_out.weights != full.weights
        assert (
            corpus
            not in json.loads((DATA_DIR / "models" / "ranker.json").read_text())["held_out"][
                corpus
            ]["corpora"]
        )


def test_a_corpus_without_a_held_out_model_is_an_error_naming_it():
    with pytest.raises(DataFileError, match="'Unknown corpus'"):
        load_ranker(held_out="Unknown corpus")


def test_the_probabilities_of_a_pool_leave_room_for_none_of_these():
    ranker = load_ranker()
    pool = [dict.fromkeys(FEATURE_NAMES, 0.0), {**dict.fromkeys(FEATURE_NAMES, 0.0), "prior": 1.0}]
    probabilities = ranker.probabilities(pool)
    assert all(0.0 < p < 1.0 for p in probabilities)
    assert sum(probabilities) < 1.0


def test_a_vector_of_features_scores_as_the_same_features_by_name():
    ranker = load_ranker()
    features = {name: (i % 7) / 7 for i, name in enumerate(FEATURE_NAMES)}
    vector = [features[name] for name in FEATURE_NAMES]
    assert ranker.score_vector(vector) == ranker.score(features)
    assert ranker.vector_probabilities([vector]) == ranker.probabilities([features])


def test_confidence_is_a_probability(gazetteer):
    found = places_in(SOLDIER, ["England", "Boston", "Grantham", "Lincoln"], gazetteer)
    for resolution in found.values():
        assert 0.0 <= resolution.confidence <= 1.0
        assert all(0.0 <= a.score <= 1.0 for a in resolution.alternatives)


def test_a_calibration_reads_its_curve_linearly_and_flat_beyond_its_ends():
    curve = Calibration((0.2, 0.6), (0.1, 0.5))
    assert curve(0.0) == 0.1
    assert curve(0.4) == pytest.approx(0.3)
    assert curve(0.9) == 0.5


def test_a_decreasing_calibration_is_refused():
    with pytest.raises(DataFileError, match="must not decrease"):
        Calibration((0.2, 0.6), (0.5, 0.1))
