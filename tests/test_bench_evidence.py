"""The benchmark's evidence dump, on a hand-made document."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

from corpora import Document, Toponym
from geoparse import evidence_lines

from geo.resolve.evidence import EVIDENCE_NAMES

TEXT = "Fighting in Mossoul and Zzyzxqville."
DOCUMENT = Document(
    "doc-1",
    TEXT,
    [
        Toponym(12, 19, "Mossoul", 36.335, 43.119),
        Toponym(24, 35, "Zzyzxqville", 1.0, 2.0),
        Toponym(0, 8, "Fighting", None, None),
    ],
)


def test_each_gold_toponym_with_a_point_gives_one_record(gazetteer):
    lines = list(evidence_lines("tiny", [DOCUMENT], gazetteer))
    assert [(x["corpus"], x["doc_id"], x["mention"]) for x in lines] == [
        ("tiny", "doc-1", "Mossoul"),
        ("tiny", "doc-1", "Zzyzxqville"),
    ]
    assert lines[0]["gold"] == {"lat": 36.335, "lon": 43.119}
    assert lines[1]["candidates"] == []


def test_the_candidates_come_best_first_with_evidence_and_distance_to_gold(gazetteer):
    mosul, _ = evidence_lines("tiny", [DOCUMENT], gazetteer)
    best = mosul["candidates"][0]
    assert (best["name"], best["geonameid"]) == ("Mosul", 99072) and best["km"] < 10
    scores = [c["score"] for c in mosul["candidates"]]
    assert scores == sorted(scores, reverse=True)
    assert all(list(c["evidence"]) == list(EVIDENCE_NAMES) for c in mosul["candidates"])
