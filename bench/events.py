"""Events benchmark: dates, ACLED types and fusion of the events dev set (bench/devsets/events).

    .venv/bin/python bench/events.py [--split dev|held_out|all] [--show] [--json OUT]

Every article goes through the pipeline as the dashboard sends it (with the publication date a feed
or an upload gives, where the gold file says one is given). A predicted event is one ``event_id`` of
the GeoJSON features; it is judged against the gold events of its article that share a place with it
(a point of each within ``NEAR_KM``). Its date is right when it has the precision of such a gold
event and lies within that event's dates; its type is right when it is that event's type. Recall
counts the gold events some predicted event sharing a place gets right. Fusion is scored with
``geo.events.fusion.fused_groups`` over every article's features, when that module exists.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import json
import sys
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from geo.model import Article, haversine_km

DEVSET = Path(__file__).resolve().parent / "devsets" / "events"
NEAR_KM = 50.0  # places of one event: a district and its city, a village and its province
SPLITS = ("dev", "held_out")
NO_TYPE = (None, "", "other")
# held_out in two sets: the articles written with the dev part, and those written later
HELD_OUT_SETS = {"held_out (first set)": False, "held_out (second set)": True}


@dataclass(frozen=True)
class Dated:
    """A date range with its ACLED precision (None: undated)."""

    start: dt.date | None
    end: dt.date | None
    precision: int | None


@dataclass
class GoldEvent:
    """One event of the gold file."""

    article: str
    date: Dated
    event_type: str | None
    sub_event_type: str | None
    points: list[tuple[float, float]]
    group: str | None


@dataclass
class Predicted:
    """One event of the pipeline's output: the features that share an ``event_id``."""

    event_id: str
    article: str
    date: Dated
    event_type: str | None
    sub_event_type: str | None
    points: list[tuple[float, float]] = field(default_factory=list)


