"""The recogniser's trees compiled into code give what walking their arrays gives."""

import math
import random

import pytest

from geo.errors import DataFileError
from geo.recognize.recogniser import Tree, load_recogniser
from geo.recognize.tree_code import compiled_tree_sum

# if x0 <= 0.5: (if x1 <= 2.0: 1.0 else -1.0) else 0.25
STUMPS = Tree(
    feature=(0, 1, -2, -2, -2),
    threshold=(0.5, 2.0, -2.0, -2.0, -2.0),
    left=(1, 2, -1, -1, -1),
    right=(4, 3, -1, -1, -1),
    value=(0.0, 0.0, 1.0, -1.0, 0.25),
)


def walked_sum(trees, features, values):
    row = [values.get(name, 0.0) for name in features]
    total = 0.0
    for tree in trees:  # one addition after another (sum() may compensate rounding)
        total += tree.predict(row)
    return total


def test_a_compiled_tree_follows_its_thresholds_to_the_leaf():
    tree_sum = compiled_tree_sum([STUMPS], ["first", "second"])
    assert tree_sum({"first": 0.0, "second": 1.0}) == 1.0
    assert tree_sum({"first": 0.0, "second": 3.0}) == -1.0
    assert tree_sum({"first": 1.0, "second": 1.0}) == 0.25


def test_a_value_equal_to_the_threshold_goes_left():
    tree_sum = compiled_tree_sum([STUMPS], ["first", "second"])
    assert tree_sum({"first": 0.5, "second": 2.0}) == 1.0


def test_a_missing_feature_counts_as_zero():
    tree_sum = compiled_tree_sum([STUMPS], ["first", "second"])
    assert tree_sum({"second": 3.0}) == -1.0


def test_the_shipped_trees_compiled_sum_exactly_what_walking_them_sums():
    recogniser = load_recogniser()
    names, rng = recogniser.features, random.Random(7)
    for _ in range(2000):
        values = {name: rng.choice([0.0, 1.0, rng.uniform(-1, 8)]) for name in names}
        assert recogniser.tree_sum(values) == walked_sum(recogniser.trees, names, values)


def test_the_probability_is_the_logistic_of_the_walked_sum():
    recogniser = load_recogniser()
    values = {name: 1.0 for name in recogniser.features}
    total = walked_sum(recogniser.trees, recogniser.features, values)
    expected = 1 / (1 + math.exp(-(recogniser.initial + recogniser.learning_rate * total)))
    assert recogniser.probability(values) == expected


def test_a_tree_testing_an_unlisted_feature_is_a_data_file_error():
    with pytest.raises(DataFileError, match="feature 1"):
        compiled_tree_sum([STUMPS], ["first"])


def test_a_tree_whose_child_points_back_is_a_data_file_error():
    looping = Tree((0, -2), (0.5, -2.0), (0, -1), (1, -1), (0.0, 1.0))
    with pytest.raises(DataFileError, match="node 0"):
        compiled_tree_sum([looping], ["first"])
