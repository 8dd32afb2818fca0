"""Calibration: a ranker's raw probability turned into the share of such choices that are right.

A calibration is a non-decreasing curve through points fitted out of fold (isotonic
regression of "within 161 km" on the raw probability of the chosen candidate, see
``train/fit_ranker.py``); between two points it is read linearly, beyond the ends it is flat.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from geo.errors import DataFileError


@dataclass(frozen=True)
class Calibration:
    """A non-decreasing curve from raw probabilities (``x``) to calibrated ones (``y``)."""

    x: tuple[float, ...]
    y: tuple[float, ...]

    def __post_init__(self) -> None:
        if not self.x or len(self.x) != len(self.y):
            raise DataFileError(f"a calibration needs as many x as y, at least one: {self.x!r}")
        if _decreases(self.x) or _decreases(self.y):
            raise DataFileError(f"a calibration must not decrease: {self.x!r} -> {self.y!r}")

    @classmethod
    def from_json(cls, points: Mapping[str, Sequence[float]]) -> Calibration:
        """A calibration from its ``{"x": [...], "y": [...]}`` form."""
        return cls(tuple(map(float, points["x"])), tuple(map(float, points["y"])))

    def __call__(self, raw: float) -> float:
        """The calibrated probability of a raw one."""
        x, y = self.x, self.y
        i = bisect.bisect_right(x, raw)
        if i == 0:
            return y[0]
        if i == len(x):
            return y[-1]
        x0, x1, y0, y1 = x[i - 1], x[i], y[i - 1], y[i]
        return y0 if x1 == x0 else y0 + (y1 - y0) * (raw - x0) / (x1 - x0)


def _decreases(values: tuple[float, ...]) -> bool:
    return any(b < a for a, b in itertools.pairwise(values))


IDENTITY = Calibration((0.0, 1.0), (0.0, 1.0))
