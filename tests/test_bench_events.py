"""The events benchmark's scoring on tiny hand-made cases."""

import datetime as dt
import importlib.util
import sys
from pathlib import Path

# bench/events.py by its path: the name "events" is the tests' own package
_SPEC = importlib.util.spec_from_file_location(
    "bench_events", Path(__file__).resolve().parent.parent / "bench" / "events.py"
)
bench_events = sys.modules["bench_events"] = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(bench_events)
Dated, GoldEvent, Predicted = bench_events.Dated, bench_events.GoldEvent, bench_events.Predicted
date_right, load_gold = bench_events.date_right, bench_events.load_gold
score_article, score_fusion = bench_events.score_article, bench_events.score_fusion

MOSUL, BAGHDAD = (36.34, 43.13), (33.34, 44.40)
DAY3 = Dated(dt.date(2016, 11, 3), dt.date(2016, 11, 3), 1)
WEEK = Dated(dt.date(2016, 10, 31), dt.date(2016, 11, 6), 2)


def gold(article, date, points, group=None, kind="Battles"):
    return GoldEvent(article, date, kind, None, list(points), group)


def predicted(event_id, article, date, points, kind="Battles"):
    return Predicted(event_id, article, date, kind, None, list(points))


def test_a_date_is_right_at_the_gold_precision_only():
    assert date_right(DAY3, DAY3)
    assert not date_right(DAY3, WEEK)  # a day inside the gold week, but not a week
    assert date_right(WEEK, WEEK)


def test_an_undated_prediction_is_never_a_right_date():
    assert not date_right(Dated(None, None, None), DAY3)


def test_an_event_is_judged_only_against_gold_events_sharing_a_place():
    tallies = score_article(
        [gold("a", DAY3, [MOSUL])],
        [predicted("e0", "a", DAY3, [BAGHDAD]), predicted("e1", "a", DAY3, [MOSUL])],
    )
    date = tallies["date"]
    assert (date.right, date.predicted, date.recalled, date.gold) == (1, 1, 1, 1)


def test_fusion_counts_merged_pairs_and_gold_pairs():
    articles = {
        "a": {"events": [gold("a", DAY3, [MOSUL], "g1")]},
        "b": {"events": [gold("b", DAY3, [MOSUL], "g1")]},
        "c": {"events": [gold("c", DAY3, [MOSUL])]},
    }
    events = {k: [predicted(f"{k}-e0", k, DAY3, [MOSUL])] for k in articles}
    tally = score_fusion(articles, events, [["a-e0", "b-e0", "c-e0"]])
    assert (tally.right, tally.predicted) == (1, 3)  # only a-b report one event
    assert (tally.recalled, tally.gold) == (1, 1)


def test_a_typed_gold_event_missed_is_counted_by_its_cause():
    events = [
        gold("a", DAY3, [MOSUL]),
        gold("a", DAY3, [BAGHDAD], kind="Protests"),
        gold("a", DAY3, [(30.5, 47.8)], kind="Riots"),  # Basra: nothing predicted there
    ]
    found = [predicted("e0", "a", DAY3, [MOSUL]), predicted("e1", "a", DAY3, [BAGHDAD])]
    causes = bench_events.type_misses(events, found)
    assert causes == {"another type": 1, "no event there": 1}


def test_the_held_out_part_has_a_second_set_written_later():
    articles = load_gold()
    later = [k for k, e in articles.items() if e.get("second_set")]
    assert len(later) >= 20
    assert all(articles[k]["split"] == "held_out" for k in later)


def test_the_dev_set_has_sixty_articles_in_two_parts():
    articles = load_gold()
    assert len(articles) >= 60
    assert {e["split"] for e in articles.values()} == {"dev", "held_out"}
    assert all(e["text"].strip() for e in articles.values())