def _day(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def load_gold(folder: Path = DEVSET) -> dict[str, dict]:
    """The gold file's articles by key, each with its text and its events as ``GoldEvent``."""
    articles = json.loads((folder / "gold.json").read_text(encoding="utf-8"))["articles"]
    for key, entry in articles.items():
        entry["text"] = (folder / "articles" / f"{key}.txt").read_text(encoding="utf-8")
        entry["events"] = [_gold_event(key, e) for e in entry["events"]]
    return articles


def _gold_event(key: str, raw: dict) -> GoldEvent:
    date = raw["date"] or {}
    return GoldEvent(
        key,
        Dated(_day(date.get("start")), _day(date.get("end")), date.get("time_precision")),
        raw["event_type"],
        raw["sub_event_type"],
        [(p["lat"], p["lon"]) for p in raw["places"]],
        raw["group"],
    )


def predicted_events(key: str, features: Iterable[dict]) -> list[Predicted]:
    """The events of one article's features, each with the points of its places and shapes."""
    events: dict[str, Predicted] = {}
    for feature in features:
        props = feature["properties"]
        event_id = props.get("event_id")
        if event_id is None:
            continue
        if event_id not in events:
            date = Dated(
                _day(props.get("start")), _day(props.get("end")), props.get("time_precision")
            )
            kind = props.get("event_type")
            events[event_id] = Predicted(event_id, key, date, kind, props.get("sub_event_type"))
        events[event_id].points.extend(_points(feature["geometry"]))
    return list(events.values())


def _points(geometry: dict) -> list[tuple[float, float]]:
    """(lat, lon) of a point, or of every vertex of a line or polygon, thinned to at most 50."""
    coords = geometry["coordinates"]
    while coords and isinstance(coords[0], list) and isinstance(coords[0][0], list):
        coords = [c for part in coords for c in part]
    pairs = [coords] if geometry["type"] == "Point" else coords
    step = max(1, len(pairs) // 50)
    return [(lat, lon) for lon, lat in pairs[::step]]


def share_place(a: Iterable[tuple[float, float]], b: Iterable[tuple[float, float]]) -> bool:
    """Whether a point of ``a`` lies within ``NEAR_KM`` of a point of ``b``."""
    b = list(b)
    return any(haversine_km(p, q) <= NEAR_KM for p in a for q in b)


def date_right(predicted: Dated, gold: Dated) -> bool:
    """A date is right at the gold precision: same precision, and within the gold dates."""
    if gold.start is None or predicted.start is None:
        return False
    return (
        predicted.precision == gold.precision
        and gold.start <= predicted.start
        and predicted.end <= gold.end
    )


@dataclass
class Tally:
    """Counts of one measure: right predictions, predictions, gold items recalled, gold items."""

    right: int = 0
    predicted: int = 0
    recalled: int = 0
    gold: int = 0

    def precision(self) -> float:
        return self.right / self.predicted if self.predicted else float("nan")

    def recall(self) -> float:
        return self.recalled / self.gold if self.gold else float("nan")


def score_article(gold: list[GoldEvent], predicted: list[Predicted]) -> dict[str, Tally]:
    """Date and type tallies of one article's predicted events against its gold events."""
    near = {id(p): [g for g in gold if share_place(p.points, g.points)] for p in predicted}
    tests: dict[str, Callable[[Predicted, GoldEvent], bool]] = {
        "date": lambda p, g: date_right(p.date, g.date),
        "event_type": lambda p, g: p.event_type == g.event_type,
        "sub_event_type": lambda p, g: p.sub_event_type == g.sub_event_type,
    }
    tallies = {}
    for name, right in tests.items():
        attr = "start" if name == "date" else name
        tally = Tally()
        for p in predicted:
            value = p.date.start if name == "date" else getattr(p, attr)
            if value in NO_TYPE or not near[id(p)]:
                continue
            tally.predicted += 1
            tally.right += any(right(p, g) for g in near[id(p)])
        for g in gold:
            value = g.date.start if name == "date" else getattr(g, attr)
            if value in NO_TYPE:
                continue
            tally.gold += 1
            tally.recalled += any(right(p, g) for p in predicted if g in near[id(p)])
        tallies[name] = tally
    return tallies


def type_misses(gold: list[GoldEvent], predicted: list[Predicted]) -> Counter:
    """Why each typed gold event is not recalled: no predicted event shares a place with it,
    those that do are untyped, or they have another type."""
    causes: Counter = Counter()
    for g in gold:
        if g.event_type in NO_TYPE:
            continue
        near = [p for p in predicted if share_place(p.points, g.points)]
        if any(p.event_type == g.event_type for p in near):
            continue
        if not near:
            causes["no event there"] += 1
        elif all(p.event_type in NO_TYPE for p in near):
            causes["untyped"] += 1
        else:
            causes["another type"] += 1
    return causes


def best_gold(p: Predicted, gold: list[GoldEvent]) -> GoldEvent | None:
    """The gold event a predicted one reports: sharing a place, the right date first."""
    near = [g for g in gold if share_place(p.points, g.points)]
    near.sort(key=lambda g: (not date_right(p.date, g.date), p.event_type != g.event_type))
    return near[0] if near else None


def score_fusion(
    gold: dict[str, dict], predicted: dict[str, list[Predicted]], groups: list[list[str]]
) -> Tally:
    """Pairs of events merged that report one event (precision), and gold pairs merged (recall)."""
    match = {
        p.event_id: best_gold(p, gold[key]["events"])
        for key, events in predicted.items()
        for p in events
    }
    group_of = {event_id: n for n, group in enumerate(groups) for event_id in group}
    tally = Tally()
    for group in groups:
        for a, b in combinations(group, 2):
            ga, gb = match.get(a), match.get(b)
            if ga is None or gb is None:
                continue
            tally.predicted += 1
            tally.right += ga is gb or (ga.group is not None and ga.group == gb.group)
    reports = defaultdict(list)  # gold event id -> the predicted events matched to it
    for event_id, g in match.items():
        if g is not None:
            reports[id(g)].append(event_id)
    by_group = defaultdict(list)
    for entry in gold.values():
        for g in entry["events"]:
            if g.group:
                by_group[g.group].append(g)
    for members in by_group.values():
        for ga, gb in combinations(members, 2):
            tally.gold += 1
            tally.recalled += any(
                group_of.get(a) is not None and group_of.get(a) == group_of.get(b)
                for a in reports[id(ga)]
                for b in reports[id(gb)]
            )
    return tally


def fusion_function() -> Callable | None:
    """``geo.events.fusion.fused_groups``, or None where this version has no fusion."""
    try:
        module = importlib.import_module("geo.events.fusion")
    except ModuleNotFoundError:
        return None
    return getattr(module, "fused_groups", None)


def run_pipeline(gold: dict[str, dict]) -> dict[str, list[dict]]:
    """Every article's GeoJSON features, as ``python -m geo extract`` prints them."""
    from geo.export.geojson import document_features
    from geo.gazetteer.embedded import load_embedded_gazetteer
    from geo.pipeline import geoparse
    from geo.shapes import load_rivers

    gazetteer, rivers = load_embedded_gazetteer(), load_rivers()
    out = {}
    for key, entry in gold.items():
        given = _day(entry["given_published"])
        article = Article(text=entry["text"], source=key, lang=entry["lang"], published=given)
        out[key] = document_features(geoparse(article, gazetteer, rivers=rivers))
    return out


def undated_kept(gold: dict[str, dict], features: dict[str, list[dict]]) -> tuple[int, int]:
    """Articles the gold leaves undated whose features all stay undated, of those articles."""
    undated = [k for k, e in gold.items() if all(g.date.start is None for g in e["events"])]
    kept = sum(all(f["properties"].get("start") is None for f in features[k]) for k in undated)
    return kept, len(undated)


def score_split(gold: dict[str, dict], features: dict[str, list[dict]], fuse) -> dict:
    """Every measure of some articles."""
    predicted = {k: predicted_events(k, features[k]) for k in gold}
    totals = {name: Tally() for name in ("date", "event_type", "sub_event_type")}
    for key, entry in gold.items():
        for name, tally in score_article(entry["events"], predicted[key]).items():
            for attr in ("right", "predicted", "recalled", "gold"):
                setattr(totals[name], attr, getattr(totals[name], attr) + getattr(tally, attr))
    result = {
        name: vars(t) | {"precision": t.precision(), "recall": t.recall()}
        for name, t in totals.items()
    }
    result["type_misses"] = dict(
        sum((type_misses(e["events"], predicted[k]) for k, e in gold.items()), Counter())
    )
    result["articles"] = len(gold)
    result["gold_events"] = sum(len(e["events"]) for e in gold.values())
    result["undated_kept"] = undated_kept(gold, features)
    if fuse is not None:
        groups = fuse([f for k in gold for f in features[k]])
        fusion = score_fusion(gold, predicted, groups)
        result["fusion"] = vars(fusion) | {
            "precision": fusion.precision(),
            "recall": fusion.recall(),
        }
    return result


def _cell(value: float) -> str:
    return "–" if value != value else f"{value:.2f}"


def table(results: dict[str, dict]) -> str:
    """The Markdown table of the README."""
    lines = [
        "| Part | Articles | Gold events | Date P | Date R | Type P | Type R | Sub-type P | Sub-type R"
        " | Undated kept | Fusion P | Fusion R |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for part, r in results.items():
        fusion = r.get("fusion")
        cells = [
            part,
            str(r["articles"]),
            str(r["gold_events"]),
            *(
                _cell(r[m][k])
                for m in ("date", "event_type", "sub_event_type")
                for k in ("precision", "recall")
            ),
            "{}/{}".format(*r["undated_kept"]),
            _cell(fusion["precision"]) if fusion else "not measured",
            _cell(fusion["recall"]) if fusion else "not measured",
        ]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def show(gold: dict[str, dict], features: dict[str, list[dict]]) -> None:
    """Each article's gold and predicted events, to see where the dates go wrong."""
    for key, entry in gold.items():
        print(f"## {key} (published {entry['published']}, given {entry['given_published']})")
        events = predicted_events(key, features[key])
        for g in entry["events"]:
            near = [p for p in events if share_place(p.points, g.points)]
            got = any(date_right(p.date, g.date) for p in near) or (
                g.date.start is None and near and all(p.date.start is None for p in near)
            )
            print(
                f"  {'OK' if got else 'XX'} gold {g.date.start}..{g.date.end}/{g.date.precision} {g.event_type}"
            )
        for p in events:
            near = [g for g in entry["events"] if share_place(p.points, g.points)]
            mark = (
                "ok" if any(date_right(p.date, g.date) for g in near) else ("--" if near else "  ")
            )
            names = sorted(
                {
                    f["properties"].get("name")
                    for f in features[key]
                    if f["properties"].get("event_id") == p.event_id
                }
            )
            print(
                f"  {mark} {p.date.start}..{p.date.end}/{p.date.precision} {p.event_type} {names}"
            )


def main(argv: list[str] | None = None) -> int:
    """Score the pipeline on the events dev set and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--split", choices=(*SPLITS, "all"), default="all")
    parser.add_argument("--show", action="store_true", help="print each dev article's events")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args(argv)
    gold = load_gold()
    parts = SPLITS if args.split == "all" else (args.split,)
    features = run_pipeline({k: e for k, e in gold.items() if e["split"] in parts})
    fuse = fusion_function()
    results = {}
    for part in (*parts, "all") if len(parts) > 1 else parts:
        chosen = {k: e for k, e in gold.items() if part == "all" or e["split"] == part}
        results[part] = score_split(chosen, features, fuse)
        if part == "held_out":  # the articles written after the rules, scored apart as well
            for name, later in HELD_OUT_SETS.items():
                subset = {k: e for k, e in chosen.items() if bool(e.get("second_set")) == later}
                results[name] = score_split(subset, features, fuse)
    if args.show:
        show({k: e for k, e in gold.items() if e["split"] == "dev" and k in features}, features)
    print(table(results))
    print("\nTyped gold events missed, by cause:")
    for part, r in results.items():
        causes = ", ".join(f"{n} {cause}" for cause, n in sorted(r["type_misses"].items()))
        print(f"- {part}: {causes or 'none'}")
    if fuse is None:
        print("\nFusion is not measured: this version has no geo.events.fusion.fused_groups.")
    if args.json:
        args.json.write_text(json.dumps(results, indent=1, default=str), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
