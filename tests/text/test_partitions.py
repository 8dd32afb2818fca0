import gzip
import io
import json

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from geo.errors import InputError
from geo.text.partitions import FileRef, partitions_of, read_partition

PAGE = (
    "<html><head><title>Raqqa assault</title></head><body><article>"
    "<p>Fighters entered Raqqa from the east on Tuesday.</p></article></body></html>"
)
FEED = """<?xml version="1.0"?>
<rss version="2.0"><channel><title>Wire</title>
<item><title>Dam taken</title><link>https://example.org/tabqa</link>
<pubDate>Wed, 10 May 2017 12:00:00 GMT</pubDate>
<description>&lt;p&gt;Fighters took the Tabqa dam on the Euphrates.&lt;/p&gt;</description></item>
<item><title>Mosul</title><link>https://example.org/mosul</link>
<description>Iraq declared victory in Mosul.</description></item>
</channel></rss>"""


def records(path, texts):
    path.write_text("".join(json.dumps({"text": t}) + "\n" for t in texts), encoding="utf-8")
    return FileRef(str(path), path.name)


def read_all(partitions):
    return [item for partition in partitions for item in read_partition(partition)]


def test_a_json_lines_file_is_cut_every_few_lines_and_read_whole(tmp_path):
    file = records(tmp_path / "a.jsonl", [f"Article {n} in Mosul." for n in range(7)])
    partitions = partitions_of([file], lines=3)
    assert [(p.first_line, p.last_line) for p in partitions] == [(1, 3), (4, 6), (7, 7)]
    assert [a.text for a in read_all(partitions)] == [f"Article {n} in Mosul." for n in range(7)]


def test_a_bad_line_is_named_by_its_number_and_the_next_lines_are_read(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text('{"text": "One."}\n{"text": \n{"text": "Three."}\n', encoding="utf-8")
    first, bad, third = read_all(partitions_of([FileRef(str(path), "a.jsonl")], lines=2))
    assert isinstance(bad, InputError) and str(bad).startswith("a.jsonl:2:")
    assert (first.text, third.text) == ("One.", "Three.")


def test_gzipped_json_lines_are_read_line_by_line(tmp_path):
    path = tmp_path / "wire.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as out:
        out.write('{"text": "Fighting in Homs."}\nnot json\n')
    good, bad = read_all(partitions_of([FileRef(str(path), path.name)]))
    assert good.text == "Fighting in Homs." and str(bad).startswith("wire.jsonl.gz:2:")


def test_only_the_html_responses_of_a_warc_file_are_read(tmp_path):
    path = tmp_path / "crawl.warc.gz"
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        for url, kind, body in (
            ("https://example.org/raqqa", "text/html; charset=utf-8", PAGE),
            ("https://example.org/logo.png", "image/png", "\x89PNG"),
        ):
            headers = StatusAndHeaders("200 OK", [("Content-Type", kind)], protocol="HTTP/1.0")
            record = writer.create_warc_record(
                url, "response", payload=io.BytesIO(body.encode()), http_headers=headers
            )
            writer.write_record(record)
    [article] = read_all(partitions_of([FileRef(str(path), path.name)]))
    assert article.source == "https://example.org/raqqa" and "entered Raqqa" in article.text
    assert article.title == "Raqqa assault" and article.published is not None  # the crawl date


def test_every_entry_of_an_rss_feed_is_an_article_with_its_link_and_date(tmp_path):
    path = tmp_path / "wire.rss"
    path.write_text(FEED, encoding="utf-8")
    dam, mosul = read_all(partitions_of([FileRef(str(path), path.name)]))
    assert dam.text == "Fighters took the Tabqa dam on the Euphrates."
    assert (dam.url, str(dam.published)) == ("https://example.org/tabqa", "2017-05-10")
    assert mosul.title == "Mosul" and mosul.published is None


def test_article_files_are_grouped_into_partitions(tmp_path):
    files = []
    for n in range(5):
        (tmp_path / f"{n}.txt").write_text(f"News {n} from Aleppo.", encoding="utf-8")
        files.append(FileRef(str(tmp_path / f"{n}.txt"), f"{n}.txt"))
    partitions = partitions_of(files, files_per_partition=2)
    assert [len(p.files) for p in partitions] == [2, 2, 1]
    assert len(read_all(partitions)) == 5
