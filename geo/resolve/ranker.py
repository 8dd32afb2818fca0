"""The ranker: a conditional logistic regression over the candidates of a mention and a "none
of these" outcome, on each candidate's features (:mod:`geo.resolve.features`), fitted on the
benchmark corpora by ``train/fit_ranker.py`` and kept in ``data/models/ranker.json``; here it
is only applied, in plain Python.

Each candidate scores ``w · features``; "none of these" scores a constant. A candidate's raw
probability is its share of the exponentials of all the scores: the model's estimate that it
is the one within 161 km of the place meant. The chosen candidate's calibrated probability
(:mod:`geo.resolve.calibration`) is the resolution's confidence.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from geo.datafiles import DataFile, read_json
from geo.errors import DataFileError
from geo.resolve.calibration import Calibration
from geo.resolve.features import FEATURE_NAMES

MODEL_FILE = "models/ranker.json"


@dataclass(frozen=True)
class Ranker:
    """Fitted weights per feature, the score of "none of these", and the calibration of the
    chosen candidate's probability."""

    weights: tuple[float, ...]  # in the order of FEATURE_NAMES
    none: float
    calibration: Calibration
    name: str = "all corpora"

    def score(self, features: Mapping[str, float]) -> float:
        """A candidate's score: the weighted sum of its features."""
        return self.score_vector([features[name] for name in FEATURE_NAMES])

    def score_vector(self, vector: Sequence[float]) -> float:
        """The score of features given in the order of ``FEATURE_NAMES``."""
        total = 0.0
        for weight, value in zip(self.weights, vector, strict=True):
            total += weight * value
        return total

    def probabilities(self, pool: Sequence[Mapping[str, float]]) -> list[float]:
        """Each candidate's raw probability of being the place meant, in pool order; what
        they leave to 1 is the probability that none of them is."""
        return self.vector_probabilities([[f[name] for name in FEATURE_NAMES] for f in pool])

    def vector_probabilities(self, pool: Sequence[Sequence[float]]) -> list[float]:
        """:meth:`probabilities` of features given as vectors (see :meth:`score_vector`)."""
        scores = [self.score_vector(v) for v in pool]
        top = max(self.none, *scores)
        exps = [math.exp(s - top) for s in scores]
        total = math.exp(self.none - top) + sum(exps)
        return [e / total for e in exps]

    def confidence(self, raw: float) -> float:
        """The calibrated probability of a raw one."""
        return self.calibration(raw)


def ranker_from_json(fitted: Mapping, name: str = "all corpora") -> Ranker:
    """A ranker from one fitted model of the file: weights by feature name, the score of
    "none of these", calibration."""
    weights = fitted.get("weights", {})
    missing = [f for f in FEATURE_NAMES if f not in weights]
    if missing:
        raise DataFileError(f"ranker {name!r} has no weight for {', '.join(missing)}")
    return Ranker(
        tuple(float(weights[f]) for f in FEATURE_NAMES),
        float(fitted["none"]),
        Calibration.from_json(fitted["calibration"]),
        name,
    )


@functools.cache
def fitted_corpora(source: DataFile = MODEL_FILE) -> tuple[str, ...]:
    """The corpora the shipped ranker was fitted on (each has a model fitted without it)."""
    return tuple(read_json(source).get("corpora", ()))


@functools.cache
def load_ranker(held_out: str | None = None, source: DataFile = MODEL_FILE) -> Ranker:
    """The shipped ranker, or the one fitted without the corpus ``held_out``."""
    content = read_json(source)
    if held_out is None:
        return ranker_from_json(content["model"])
    if held_out not in content.get("held_out", {}):
        known = ", ".join(sorted(content.get("held_out", {})))
        raise DataFileError(f"no ranker fitted without {held_out!r} (known: {known})")
    return ranker_from_json(content["held_out"][held_out], f"without {held_out}")
