import datetime as dt

from geo.export.geojson import document_features, position
from geo.model import (
    Article,
    Candidate,
    Document,
    Event,
    EventDate,
    Mention,
    Place,
    Resolution,
    Shape,
)
from geo.pipeline import geoparse_features
from geo.resolve.evidence import EVIDENCE_NAMES

MOSUL = Place("Mosul", 36.335, 43.119, 99072, "IQ", "city", 1_683_000)


def test_positions_are_longitude_first():
    assert position((36.335, 43.119)) == [43.119, 36.335]


def test_a_document_gives_points_then_shapes_with_event_dates():
    text = "Fighting in Mosul."
    mention = Mention("Mosul", 12, 17, "Mosul")
    resolution = Resolution(mention, MOSUL, 0.9, 1, (Candidate(Place("Mosul", 1.0, 2.0), 0.1),))
    area = Shape(
        "area",
        "east Mosul",
        ((36.3, 43.2), (36.4, 43.2), (36.4, 43.3)),
        ((12, 17),),
        {"side": "east"},
    )
    event = Event(
        "armed_clash",
        EventDate(dt.date(2017, 1, 5), dt.date(2017, 1, 5), 1, "published"),
        text,
        0,
        18,
        (resolution,),
        (area,),
    )
    doc = Document(Article(text, "a.txt"), (resolution,), (area,), (event,))
    point, polygon = document_features(doc)
    assert (
        point["properties"]["start"] == "2017-01-05"
        and point["properties"]["alternatives"][0]["lon"] == 2.0
    )
    assert polygon["geometry"]["type"] == "Polygon"
    ring = polygon["geometry"]["coordinates"][0]
    assert ring[0] == ring[-1]
    assert polygon["properties"]["mentions"] == [{"char_start": 12, "char_end": 17}]
    assert point["id"] != polygon["id"]


def test_each_alternative_carries_the_evidence_of_its_score():
    mention = Mention("Mosul", 12, 17, "Mosul")
    evidence = {"prior": 0.2857142, "kind": 0.0, "name_match": 1.0, "focus": 0.0,
                "state": 0.0, "proximity": 0.0, "qualifier": 0.0}  # fmt: skip
    other_mosul = Candidate(Place("Mosul", 1.0, 2.0), 0.1, evidence)
    resolution = Resolution(mention, MOSUL, 0.9, 1, (other_mosul,))
    (point,) = document_features(Document(Article("Fighting in Mosul.", "a.txt"), (resolution,)))
    (alternative,) = point["properties"]["alternatives"]
    assert alternative["evidence"] == {**evidence, "prior": 0.286}


def test_the_alternatives_of_a_parsed_article_carry_every_named_feature(gazetteer, rivers):
    article = Article(
        "Clashes in Tripoli spread north of Beirut, Lebanon said.", "a.txt", lang="en"
    )
    features = geoparse_features(article, gazetteer, rivers=rivers)
    tripoli = next(f["properties"] for f in features if f["properties"]["mention"] == "Tripoli")
    assert tripoli["alternatives"]
    for alternative in tripoli["alternatives"]:
        assert set(alternative["evidence"]) == set(EVIDENCE_NAMES)
