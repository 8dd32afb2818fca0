"""Geoparsing benchmark: this project end to end and with gold spans, beside two baselines, in one run.

    .venv/bin/python bench/geoparse.py [--corpora PATH] [--limit N] [--only NAME] [--json OUT]
                                       [--dump-evidence FILE.jsonl]

Corpora are read in place from ../shared/benchmarks/geoparsing (GPL data, never copied here).
Prints Markdown tables: the results, then the published figures they compare to.
``--dump-evidence`` writes, for every gold toponym with a point, the resolver's candidates
given the gold span, each with its evidence, score and distance to the gold point: what the
weights of ``geo.resolve.evidence`` can be fitted on. It quotes the corpora: keep it outside
the project.
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
from metrics import Recognition, accuracy, auc_of_errors, error_km, match_spans, overlaps

from geo.errors import DataFileError
from geo.gazetteer.embedded import load_embedded_gazetteer
from geo.model import Article, Mention
from geo.pipeline import geoparse
from geo.recognize.recogniser import Recogniser, load_recogniser
from geo.resolve.resolver import ranked_candidates, resolve_mentions
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


def held_out_recogniser(corpus: str) -> Recogniser:
    """The recogniser fitted without ``corpus`` (the shipped one for a corpus it was not
    fitted on), so that every recognition figure is cross-validated."""
    try:
        return load_recogniser(held_out=corpus)
    except DataFileError:
        return load_recogniser()


def predictions(
    document: Document, gazetteer, rivers, recogniser: Recogniser | None = None
) -> list[tuple[int, int, float, float]]:
    """(start, end, lat, lon) of every place this project finds in a document."""
    return places_and_nationalities(document, gazetteer, rivers, recogniser)[0]


def places_and_nationalities(
    document: Document, gazetteer, rivers, recogniser: Recogniser | None = None
) -> tuple[list[tuple[int, int, float, float]], set[tuple[int, int]]]:
    """(start, end, lat, lon) of every mention this project finds in a document, and the spans
    of those that are nationality mentions ("Iraqi"), which the map leaves out by default."""
    parsed = geoparse(
        Article(text=document.text, source=document.doc_id, lang=document.lang),
        gazetteer,
        rivers=rivers,
        recogniser=recogniser,
    )
    found = [(r.mention.start, r.mention.end, r.place.lat, r.place.lon) for r in parsed.resolutions]
    nationalities = {
        (r.mention.start, r.mention.end)
        for r in parsed.resolutions
        if r.mention.kind_hint == "demonym"
    }
    return found, nationalities


def recognition_of_places(documents, parsed) -> dict[str, float]:
    """Recognition P/R/F1 of the mentions on the map by default (nationality mentions left out)."""
    outputs = [[p for p in found if p[:2] not in spans] for found, spans in parsed]
    counts, _ = score_end_to_end(documents, outputs)
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
    """Recognition counts and the errors of correctly recognised toponyms."""
    counts, errors = Recognition(), []
    for document, predicted in zip(documents, outputs, strict=True):
        predicted = judged(predicted, document)
        pairs = match_spans(
            [p[:2] for p in predicted], [(t.start, t.end) for t in document.toponyms]
        )
        counts.true_positives += len(pairs)
        counts.predicted += len(predicted)
        counts.gold += len(document.toponyms)
        for g, p in pairs.items():
            gold = document.toponyms[g]
            if gold.lat is not None:
                errors.append(error_km(predicted[p][2:], (gold.lat, gold.lon)))
    return counts, errors


def gold_span_accuracy(documents, gazetteer) -> float:
    """A161 when the gold spans are given and only resolution is asked of this project."""
    hits = total = 0
    for document in documents:
        gold = [t for t in document.toponyms if t.lat is not None]
        mentions = [Mention(t.mention, t.start, t.end, t.mention) for t in gold]
        resolved = {
            r.mention.start: r.place for r in resolve_mentions(mentions, gazetteer, document.text)
        }
        for t in gold:
            total += 1
            place = resolved.get(t.start)
            hits += place is not None and error_km(place.point, (t.lat, t.lon)) <= 161
    return hits / total if total else float("nan")


def evidence_lines(corpus: str, documents, gazetteer) -> Iterator[dict]:
    """One record per gold toponym with a point, as the resolver sees it given the gold spans:
    the gold point and every candidate (best first) with its point, evidence, probability and
    distance to the gold point; no candidates when the gazetteer knows none."""
    for document in documents:
        gold = [t for t in document.toponyms if t.lat is not None]
        mentions = [Mention(t.mention, t.start, t.end, t.mention) for t in gold]
        ranked = ranked_candidates(mentions, gazetteer, document.text)
        for t, candidates in zip(gold, ranked, strict=True):
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
                        "score": c.score,
                        "km": error_km(c.place.point, (t.lat, t.lon)),
                    }
                    for c in candidates
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
    corpora: Path, limit: int | None, only: list[str] | None, evidence_out: TextIO | None = None
) -> dict:
    """Every measure for every corpus; with ``evidence_out``, the evidence of the gold-span
    resolutions too, as JSON lines (see :func:`evidence_lines`)."""
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})  # one core
    gazetteer, rivers = load_embedded_gazetteer(), load_rivers()
    predictions(Document("warm", "Warm up in Paris.", []), gazetteer, rivers)
    results = {}
    for name, reader in CORPORA.items():
        if only and name not in only:
            continue
        documents = list(reader(corpora))[:limit] if limit else list(reader(corpora))
        started = time.perf_counter()
        recogniser = held_out_recogniser(name)
        parsed = [places_and_nationalities(d, gazetteer, rivers, recogniser) for d in documents]
        outputs = [found for found, _ in parsed]
        elapsed = time.perf_counter() - started
        counts, errors = score_end_to_end(documents, outputs)
        baseline_counts, baseline_errors = score_end_to_end(
            documents, [geotext_predictions(d, gazetteer) for d in documents]
        )
        results[name] = {
            "docs": len(documents),
            "toponyms": counts.gold,
            "precision": counts.precision,
            "recall": counts.recall,
            "f1": counts.f1,
            "a161": accuracy(errors),
            "auc": auc_of_errors(errors),
            "mean_km": sum(errors) / len(errors) if errors else float("nan"),
            "gold_spans_a161": gold_span_accuracy(documents, gazetteer),
            "geotext_f1": baseline_counts.f1,
            "geotext_a161": accuracy(baseline_errors),
            "population_a161": population_accuracy(documents, gazetteer),
            "docs_per_second": len(documents) / elapsed if elapsed else float("nan"),
            **recognition_of_places(documents, parsed),
        }
        if evidence_out is not None:
            for line in evidence_lines(name, documents, gazetteer):
                evidence_out.write(json.dumps(line, ensure_ascii=False) + "\n")
    results["_run"] = {
        "cold_start_s": cold_start_seconds(),
        "peak_memory_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }
    return results


def _f(value: float, spec: str = ".3f") -> str:
    """A figure, or a dash where the corpus cannot give it (no coordinates)."""
    return "–" if value != value else format(value, spec)


def table(results: dict) -> str:
    """The results as one Markdown table."""
    head = (
        "| Corpus | Docs | Toponyms | P | R | F1 | A161 | AUC | Mean km | A161 gold spans "
        "| geotext F1 | geotext A161 | Population A161 | Docs/s (1 core) |\n|" + "---|" * 14
    )
    rows = [head]
    for name, r in results.items():
        if name.startswith("_"):
            continue
        rows.append(
            f"| {name} | {r['docs']} | {r['toponyms']} | {_f(r['precision'])} | {_f(r['recall'])} "
            f"| {_f(r['f1'])} | {_f(r['a161'])} | {_f(r['auc'])} | {_f(r['mean_km'], '.0f')} "
            f"| {_f(r['gold_spans_a161'])} | {_f(r['geotext_f1'])} | {_f(r['geotext_a161'])} "
            f"| {_f(r['population_a161'])} | {_f(r['docs_per_second'], '.0f')} |"
        )
    run_info = results["_run"]
    rows.append(
        f"\nCold start (fresh process, load and parse one article): {run_info['cold_start_s']:.2f} s. "
        f"Peak memory of the benchmark process: {run_info['peak_memory_mb']:.0f} MB."
    )
    return "\n".join(rows)


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
    args = parser.parse_args()
    if not args.corpora.exists():
        sys.exit(f"corpora not found at {args.corpora}: pass --corpora PATH")
    if args.dump_evidence is None:
        results = run(args.corpora, args.limit, args.only)
    else:
        with args.dump_evidence.open("w", encoding="utf-8") as out:
            results = run(args.corpora, args.limit, args.only, out)
    print(table(results))
    print()
    print(recognition_table(results))
    print()
    print(PUBLISHED)
    if args.json:
        args.json.write_text(json.dumps(results, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
