"""Demonyms and adjectives of countries in English and French, every form made by rule.

``data/demonyms.csv`` holds one base form per language and country ("Syrian", "syrien");
the plural and the French feminine forms are derived here ("Syrians", "syrienne",
"syriens", "syriennes"). Irregular forms are given in the file (``fr_feminine``: "turque";
``en_nouns``: "Turk|Turks").
"""

from __future__ import annotations

from functools import cache

from geo.datafiles import DataFile, read_csv
from geo.gazetteer.folding import fold

# folded form -> (ISO alpha-2 code, whether the form is English only)
DemonymIndex = dict[str, tuple[str, bool]]


@cache
def two_word_starts(source: DataFile = "demonyms.csv") -> frozenset[str]:
    """The folded first words of the demonyms of two words or more ("Sri Lankan", "South
    African"): a recogniser need only look two words ahead after one of them."""
    starts = set()
    for row in read_csv(source):
        forms = [row["en"], row["fr"], *row.get("en_nouns", "").split("|")]
        starts.update(fold(form.split()[0]) for form in forms if len(form.split()) > 1)
    return frozenset(starts)


def english_forms(adjective: str) -> list[str]:
    """ "Syrian" -> ["Syrian", "Syrians"]; "British", "French", "Chinese", "Swiss" take no plural."""
    if adjective.endswith(("sh", "ch", "ese", "s", "x")):
        return [adjective]
    return [adjective, adjective + "s"]


def french_forms(masculine: str, feminine: str = "") -> list[str]:
    """ "syrien" -> syrien, syrienne, syriens, syriennes (regular agreement unless ``feminine`` is given)."""
    feminine = feminine or french_feminine(masculine)
    plural = masculine if masculine.endswith(("s", "x")) else masculine + "s"
    return [masculine, feminine, plural, feminine + "s"]


def french_feminine(masculine: str) -> str:
    """The regular French feminine: -en -> -enne, -e unchanged, -c -> -cque, else -e added."""
    if masculine.endswith("en"):
        return masculine + "ne"
    if masculine.endswith("e"):
        return masculine
    if masculine.endswith("c"):
        return masculine + "que"  # grec -> grecque
    return masculine + "e"


def demonym_index(source: DataFile = "demonyms.csv") -> DemonymIndex:
    """Every folded English and French form of the file -> (country code, English only)."""
    index: DemonymIndex = {}
    for row in read_csv(source):
        code = row["country_code"]
        english = english_forms(row["en"]) + [n for n in row.get("en_nouns", "").split("|") if n]
        for form in english:
            index[fold(form)] = (code, True)
        for form in french_forms(row["fr"], row.get("fr_feminine", "")):
            index[fold(form)] = (code, False)
    return index


def demonym_code(index: DemonymIndex, word: str) -> str | None:
    """The country code of ``word``, or None.

    English demonyms are always capitalised, so a lower-case word only matches a French form:
    "polish" is a verb, "Polish" an adjective of Poland, "polonaise" one in any case.
    """
    found = index.get(fold(word))
    if found is None:
        return None
    code, english_only = found
    if english_only and not word[:1].isupper():
        return None
    return code
