import datetime as dt
import json
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from geo.errors import InputError, StoreError
from geo.model import Article
from geo.schema import DateWindow
from geo.store.migrations import SCHEMA_VERSION
from geo.store.sqlite import SQLiteStore
from geo.view import ViewFilter
from tests.examples import point_feature

ROOT = Path(__file__).resolve().parents[2]


def feature(fid, start="2017-01-05", end="2017-01-05", event_type="Battles", lat=36.3, lon=43.1):
    return point_feature(
        fid, start, end, event_type, lat, lon, confidence=0.9, geo_precision=1, source="s"
    )


@pytest.fixture
def store(tmp_path):
    with SQLiteStore(tmp_path / "events.sqlite3") as s:
        yield s


def test_an_article_and_its_features_round_trip(store):
    assert store.add_article(Article("Texte", "a.txt"), [feature("a-0"), feature("a-1")])
    assert [f["id"] for f in store.features()] == ["a-0", "a-1"]


def test_the_same_text_is_stored_once(store):
    assert store.add_article(Article("Même texte", "a.txt"), [feature("a-0")])
    assert not store.add_article(Article("Même  texte", "b.txt"), [feature("b-0")])
    assert len(store.articles()) == 1


def test_a_date_range_keeps_events_that_overlap_it(store):
    store.add_article(
        Article("x", "x"),
        [feature("jan", "2017-01-01", "2017-01-31"), feature("mar", "2017-03-05", "2017-03-05")],
    )
    ids = [
        f["id"]
        for f in store.features(ViewFilter(DateWindow(dt.date(2017, 1, 20), dt.date(2017, 2, 10))))
    ]
    assert ids == ["jan"]


def test_filters_by_type_and_confidence(store):
    store.add_article(Article("y", "y"), [feature("b"), feature("a", event_type="Riots")])
    assert [f["id"] for f in store.features(ViewFilter(event_types=("Riots",)))] == ["a"]
    assert store.features(ViewFilter(min_confidence=0.95)) == []


def test_a_correction_moves_the_point_and_survives_a_restart(tmp_path):
    path = tmp_path / "s.sqlite3"
    with SQLiteStore(path) as s:
        s.add_article(Article("z", "z"), [feature("p")])
        s.add_correction("p", 34.1, 42.4, name="Haditha", note="wrong town")
    with SQLiteStore(path) as s:
        (moved,) = s.features()
        assert moved["geometry"]["coordinates"] == [42.4, 34.1]
        assert moved["properties"]["corrected"] is True
        assert s.corrections_log()[0]["note"] == "wrong town"


def test_articles_stored_together_are_each_recorded_in_their_import(store):
    pairs = [(Article("Un", "a.txt"), [feature("a-0")]), (Article("Deux", "b.txt"), [])]
    assert store.add_articles(pairs, batch="20170105T101500-3f9a1c") == [True, True]
    assert [a["batch"] for a in store.articles()] == ["20170105T101500-3f9a1c"] * 2


def test_a_group_that_cannot_be_stored_leaves_nothing_of_it_in_the_store(store):
    pairs = [(Article("Un", "a.txt"), [feature("x")]), (Article("Deux", "b.txt"), [feature("x")])]
    with pytest.raises(StoreError, match=r"cannot store a\.txt, b\.txt"):
        store.add_articles(pairs, batch="one")
    assert store.articles() == [] and store.batches() == []


def test_a_bad_latitude_is_refused_by_value_and_nothing_is_lost(store):
    store.add_article(Article("w", "w"), [feature("p")])
    with pytest.raises(InputError, match="123"):
        store.add_correction("p", 123, 0)
    assert store.features()[0]["geometry"]["coordinates"] == [43.1, 36.3]


def test_an_unknown_feature_cannot_be_corrected(store):
    with pytest.raises(InputError, match="nope"):
        store.add_correction("nope", 1, 1)


def place_at(fid, start, end, lat=36.3, lon=43.1):
    """A place feature of the mention at characters [start, end)."""
    f = feature(fid, lat=lat, lon=lon)
    f["properties"].update(char_start=start, char_end=end)
    return f


