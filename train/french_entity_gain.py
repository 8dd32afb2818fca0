"""What spaCy's French entity tags add to recognition: HIPE-2022 French by document folds, and
the French articles of our places dev set.

    .venv/bin/python train/french_entity_gain.py [--corpora PATH] [--folds 2] [--dev-set-only]

Left out as a whole corpus, HIPE-2022 is scored by a recogniser fitted on English news only, in
which spaCy's French tags never occur: that model cannot learn what they say. Here the French
documents are split into folds instead (every other document); each fold is parsed end to end
by a recogniser fitted on the English corpora and the other folds, once without the entity
features and once with them, so the difference is what the tags add. The French articles of
``bench/devsets/places/`` (fitted on by no model) are parsed by the shipped recognisers, with
``GEO_FRENCH_NER`` off and on. Prints recognition P / R / F1 (span overlap, every output
mention) for each.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "train"))

import numpy as np  # noqa: E402
from corpora import CORPORA, places_devset  # noqa: E402
from fit_recogniser import (  # noqa: E402
    DEFAULT_CORPORA,
    FITTED_ON,
    chosen_threshold,
    corpus_rows,
    document_candidates,
    exported,
    fitted_trees,
)
from geoparse import places_and_nationalities, score_end_to_end  # noqa: E402

from geo.gazetteer.embedded import load_embedded_gazetteer  # noqa: E402
from geo.recognize.recogniser import Recogniser, recogniser_from_dict  # noqa: E402
from geo.resolve.ranker import load_ranker  # noqa: E402
from geo.shapes import load_rivers  # noqa: E402

FRENCH = "HIPE-2022 fr"
OTHER_FOLDS = "HIPE-2022 fr, other folds"


def matrix(rows: list[dict], labels: list[int], features: list[str]):
    """Rows and labels as the arrays scikit-learn fits."""
    return np.array([[row.get(f, 0.0) for f in features] for row in rows]), np.array(labels)


def fold_recogniser(english: dict, french: list, features: list[str]) -> Recogniser:
    """A recogniser fitted on the English corpora and the French documents ``french`` (pairs of
    rows and labels), over ``features`` only, its threshold chosen as the shipped one's is."""
    matrices = {name: matrix(*data, features) for name, data in english.items()}
    rows = [row for document_rows, _ in french for row in document_rows]
    labels = [label for _, document_labels in french for label in document_labels]
    matrices[OTHER_FOLDS] = matrix(rows, labels, features)
    names = list(matrices)
    threshold = chosen_threshold(matrices, names)
    x = np.vstack([matrices[n][0] for n in names])
    return recogniser_from_dict(exported(fitted_trees(matrices, names), threshold, x), features)


def dev_set_figures(gazetteer, rivers) -> None:
    """Print recognition on the French articles of our dev set, the tags off and on."""
    documents = [d for d in places_devset() if d.lang == "fr"]
    for setting in ("off", "on"):
        os.environ["GEO_FRENCH_NER"] = setting
        outputs = [places_and_nationalities(d, gazetteer, rivers)[0] for d in documents]
        counts, *_ = score_end_to_end(documents, outputs)
        print(
            f"places dev set, {len(documents)} French articles, GEO_FRENCH_NER={setting}:"
            f" P {counts.precision:.3f} R {counts.recall:.3f} F1 {counts.f1:.3f}",
            flush=True,
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpora", type=Path, default=DEFAULT_CORPORA)
    parser.add_argument("--folds", type=int, default=2)
    parser.add_argument("--dev-set-only", action="store_true")
    args = parser.parse_args()
    gazetteer, rivers, ranker = load_embedded_gazetteer(), load_rivers(), load_ranker()
    dev_set_figures(gazetteer, rivers)
    if args.dev_set_only:
        return
    os.environ["GEO_FRENCH_NER"] = "on"  # the folds' French documents are parsed with the tags
    english = {n: corpus_rows(n, args.corpora, gazetteer) for n in FITTED_ON if n != FRENCH}
    documents = list(CORPORA[FRENCH](args.corpora))
    french = [document_candidates(d, gazetteer, with_entities=True) for d in documents]
    every = sorted({f for rows, _ in [*english.values(), *french] for row in rows for f in row})
    variants = {
        "without entity features": [f for f in every if not f.startswith("ner_")],
        "with entity features": every,
    }
    for variant, features in variants.items():
        outputs: list = [None] * len(documents)
        for fold in range(args.folds):
            inside = [i for i in range(len(documents)) if i % args.folds == fold]
            training = [french[i] for i in range(len(documents)) if i % args.folds != fold]
            recogniser = fold_recogniser(english, training, features)
            for i in inside:
                found, _ = places_and_nationalities(
                    documents[i], gazetteer, rivers, ranker, recogniser
                )
                outputs[i] = found
        counts, *_ = score_end_to_end(documents, outputs)
        print(
            f"{FRENCH}, {args.folds} document folds, {variant}: P {counts.precision:.3f}"
            f" R {counts.recall:.3f} F1 {counts.f1:.3f}",
            flush=True,
        )


if __name__ == "__main__":
    main()
