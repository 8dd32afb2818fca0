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


def rows_of(features):
    out = io.StringIO()
    export_features(features, "csv", out)
    return list(csv.DictReader(io.StringIO(out.getvalue())))


def test_csv_export_starts_with_acleds_columns_in_acleds_order():
    header = next(csv.reader(io.StringIO(export_csv(FEATURES))))
    assert header[:16] == [
        "event_date", "year", "time_precision", "event_type", "sub_event_type", "actor1", "actor2",
        "country", "admin1", "location", "latitude", "longitude", "geo_precision", "source", "notes",
        "fatalities",
    ]  # fmt: skip


def export_csv(features):
    out = io.StringIO()
    export_features(features, "csv", out)
    return out.getvalue()


def test_an_event_row_gives_year_actors_fatalities_and_country():
    props = {**FEATURES[0]["properties"], "actor1": "Military Forces of Iraq", "fatalities": 12}
    row = rows_of([{**FEATURES[0], "properties": {**props, "country_code": "IQ"}}])[0]
    assert (row["year"], row["actor1"], row["fatalities"], row["country"]) == (
        "2017", "Military Forces of Iraq", "12", "Iraq"
    )  # fmt: skip


def test_an_event_of_no_reported_deaths_has_zero_fatalities_as_acled_writes_it():
    assert rows_of(FEATURES)[0]["fatalities"] == "0"


def test_a_fused_event_lists_every_source_as_acled_joins_them():
    sources = [{"title": "AFP"}, {"title": "Reuters"}, {"source": "bbc.txt"}]
    props = {**FEATURES[0]["properties"], "sources": sources, "source_count": 3}
    row = rows_of([{**FEATURES[0], "properties": props}])[0]
    assert (row["source"], row["source_count"]) == ("AFP; Reuters; bbc.txt", "3")


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
