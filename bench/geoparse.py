"""Geoparsing benchmark: this project end to end and with gold spans, beside two baselines, in one run.

    .venv/bin/python bench/geoparse.py [--corpora PATH] [--limit N] [--only NAME] [--json OUT]
                                       [--dump-evidence FILE.jsonl]

Corpora are read in place from ../shared/benchmarks/geoparsing (GPL data, never copied here).
Prints Markdown tables: the results, the reliability of the confidences, then the published
figures they compare to. Each corpus is parsed with the ranker fitted without it (the
``held_out`` models of ``data/models/ranker.json``): every figure is cross-validated.
``--dump-evidence`` writes, for every gold toponym with a point, the resolver's candidates
given the gold span, each with its evidence, the ranker's features, its probability and its
distance to the gold point: what ``train/fit_ranker.py`` fits the ranker on. It quotes the
corpora: keep it outside the project.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpora import CORPORA, DEFAULT_CORPORA, Document
from metrics import (
    ACCURACY_KM,
    Recognition,
    accuracy,
    auc_of_errors,
    error_km,
    expected_calibration_error,
    match_spans,
    overlaps,
    reliability,
)

from geo.errors import DataFileError
from geo.gazetteer.embedded import load_embedded_gazetteer
from geo.model import Article, Mention
from geo.pipeline import STAGES, geoparse
from geo.recognize.entity_features import load_entity_recogniser
from geo.recognize.recogniser import Recogniser, load_recogniser
from geo.resolve.features import pool_features
from geo.resolve.ranker import Ranker, fitted_corpora, load_ranker
from geo.resolve.resolver import ranked_candidates, resolve_mentions
from geo.settings import french_ner_enabled
from geo.shapes import load_rivers

PUBLISHED = """\
Published end-to-end figures (Wang & Hu 2019, EUPEG, block C of published_figures.md: F1 / A161 / AUC):

| System | GeoWebNews | TR-News | LGL | GeoVirus | WikToR A161 / AUC |
|---|---|---|---|---|---|
| Edinburgh | .650 / .921 / .071 | .612 / .850 / .127 | .501 / .819 / .172 | .678 / .807 / .319 | .591 / .378 |
| CLAVIN | .549 / .937 / .060 | .649 / .829 / .149 | .573 / .701 / .262 | .750 / .786 / .320 | .154 / .702 |
| GeoTxt | .591 / .903 / .086 | .692 / .801 / .168 | .601 / .633 / .312 | .786 / .787 / .337 | – |
| CamCoder | .691 / .839 / .150 | .746 / .824 / .161 | .654 / .717 / .248 | .866 / .770 / .336 | .588 / .370 |
| StanfordNER+population | .739 / .698 / .257 | .803 / .711 / .261 | .677 / .590 / .367 | .915 / .655 / .378 | – |
"""


def held_out_recogniser(corpus: str, documents) -> Recogniser | None:
    """The recogniser fitted without ``corpus`` (None, the shipped ones, for a corpus it was not
    fitted on), so that every recognition figure is cross-validated; for a French corpus read
    with spaCy's entity tags (``GEO_FRENCH_NER=on``), the one fitted with them."""
    tagged = french_ner_enabled() and all(d.lang == "fr" for d in documents)
    try:
        return load_entity_recogniser(corpus) if tagged else load_recogniser(held_out=corpus)
    except DataFileError:
        return None


def predictions(
    document: Document,
    gazetteer,
    rivers,
    ranker: Ranker | None = None,
    recogniser: Recogniser | None = None,
) -> list[tuple[int, int, float, float, float]]:
    """(start, end, lat, lon, confidence) of every place this project finds in a document."""
    return places_and_nationalities(document, gazetteer, rivers, ranker, recogniser)[0]


