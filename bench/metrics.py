"""Geoparsing metrics: span-overlap recognition scores and the EUPEG resolution measures."""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass

from geo.model import haversine_km

EARTH_HALF_CIRCUMFERENCE_KM = 20_039
ACCURACY_KM = 161  # 100 miles


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Whether two character spans share at least one character."""
    return a[0] < b[1] and b[0] < a[1]


@dataclass
class Recognition:
    """Counts of a span-overlap comparison."""

    true_positives: int = 0
    predicted: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        return self.true_positives / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.true_positives / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def match_spans(
    predicted: Sequence[tuple[int, int]], gold: Sequence[tuple[int, int]]
) -> dict[int, int]:
    """Gold index -> predicted index, each used once, by span overlap in text order."""
    pairs, used = {}, set()
    for g, gold_span in enumerate(gold):
        for p, span in enumerate(predicted):
            if p not in used and overlaps(span, gold_span):
                pairs[g] = p
                used.add(p)
                break
    return pairs


def auc_of_errors(errors_km: Sequence[float]) -> float:
    """Area under the curve of sorted log errors, scaled to [0, 1] (lower is better), as in EUPEG."""
    if not errors_km:
        return float("nan")
    scaled = sorted(math.log(1 + e) / math.log(EARTH_HALF_CIRCUMFERENCE_KM) for e in errors_km)
    if len(scaled) == 1:
        return scaled[0]
    step = 1 / (len(scaled) - 1)
    return sum((a + b) / 2 * step for a, b in itertools.pairwise(scaled))


def accuracy(errors_km: Sequence[float], within_km: float = ACCURACY_KM) -> float:
    """Share of errors within ``within_km`` (A161)."""
    return sum(e <= within_km for e in errors_km) / len(errors_km) if errors_km else float("nan")


def error_km(predicted: tuple[float, float], gold: tuple[float, float]) -> float:
    """Distance between a predicted and a gold (lat, lon)."""
    return haversine_km(predicted, gold)


def reliability(
    judged: Sequence[tuple[float, bool]], bins: int = 10
) -> list[tuple[float, float, int, float, float]]:
    """``(low, high, count, mean confidence, share right)`` of each confidence bin that holds
    a judged ``(confidence, right)`` pair; a confidence of 1.0 falls in the last bin."""
    rows = []
    for b in range(bins):
        low, high = b / bins, (b + 1) / bins
        inside = [(c, r) for c, r in judged if low <= c < high or (b == bins - 1 and c == high)]
        if inside:
            n = len(inside)
            rows.append(
                (low, high, n, sum(c for c, _ in inside) / n, sum(r for _, r in inside) / n)
            )
    return rows


def expected_calibration_error(judged: Sequence[tuple[float, bool]], bins: int = 10) -> float:
    """The gap between confidence and accuracy, averaged over the bins weighted by their counts."""
    if not judged:
        return float("nan")
    rows = reliability(judged, bins)
    return sum(n * abs(conf - right) for _, _, n, conf, right in rows) / len(judged)
