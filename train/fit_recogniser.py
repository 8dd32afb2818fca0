"""Fit the recogniser: gradient-boosted trees that keep or drop a candidate place name.

    .venv/bin/python train/fit_recogniser.py [--corpora PATH] [--french-entities] [--out FILE]

Every capitalised gazetteer match of the corpora (read in place, never copied) is a row of
named features (:mod:`geo.recognize.name_features`); its label says whether it overlaps a
gold toponym. One model is fitted on every corpus, and one per corpus without it
(leave-one-corpus-out), which the benchmark uses to score that corpus. The trees are written
as plain arrays, applied at run time by :mod:`geo.recognize.recogniser` without scikit-learn.
With ``--french-entities``, the French documents' candidates hold spaCy's entity tags too
(:mod:`geo.recognize.entity_features`), and the models go to the file read for French articles
when ``GEO_FRENCH_NER`` is on.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import numpy as np  # noqa: E402
from corpora import CORPORA  # noqa: E402
from metrics import overlaps  # noqa: E402
from sklearn.ensemble import GradientBoostingClassifier  # noqa: E402

from geo.gazetteer.embedded import load_embedded_gazetteer  # noqa: E402
from geo.recognize.entity_features import ENTITY_MODEL_FILE, french_entities  # noqa: E402
from geo.recognize.plain_names import name_candidates  # noqa: E402
from geo.recognize.recogniser import MODEL_FILE, recogniser_from_dict  # noqa: E402
from geo.recognize.tokens import tokenize  # noqa: E402
from geo.text.boilerplate import content_spans  # noqa: E402

DEFAULT_CORPORA = Path("/work/shared/benchmarks/geoparsing")
# WikToR annotates one place per article among many: its unannotated names are no negatives.
FITTED_ON = ("LGL", "TR-News dev", "GeoVirus", "GeoWebNews dev", "HIPE-2022 fr")
TREES = {"n_estimators": 80, "max_depth": 3, "learning_rate": 0.15, "subsample": 0.8}
THRESHOLDS = [round(0.2 + 0.025 * k, 3) for k in range(21)]  # 0.2 to 0.7


def corpus_rows(
    name: str, corpora: Path, gazetteer, with_entities: bool = False
) -> tuple[list[dict], list[int]]:
    """The feature rows of every candidate of one corpus and their labels (1: a gold toponym)."""
    rows, labels = [], []
    for document in CORPORA[name](corpora):
        document_rows, document_labels = document_candidates(document, gazetteer, with_entities)
        rows.extend(document_rows)
        labels.extend(document_labels)
    return rows, labels


def document_candidates(
    document, gazetteer, with_entities: bool = False
) -> tuple[list[dict], list[int]]:
    """The feature rows of the candidates of one document and their labels; ``with_entities``:
    a French document's rows hold spaCy's entity tags too."""
    text = document.text
    spans = content_spans(text)
    tokens = tokenize(text, spans)
    tagged = with_entities and document.lang == "fr"
    entities = french_entities(text, spans) if tagged else None
    gold = [(t.start, t.end) for t in document.toponyms]
    rows, labels = [], []
    for mention, values in name_candidates(text, tokens, gazetteer, document.lang, entities):
        span = (mention.start, mention.end)
        positive = any(overlaps(span, g) for g in gold)
        if not positive and any(overlaps(span, i) for i in document.ignored):
            continue  # GeoWebNews' demonyms and expressions: neither right nor wrong
        rows.append(values)
        labels.append(int(positive))
    return rows, labels


Matrices = dict[str, tuple[np.ndarray, np.ndarray]]


def fitted_trees(matrices: Matrices, names: list[str]) -> GradientBoostingClassifier:
    """Trees fitted on the corpora ``names``, each corpus weighing the same."""
    x = np.vstack([matrices[n][0] for n in names])
    y = np.concatenate([matrices[n][1] for n in names])
    weights = np.concatenate([np.full(len(matrices[n][1]), 1 / len(matrices[n][1])) for n in names])
    model = GradientBoostingClassifier(random_state=0, **TREES)
    return model.fit(x, y, sample_weight=weights * len(y) / len(names))


def chosen_threshold(matrices: Matrices, names: list[str]) -> float:
    """The threshold that maximises the mean F1 over ``names``, each corpus scored by trees
    fitted on the others (so the threshold too is chosen on corpora the trees never saw)."""
    scored = []
    for name in names:
        x, y = matrices[name]
        model = fitted_trees(matrices, [n for n in names if n != name])
        scored.append((model.predict_proba(x)[:, 1], y))

    def mean_f1(threshold: float) -> float:
        f1s = []
        for probabilities, y in scored:
            kept = probabilities >= threshold
            hits = float((kept & (y == 1)).sum())
            f1s.append(2 * hits / (kept.sum() + y.sum()) if hits else 0.0)
        return sum(f1s) / len(f1s)

    return max(THRESHOLDS, key=mean_f1)


def exported(model: GradientBoostingClassifier, threshold: float, x: np.ndarray) -> dict:
    """One model, as the JSON the run time reads (checked against scikit-learn on ``x``)."""
    trees = []
    for estimator in model.estimators_[:, 0]:
        tree = estimator.tree_
        trees.append(
            {
                "feature": [int(f) for f in tree.feature],
                "threshold": [float(t) for t in tree.threshold],
                "left": [int(c) for c in tree.children_left],
                "right": [int(c) for c in tree.children_right],
                "value": [float(v) for v in tree.value[:, 0, 0]],
            }
        )
    prior = model.init_.class_prior_[1]
    result = {
        "initial": float(np.log(prior / (1 - prior))),
        "learning_rate": TREES["learning_rate"],
        "threshold": round(float(threshold), 3),
        "trees": trees,
    }
    _check_against(model, result, x)
    return result


def _check_against(model, result: dict, x: np.ndarray) -> None:
    """The plain-Python reading of the trees gives scikit-learn's probabilities."""
    names = [str(i) for i in range(x.shape[1])]
    recogniser = recogniser_from_dict(result, names)
    sample = x[:: max(1, len(x) // 200)]
    expected = model.predict_proba(sample)[:, 1]
    for row, wanted in zip(sample, expected, strict=True):
        got = recogniser.probability(dict(zip(names, map(float, row), strict=True)))
        if abs(got - wanted) > 1e-4:
            raise SystemExit(f"the exported trees disagree with scikit-learn: {got} != {wanted}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpora", type=Path, default=DEFAULT_CORPORA)
    parser.add_argument(
        "--french-entities",
        action="store_true",
        help="fit the model that reads spaCy's French entity tags too (GEO_FRENCH_NER=on)",
    )
    parser.add_argument("--out", type=Path, help="default: the file the run time reads")
    args = parser.parse_args()
    out = args.out or ROOT / "data" / (ENTITY_MODEL_FILE if args.french_entities else MODEL_FILE)
    gazetteer = load_embedded_gazetteer()
    data = {n: corpus_rows(n, args.corpora, gazetteer, args.french_entities) for n in FITTED_ON}
    features = sorted({key for rows, _ in data.values() for row in rows for key in row})
    matrices = {
        name: (
            np.array([[row.get(f, 0.0) for f in features] for row in rows]),
            np.array(labels),
        )
        for name, (rows, labels) in data.items()
    }

    def model_without(left_out: str | None) -> dict:
        names = [n for n in FITTED_ON if n != left_out]
        threshold = chosen_threshold(matrices, names)
        print(f"without {left_out}: threshold {threshold:.3f}")
        x = np.vstack([matrices[n][0] for n in names])
        return exported(fitted_trees(matrices, names), threshold, x)

    entities = (
        " For French articles read with spaCy's entity tags (GEO_FRENCH_NER=on)."
        if args.french_entities
        else ""
    )
    output = {
        "description": "Keeps or drops a candidate place name (a capitalised gazetteer match) from"
        " its context: gradient-boosted regression trees over named features; a candidate is kept"
        " when the probability reaches the threshold." + entities,
        "fitted_by": "train/fit_recogniser.py",
        "corpora": list(FITTED_ON),
        "features": features,
        "model": model_without(None),
        "held_out": {name: model_without(name) for name in FITTED_ON},
    }
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(output, ensure_ascii=False, separators=(",", ":")) + "\n")
    for name, (_, y) in matrices.items():
        print(f"{name}: {len(y)} candidates, {int(y.sum())} gold")
    print(f"written to {out}")


if __name__ == "__main__":
    main()
