"""Text shown in the page as it is: values, file names and link parameters are never read
as Markdown (the dashboard's messages render Markdown) or HTML."""

from __future__ import annotations

import re

# Every character that can open a Markdown, GitHub-flavoured or Streamlit construct (links,
# images, emphasis, code, HTML, headings, lists, tables, math, colours, emoji), and the
# places where bare text would become a link ("https://", "www.", "name@host").
_SPECIAL = re.compile(r"[\\`*_{}\[\]<>#+\-=!|~$:@^&]|(?<=www)\.", re.IGNORECASE)
# Escaped, "://", "@" and "www." still make links of bare text in the page: a word joiner,
# which shows nothing, keeps them apart from the words around.
WORD_JOINER = "\u2060"
_LINK_MAKER = re.compile(r"://|@|(?<=www)\.", re.IGNORECASE)


def markdown_literal(text: object) -> str:
    """``text`` as Markdown that renders as ``text``: each special character escaped with a
    backslash (CommonMark allows one before any ASCII punctuation), and an invisible word
    joiner before what would turn a web or e-mail address into a link."""
    text = str(text)
    links = {m.start() for m in _LINK_MAKER.finditer(text)}

    def escaped(match: re.Match) -> str:
        return (WORD_JOINER if match.start() in links else "") + "\\" + match.group()

    return _SPECIAL.sub(escaped, text)