def places_and_nationalities(
    document: Document,
    gazetteer,
    rivers,
    ranker: Ranker | None = None,
    recogniser: Recogniser | None = None,
    timings: dict[str, float] | None = None,
) -> tuple[list[tuple[int, int, float, float, float]], set[tuple[int, int]]]:
    """(start, end, lat, lon, confidence) of every mention this project finds in a document, and
    the spans of those that are nationality mentions ("Iraqi"), which the map leaves out by
    default; ``timings`` gets the seconds of each stage added to it."""
    parsed = geoparse(
        Article(text=document.text, source=document.doc_id, lang=document.lang),
        gazetteer,
        rivers=rivers,
        ranker=ranker,
        recogniser=recogniser,
        timings=timings,
    )
    found = [
        (r.mention.start, r.mention.end, r.place.lat, r.place.lon, r.confidence)
        for r in parsed.resolutions
    ]
    nationalities = {
        (r.mention.start, r.mention.end)
        for r in parsed.resolutions
        if r.mention.kind_hint == "demonym"
    }
    return found, nationalities


def recognition_of_places(documents, parsed) -> dict[str, float]:
    """Recognition P/R/F1 of the mentions on the map by default (nationality mentions left out)."""
    outputs = [[p for p in found if p[:2] not in spans] for found, spans in parsed]
    counts, *_ = score_end_to_end(documents, outputs)
    return {
        "places_precision": counts.precision,
        "places_recall": counts.recall,
        "places_f1": counts.f1,
    }


def recognition_table(results: dict) -> str:
    """Recognition with the held-out recogniser: every mention, and the places alone."""
    rows = [
        "| Corpus | P | R | F1 | P places only | R places only | F1 places only |",
        "|---|---|---|---|---|---|---|",
    ]
    for name, r in results.items():
        if not name.startswith("_"):
            rows.append(
                f"| {name} | {_f(r['precision'])} | {_f(r['recall'])} | {_f(r['f1'])} "
                f"| {_f(r['places_precision'])} | {_f(r['places_recall'])} | {_f(r['places_f1'])} |"
            )
    return "\n".join(rows)


def judged(predicted, document: Document):
    """Predictions outside the spans the corpus does not judge (GeoWebNews' non-toponyms)."""
    gold = [(t.start, t.end) for t in document.toponyms]
    return [
        p
        for p in predicted
        if not any(overlaps(p[:2], i) for i in document.ignored)
        or any(overlaps(p[:2], g) for g in gold)
    ]


def score_end_to_end(documents, outputs):
    """Recognition counts, the errors of correctly recognised toponyms, with the confidence
    given to each, and the number of gold toponyms with a point."""
    counts, errors, confidences, located = Recognition(), [], [], 0
    for document, predicted in zip(documents, outputs, strict=True):
        predicted = judged(predicted, document)
        pairs = match_spans(
            [p[:2] for p in predicted], [(t.start, t.end) for t in document.toponyms]
        )
        counts.true_positives += len(pairs)
        counts.predicted += len(predicted)
        counts.gold += len(document.toponyms)
        located += sum(t.lat is not None for t in document.toponyms)
        for g, p in pairs.items():
            gold = document.toponyms[g]
            if gold.lat is not None:
                errors.append(error_km(predicted[p][2:4], (gold.lat, gold.lon)))
                confidences.append(predicted[p][4] if len(predicted[p]) > 4 else float("nan"))
    return counts, errors, confidences, located


def gold_span_accuracy(documents, gazetteer, ranker: Ranker | None = None) -> float:
    """A161 when the gold spans are given and only resolution is asked of this project."""
    hits = total = 0
    for document in documents:
        gold = [t for t in document.toponyms if t.lat is not None]
        mentions = [Mention(t.mention, t.start, t.end, t.mention) for t in gold]
        resolved = {
            r.mention.start: r.place
            for r in resolve_mentions(mentions, gazetteer, document.text, ranker)
        }
        for t in gold:
            total += 1
            place = resolved.get(t.start)
            hits += place is not None and error_km(place.point, (t.lat, t.lon)) <= 161
    return hits / total if total else float("nan")


