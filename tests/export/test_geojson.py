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
        "battle",
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
