"""The dashboard's widgets, driven by Streamlit's AppTest (no browser)."""

import datetime as dt
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from geo.model import Article
from geo.store.sqlite import SQLiteStore
from tests.examples import point_feature

ROOT = Path(__file__).resolve().parent.parent


ELSEWHERE = {"name": "Elsewhere", "geonameid": 1, "lat": 30.0, "lon": 40.0, "score": 0.1}
WEIGHED = [
    {**ELSEWHERE, "name": "Here", "geonameid": 2, "lat": 36.3, "lon": 43.1, "score": 0.9}
    | {"evidence": {"prior": 0.4, "focus": 0.3}},
    ELSEWHERE | {"evidence": {"prior": 0.1, "focus": 0.0}},
]


def feature(fid, start, event_type, lat=36.3, lon=43.1):
    return point_feature(
        fid,
        start,
        None,
        event_type,
        lat,
        lon,
        confidence=0.9,
        geo_precision=1,
        source="fixture.txt",
        actors=["Iraqi army"],
        alternatives=WEIGHED if fid == "c" else [ELSEWHERE],
    )


@pytest.fixture
def store_path(tmp_path):
    return tmp_path / "store.sqlite3"


@pytest.fixture
def app(store_path, monkeypatch):
    with SQLiteStore(store_path) as store:
        store.add_article(
            Article("one", "fixture.txt"),
            [
                feature("a", "2017-01-05", "Battles"),
                feature("b", "2017-02-01", "Explosions/Remote violence"),
            ],
        )
        store.add_article(Article("two", "fixture.txt"), [feature("c", "2017-03-01", "Battles")])
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
    types = app.sidebar.multiselect(key="f_event_type")
    assert sorted(types.options) == ["Battles", "Explosions/Remote violence"]  # the legend's words
    types.select("Explosions/Remote violence").run()
    assert list(app.dataframe[0].value["place"]) == ["b"]
    assert list(app.dataframe[0].value["event"]) == ["Explosions/Remote violence"]


def test_a_filter_in_the_url_is_applied_on_load(app):
    app.query_params["types"] = "Battles"
    app.run()
    assert sorted(app.dataframe[0].value["place"]) == ["a", "c"]


def test_the_date_window_limits_the_rows(app):
    app.run()
    app.slider(key="window").set_value((dt.date(2017, 1, 5), dt.date(2017, 1, 31))).run()
    assert list(app.dataframe[0].value["place"]) == ["a"]


def select_row(app, place: str):
    """Select the table row of ``place``, as a click on its row would."""
    row = list(app.dataframe[0].value["place"]).index(place)
    app.session_state["table"] = {"selection": {"rows": [row], "columns": [], "cells": []}}
    return app.run()


def test_selecting_a_row_offers_the_ranked_alternatives(app):
    select_row(app.run(), "b")
    assert app.selectbox(key="alt_b").options == ["(keep)", "Elsewhere · 10% (30.000, 40.000)"]


def test_the_correction_panel_shows_why_each_candidate_scored_as_it_did(app):
    select_row(app.run(), "c")
    evidence = app.dataframe[1].value
    assert list(evidence["candidate"]) == ["Here", "Elsewhere"]
    assert list(evidence["focus"]) == [0.3, 0.0]


def test_picking_an_alternative_stores_a_logged_correction(app, store_path):
    select_row(app.run(), "b")
    app.selectbox(key="alt_b").select_index(1)
    app.button(key="save_b").click().run()
    with SQLiteStore(store_path) as store:
        log = store.corrections_log()
        moved = next(f for f in store.features() if f["id"] == "b")
    assert [(c["feature_id"], c["name"]) for c in log] == [("b", "Elsewhere")]
    assert moved["geometry"]["coordinates"] == [40.0, 30.0]
    assert "Correction saved" in app.success[0].value


def test_typed_coordinates_out_of_range_are_refused_naming_the_value(app, store_path):
    select_row(app.run(), "a")
    app.text_input(key="coords_a").input("95, 43").run()
    app.button(key="save_a").click().run()
    assert "95" in app.error[0].value
    with SQLiteStore(store_path) as store:
        assert store.corrections_log() == []


def test_coordinates_without_a_comma_are_refused_naming_the_text(app):
    select_row(app.run(), "a")
    app.text_input(key="coords_a").input("36.3 43.1").run()
    app.button(key="save_a").click().run()
    assert "'36.3 43.1'" in app.error[0].value


def test_a_pasted_article_is_geoparsed_into_the_table(app):
    app.run()
    app.text_area(key="paste_text").input("Heavy fighting was reported in Kirkuk on Tuesday.")
    app.date_input(key="paste_date").set_value(dt.date(2017, 2, 14))
    app.button(key="add").click().run()
    assert not app.exception
    assert "1 added" in app.success[0].value
    assert "Kirkuk" in list(app.dataframe[0].value["place"])


def test_an_article_without_a_place_is_stored_with_a_warning(app):
    app.run()
    app.text_area(key="paste_text").input("The committee met on Tuesday and adjourned.")
    app.text_input(key="paste_title").input("minutes")
    app.button(key="add").click().run()
    assert "1 added (1 without a place)" in app.success[0].value
    assert "No place found in minutes" in app.warning[0].value


