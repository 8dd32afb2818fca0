from geo.text.boilerplate import content_spans

PAGE = """Floods hit the delta

Share this article
ADVERTISEMENT
By Jane Roe

Heavy rain flooded villages near Basra on Monday.

Read more
Protests in Cairo turn violent
"""


def kept(text):
    return [text[a:b] for a, b in content_spans(text)]


def test_share_buttons_ads_and_bylines_are_dropped():
    assert kept(PAGE) == [
        "Floods hit the delta",
        "Heavy rain flooded villages near Basra on Monday.",
    ]


def test_a_related_articles_heading_ends_the_article():
    assert not any("Cairo" in line for line in kept(PAGE))


def test_french_related_block_is_dropped():
    text = "Des combats à Raqqa.\n\nÀ découvrir également\n\nInondations à Erbil\n"
    assert kept(text) == ["Des combats à Raqqa."]


def test_offsets_are_those_of_the_original_text():
    text = "PUBLICITÉ\nLes forces avancent vers Tikrit.\n"
    ((start, end),) = content_spans(text)
    assert text[start:end] == "Les forces avancent vers Tikrit."


def test_a_sentence_that_merely_mentions_related_news_is_kept():
    text = "Related fighting was reported in Homs, officials said.\n"
    assert kept(text) == ["Related fighting was reported in Homs, officials said."]


def test_an_empty_text_has_no_content():
    assert content_spans("") == []
