"""The ``python -m geo`` contract, run as users run it: a subprocess per call."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def run_geo(
    *args: str, stdin: str | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "geo", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        env=None if env is None else {**os.environ, **env},
    )


BAD_SETTINGS = [("GEO_TILES", "https://example.org/tiles.png"), ("GEO_FOLDER_ROOT", "/no/such/dir")]


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "kirkuk.txt"
    path.write_text(
        "Des renforts irakiens sont arrivés à Kirkouk mardi, venus de Bagdad.\n", encoding="utf-8"
    )
    return path


def test_help_explains_every_subcommand():
    result = run_geo("--help")
    assert result.returncode == 0
    for command in ("extract", "ingest", "reprocess", "export", "snapshot", "assets"):
        assert command in result.stdout


@pytest.mark.parametrize("command", [(), ("export",), ("ingest",)])
@pytest.mark.parametrize(("name", "value"), BAD_SETTINGS)
def test_help_works_whatever_the_settings(command, name, value):
    result = run_geo(*command, "--help", env={name: value})
    assert result.returncode == 0, result.stderr
    assert "usage: python -m geo" in result.stdout


@pytest.mark.parametrize(("name", "value"), BAD_SETTINGS)
def test_a_bad_setting_stops_a_command_with_one_line_naming_it(name, value, tmp_path):
    result = run_geo("export", env={name: value, "GEO_STORE": str(tmp_path / "s.sqlite3")})
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.strip().splitlines() == [result.stderr.strip()]
    assert result.stderr.startswith(f"error: {name}={value!r}: ")


def test_extract_prints_one_feature_collection_with_exact_offsets(article):
    result = run_geo("extract", str(article))
    assert result.returncode == 0, result.stderr
    collection = json.loads(result.stdout)
    assert collection["type"] == "FeatureCollection"
    text = article.read_text(encoding="utf-8")
    points = [f for f in collection["features"] if f["geometry"]["type"] == "Point"]
    assert {f["properties"]["name"] for f in points} >= {"Kirkuk", "Baghdad"}
    for feature in points:
        props = feature["properties"]
        assert props["source"] == str(article)
        assert text[props["char_start"] : props["char_end"]] == props["mention"]


def test_extract_writes_longitude_first(article):
    collection = json.loads(run_geo("extract", str(article)).stdout)
    kirkuk = next(f for f in collection["features"] if f["properties"]["name"] == "Kirkuk")
    lon, lat = kirkuk["geometry"]["coordinates"]
    assert 43 < lon < 45 and 35 < lat < 36


def test_extract_reads_standard_input_for_a_dash():
    result = run_geo("extract", "--lang", "en", "-", stdin="Floods hit Basra on Monday.\n")
    assert result.returncode == 0, result.stderr
    features = json.loads(result.stdout)["features"]
    assert [f["properties"]["source"] for f in features][:1] == ["-"]


def test_an_empty_article_gives_an_empty_collection(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    result = run_geo("extract", str(empty))
    assert result.returncode == 0
    assert json.loads(result.stdout) == {"type": "FeatureCollection", "features": []}


def test_a_missing_file_is_named_on_one_line_and_nothing_is_printed(article, tmp_path):
    missing = tmp_path / "nowhere.txt"
    result = run_geo("extract", str(article), str(missing))
    assert result.returncode == 2
    assert result.stdout == ""
    assert str(missing) in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_a_binary_file_is_refused_by_name(tmp_path):
    binary = tmp_path / "photo.jpg"
    binary.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x02\x00\xff")
    result = run_geo("extract", str(binary))
    assert result.returncode == 2
    assert result.stdout == ""
    assert "photo.jpg" in result.stderr


def test_a_bad_published_date_is_named():
    result = run_geo("extract", "--published", "2017-13-45", "-", stdin="Mosul\n")
    assert result.returncode == 2
    assert "2017-13-45" in result.stderr


def test_reprocessing_a_store_keeps_its_articles_and_reports_what_changed(article, tmp_path):
    store = tmp_path / "events.sqlite3"
    assert run_geo("ingest", "--quiet", "--store", str(store), str(article)).returncode == 0
    result = run_geo("reprocess", "--quiet", "--store", str(store))
    assert result.returncode == 0
    assert "0 changed, 1 unchanged, 0 failed" in result.stderr
    exported = json.loads(run_geo("export", "--store", str(store)).stdout)
    assert {f["properties"]["name"] for f in exported["features"]} >= {"Kirkuk", "Baghdad"}


def test_reprocessing_a_missing_store_names_it(tmp_path):
    result = run_geo("reprocess", "--store", str(tmp_path / "nope.sqlite3"))
    assert result.returncode == 2
    assert "nope.sqlite3" in result.stderr and not (tmp_path / "nope.sqlite3").exists()


def test_assets_without_an_npm_install_names_the_missing_file(tmp_path):
    result = run_geo("assets", str(tmp_path / "node_modules"), str(tmp_path / "static"))
    assert result.returncode == 2
    assert "leaflet/dist/leaflet.js is missing" in result.stderr
    assert not (tmp_path / "static").exists()
