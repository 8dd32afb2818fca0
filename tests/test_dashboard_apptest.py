"""The dashboard's widgets, driven by Streamlit's AppTest (no browser)."""

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from geo.model import Article
from geo.store.sqlite import SQLiteStore

ROOT = Path(__file__).resolve().parent.parent


def feature(fid, start, event_type, lat=36.3, lon=43.1):
    return {
        "type": "Feature",
        "id": fid,
        "geometry": {"type": "Point", "coordinates": [lon, lat]},
        "properties": {
            "feature_type": "place",
            "name": fid,
            "start": start,
            "end": start,
            "event_type": event_type,
            "confidence": 0.9,
            "geo_precision": 1,
            "source": "fixture.txt",
            "actors": ["Iraqi army"],
            "alternatives": [
                {"name": "Elsewhere", "geonameid": 1, "lat": 30.0, "lon": 40.0, "score": 0.1}
            ],
        },
    }


@pytest.fixture
def app(tmp_path, monkeypatch):
    store_path = tmp_path / "store.sqlite3"
    with SQLiteStore(store_path) as store:
        store.add_article(
            Article("one", "fixture.txt"),
            [feature("a", "2017-01-05", "battle"), feature("b", "2017-02-01", "airstrike")],
        )
        store.add_article(Article("two", "fixture.txt"), [feature("c", "2017-03-01", "battle")])
    monkeypatch.setenv("GEO_STORE", str(store_path))
    monkeypatch.setenv("GEO_TILES", "none")
    return AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)


def test_the_dashboard_shows_filters_timeline_and_table(app):
    app.run()
    assert not app.exception
    assert [m.label for m in app.sidebar.multiselect] == ["Event type", "Actor", "Source"]
    assert app.slider(key="window").value is not None
    assert len(app.dataframe[0].value) == 3


def test_choosing_an_event_type_narrows_the_table(app):
    app.run()
    app.sidebar.multiselect(key="f_event_type").select("airstrike").run()
    assert list(app.dataframe[0].value["place"]) == ["b"]


def test_a_filter_in_the_url_is_applied_on_load(app):
    app.query_params["types"] = "battle"
    app.run()
    assert sorted(app.dataframe[0].value["place"]) == ["a", "c"]


def test_the_date_window_limits_the_rows(app):
    import datetime as dt

    app.run()
    app.slider(key="window").set_value((dt.date(2017, 1, 5), dt.date(2017, 1, 31))).run()
    assert list(app.dataframe[0].value["place"]) == ["a"]


def test_an_empty_store_explains_how_to_add_articles(tmp_path, monkeypatch):
    monkeypatch.setenv("GEO_STORE", str(tmp_path / "empty.sqlite3"))
    app = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    app.run()
    assert "store is empty" in app.info[0].value
