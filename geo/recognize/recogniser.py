"""The fitted classifier that keeps or drops a candidate place name, applied in plain Python.

The model is a set of gradient-boosted regression trees over the named features of
:mod:`geo.recognize.name_features`, fitted by ``train/fit_recogniser.py`` and kept in
``data/models/recogniser.json``: one model fitted on every corpus, and one per corpus fitted
without it, which the benchmark uses to score that corpus.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from geo.datafiles import read_json
from geo.errors import DataFileError

MODEL_FILE = "models/recogniser.json"


@dataclass(frozen=True)
class Tree:
    """One regression tree as parallel arrays; a node whose ``left`` is -1 is a leaf."""

    feature: tuple[int, ...]
    threshold: tuple[float, ...]
    left: tuple[int, ...]
    right: tuple[int, ...]
    value: tuple[float, ...]

    def predict(self, row: Sequence[float]) -> float:
        """The leaf value that ``row`` falls into."""
        node = 0
        while self.left[node] != -1:
            go_left = row[self.feature[node]] <= self.threshold[node]
            node = self.left[node] if go_left else self.right[node]
        return self.value[node]


@dataclass(frozen=True)
class Recogniser:
    """Gradient-boosted trees: the log-odds that a candidate name is a place mention."""

    features: tuple[str, ...]
    initial: float
    learning_rate: float
    trees: tuple[Tree, ...]
    threshold: float = 0.5

    def probability(self, values: Mapping[str, float]) -> float:
        """The probability that a candidate with these feature ``values`` is a place mention
        (a feature the mapping lacks counts as 0)."""
        row = [values.get(name, 0.0) for name in self.features]
        total = 0.0
        for tree in self.trees:  # Tree.predict, inlined: this loop is the recogniser's cost
            feature, threshold, left, right = tree.feature, tree.threshold, tree.left, tree.right
            node = 0
            while left[node] != -1:
                node = left[node] if row[feature[node]] <= threshold[node] else right[node]
            total += tree.value[node]
        return 1 / (1 + math.exp(-(self.initial + self.learning_rate * total)))

    def keeps(self, values: Mapping[str, float]) -> bool:
        """Whether a candidate with these feature ``values`` is kept as a place mention."""
        return self.probability(values) >= self.threshold


def recogniser_from_dict(data: Mapping[str, Any], features: Sequence[str]) -> Recogniser:
    """A :class:`Recogniser` from one fitted model of the JSON file."""
    trees = tuple(
        Tree(
            tuple(t["feature"]),
            tuple(t["threshold"]),
            tuple(t["left"]),
            tuple(t["right"]),
            tuple(t["value"]),
        )
        for t in data["trees"]
    )
    return Recogniser(
        tuple(features), data["initial"], data["learning_rate"], trees, data["threshold"]
    )


@cache
def load_recogniser(held_out: str | None = None) -> Recogniser:
    """The shipped model, or with ``held_out`` the one fitted without that corpus."""
    data = read_json(MODEL_FILE)
    if held_out is None:
        return recogniser_from_dict(data["model"], data["features"])
    if held_out not in data["held_out"]:
        known = ", ".join(sorted(data["held_out"]))
        raise DataFileError(
            f"{MODEL_FILE} has no model fitted without {held_out!r}; it has: {known}"
        )
    return recogniser_from_dict(data["held_out"][held_out], data["features"])
