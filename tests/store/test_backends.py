import pytest

from geo.errors import InputError
from geo.store import Store, open_store
from geo.store.sqlite import SQLiteStore


def test_a_plain_path_opens_an_sqlite_store(tmp_path):
    with open_store(tmp_path / "plain.sqlite3") as store:
        assert isinstance(store, SQLiteStore)
    assert (tmp_path / "plain.sqlite3").exists()


def test_an_sqlite_url_opens_the_file_it_names(tmp_path):
    for url in (f"sqlite:{tmp_path / 'a.sqlite3'}", f"sqlite://{tmp_path / 'b.sqlite3'}"):
        with open_store(url) as store:
            assert store.version() == (0, 0, 0, 0)
    assert {p.name for p in tmp_path.iterdir()} >= {"a.sqlite3", "b.sqlite3"}


def test_an_unknown_scheme_is_refused_naming_it():
    with pytest.raises(InputError, match="'postgres://db/events'"):
        open_store("postgres://db/events")


def test_the_sqlite_store_has_every_member_of_the_protocol(tmp_path):
    members = {n for n in vars(Store) if not n.startswith("_") or n in ("__enter__", "__exit__")}
    assert {"features", "version", "add_correction", "__enter__"} <= members
    with open_store(tmp_path / "s.sqlite3") as store:
        assert {n for n in members if not hasattr(store, n)} == set()
