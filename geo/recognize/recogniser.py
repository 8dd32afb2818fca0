"""The fitted classifier that keeps or drops a candidate place name, applied in plain Python.

The model is a set of gradient-boosted regression trees over the named features of
:mod:`geo.recognize.name_features`, fitted by ``train/fit_recogniser.py`` and kept in
``data/models/recogniser.json``: one model fitted on every corpus, and one per corpus fitted
without it, which the benchmark uses to score that corpus.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from geo.datafiles import read_json
from geo.errors import DataFileError
from geo.recognize.tree_code import TreeSum, compiled_tree_sum

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
    # the trees as code (see geo.recognize.tree_code): what Tree.predict sums, faster
    tree_sum: TreeSum = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "tree_sum", compiled_tree_sum(self.trees, self.features))

    def probability(self, values: Mapping[str, float]) -> float:
        """The probability that a candidate with these feature ``values`` is a place mention
        (a feature the mapping lacks counts as 0)."""
        total = self.tree_sum(values)
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
def load_recogniser(held_out: str | None = None, source: str = MODEL_FILE) -> Recogniser:
    """The shipped model of ``source`` (a file of ``data/``), or with ``held_out`` the one
    fitted without that corpus."""
    data = read_json(source)
    if held_out is None:
        return recogniser_from_dict(data["model"], data["features"])
    if held_out not in data["held_out"]:
        known = ", ".join(sorted(data["held_out"]))
        raise DataFileError(f"{source} has no model fitted without {held_out!r}; it has: {known}")
    return recogniser_from_dict(data["held_out"][held_out], data["features"])
