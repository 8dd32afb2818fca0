"""Regression trees compiled once into one Python function of nested ``if`` statements.

Walking a tree stored as arrays costs several list lookups per node; the same tree written as
code costs one comparison. The function adds the leaves in the order of the trees, with the
same thresholds and leaf values written exactly (``repr`` of a float reads back as that float),
so it returns bit for bit the sum the array walk gives.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from typing import Protocol

from geo.errors import DataFileError

MAX_DEPTH = 40  # deeper trees would nest past what the Python compiler accepts

TreeSum = Callable[[Mapping[str, float]], float]


class ArrayTree(Protocol):
    """A regression tree as parallel arrays; a node whose ``left`` is -1 is a leaf."""

    feature: Sequence[int]
    threshold: Sequence[float]
    left: Sequence[int]
    right: Sequence[int]
    value: Sequence[float]


def compiled_tree_sum(trees: Sequence[ArrayTree], features: Sequence[str]) -> TreeSum:
    """A function of named feature values (a missing one counts as 0) that returns the sum of
    the leaves the values fall into, tree after tree."""
    used = sorted({t.feature[n] for t in trees for n in _inner_nodes(t)})
    for index in used:
        if not 0 <= index < len(features):
            raise DataFileError(f"a recogniser tree tests feature {index}, which is not listed")
    lines = ["def tree_sum(values):", "    get = values.get"]
    lines += [f"    x{i} = get({features[i]!r}, 0.0)" for i in used]
    lines.append("    total = 0.0")
    for number, tree in enumerate(trees):
        lines += _tree_lines(tree, number, node=0, depth=1)
    lines.append("    return total")
    namespace = {"inf": math.inf, "nan": math.nan}  # what repr writes for non-finite floats
    exec(compile("\n".join(lines), "<recogniser trees>", "exec"), namespace)
    return namespace["tree_sum"]


def _inner_nodes(tree: ArrayTree) -> list[int]:
    return [n for n, left in enumerate(tree.left) if left != -1]


def _tree_lines(tree: ArrayTree, number: int, node: int, depth: int) -> list[str]:
    """The statements that add the leaf of tree ``number`` under ``node``, indented ``depth``."""
    indent = "    " * depth
    left, right = tree.left[node], tree.right[node]
    if left == -1:
        return [f"{indent}total += {float(tree.value[node])!r}"]
    if depth > MAX_DEPTH:
        raise DataFileError(f"recogniser tree {number} is deeper than {MAX_DEPTH} levels")
    if not (node < left < len(tree.left) and node < right < len(tree.left)):
        # fitted trees number children after their parent: anything else could loop
        raise DataFileError(f"recogniser tree {number}: node {node} has bad children")
    test = f"x{tree.feature[node]} <= {float(tree.threshold[node])!r}"
    return [
        f"{indent}if {test}:",
        *_tree_lines(tree, number, left, depth + 1),
        f"{indent}else:",
        *_tree_lines(tree, number, right, depth + 1),
    ]
