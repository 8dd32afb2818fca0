"""The ``python -m geo`` contract, run as users run it: a subprocess per call."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from geo.store.sqlite import SQLiteStore

ROOT = Path(__file__).resolve().parent.parent


def run_geo(
    *args: str, stdin: str | bytes | None = None, env: dict | None = None
) -> subprocess.CompletedProcess:
    result = subprocess.run(
        [sys.executable, "-m", "geo", *args],
        input=stdin.encode() if isinstance(stdin, str) else stdin,
        capture_output=True,
        cwd=ROOT,
        timeout=120,
        env={**os.environ, **(env or {})},
    )
    result.stdout = result.stdout.decode("utf-8")
    result.stderr = result.stderr.decode("utf-8", "replace")
    return result


def refused(result: subprocess.CompletedProcess, *names: str) -> bool:
    """Exit 2, nothing on standard output, one line per failure naming it, no traceback."""
    lines = result.stderr.strip().splitlines()
    return (
        result.returncode == 2
        and result.stdout == ""
        and len(lines) == len(names)
        and all(
            name in line and line.startswith("error: ")
            for name, line in zip(names, lines, strict=False)
        )
        and "Traceback" not in result.stderr
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


def test_a_json_file_nested_too_deeply_is_refused_by_name(tmp_path):
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    assert refused(run_geo("extract", str(deep)), "deep.json: JSON nested too deeply")


def test_standard_input_that_is_not_utf8_is_read_as_windows_1252_and_says_so():
    result = run_geo("extract", "--lang", "fr", "-", stdin="Combats à Mossoul.\n".encode("cp1252"))
    assert result.returncode == 0, result.stderr
    assert result.stderr.strip() == "note: -: read as cp1252"
    assert "Mosul" in {f["properties"]["name"] for f in json.loads(result.stdout)["features"]}


def test_binary_standard_input_is_refused_on_one_line():
    result = run_geo("extract", "-", stdin=b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff")
    assert refused(result, "standard input: not a text file")


def test_every_record_of_a_json_lines_file_is_extracted(tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text(
        '{"text": "Floods hit Basra."}\n{"text": "Fighting in Kirkuk."}\n', encoding="utf-8"
    )
    result = run_geo("extract", "--lang", "en", str(feed))
    assert result.returncode == 0, result.stderr
    names = {f["properties"]["name"] for f in json.loads(result.stdout)["features"]}
    assert names >= {"Basrah", "Kirkuk"}


def test_every_bad_file_and_record_is_named_and_nothing_is_printed(tmp_path, article):
    feed = tmp_path / "feed.jsonl"
    feed.write_text('{"text": "Basra."}\n{"text": \n{"text": "Kirkuk", "url": [1]}\n', "utf-8")
    result = run_geo("extract", str(article), str(feed))
    assert refused(result, "feed.jsonl:2: not valid JSON", "feed.jsonl:3: 'url' must be a string")


def test_an_article_over_the_size_limit_is_refused_by_name_and_setting(tmp_path):
    long = tmp_path / "long.txt"
    long.write_text("Fighting in Mosul. " * 100, encoding="utf-8")
    result = run_geo("extract", str(long), env={"GEO_MAX_ARTICLE_BYTES": "1000"})
    assert refused(result, "long.txt: 1,900 bytes of text, more than the 1,000")
    assert "(GEO_MAX_ARTICLE_BYTES)" in result.stderr


def test_ingest_stores_every_good_article_of_a_folder_and_names_the_bad_ones(tmp_path):
    store = tmp_path / "events.sqlite3"
    before = tmp_path / "before.txt"
    before.write_text("Des renforts sont arrivés à Kirkouk.", encoding="utf-8")
    assert run_geo("ingest", "--quiet", "--store", str(store), str(before)).returncode == 0
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a-deep.json").write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    (folder / "b-feed.jsonl").write_text(
        '{"text": "Floods hit Basra."}\nnot json\n{"text": "Protests in Erbil."}\n', "utf-8"
    )
    (folder / "c-long.txt").write_text("Fighting in Mosul. " * 100, encoding="utf-8")
    (folder / "d-url.json").write_text(json.dumps({"text": "Tikrit", "url": ["x"]}), "utf-8")
    (folder / "e-good.txt").write_text("Airstrikes hit Raqqa on Monday.", encoding="utf-8")
    result = run_geo(
        "ingest", "--quiet", "--store", str(store), str(folder),
        env={"GEO_MAX_ARTICLE_BYTES": "1000"},
    )  # fmt: skip
    assert result.returncode == 1 and "Traceback" not in result.stderr
    failures = [line for line in result.stderr.splitlines() if line.startswith("failed: ")]
    assert [line.split(": ")[1].rsplit("/", 1)[-1] for line in failures] == [
        "a-deep.json", "b-feed.jsonl:2", "c-long.txt", "d-url.json"
    ]  # fmt: skip
    assert "3 added, 0 already stored, 4 failed" in result.stderr
    with SQLiteStore(store) as stored:  # what was stored before is all still there
        sources = [a["source"] for a in stored.articles()]
    assert sources[0] == str(before) and len(sources) == 4


def test_export_keeps_nationality_mentions_only_when_asked():
    from geo.cli import build_parser
    from geo.commands import view_of

    assert view_of(build_parser().parse_args(["export", "--demonyms"])).demonyms is True
    assert view_of(build_parser().parse_args(["export"])).demonyms is False


@pytest.mark.parametrize(
    "args, named",
    [
        (["--step", "0w"], "'0w'"),
        (["--step", "2x"], "'2x'"),
        (["--from", "2017-02-01", "--to", "2017-01-01"], "2017-02-01"),
        (["--out", "map.avi"], "'map.avi'"),
    ],
)
def test_animate_refuses_a_bad_value_in_one_line_naming_it(tmp_path, args, named):
    store = tmp_path / "events.sqlite3"
    SQLiteStore(store).close()
    base = ["animate", "--store", str(store), "--out", str(tmp_path / "map.gif")]
    assert refused(run_geo(*base, *args), named)


@pytest.mark.browser
def test_animate_writes_a_gif_of_one_frame_per_step(tmp_path):
    import imageio.v3 as iio

    from geo.model import Article
    from tests.mapview.examples import place

    store = tmp_path / "events.sqlite3"
    with SQLiteStore(store) as events:
        town = place("town", 43.1, 36.3, start="2017-01-02", end="2017-01-02")
        events.add_article(Article("Fighting in the town.", "a.txt"), [town])
    out = tmp_path / "map.gif"
    result = run_geo("animate", "--store", str(store), "--from", "2017-01-01",
                     "--to", "2017-01-21", "--step", "1w", "--out", str(out))  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert iio.imread(out, index=None).shape[0] == 3


def test_an_import_named_by_ingest_can_be_undone(article, tmp_path):
    store = tmp_path / "events.sqlite3"
    ingested = run_geo("ingest", "--quiet", "--store", str(store), str(article))
    batch = ingested.stderr.split("import ", 1)[1].split()[0]
    result = run_geo("delete", "--store", str(store), "--batch", batch, "--reason", "a test")
    assert result.returncode == 0 and "kirkuk.txt" in result.stderr
    with SQLiteStore(store) as stored:
        assert stored.articles() == [] and stored.deletions_log()[0]["reason"] == "a test"


def test_delete_refuses_an_unknown_article_and_deletes_none(article, tmp_path):
    store = tmp_path / "events.sqlite3"
    run_geo("ingest", "--quiet", "--store", str(store), str(article))
    listed = run_geo("articles", "--store", str(store)).stdout.split("\t")
    assert refused(run_geo("delete", "--store", str(store), "--article", listed[0],
                           "--article", "404"), "404")  # fmt: skip
    with SQLiteStore(store) as stored:
        assert len(stored.articles()) == 1
