"""Fit the resolution ranker and its calibration, leaving one corpus out at a time.

    .venv/bin/python bench/geoparse.py --dump-evidence /tmp/evidence.jsonl --evidence-only
    .venv/bin/python train/fit_ranker.py /tmp/evidence.jsonl [--out data/models/ranker.json]

The evidence file (the candidates of every gold toponym, their features and their distance to
the gold point) quotes the corpora: it stays outside the project. A candidate is right when it
lies within 161 km of the gold point. The ranker is a conditional logistic regression (a
softmax over the candidates of a toponym and a "none of these" outcome of constant score) on
the features of :mod:`geo.resolve.features`, fitted by maximum likelihood with an L2 penalty,
every corpus weighing the same: the likelihood of a toponym is the probability of its right
candidates, or of "none of these" when it has none. The calibration is an isotonic regression
(scikit-learn) of "the chosen candidate is right" on its raw probability, fitted on predictions
made by models that never saw the corpus predicted (out of fold). Written: the model fitted on
every corpus, and one fitted without each corpus (``held_out``), whose calibration is fitted
out of fold on the other corpora only.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from scipy.optimize import minimize
from sklearn.isotonic import IsotonicRegression

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from geo.resolve.features import FEATURE_NAMES

CORPORA = ("LGL", "TR-News dev", "GeoVirus", "GeoWebNews dev", "WikToR")
RIGHT_KM = 161
PENALTY = 1.0  # strength of the L2 penalty on the weights (not on the score of "none")
# WikToR has five times the toponyms of the others together: every fifth is enough to weigh
# as much as another corpus (each does) and keeps fitting to minutes
EVERY_NTH = {"WikToR": 5}
DEFAULT_OUT = Path(__file__).resolve().parents[1] / "data" / "models" / "ranker.json"


@dataclass
class Corpus:
    """The candidates of one corpus's gold toponyms: a feature row each, whether it is right,
    and which toponym it belongs to (toponyms without candidates count as missed)."""

    rows: np.ndarray
    right: np.ndarray
    group: np.ndarray
    toponyms: int


def read_evidence(path: Path) -> dict[str, Corpus]:
    """The evidence file, by corpus (of WikToR, every fifth toponym)."""
    rows, right, group, toponyms = (defaultdict(list) for _ in range(4))
    seen: dict[str, int] = defaultdict(int)
    with path.open(encoding="utf-8") as f:
        for line in f:
            record = json.loads(line)
            name = record["corpus"]
            seen[name] += 1
            if (seen[name] - 1) % EVERY_NTH.get(name, 1):
                continue
            number = len(toponyms[name])
            toponyms[name].append(1)
            for candidate in record["candidates"]:
                rows[name].append([candidate["features"][f] for f in FEATURE_NAMES])
                right[name].append(candidate["km"] <= RIGHT_KM)
                group[name].append(number)
    return {
        name: Corpus(
            np.array(rows[name], float),
            np.array(right[name], bool),
            np.array(group[name], int),
            len(toponyms[name]),
        )
        for name in toponyms
        if name in CORPORA
    }


@dataclass
class Model:
    """Fitted weights, in the order of FEATURE_NAMES, and the score of "none of these"."""

    weights: np.ndarray
    none: float

    def scores(self, corpus: Corpus) -> np.ndarray:
        return corpus.rows @ self.weights


def fit(corpora: dict[str, Corpus], names: list[str]) -> Model:
    """The conditional logistic regression on the toponyms of ``names``, each corpus weighing
    the same (toponyms without candidates have nothing to rank and are left out)."""
    x = np.vstack([corpora[n].rows for n in names])
    right = np.concatenate([corpora[n].right for n in names]).astype(float)
    groups, weights, offset = [], [], 0
    for n in names:
        groups.append(corpora[n].group + offset)
        weights.append(np.full(corpora[n].toponyms, 1 / corpora[n].toponyms))
        offset += corpora[n].toponyms
    raw_group = np.concatenate(groups)
    present, group = np.unique(raw_group, return_inverse=True)  # rows are grouped in order
    starts = np.flatnonzero(np.r_[True, group[1:] != group[:-1]])
    weight = np.concatenate(weights)[present]
    weight *= len(weight) / weight.sum()
    found = np.add.reduceat(right, starts) > 0
    d = x.shape[1]

    def loss(theta: np.ndarray) -> tuple[float, np.ndarray]:
        w, none = theta[:d], theta[d]
        s = x @ w
        top = np.maximum(np.maximum.reduceat(s, starts), none)
        e, e_none = np.exp(s - top[group]), np.exp(none - top)
        total = np.add.reduceat(e, starts) + e_none
        good = np.where(found, np.add.reduceat(e * right, starts), e_none)
        value = -(weight * (np.log(good) - np.log(total))).sum() + PENALTY * w @ w / 2
        share_good = np.where(found[group], e * right / good[group], 0.0)
        gw = -(weight[group] * (share_good - e / total[group])) @ x + PENALTY * w
        gn = -(weight * ((~found) - e_none / total)).sum()
        return value, np.r_[gw, gn]

    result = minimize(loss, np.zeros(d + 1), jac=True, method="L-BFGS-B")
    return Model(result.x[:d], float(result.x[d]))


def chosen(model: Model, corpus: Corpus) -> tuple[np.ndarray, np.ndarray]:
    """The raw probability of the candidate the model chooses for each toponym that has
    candidates, and whether that candidate is right."""
    s = model.scores(corpus)
    starts = np.flatnonzero(np.r_[True, corpus.group[1:] != corpus.group[:-1]])
    sizes = np.diff(np.r_[starts, len(s)])
    member = np.repeat(np.arange(len(starts)), sizes)
    top = np.maximum(np.maximum.reduceat(s, starts), model.none)
    e = np.exp(s - top[member])
    raw = e / (np.add.reduceat(e, starts) + np.exp(model.none - top))[member]
    picks = np.array(
        [start + np.argmax(s[start : start + n]) for start, n in zip(starts, sizes, strict=True)]
    )
    return raw[picks], corpus.right[picks]


def calibration(raw: np.ndarray, right: np.ndarray) -> dict:
    """The isotonic curve from raw probabilities to the share right, as points."""
    curve = IsotonicRegression(y_min=0.0, y_max=1.0, out_of_bounds="clip").fit(raw, right)
    return {
        "x": [round(float(v), 5) for v in curve.X_thresholds_],
        "y": [round(float(v), 5) for v in curve.y_thresholds_],
    }


def out_of_fold(corpora: dict[str, Corpus], names: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """Chosen candidates' raw probabilities and rightness, each corpus of ``names`` predicted
    by a model fitted on the others of ``names``."""
    raws, rights = [], []
    for held in names:
        raw, right = chosen(fit(corpora, [n for n in names if n != held]), corpora[held])
        raws.append(raw)
        rights.append(right)
    return np.concatenate(raws), np.concatenate(rights)


def as_json(model: Model, curve: dict, names: list[str]) -> dict:
    """One fitted model in the form of ``data/models/ranker.json``."""
    return {
        "corpora": names,
        "weights": {
            f: round(float(w), 6) for f, w in zip(FEATURE_NAMES, model.weights, strict=True)
        },
        "none": round(model.none, 6),
        "calibration": curve,
    }


def report(corpora: dict[str, Corpus], name: str, model: Model) -> str:
    """A161 of the model given the gold spans on a corpus it never saw."""
    _, right = chosen(model, corpora[name])
    return f"{name}: A161 gold spans {right.sum() / corpora[name].toponyms:.3f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "evidence", type=Path, help="the JSON lines of bench/geoparse.py --dump-evidence"
    )
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args()
    corpora = read_evidence(args.evidence)
    names = [n for n in CORPORA if n in corpora]
    if len(names) < 3:
        sys.exit(f"{args.evidence} holds {names}: at least three corpora are needed")
    held_out, raws, rights = {}, [], []
    for held in names:
        others = [n for n in names if n != held]
        model = fit(corpora, others)
        held_out[held] = as_json(model, calibration(*out_of_fold(corpora, others)), others)
        raw, right = chosen(model, corpora[held])
        raws.append(raw)
        rights.append(right)
        print(report(corpora, held, model), flush=True)
    curve = calibration(np.concatenate(raws), np.concatenate(rights))
    full = as_json(fit(corpora, names), curve, names)
    content = {
        "description": "Resolution ranker: conditional logistic regression over the candidates of a "
        "toponym and 'none of these' (a candidate is right within 161 km of the place meant), on the "
        "features of geo.resolve.features, with an isotonic calibration of the chosen candidate's "
        "probability fitted out of fold (leave one corpus out)",
        "fitted_by": "train/fit_ranker.py",
        "corpora": names,
        "features": list(FEATURE_NAMES),
        "model": full,
        "held_out": held_out,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(content, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"written {args.out}")


if __name__ == "__main__":
    main()
