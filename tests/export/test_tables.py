import csv
import io
import json

import pytest

from geo.errors import InputError
from geo.export.tables import export_features

FEATURES = [
    {
        "type": "Feature",
        "id": "a-0",
        "geometry": {"type": "Point", "coordinates": [43.1, 36.3]},
        "properties": {
            "name": "Mosul",
            "start": "2017-01-05",
            "event_type": "Battles",
            "actors": ["Iraqi army", "Islamic State"],
            "quote": "Fighting in Mosul.",
            "geo_precision": 1,
        },
    },
    {
        "type": "Feature",
        "id": "a-1",
        "geometry": {"type": "LineString", "coordinates": [[42.0, 34.0], [41.0, 34.4]]},
        "properties": {"name": "route", "feature_type": "route"},
    },
]


def test_geojson_export_is_a_feature_collection():
    out = io.StringIO()
    export_features(FEATURES, "geojson", out)
    assert json.loads(out.getvalue())["features"][0]["id"] == "a-0"


def test_csv_export_has_acled_like_columns_and_a_point_for_shapes():
    out = io.StringIO()
    export_features(FEATURES, "csv", out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert (
        rows[0]["event_date"] == "2017-01-05" and rows[0]["actors"] == "Iraqi army; Islamic State"
    )
    assert (rows[0]["latitude"], rows[0]["longitude"]) == ("36.3", "43.1")
    assert float(rows[1]["latitude"]) == pytest.approx(34.2)


def test_an_unknown_format_is_named():
    with pytest.raises(InputError, match="xml"):
        export_features(FEATURES, "xml", io.StringIO())


def test_cells_a_spreadsheet_would_run_as_formulas_are_neutralised():
    evil = {
        "type": "Feature",
        "id": "x-0",
        "geometry": {"type": "Point", "coordinates": [-3.7, -40.4]},
        "properties": {
            "name": "+Mosul",
            "title": '=HYPERLINK("https://evil.example","Log in")',
            "mention": "-2+3",
            "quote": "@SUM(A1)",
            "source": "\tx.txt",
            "url": "\rhttps://example.org",
            "status": "held by IS",
            "confidence": -0.0,
        },
    }
    out = io.StringIO()
    export_features([evil], "csv", out)
    row = next(csv.DictReader(io.StringIO(out.getvalue())))
    assert row["title"] == '\'=HYPERLINK("https://evil.example","Log in")'
    assert [row[k] for k in ("location", "mention", "notes", "source", "url")] == [
        "'+Mosul", "'-2+3", "'@SUM(A1)", "'\tx.txt", "'\rhttps://example.org"
    ]  # fmt: skip
    assert row["status"] == "held by IS"
    assert (row["latitude"], row["longitude"], row["confidence"]) == ("-40.4", "-3.7", "-0.0")