def test_reprocessed_features_replace_the_old_and_keep_their_corrections(store):
    store.add_article(
        Article("Mosul and Hit", "m"), [place_at("m-0", 0, 5), place_at("m-1", 10, 13)]
    )
    store.add_correction("m-1", 33.6, 42.8, name="Hit", note="the Iraqi town")
    ((article_id, article),) = store.stored_articles()
    assert (article.text, article.source) == ("Mosul and Hit", "m")
    before = store.version()
    # a newer pipeline finds one more place first: ids shift, the corrected mention keeps its span
    again = [place_at("m-0", 0, 5), place_at("m-1", 6, 9), place_at("m-2", 10, 13)]
    assert store.replace_features(article_id, again)
    shown = {f["id"]: f for f in store.features()}
    assert sorted(shown) == ["m-0", "m-1", "m-2"]
    assert shown["m-2"]["geometry"]["coordinates"] == [42.8, 33.6]
    assert "corrected" not in shown["m-1"]["properties"]
    assert store.version() != before
    assert store.articles()[0]["feature_count"] == 3


def test_the_same_features_again_change_nothing(store):
    store.add_article(Article("Mosul", "m"), [place_at("m-0", 0, 5)])
    ((article_id, _),) = store.stored_articles()
    before = store.version()
    assert not store.replace_features(article_id, [place_at("m-0", 0, 5)])
    assert store.version() == before


def test_a_correction_whose_mention_is_gone_stays_in_the_log(store):
    store.add_article(
        Article("Mosul and Hit", "m"), [place_at("m-0", 0, 5), place_at("m-1", 10, 13)]
    )
    store.add_correction("m-1", 33.6, 42.8)
    ((article_id, _),) = store.stored_articles()
    store.replace_features(article_id, [place_at("m-0", 0, 5)])
    assert not any(f["properties"].get("corrected") for f in store.features())
    assert len(store.corrections_log()) == 1
    store.replace_features(article_id, [place_at("m-0", 0, 5), place_at("m-1", 10, 13)])
    assert store.features()[1]["properties"]["corrected"] is True


def test_features_of_an_unknown_article_are_refused_by_id(store):
    with pytest.raises(InputError, match="42"):
        store.replace_features(42, [place_at("x-0", 0, 1)])


def test_a_store_of_schema_2_keeps_its_corrections_on_their_mentions(tmp_path):
    from geo.store.migrations import MIGRATIONS

    path = tmp_path / "v2.sqlite3"
    db = sqlite3.connect(path)
    for script in MIGRATIONS[:2]:
        db.executescript(script)
    db.execute("PRAGMA user_version = 2")
    db.execute(
        "INSERT INTO articles (id, content_hash, source, text, feature_count, ingested_at)"
        " VALUES (1, 'h', 'm', 'Mosul and Hit', 1, '2017-01-05')"
    )
    db.execute(
        "INSERT INTO features (id, article_id, feature_type, geojson) VALUES ('m-1', 1, 'place', ?)",
        (json.dumps(place_at("m-1", 10, 13)),),
    )
    db.execute(
        "INSERT INTO corrections (feature_id, lat, lon, created_at) VALUES ('m-1', 33.6, 42.8, 'then')"
    )
    db.commit()
    db.close()
    with SQLiteStore(path) as s:
        assert s.schema_version == SCHEMA_VERSION
        s.replace_features(1, [place_at("m-0", 0, 5), place_at("m-1b", 10, 13)])
        moved = {f["id"]: f for f in s.features()}["m-1b"]
        assert moved["geometry"]["coordinates"] == [42.8, 33.6]


def test_an_old_store_is_migrated_to_the_current_schema(tmp_path):
    path = tmp_path / "old.sqlite3"
    sqlite3.connect(path).close()
    with SQLiteStore(path) as s:
        assert s.schema_version == SCHEMA_VERSION


WRITER = textwrap.dedent(
    """
    import sys
    from geo.model import Article
    from geo.store.sqlite import SQLiteStore
    store = SQLiteStore(sys.argv[1])
    for n in range(100000):
        count = 1 + n % 7
        features = [{"type": "Feature", "id": f"{n}-{k}", "geometry": {"type": "Point", "coordinates": [0, 0]},
                     "properties": {"feature_type": "place", "name": str(count), "start": "2017-01-01", "end": "2017-01-01"}}
                    for k in range(count)]
        store.add_article(Article(f"article {n}", f"a{n}"), features)
    """
)