def evidence_lines(
    corpus: str, documents, gazetteer, ranker: Ranker | None = None
) -> Iterator[dict]:
    """One record per gold toponym with a point, as the resolver sees it given the gold spans:
    the gold point and every candidate (best first) with its point, evidence, the ranker's
    features, probability and distance to the gold point; no candidates when the gazetteer
    knows none."""
    for document in documents:
        gold = [t for t in document.toponyms if t.lat is not None]
        mentions = [Mention(t.mention, t.start, t.end, t.mention) for t in gold]
        ranked = ranked_candidates(mentions, gazetteer, document.text, ranker)
        for t, candidates in zip(gold, ranked, strict=True):
            features = (
                pool_features([c.place for c in candidates], [c.evidence for c in candidates])
                if candidates
                else []
            )
            yield {
                "corpus": corpus,
                "doc_id": document.doc_id,
                "mention": t.mention,
                "start": t.start,
                "end": t.end,
                "gold": {"lat": t.lat, "lon": t.lon},
                "candidates": [
                    {
                        "name": c.place.name,
                        "geonameid": c.place.geonameid,
                        "kind": c.place.kind,
                        "lat": c.place.lat,
                        "lon": c.place.lon,
                        "evidence": dict(c.evidence),
                        "features": f,
                        "score": c.score,
                        "km": error_km(c.place.point, (t.lat, t.lon)),
                    }
                    for c, f in zip(candidates, features, strict=True)
                ],
            }


def population_accuracy(documents, gazetteer) -> float:
    """A161 of the population heuristic on gold spans: the most important gazetteer match."""
    hits = total = 0
    for document in documents:
        for t in document.toponyms:
            if t.lat is None:
                continue
            total += 1
            places = gazetteer.lookup(t.mention)
            hits += bool(places) and error_km(places[0].point, (t.lat, t.lon)) <= 161
    return hits / total if total else float("nan")


def geotext_predictions(document: Document, gazetteer) -> list[tuple[int, int, float, float]]:
    """geotext's cities and countries, found back in the text, placed by the population heuristic."""
    from geotext import GeoText

    found = GeoText(document.text)
    predicted, seen = [], set()
    for name in sorted({*found.cities, *found.countries}):  # in one order: a set's varies by run
        places = gazetteer.lookup(name)
        for match in re.finditer(rf"\b{re.escape(name)}\b", document.text):
            if match.start() not in seen:
                seen.add(match.start())
                lat, lon = (places[0].lat, places[0].lon) if places else (0.0, 0.0)
                predicted.append((match.start(), match.end(), lat, lon))
    return sorted(predicted)


def cold_start_seconds() -> float:
    """Wall time of a fresh process that loads everything and parses one short article."""
    code = (
        "from geo.gazetteer.embedded import load_embedded_gazetteer;from geo.pipeline import geoparse;"
        "from geo.model import Article;geoparse(Article('Floods hit Basra and Mosul.', 'x'), load_embedded_gazetteer())"
    )
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-c", code], check=True, cwd=Path(__file__).resolve().parents[1]
    )
    return time.perf_counter() - started


