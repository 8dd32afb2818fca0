from geo.mapview.popups import FIELDS, inert, popup_fields


def field(values: list[str], name: str) -> str:
    index = FIELDS.index(name)
    return values[index] if index < len(values) else ""


def test_a_popup_has_place_date_precision_event_quote_and_source():
    values = popup_fields(
        {
            "name": "Haditha",
            "start": "2017-01-05",
            "end": "2017-01-07",
            "time_precision": 1,
            "date_source": "relative",
            "geo_precision": 2,
            "event_type": "Battles",
            "sub_event_type": "Government regains territory",
            "quote": "The town was taken back on Thursday.",
            "title": "Offensive in the west",
            "url": "https://news.example.org/west",
        }
    )
    assert field(values, "name") == "Haditha"
    assert field(values, "Date") == "2017-01-05 → 2017-01-07 (day, relative)"
    assert field(values, "Precision") == "part of or near it"
    assert field(values, "Event") == "Battles: Government regains territory"  # ACLED's words
    assert field(values, "quote") == "The town was taken back on Thursday."
    assert field(values, "source") == "Offensive in the west"
    assert field(values, "url") == "https://news.example.org/west"


def test_markup_in_article_text_becomes_plain_text():
    values = popup_fields({"name": "<img src=x onerror=alert(1)>", "quote": "<script>x()</script>"})
    assert field(values, "name") == "&lt;img src=x onerror=alert(1)&gt;"
    assert field(values, "quote") == "&lt;script&gt;x()&lt;/script&gt;"


def test_braces_become_entities_so_no_template_can_run():
    assert inert("{{ config }}") == "&#123;&#123; config &#125;&#125;"


def test_a_link_is_given_only_for_web_addresses():
    assert field(popup_fields({"url": "javascript:alert(1)"}), "url") == ""
    assert field(popup_fields({"url": "file:///etc/passwd"}), "url") == ""


def test_a_long_quote_is_cut_with_an_ellipsis():
    quote = field(popup_fields({"quote": "word " * 200}), "quote")
    assert len(quote) <= 320 and quote.endswith("…")


def test_the_mention_is_shown_only_when_it_differs_from_the_name():
    assert field(popup_fields({"name": "Mosul", "mention": "Mossoul"}), "said") == "Mossoul"
    assert field(popup_fields({"name": "Mosul", "mention": "Mosul"}), "said") == ""


def test_a_country_centre_says_the_event_is_somewhere_in_the_country():
    values = popup_fields({"name": "Iraq", "geo_precision": 3, "feature_type": "place"})
    assert field(values, "Where") == "somewhere in Iraq (the marker is only its centre)"


def test_a_town_has_no_somewhere_line():
    values = popup_fields({"name": "Haditha", "geo_precision": 1, "feature_type": "place"})
    assert field(values, "Where") == ""


FUSED = {
    "name": "Mosul",
    "source_count": 2,
    "sources": [
        {"title": "Wire <b>one</b>", "url": "https://one.example/a", "published": "2017-01-05", "quote": "Clashes <script>x()</script>"},
        {"source": "two.txt", "url": "javascript:alert(1)", "quote": "Fighting in Mosul."},
    ],
}  # fmt: skip


def test_a_fused_event_says_how_many_sources_reported_it():
    assert field(popup_fields(FUSED), "reported") == "reported by 2 sources"


def test_each_source_of_a_fused_event_is_listed_with_its_link_and_quote_escaped():
    listed = field(popup_fields(FUSED), "reports")
    assert '<a href="https://one.example/a"' in listed and "Wire &lt;b&gt;one&lt;/b&gt;" in listed
    assert "&lt;script&gt;" in listed and "<script>" not in listed
    assert "javascript:" not in listed and "two.txt" in listed


def test_a_lone_report_has_no_list_of_sources():
    assert field(popup_fields({"name": "Mosul", "source_count": 1}), "reported") == ""
