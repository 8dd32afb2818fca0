import re

from geo.view import from_query_params, markdown_literal
from geo.view.literal import WORD_JOINER


def test_a_link_in_a_parameter_is_shown_as_text_not_as_a_link():
    view = from_query_params({"confidence": "[Log in again](https://evil.example/q)"})
    shown = markdown_literal(f"Ignored a bad link parameter: {view.problems[0]}")
    assert re.search(r"(?<!\\)[\[\]]", shown) is None and "https://" not in shown
    assert shown.replace("\\", "").replace(WORD_JOINER, "") == (
        "Ignored a bad link parameter: confidence='[Log in again](https://evil.example/q)' "
        "must be between 0.0 and 1.0"
    )


def test_every_markdown_and_html_opener_is_escaped_and_plain_words_stay():
    shown = markdown_literal("<b>*x*</b> _y_ `z` # ~~s~~ $m$ :red[c] www.a.org a@b.c")
    assert shown.replace(WORD_JOINER, "") == (
        r"\<b\>\*x\*\</b\> \_y\_ \`z\` \# \~\~s\~\~ \$m\$ \:red\[c\] www\.a.org a\@b.c"
    )
    assert shown.count(WORD_JOINER) == 2  # before "www." and "@"
    assert markdown_literal("https://a.org") == "https" + WORD_JOINER + r"\://a.org"
    assert markdown_literal("3 added, 1 failed (bad.json)") == "3 added, 1 failed (bad.json)"
