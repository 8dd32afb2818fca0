"""Language detection for French and English articles, by counting frequent function words."""

from __future__ import annotations

import re
from functools import cache

from geo.datafiles import DataFile, read_json

LANGUAGES = ("fr", "en")
_WORD = re.compile(r"[^\W\d_]+")


@cache
def stopwords(path: DataFile = "stopwords.json") -> dict[str, frozenset[str]]:
    """The function words of each supported language."""
    data = read_json(path)
    return {lang: frozenset(data[lang]) for lang in LANGUAGES}


def detect_language(text: str, default: str = "en") -> str:
    """``"fr"`` or ``"en"``: the language whose function words are the more frequent in ``text``."""
    words = stopwords()
    counts = dict.fromkeys(LANGUAGES, 0)
    for match in _WORD.finditer(text[:20_000].lower()):
        token = match.group()
        for lang in LANGUAGES:
            if token in words[lang]:
                counts[lang] += 1
    if counts["fr"] == counts["en"]:
        return default
    return max(counts, key=counts.get)
