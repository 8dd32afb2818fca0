import datetime as dt
import json

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
