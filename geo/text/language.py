"""Language detection for French and English articles, by counting frequent function words."""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

from geo.datafiles import DATA_DIR

LANGUAGES = ("fr", "en")
_WORD = re.compile(r"[^\W\d_]+")


@cache
def stopwords(path: Path = DATA_DIR / "stopwords.json") -> dict[str, frozenset[str]]:
    """The function words of each supported language."""
    data = json.loads(path.read_text(encoding="utf-8"))
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
