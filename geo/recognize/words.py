"""Word lists of the recogniser, read from ``data/``."""

from __future__ import annotations

import csv
import json
from functools import cache

from geo.datafiles import DATA_DIR
from geo.gazetteer.folding import fold


@cache
def not_places() -> frozenset[str]:
    """Folded words that are not places when they stand alone (function words, months, titles)."""
    data = json.loads((DATA_DIR / "not_places.json").read_text(encoding="utf-8"))
    return frozenset(fold(w) for w in data["words"])


@cache
def dotted_abbreviations() -> frozenset[str]:
    """Folded one-word abbreviations that name a place only with their full stop ("Mont.",
    "Ind."): written without it, "Mont" or "Ind" is a word of its own."""
    found = set()
    for name in ("region_aliases.csv", "country_aliases.csv"):
        with (DATA_DIR / name).open(encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                alias = row["alias"]
                if alias.endswith(".") and alias.count(".") == 1 and " " not in alias:
                    found.add(fold(alias))
    return frozenset(found)


@cache
def person_titles() -> frozenset[str]:
    """Lower-case titles that come before a person's name ("mr", "sen", "président")."""
    data = json.loads((DATA_DIR / "not_places.json").read_text(encoding="utf-8"))
    return frozenset(data["person_titles"])


@cache
def facility_words() -> frozenset[str]:
    """Lower-case words that follow a place name inside the name of a building or institution."""
    data = json.loads((DATA_DIR / "not_places.json").read_text(encoding="utf-8"))
    return frozenset(data["facility_words"])


@cache
def reporting_verbs() -> frozenset[str]:
    """Lower-case verbs that follow a person's name ("said", "told")."""
    data = json.loads((DATA_DIR / "not_places.json").read_text(encoding="utf-8"))
    return frozenset(data["reporting_verbs"])


@cache
def function_words(lang: str | None = None) -> frozenset[str]:
    """Lower-case function words of one language, or of French and English."""
    data = json.loads((DATA_DIR / "stopwords.json").read_text(encoding="utf-8"))
    return frozenset(w for code in ((lang,) if lang else ("fr", "en")) for w in data.get(code, ()))


@cache
def phrase_words() -> dict:
    """The vocabulary of complex place phrases (sides, borders, dams, rivers)."""
    return json.loads((DATA_DIR / "place_phrases.json").read_text(encoding="utf-8"))


# Words right before a place name that make a mention of it likely: "in Pewaukee", "à Hit".
LOCATIVE_WORDS = frozenset(
    [
        "in",
        "at",
        "near",
        "from",
        "to",
        "into",
        "outside",
        "across",
        "toward",
        "towards",
        "via",
        "à",
        "a",
        "de",
        "près",
        "vers",
        "en",
        "dans",
        "depuis",
    ]
)

# Lower-case words that may sit inside a multi-word name: "Deir ez-Zor", "Saint-Jean de Luz".
NAME_CONNECTORS = frozenset(
    {
        "de",
        "du",
        "des",
        "la",
        "le",
        "les",
        "el",
        "al",
        "ez",
        "ad",
        "as",
        "an",
        "ar",
        "of",
        "the",
        "sur",
        "en",
        "upon",
        "on",
        "di",
        "da",
        "do",
        "dos",
        "del",
        "y",
        "and",
        "et",
        "bin",
        "ibn",
    }
)