def run(
    corpora: Path,
    limit: int | None,
    only: list[str] | None,
    evidence_out: TextIO | None = None,
    evidence_only: bool = False,
) -> dict:
    """Every measure for every corpus, each with the ranker fitted without it; with
    ``evidence_out``, the evidence of the gold-span resolutions too, as JSON lines (see
    :func:`evidence_lines`), and nothing else with ``evidence_only``."""
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})  # one core
    gazetteer, rivers = load_embedded_gazetteer(), load_rivers()
    # parts of a city, a country and a state: rivers and outlines are loaded before any timing
    predictions(
        Document("warm", "Warm up in east Mosul, in eastern Syria and in northern Texas.", []),
        gazetteer,
        rivers,
    )
    # spaCy's French model (GEO_FRENCH_NER) loads with the first French article: not timed
    predictions(Document("warm", "Il pleut à Paris.", [], lang="fr"), gazetteer, rivers)
    results = {}
    for name, reader in CORPORA.items():
        if only and name not in only:
            continue
        documents = list(reader(corpora))[:limit] if limit else list(reader(corpora))
        # a corpus the ranker was not fitted on (HIPE: no coordinates) is scored by the full one
        ranker = load_ranker(held_out=name if name in fitted_corpora() else None)
        if not evidence_only:
            results[name] = corpus_figures(
                documents, gazetteer, rivers, ranker, held_out_recogniser(name, documents)
            )
        if evidence_out is not None:
            for line in evidence_lines(name, documents, gazetteer, ranker):
                evidence_out.write(json.dumps(line, ensure_ascii=False) + "\n")
    results["_run"] = {
        "cold_start_s": float("nan") if evidence_only else cold_start_seconds(),
        "peak_memory_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }
    return results


def corpus_figures(
    documents, gazetteer, rivers, ranker: Ranker, recogniser: Recogniser | None
) -> dict:
    """The measures of one corpus: this project end to end and given the gold spans, the
    reliability of its confidences, and the two baselines."""
    stage_seconds: dict[str, float] = {}
    started = time.perf_counter()
    parsed = [
        places_and_nationalities(d, gazetteer, rivers, ranker, recogniser, stage_seconds)
        for d in documents
    ]
    outputs = [found for found, _ in parsed]
    elapsed = time.perf_counter() - started
    counts, errors, confidences, located = score_end_to_end(documents, outputs)
    baseline_counts, baseline_errors, _, _ = score_end_to_end(
        documents, [geotext_predictions(d, gazetteer) for d in documents]
    )
    judged = [(c, e <= ACCURACY_KM) for c, e in zip(confidences, errors, strict=True)]
    return {
        "docs": len(documents),
        "toponyms": counts.gold,
        "precision": counts.precision,
        "recall": counts.recall,
        "f1": counts.f1,
        "a161": accuracy(errors),
        "recall161": sum(e <= ACCURACY_KM for e in errors) / located if located else float("nan"),
        "auc": auc_of_errors(errors),
        "mean_km": sum(errors) / len(errors) if errors else float("nan"),
        "ece": expected_calibration_error(judged),
        "reliability": reliability(judged),
        "gold_spans_a161": gold_span_accuracy(documents, gazetteer, ranker),
        "geotext_f1": baseline_counts.f1,
        "geotext_a161": accuracy(baseline_errors),
        "population_a161": population_accuracy(documents, gazetteer),
        "docs_per_second": len(documents) / elapsed if elapsed else float("nan"),
        "stage_docs_per_second": {
            stage: len(documents) / seconds if seconds else float("nan")
            for stage, seconds in stage_seconds.items()
        },
        **recognition_of_places(documents, parsed),
    }


def _f(value: float, spec: str = ".3f") -> str:
    """A figure, or a dash where the corpus cannot give it (no coordinates)."""
    return "–" if value != value else format(value, spec)


def table(results: dict) -> str:
    """The results as one Markdown table."""
    head = (
        "| Corpus | Docs | Toponyms | P | R | F1 | A161 | R@161 | AUC | Mean km | ECE "
        "| A161 gold spans | geotext F1 | geotext A161 | Population A161 | Docs/s (1 core) |\n|"
        + "---|"
        * 16
    )
    rows = [head]
    for name, r in _corpora(results):
        rows.append(
            f"| {name} | {r['docs']} | {r['toponyms']} | {_f(r['precision'])} | {_f(r['recall'])} "
            f"| {_f(r['f1'])} | {_f(r['a161'])} | {_f(r['recall161'])} | {_f(r['auc'])} "
            f"| {_f(r['mean_km'], '.0f')} | {_f(r['ece'])} | {_f(r['gold_spans_a161'])} "
            f"| {_f(r['geotext_f1'])} | {_f(r['geotext_a161'])} | {_f(r['population_a161'])} "
            f"| {_f(r['docs_per_second'], '.0f')} |"
        )
    run_info = results["_run"]
    rows.append(
        f"\nCold start (fresh process, load and parse one article): {run_info['cold_start_s']:.2f} s. "
        f"Peak memory of the benchmark process: {run_info['peak_memory_mb']:.0f} MB."
    )
    return "\n".join(rows)


def speed_table(results: dict) -> str:
    """Documents per second of each stage alone and end to end (one core, after a warm start),
    per corpus: the slowest stage is the next to make faster."""
    head = "| Corpus | " + " | ".join(s.capitalize() for s in STAGES) + " | End to end |"
    rows = [head, "|---|" + "---|" * (len(STAGES) + 1)]
    for name, r in _corpora(results):
        stages = r["stage_docs_per_second"]
        cells = [_f(stages.get(stage, float("nan")), ".0f") for stage in STAGES]
        rows.append(f"| {name} | " + " | ".join(cells) + f" | {_f(r['docs_per_second'], '.0f')} |")
    return "\n".join(rows)


def reliability_table(results: dict) -> str:
    """Confidence bins against the share of correctly recognised toponyms placed within
    161 km, per corpus: ``n / mean confidence / share right`` in each cell."""
    scored = [(name, r) for name, r in _corpora(results) if r["reliability"]]
    head = "| Confidence | " + " | ".join(name for name, _ in scored) + " |"
    rows = [head, "|---|" + "---|" * len(scored)]
    for b in range(10):
        cells = []
        for _, r in scored:
            row = next((x for x in r["reliability"] if round(x[0] * 10) == b), None)
            cells.append(f"{row[2]} / {row[3]:.2f} / {row[4]:.2f}" if row else "–")
        rows.append(f"| {b / 10:.1f}–{(b + 1) / 10:.1f} | " + " | ".join(cells) + " |")
    ece = " | ".join(_f(r["ece"]) for _, r in scored)
    rows.append(f"| ECE | {ece} |")
    return "\n".join(rows)


def _corpora(results: dict) -> list[tuple[str, dict]]:
    return [(name, r) for name, r in results.items() if not name.startswith("_")]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpora", type=Path, default=DEFAULT_CORPORA)
    parser.add_argument("--limit", type=int, help="documents per corpus (default: all)")
    parser.add_argument(
        "--only", action="append", choices=list(CORPORA), help="run only this corpus (repeatable)"
    )
    parser.add_argument("--json", type=Path, help="also write the figures as JSON")
    parser.add_argument(
        "--dump-evidence",
        type=Path,
        metavar="FILE.jsonl",
        help="also write each gold toponym's candidates with their evidence, one JSON line each",
    )
    parser.add_argument(
        "--evidence-only", action="store_true", help="with --dump-evidence: measure nothing else"
    )
    args = parser.parse_args()
    if not args.corpora.exists():
        sys.exit(f"corpora not found at {args.corpora}: pass --corpora PATH")
    if args.dump_evidence is None:
        results = run(args.corpora, args.limit, args.only)
    else:
        with args.dump_evidence.open("w", encoding="utf-8") as out:
            results = run(args.corpora, args.limit, args.only, out, args.evidence_only)
        if args.evidence_only:
            return
    print(table(results))
    print()
    print("Documents per second, per stage (one core):")
    print()
    print(speed_table(results))
    print()
    print("Reliability (n / mean confidence / share within 161 km), correctly recognised toponyms:")
    print()
    print(reliability_table(results))
    print()
    print(recognition_table(results))
    print()
    print(PUBLISHED)
    if args.json:
        args.json.write_text(json.dumps(results, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
