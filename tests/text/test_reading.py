import datetime as dt
import json
import os

import pytest

from geo.errors import InputError
from geo.text.reading import read_article, read_articles, read_text_file


def test_a_text_file_keeps_its_exact_text(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes("Ligne un\r\nLigne deux à Mossoul\n".encode())
    assert read_text_file(path) == "Ligne un\r\nLigne deux à Mossoul\n"


def test_a_missing_file_is_named(tmp_path):
    with pytest.raises(InputError, match=r"missing\.txt"):
        read_text_file(tmp_path / "missing.txt")


def test_a_binary_file_is_named(tmp_path):
    path = tmp_path / "photo.txt"
    path.write_bytes(b"\xff\xd8\xff\x00")
    with pytest.raises(InputError, match=r"photo\.txt"):
        read_text_file(path)


def test_an_html_page_gives_its_article_title_date_and_url(tmp_path):
    path = tmp_path / "p.html"
    path.write_text(
        '<html><head><title>Floods</title><meta property="article:published_time" content="2017-04-02T10:00:00Z">'
        '<link rel="canonical" href="https://example.org/f"></head><body><nav>Menu Erbil</nav>'
        "<article><h1>Floods</h1><p>Water rose in Basra.</p><script>var x = 'Erbil';</script></article></body></html>",
        encoding="utf-8",
    )
    article = read_article(path)
    assert article.title == "Floods" and article.published == dt.date(2017, 4, 2)
    assert article.url == "https://example.org/f"
    assert "Basra" in article.text and "Erbil" not in article.text


def test_a_json_record_needs_text(tmp_path):
    path = tmp_path / "a.json"
    path.write_text(json.dumps({"title": "no text"}), encoding="utf-8")
    with pytest.raises(InputError, match="text"):
        read_article(path)


def test_a_bad_published_value_is_named(tmp_path):
    path = tmp_path / "a.json"
    path.write_text(json.dumps({"text": "x", "published": "yesterday"}), encoding="utf-8")
    with pytest.raises(InputError, match="yesterday"):
        read_article(path)


def test_json_lines_give_one_article_per_line(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text(
        '{"text": "un"}\n\n{"text": "deux", "url": "https://example.org/2"}\n', encoding="utf-8"
    )
    articles = list(read_articles(path))
    assert [a.text for a in articles] == ["un", "deux"] and articles[
        1
    ].source == "https://example.org/2"


def test_json_nested_too_deeply_is_refused_by_name(tmp_path):
    path = tmp_path / "deep.json"
    path.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    with pytest.raises(InputError, match=r"deep\.json: JSON nested too deeply"):
        read_article(path)


def test_a_bad_json_line_is_named_and_the_lines_after_it_are_still_read(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text('{"text": "un"}\n{"text": \n{"text": "trois"}\n', encoding="utf-8")
    read = list(read_articles(path))
    assert [a.text for a in read if not isinstance(a, InputError)] == ["un", "trois"]
    assert [str(e) for e in read if isinstance(e, InputError)] == [
        f"{path}:2: not valid JSON (Expecting value)"
    ]


def test_a_record_field_of_the_wrong_type_is_refused_naming_the_file_and_field(tmp_path):
    path = tmp_path / "a.json"
    path.write_text(json.dumps({"text": "x", "url": ["https://a", "https://b"]}), "utf-8")
    with pytest.raises(InputError, match=r"a\.json: 'url' must be a string or null, not \["):
        read_article(path)


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        ("Des combats à Mossoul.".encode("utf-16"), "utf-16-le"),  # with a byte order mark
        ("Des combats à Mossoul.".encode("utf-16-le"), "utf-16-le"),
        ("Des combats à Mossoul.".encode("utf-16-be"), "utf-16-be"),
        ("Des combats à Mossoul, l’armée avance.".encode("cp1252"), "cp1252"),
        ("Des combats à Mossoul.".encode("latin-1"), "cp1252"),  # the same bytes here
        ("\ufeffDes combats à Mossoul.".encode(), "utf-8-sig"),
    ],
)
def test_utf16_and_western_single_byte_text_is_read_and_says_how(tmp_path, data, encoding):
    path = tmp_path / "a.txt"
    path.write_bytes(data)
    article = read_article(path)
    assert article.text.startswith("Des combats à Mossoul") and article.encoding == encoding


def test_an_article_over_the_size_limit_is_refused_naming_it_and_the_limit(tmp_path):
    path = tmp_path / "long.txt"
    path.write_text("Mossoul. " * 200, encoding="utf-8")
    with pytest.raises(InputError, match=r"long\.txt: 1,800 bytes .*\(GEO_MAX_ARTICLE_BYTES\)"):
        read_article(path, max_bytes=1000)
    huge = tmp_path / "huge.txt"
    huge.write_bytes(b"x" * 9000)  # refused unread: more than 8 times the limit
    with pytest.raises(InputError, match=r"huge\.txt: more than 8,000 bytes"):
        read_article(huge, max_bytes=1000)


def test_a_named_pipe_is_refused_without_waiting_for_a_writer(tmp_path):
    pipe = tmp_path / "pipe.txt"
    os.mkfifo(pipe)
    with pytest.raises(InputError, match=r"pipe\.txt: not a regular file \(a named pipe\)"):
        read_text_file(pipe)


def test_a_lone_surrogate_in_a_record_is_refused_by_name_and_field(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text('{"text": "Mosul \\ud800"}\n{"text": "x", "title": "\\udcff"}\n', "utf-8")
    assert [str(e) for e in read_articles(path)] == [
        f"{path}:1: 'text' holds a lone surrogate '\\ud800' at character 6, not Unicode text",
        f"{path}:2: 'title' holds a lone surrogate '\\udcff' at character 0, not Unicode text",
    ]