def test_play_shows_a_first_window_then_steps_until_paused(app):
    app.run()
    app.button(key="play").click().run()
    first = app.session_state["window"]
    assert app.session_state["playing"] and first[1] < dt.date(2017, 3, 1)  # the last date
    app.run()  # a step of the timer
    second = app.session_state["window"]
    assert second[0] > first[0]
    app.button(key="play").click().run()  # Pause
    app.run()
    assert not app.session_state["playing"] and app.session_state["window"] == second


def test_stored_articles_are_geoparsed_again_on_request(app, store_path):
    app.run()
    app.button(key="reprocess").click().run()
    assert not app.exception
    # the fixture's features were made by hand: the geoparser finds no place in "one" and "two"
    assert "2 changed, 0 unchanged, 0 failed" in app.success[0].value
    with SQLiteStore(store_path) as store:
        assert store.features() == [] and len(store.articles()) == 2


def test_a_missing_folder_is_named_in_the_error(app):
    app.run()
    app.text_input(key="folder").input("/no/such/folder").run()
    app.button(key="add").click().run()
    assert "/no/such/folder" in app.error[0].value


def test_an_empty_store_explains_how_to_add_articles(tmp_path, monkeypatch):
    monkeypatch.setenv("GEO_STORE", str(tmp_path / "empty.sqlite3"))
    app = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    app.run()
    assert "store is empty" in app.info[0].value


def test_an_empty_store_loads_the_demo_articles_on_request(tmp_path, monkeypatch):
    monkeypatch.setenv("GEO_STORE", str(tmp_path / "empty.sqlite3"))
    monkeypatch.setenv("GEO_TILES", "none")
    app = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120)
    app.run()
    app.button(key="load_demo").click().run()
    assert not app.exception
    assert "Mosul" in " ".join(str(p) for p in app.dataframe[0].value["place"])


def test_a_bad_setting_is_one_error_naming_the_variable(tmp_path, monkeypatch):
    monkeypatch.setenv("GEO_STORE", str(tmp_path / "store.sqlite3"))
    monkeypatch.setenv("GEO_TILES", "https://tiles.example/no-placeholders.png")
    app = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60).run()
    assert not app.exception
    assert "GEO_TILES" in app.error[0].value.replace("\\", "")  # shown as text: escaped


def test_a_link_parameter_is_shown_as_text_never_as_markdown(app):
    app.query_params["confidence"] = "[Log in again](https://evil.example/q)"
    app.run()
    warning = app.warning[0].value
    assert "confidence" in warning and "https://" not in warning
    assert r"\[Log in again\]" in warning


@pytest.mark.parametrize("typed", ["a\x00b", "x" * 300, "loop", "../.."])
def test_a_bad_folder_name_is_one_line_without_the_server_path(app, typed, tmp_path, monkeypatch):
    root = tmp_path / "root"
    root.mkdir()
    (root / "loop").symlink_to(root / "loop")
    monkeypatch.setenv("GEO_FOLDER_ROOT", str(root))
    app.run()
    app.text_input(key="folder").input(typed).run()
    app.button(key="add").click().run()
    assert not app.exception
    message = app.error[0].value
    assert "folder" in message and str(tmp_path) not in message.replace("\\", "")


def test_a_folder_name_is_taken_inside_the_folder_root(app, store_path, tmp_path, monkeypatch):
    root = tmp_path / "root"
    (root / "news").mkdir(parents=True)
    (root / "news" / "a.txt").write_text("Heavy fighting was reported in Kirkuk.", "utf-8")
    monkeypatch.setenv("GEO_FOLDER_ROOT", str(root))
    app.run()
    app.text_input(key="folder").input("news").run()
    app.button(key="add").click().run()
    assert not app.exception and "1 added" in app.success[0].value
    with SQLiteStore(store_path) as store:
        assert store.articles()[-1]["source"] == "news/a.txt"


@pytest.fixture
def reported_twice(store_path, monkeypatch):
    """A store of two articles that report the same clash at Mosul: a wire dates it to the day,
    a weekly to its week."""
    with SQLiteStore(store_path) as store:
        for key, day, precision in (("wire", "2017-01-05", 1), ("paper", "2017-01-06", 2)):
            report = point_feature(
                f"{key}-0",
                day,
                None,
                "Battles",
                event_id=f"{key}-e0",
                source=f"{key}.txt",
                quote=f"The {key} says troops clashed in Mosul.",
                time_precision=precision,
                geo_precision=1,
            )
            store.add_article(Article(key, f"{key}.txt"), [report])
    monkeypatch.setenv("GEO_STORE", str(store_path))
    monkeypatch.setenv("GEO_TILES", "none")
    return AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)


def test_reports_of_one_event_show_as_one_row_reported_by_both_sources(reported_twice):
    reported_twice.run()
    rows = reported_twice.dataframe[0].value
    assert list(rows["reports"]) == ["reported by 2 sources"]
    assert list(rows["sources"]) == ["wire.txt; paper.txt"]


def test_the_separate_reports_toggle_shows_each_article_apart(reported_twice):
    reported_twice.run()
    reported_twice.sidebar.toggle(key="f_separate_reports").set_value(True).run()
    assert sorted(reported_twice.dataframe[0].value["source"]) == ["paper.txt", "wire.txt"]
