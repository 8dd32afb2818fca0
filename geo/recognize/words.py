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


@cache
def _name_words() -> dict:
    """The small words around and inside place names (``data/name_words.json``)."""
    return read_json("name_words.json")


@cache
def locative_words() -> frozenset[str]:
    """Lower-case words right before a place name that make a mention of it likely: "in
    Pewaukee", "à Hit"."""
    return frozenset(_name_words()["locative_words"])


@cache
def name_connectors() -> frozenset[str]:
    """Lower-case words that may sit inside a multi-word name: "Deir ez-Zor", "Saint-Jean de Luz"."""
    return frozenset(_name_words()["name_connectors"])


@cache
def list_words() -> frozenset[str]:
    """Words that join the last two places of a list ("and", "et")."""
    return frozenset(_name_words()["list_words"])


@cache
def contracted_articles() -> dict[str, str]:
    """French contractions and the article a name after them is looked up with: "au" stands for
    "à le", so "au Locle" is in Le Locle (``{"au": "Le ", ...}``)."""
    return {word: f"{article} " for word, article in _name_words()["contracted_articles"].items()}


@cache
def elided_words() -> tuple[str, ...]:
    """French words elided before an apostrophe ("l", "d", "jusqu"), in the order of the file."""
    return tuple(_name_words()["elided_words"])


@cache
def arabic_articles() -> tuple[str, ...]:
    """The Arabic article as transliterations write it before a hyphen ("al", "ash", "ez")."""
    return tuple(_name_words()["arabic_articles"])


@cache
def first_names() -> frozenset[str]:
    """Given names ("James", "Marie"), capitalised as in running text (``data/first_names.json``)."""
    return frozenset(read_json("first_names.json")["names"])


@cache
def recognition_words() -> dict:
    """The words around a name that the recogniser's classifier sees (clubs, companies,
    prepositions and verbs one by one), from ``data/recognition_words.json``."""
    return read_json("recognition_words.json")


@cache
def recognition_set(key: str) -> frozenset[str]:
    """One list of ``data/recognition_words.json`` as a set ("organisation_after")."""
    return frozenset(recognition_words()[key])


@cache
def word_frequencies(lang: str) -> dict[str, float]:
    """Zipf frequencies of lower-case words of ``lang`` that are also one-word place names
    (``data/word_frequencies.json``; a word it lacks is rare as an ordinary word)."""
    return read_json("word_frequencies.json").get(lang, {})
