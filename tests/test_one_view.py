"""One view, the same features everywhere: the dashboard's table, ``python -m geo export`` and
the store all select through ``geo.view.apply_filter``."""

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from geo.model import Article
from geo.schema import DateWindow
from geo.store import open_store
from geo.view import ViewFilter, apply_filter, from_query_params, to_query_params
from tests.examples import point_feature

ROOT = Path(__file__).resolve().parent.parent


def feature(fid, start=None, event_type=None):
    return point_feature(fid, start, None, event_type, source="view.txt", confidence=0.9)


FEATURES = [
    feature("jan-battle", "2017-01-10", "Battles"),
    feature("jan-typeless", "2017-01-12"),
    feature("undated-typeless"),
    feature("march-battle", "2017-03-01", "Battles"),
    *(  # two articles' reports of one riot
        point_feature(
            f"{key}-0", "2017-02-10", None, "Riots", source="view.txt", event_id=f"{key}-e0"
        )
        for key in ("wire", "paper")
    ),
]
VIEWS = {
    "january": ViewFilter(DateWindow(dt.date(2017, 1, 1), dt.date(2017, 1, 31))),
    "january, type other": ViewFilter(
        DateWindow(dt.date(2017, 1, 1), dt.date(2017, 1, 31)), event_types=("other",)
    ),
    "january and the undated": ViewFilter(
        DateWindow(dt.date(2017, 1, 1), dt.date(2017, 1, 31)), undated=True
    ),
    "february": ViewFilter(DateWindow(dt.date(2017, 2, 1), dt.date(2017, 2, 28))),
    "february, separate reports": ViewFilter(
        DateWindow(dt.date(2017, 2, 1), dt.date(2017, 2, 28)), separate_reports=True
    ),
}


@pytest.fixture(scope="module")
def store_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("view") / "store.sqlite3"
    with open_store(path) as store:
        store.add_article(Article("view", "view.txt"), FEATURES)
    return path


def cli_export(store_path: Path, view: ViewFilter) -> list[str]:
    args = []
    for key, value in to_query_params(view).items():
        flag = {"from": "--from", "to": "--to"}.get(key)
        if flag:
            args += [flag, value]
        elif key == "types":
            for kind in value.split(","):
                args += ["--type", kind]
        elif key == "undated":
            args.append("--undated" if value == "1" else "--no-undated")
        elif key == "reports":
            args.append("--separate-reports")
    result = subprocess.run(
        [sys.executable, "-m", "geo", "export", "--store", str(store_path), *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return [f["id"] for f in json.loads(result.stdout)["features"]]


def dashboard_rows(store_path: Path, view: ViewFilter, monkeypatch) -> list[str]:
    monkeypatch.setenv("GEO_STORE", str(store_path))
    monkeypatch.setenv("GEO_TILES", "none")
    app = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    for key, value in to_query_params(view).items():
        app.query_params[key] = value
    app.run()
    assert not app.exception
    return list(app.dataframe[0].value["place"]) if app.dataframe else []


EXPECTED = {
    "january": ["jan-battle", "jan-typeless"],
    "january, type other": ["jan-typeless"],
    "january and the undated": ["undated-typeless", "jan-battle", "jan-typeless"],
    "february": ["paper-0"],
    "february, separate reports": ["paper-0", "wire-0"],
}


@pytest.mark.parametrize("name", list(VIEWS))
def test_the_dashboard_the_export_and_the_store_show_the_same_features(
    name, store_path, monkeypatch
):
    view = VIEWS[name]
    assert from_query_params(to_query_params(view)) == view  # the link carries the whole view
    with open_store(store_path) as store:
        stored = [f["id"] for f in store.features(view)]
    assert stored == EXPECTED[name]
    assert cli_export(store_path, view) == stored
    assert sorted(dashboard_rows(store_path, view, monkeypatch)) == sorted(stored)
    assert [f["id"] for f in apply_filter(FEATURES, view)] == sorted(
        stored, key=[f["id"] for f in FEATURES].index
    )
