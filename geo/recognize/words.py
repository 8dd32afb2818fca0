"""Word lists of the recogniser, read from ``data/``."""

from __future__ import annotations

from functools import cache

from geo.datafiles import read_csv, read_json
from geo.gazetteer.folding import fold


@cache
def not_places() -> frozenset[str]:
    """Folded words that are not places when they stand alone (function words, months, titles)."""
    data = read_json("not_places.json")
    return frozenset(fold(w) for w in data["words"])


@cache
def dotted_abbreviations() -> frozenset[str]:
    """Folded one-word abbreviations that name a place only with their full stop ("Mont.",
    "Ind."): written without it, "Mont" or "Ind" is a word of its own."""
    found = set()
    for name in ("region_aliases.csv", "country_aliases.csv"):
        for row in read_csv(name):
            alias = row["alias"]
            if alias.endswith(".") and alias.count(".") == 1 and " " not in alias:
                found.add(fold(alias))
    return frozenset(found)


@cache
def person_titles() -> frozenset[str]:
    """Lower-case titles that come before a person's name ("mr", "sen", "président")."""
    data = read_json("not_places.json")
    return frozenset(data["person_titles"])


@cache
def facility_words() -> frozenset[str]:
    """Lower-case words that follow a place name inside the name of a building or institution."""
    data = read_json("not_places.json")
    return frozenset(data["facility_words"])


@cache
def reporting_verbs() -> frozenset[str]:
    """Lower-case verbs that follow a person's name ("said", "told")."""
    data = read_json("not_places.json")
    return frozenset(data["reporting_verbs"])


@cache
def function_words(lang: str | None = None) -> frozenset[str]:
    """Lower-case function words of one language, or of French and English."""
    data = read_json("stopwords.json")
    return frozenset(w for code in ((lang,) if lang else ("fr", "en")) for w in data.get(code, ()))


@cache
def phrase_words() -> dict:
    """The vocabulary of complex place phrases (sides, borders, dams, rivers)."""
    return read_json("place_phrases.json")


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
