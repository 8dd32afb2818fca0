"""The benchmark's metrics on tiny hand-made cases."""

import math
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

from metrics import Recognition, accuracy, auc_of_errors, match_spans, overlaps


def test_spans_overlap_when_they_share_a_character():
    assert overlaps((0, 5), (4, 9)) and not overlaps((0, 5), (5, 9))


def test_each_gold_span_matches_at_most_one_prediction():
    assert match_spans([(0, 5), (1, 3), (10, 12)], [(0, 4), (11, 15)]) == {0: 0, 1: 2}


def test_precision_recall_f1():
    counts = Recognition(true_positives=2, predicted=4, gold=2)
    assert (counts.precision, counts.recall) == (0.5, 1.0)
    assert counts.f1 == pytest.approx(2 / 3)


def test_a161_counts_errors_up_to_161_km():
    assert accuracy([0, 160, 161, 500]) == 0.75


def test_auc_is_zero_for_perfect_answers_and_one_for_antipodes():
    assert auc_of_errors([0, 0, 0]) == 0
    assert auc_of_errors([20_039, 20_039]) == pytest.approx(1, abs=1e-4)
    assert 0 < auc_of_errors([10, 100, 1000]) < 1
    assert math.isnan(auc_of_errors([]))


def test_hipe_documents_are_rebuilt_from_their_tokens_with_their_place_spans(tmp_path):
    from corpora import hipe_french

    rows = [
        "TOKEN\tNE-COARSE-LIT\tNE-COARSE-METO\tF\tF\tF\tN\tNEL\tNEL\tMISC",
        "# hipe2022:document_id = one",
        "Il\tO\t_\t_\t_\t_\t_\t_\t_\t_",
        "vit\tO\t_\t_\t_\t_\t_\t_\t_\t_",
        "à\tO\t_\t_\t_\t_\t_\t_\t_\t_",
        "La\tB-LOC\t_\t_\t_\t_\t_\t_\t_\t_",
        "Chaux-de-Fonds\tI-LOC\t_\t_\t_\t_\t_\t_\t_\tNoSpaceAfter",
        ".\tO\t_\t_\t_\t_\t_\t_\t_\tNoSpaceAfter",
        "Berne\tB-loc\t_\t_\t_\t_\t_\t_\t_\tNoSpaceAfter",  # a line end that newseye leaves unmarked
        "vote\tO\t_\t_\t_\t_\t_\t_\t_\t_",
        "# hipe2022:document_id = two",
        "Rien\tO\t_\t_\t_\t_\t_\t_\t_\t_",
    ]
    (tmp_path / "x-dev-fr.tsv").write_text("\n".join(rows), encoding="utf-8")
    one, two = hipe_french(tmp_path)
    assert one.text == "Il vit à La Chaux-de-Fonds.\nBerne\nvote "
    assert [t.mention for t in one.toponyms] == ["La Chaux-de-Fonds", "Berne"]
    assert one.lang == "fr" and all(t.lat is None for t in one.toponyms)
    assert (two.doc_id, two.toponyms) == ("two", [])