def start_writer(path):
    return subprocess.Popen([sys.executable, "-c", WRITER, str(path)], cwd=ROOT)


def assert_whole_articles(path):
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    rows = db.execute(
        "SELECT a.feature_count, COUNT(f.id) FROM articles a LEFT JOIN features f ON f.article_id = a.id GROUP BY a.id"
    ).fetchall()
    db.close()
    assert all(expected == found for expected, found in rows)
    return len(rows)


def wait_for_more_than(path, articles: int, timeout: float = 60) -> None:
    """Wait until the store holds more than ``articles`` articles."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        db = sqlite3.connect(path)
        try:
            if db.execute("SELECT COUNT(*) FROM articles").fetchone()[0] > articles:
                return
        except sqlite3.OperationalError:  # locked by the writer for a moment
            pass
        finally:
            db.close()
        time.sleep(0.05)
    raise AssertionError(f"the writer stored nothing beyond {articles} articles in {timeout} s")


@pytest.mark.slow
def test_a_killed_ingest_leaves_every_article_fully_in_or_fully_out(tmp_path):
    path = tmp_path / "killed.sqlite3"
    SQLiteStore(path).close()
    stored = 0
    for delay in (0.4, 0.9, 0.25, 1.3):
        writer = start_writer(path)
        wait_for_more_than(path, stored)  # killed while it writes, however slow the machine
        time.sleep(delay)
        writer.kill()
        writer.wait()
        now = assert_whole_articles(path)
        assert now >= stored
        stored = now
    assert stored > 0


@pytest.mark.slow
def test_a_reader_never_sees_half_an_article_while_a_writer_writes(tmp_path):
    path = tmp_path / "busy.sqlite3"
    SQLiteStore(path).close()
    writer = start_writer(path)
    try:
        deadline = time.monotonic() + 3
        reads = 0
        with SQLiteStore(path) as reader:
            while time.monotonic() < deadline:
                by_article = {}
                for f in reader.features():
                    by_article.setdefault(f["id"].split("-")[0], []).append(f)
                for article_features in by_article.values():
                    assert len(article_features) == int(article_features[0]["properties"]["name"])
                reads += 1
        assert reads > 3
    finally:
        writer.kill()
        writer.wait()


def store_of_schema_3(path, features):
    """A store as the version before ACLED's event types left it, holding ``features``."""
    from geo.store.migrations import MIGRATIONS

    db = sqlite3.connect(path)
    for script in MIGRATIONS[:3]:
        db.executescript(script)
    db.execute("PRAGMA user_version = 3")
    db.execute(
        "INSERT INTO articles (id, content_hash, source, text, feature_count, ingested_at)"
        " VALUES (1, 'h', 'm', 'Mosul', 1, '2017-01-05')"
    )
    for f in features:
        db.execute(
            "INSERT INTO features (id, article_id, feature_type, event_type, geojson)"
            " VALUES (?, 1, 'place', ?, ?)",
            (f["id"], f["properties"].get("event_type"), json.dumps(f)),
        )
    db.commit()
    db.close()


def test_stored_features_of_former_types_read_under_acled_names(tmp_path):
    path = tmp_path / "v3.sqlite3"
    former = feature("a", event_type="airstrike")
    former["properties"]["status"] = "hit"
    store_of_schema_3(path, [former])
    with SQLiteStore(path) as s:
        (migrated,) = s.features(ViewFilter(event_types=("Explosions/Remote violence",)))
    p = migrated["properties"]
    assert (p["event_type"], p["sub_event_type"]) == (
        "Explosions/Remote violence",
        "Air/drone strike",
    )
    assert p["status"] == "hit"


def test_features_of_no_former_type_are_left_as_they_were(tmp_path):
    path = tmp_path / "v3.sqlite3"
    store_of_schema_3(path, [feature("a", event_type="other"), feature("b", event_type=None)])
    with SQLiteStore(path) as s:
        types = [f["properties"].get("event_type") for f in s.features()]
    assert types == ["other", None]
