"""Features of a small view: a battle, a month held, a strike in March."""

import datetime as dt

JAN = dt.date(2017, 1, 5)


def feature(fid, start, end=None, **props):
    return {
        "id": fid,
        "geometry": {"type": "Point", "coordinates": [0, 0]},
        "properties": {"start": start, "end": end or start, **props},
    }


FEATURES = [
    feature(
        "a",
        "2017-01-05",
        event_type="Battles",
        actors=["Iraqi army"],
        confidence=0.9,
        geo_precision=1,
        source="a.txt",
        event_id="e1",
    ),
    feature(
        "b",
        "2017-01-01",
        "2017-01-31",
        event_type="Strategic developments",
        actors=["Islamic State"],
        confidence=0.4,
        geo_precision=3,
        source="b.txt",
        event_id="e2",
    ),
    feature(
        "c",
        "2017-03-10",
        event_type="Explosions/Remote violence",
        confidence=1.0,
        geo_precision=2,
        source="a.txt",
        event_id="e3",
    ),
]


def ids(features):
    return [f["id"] for f in features]
