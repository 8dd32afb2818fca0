"""Articles written for this project (tests/events/articles/) get the ACLED type of the event
they tell, its actors and deaths; news that is no conflict event gets no type."""

import json
from pathlib import Path

import pytest

from geo.export.geojson import document_features
from geo.model import Article
from geo.pipeline import geoparse
from geo.schema import UNTYPED_EVENT

ARTICLES = Path(__file__).parent / "articles"
GOLD = {
    k: v for k, v in json.loads((ARTICLES / "gold.json").read_text("utf-8")).items() if k[0] != "_"
}


def typed_events(name, gazetteer):
    """The properties of each typed event of an article, in text order."""
    text = (ARTICLES / name).read_text(encoding="utf-8")
    features = document_features(geoparse(Article(text=text, source=name), gazetteer))
    events = {}
    for feature in features:
        p = feature["properties"]
        if p.get("event_type") not in (None, UNTYPED_EVENT):
            events.setdefault(p["event_id"], p)
    return list(events.values())


@pytest.mark.parametrize("name", sorted(n for n, g in GOLD.items() if g["event_type"]))
def test_an_article_gets_the_acled_type_of_its_event(name, gazetteer):
    gold = GOLD[name]
    first = typed_events(name, gazetteer)[0]
    assert (first["event_type"], first["sub_event_type"]) == (
        gold["event_type"],
        gold["sub_event_type"],
    )


@pytest.mark.parametrize("name", sorted(n for n, g in GOLD.items() if "fatalities" in g))
def test_an_article_gives_the_deaths_it_reports(name, gazetteer):
    assert typed_events(name, gazetteer)[0]["fatalities"] == GOLD[name]["fatalities"]


@pytest.mark.parametrize(
    ("name", "side"),
    sorted((n, side) for n, g in GOLD.items() for side in ("actor1", "actor2") if side in g),
)
def test_an_article_names_its_actors_as_acled_does(name, side, gazetteer):
    assert typed_events(name, gazetteer)[0][side] == GOLD[name][side]


@pytest.mark.parametrize("name", sorted(n for n, g in GOLD.items() if not g["event_type"]))
def test_news_that_is_no_conflict_event_gets_no_type(name, gazetteer):
    assert typed_events(name, gazetteer) == []
