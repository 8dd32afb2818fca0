import os

import pytest

from geo.errors import InputError
from geo.store.folders import files_to_read, server_folder


@pytest.fixture
def root(tmp_path):
    """A server's folder root with an article folder in it, and a secret outside it."""
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "secret.txt").write_text("Secret plans for Mosul.", "utf-8")
    root = tmp_path / "root"
    (root / "articles").mkdir(parents=True)
    (root / "articles" / "a.txt").write_text("Fighting in Mosul.", "utf-8")
    return root


def refusal(typed, root):
    with pytest.raises(InputError) as caught:
        server_folder(typed, root)
    message = str(caught.value)
    assert str(root) not in message and str(root.parent) not in message  # no server path
    return message


def test_a_relative_folder_name_is_taken_inside_the_root_not_the_working_folder(root):
    assert server_folder("articles", root) == (root / "articles").resolve()
    assert refusal("..", root) == "..: outside the folders this server reads (GEO_FOLDER_ROOT)"


def test_a_link_inside_the_root_to_a_folder_outside_is_refused(root):
    (root / "elsewhere").symlink_to(root.parent / "outside")
    assert "outside the folders" in refusal("elsewhere", root)


def test_names_that_are_no_folder_are_refused_in_one_line(root):
    (root / "loop").symlink_to(root / "loop")
    assert refusal("a\x00b", root) == "'a\\x00b': not a usable folder name"
    assert refusal("x" * 300, root).endswith("…: no such folder on the server")
    assert refusal("loop", root) == "loop: no such folder on the server"
    assert refusal("articles/a.txt", root) == "articles/a.txt: no such folder on the server"


def test_a_link_to_a_file_outside_the_root_is_refused_and_not_read(root):
    (root / "articles" / "leak.txt").symlink_to(root.parent / "outside" / "secret.txt")
    batch = files_to_read([root / "articles"], root=root)
    assert [f.name for f in batch.files] == ["articles/a.txt"]
    assert batch.refused == [
        (
            "articles/leak.txt",
            "articles/leak.txt: a link to a file outside the folders this server reads",
        )
    ]


def test_pipes_and_links_that_lead_nowhere_are_named_not_skipped(root):
    folder = root / "articles"
    os.mkfifo(folder / "pipe.txt")
    (folder / "self.txt").symlink_to(folder / "self.txt")
    (folder / "gone.json").symlink_to(folder / "missing.json")
    (folder / "notes.md").write_text("not an article", "utf-8")
    batch = files_to_read([folder])
    assert [f.name for f in batch.files] == [str(folder / "a.txt")]
    assert [message.split(": ", 1)[1] for _, message in batch.refused] == [
        "a link to a file that does not exist",
        "a named pipe (FIFO), not a regular file",
        "a link that leads back to itself (a loop)",
    ]
