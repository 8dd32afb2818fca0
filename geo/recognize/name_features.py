"""The context of a capitalised name as named numbers: what the recogniser's classifier reads.

Each feature is one observation about a gazetteer match in its document: its capitals and
place in the sentence, the words before and after it, whether a person's or an organisation's
name surrounds it, how the document writes the same word elsewhere, and what the gazetteer
knows of the name. None decides alone; the fitted model (``data/models/recogniser.json``)
weighs them.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate

from geo.gazetteer import Gazetteer
from geo.gazetteer.folding import fold
from geo.recognize.tokens import Token
from geo.recognize.words import (
    dotted_abbreviations,
    elided_words,
    facility_words,
    first_names,
    function_words,
    list_words,
    locative_words,
    not_places,
    person_titles,
    recognition_set,
    recognition_words,
    reporting_verbs,
    word_frequencies,
)

AREA_KINDS = ("country", "region", "county")
BIG_CITY = 100_000  # a neighbour this important is a place, not a given name
AROUND = 3  # tokens either side whose capitals say whether a line is in title case
SENTENCE_WINDOW = 12  # tokens either side searched for club and company nouns
_DATELINE_END = re.compile(r"[,.]|\s\d")  # what follows a place in capitals opening a dispatch


@dataclass(frozen=True)
class Match:
    """A gazetteer match: tokens ``first..last``, the places of its name, the article it was
    looked up with ("Le " for "au Locle"), and whether it follows a place in a list."""

    first: int
    last: int
    places: list
    article: str = ""


@dataclass
class DocumentWords:
    """What the whole document says about its words, gathered once per document."""

    text: str
    tokens: Sequence[Token]
    gazetteer: Gazetteer
    lang: str | None = None
    lowercase: set[str] = field(default_factory=set)
    inside_sentences: Counter[str] = field(default_factory=Counter)
    surnames: set[str] = field(default_factory=set)
    located: set[str] = field(default_factory=set)
    repeated: Counter[str] = field(default_factory=Counter)
    # country code -> how many distinct names of the document have their first place there
    countries: Counter[str] = field(default_factory=Counter)
    lower: list[str] = field(default_factory=list)  # each token's text in lower case
    # how many tokens before token i are capitalised, are organisation nouns (running counts)
    capitalised_before: list[int] = field(default_factory=list)
    organisation_nouns_before: list[int] = field(default_factory=list)
    # name_neighbour's answers, by (neighbour, edge, before): asked again by several features
    neighbours: dict[tuple[int, int, bool], bool] = field(default_factory=dict)


def document_words(
    text: str, tokens: Sequence[Token], gazetteer: Gazetteer, lang: str | None, matches
) -> DocumentWords:
    """The document-wide evidence about the words of ``matches``."""
    words = DocumentWords(text, tokens, gazetteer, lang)
    words.lower = [t.text.lower() for t in tokens]
    words.capitalised_before = list(accumulate((t.capitalised for t in tokens), initial=0))
    nouns = recognition_set("organisation_nouns")
    words.organisation_nouns_before = list(accumulate((w in nouns for w in words.lower), initial=0))
    words.lowercase = {w for w, t in zip(words.lower, tokens, strict=True) if not t.capitalised}
    words.inside_sentences = Counter(t.text for t in tokens if not t.sentence_start)
    words.repeated = Counter(_surface(words, m) for m in matches)
    first_places = {_surface(words, m): m.places[0] for m in matches}
    words.countries = Counter(p.country_code for p in first_places.values() if p.country_code)
    words.surnames = {tokens[m.first].text for m in matches if _used_as_a_person(words, m)}
    words.located = {
        tokens[m.first].text
        for m in matches
        if m.first == m.last and _after_locative(tokens, m.first)
    }
    return words


def features(words: DocumentWords, match: Match, listed: bool) -> dict[str, float]:
    """Every feature of one match: numbers, booleans among them (False and True are 0 and 1
    to the trees, as to numpy; converting them would cost more than all the rest)."""
    return {
        **_gazetteer_prior(words, match),
        **_shape(words, match),
        **_neighbours(words, match),
        **_person_context(words, match),
        **_organisation_context(words, match),
        **_document_context(words, match),
        "listed_after_place": listed,
        "french": words.lang == "fr",
    }


def _surface(words: DocumentWords, match: Match) -> str:
    return words.text[words.tokens[match.first].start : words.tokens[match.last].end]


def _gazetteer_prior(words: DocumentWords, match: Match) -> dict[str, float | bool]:
    """What the gazetteer knows of the name: kind, importance, namesakes, demonym."""
    best = match.places[0]
    word = words.tokens[match.first].text
    return {
        "log_importance": math.log10(1 + max(best.importance, 0)),
        "log_namesakes": math.log10(len(match.places)),
        "area": any(p.kind in AREA_KINDS for p in match.places[:3]),
        "kind_country": best.kind == "country",
        "kind_region": best.kind == "region",
        "kind_county": best.kind == "county",
        "kind_city": best.kind == "city",
        "tiny_village": best.kind == "city" and best.population < 1_000,
        "demonym_word": match.first == match.last and words.gazetteer.demonym(word) is not None,
        "same_country_names": _same_country_names(words, match),
        "looked_up_with_article": bool(match.article),
    }


def _same_country_names(words: DocumentWords, match: Match) -> int:
    """How many other names of the document lie in the country of one of the match's places
    ("Qayyarah" among "Baiji, Samarra and Tikrit"), at most 5."""
    own = match.places[0].country_code
    codes = {p.country_code for p in match.places[:5] if p.country_code}
    return min(5, max((words.countries[c] - (c == own) for c in codes), default=0))


def _shape(words: DocumentWords, match: Match) -> dict[str, float | bool]:
    """How the name is written and where it stands."""
    token = words.tokens[match.first]
    single = match.first == match.last
    end = words.tokens[match.last].end
    shape = _word_shape(token.text, words.lang, single)
    return {
        "tokens": match.last - match.first + 1,
        "sentence_start": token.sentence_start,
        "capitalised_share_around": _capitalised_share(words, match),
        "dateline": token.sentence_start and shape["acronym"] and _dateline_after(words, match),
        "listed_not_place": fold(_surface(words, match)) in not_places(),
        **shape,
        # "Mont" is no Montana, "Mont." is
        "abbreviation_without_stop": shape["abbreviation_without_stop"]
        and words.text[end : end + 1] != ".",
    }


@lru_cache(maxsize=20_000)
def _word_shape(word: str, lang: str | None, single: bool) -> dict[str, float | bool]:
    """What the letters of the first word say, whatever its context (the same word comes
    back many times: the answer is remembered)."""
    lower = word.lower()
    acronym = is_acronym(word)
    return {
        "acronym": acronym,
        "function_word": single and lower in function_words(),
        "function_word_of_language": single and lower in function_words(lang),
        "title_word": single and lower.rstrip(".") in person_titles(),
        # a dotted abbreviation written without its stop (_shape looks for a stop after it)
        "abbreviation_without_stop": single
        and not acronym
        and fold(word) in dotted_abbreviations()
        and not word.endswith("."),
        # "I've", "we'll": an apostrophe second or third from the end
        "contraction": single and (word[-3:-2] in ("'", "’") or word[-2:-1] in ("'", "’")),
        "short": len(word) <= 3,
        **_frequency(lang, lower if single else ""),
    }


def _frequency(lang: str | None, lower: str) -> dict[str, float]:
    """How common the one-word name is as an ordinary word, in the document's language and
    in the other one ("Police", "Mobile": frequent; "Tikrit": not listed)."""
    own = lang if lang in ("en", "fr") else "en"
    other = "fr" if own == "en" else "en"
    return {
        "word_frequency": word_frequencies(own).get(lower, 0.0),
        "word_frequency_other_language": word_frequencies(other).get(lower, 0.0),
    }


def _capitalised_share(words: DocumentWords, match: Match) -> float:
    """The share of capitalised words among the few around the match: high in a headline in
    title case, low in running text ("Tikrit lies on the Tigris")."""
    before, first, after = max(0, match.first - AROUND), match.first, match.last + 1
    beyond = min(len(words.tokens), after + AROUND)
    counts = words.capitalised_before
    around = (first - before) + (beyond - after)
    capitalised = (counts[first] - counts[before]) + (counts[beyond] - counts[after])
    return capitalised / around if around else 0.0


def _dateline_after(words: DocumentWords, match: Match) -> bool:
    return bool(_DATELINE_END.match(words.text, words.tokens[match.last].end))


def _neighbours(words: DocumentWords, match: Match) -> dict[str, bool]:
    """The words right before and after the name, some of them one by one."""
    tokens, lower = words.tokens, words.lower
    before = lower[match.first - 1] if match.first > 0 else ""
    following = lower[match.last + 1] if match.last + 1 < len(tokens) else ""
    return {
        "after_locative": before in locative_words(),
        "before_reporting_verb": following in reporting_verbs(),
        "before_comma": words.text[tokens[match.last].end : tokens[match.last].end + 1] == ",",
        "qualified_by_region": _qualified(words, match),
        **_word_before(before),
        **_word_after(following),
    }


@lru_cache(maxsize=4_096)
def _word_before(before: str) -> dict[str, bool]:
    """Which classes of preposition the (lower-case) word before the name belongs to."""
    classes = recognition_words()["preposition_classes"]
    return {f"before_means_{meaning}": before in words for meaning, words in classes.items()}


@lru_cache(maxsize=4_096)
def _word_after(following: str) -> dict[str, bool]:
    """Which of the verbs the classifier sees one by one the (lower-case) word after the name is."""
    return {
        f"after_is_{word}": following == word for word in recognition_words()["reporting_after"]
    }


def _qualified(words: DocumentWords, match: Match) -> bool:
    """ "Paris, Texas": a comma, then a country or region name."""
    tokens, k = words.tokens, match.last + 1
    if k >= len(tokens) or words.text[tokens[match.last].end : tokens[k].start].strip() != ",":
        return False
    places = words.gazetteer.lookup(tokens[k].text) if tokens[k].capitalised else []
    return any(p.kind in ("country", "region") for p in places[:2])


def _person_context(words: DocumentWords, match: Match) -> dict[str, bool]:
    """Titles, given names and surnames around the name."""
    tokens, i, j = words.tokens, match.first, match.last
    names = first_names()
    following = tokens[j + 1] if j + 1 < len(tokens) else None
    return {
        "titled": titled(tokens, i),
        "given_name_before": i > 0 and _joined(words, i - 1, i) and tokens[i - 1].text in names,
        "is_given_name": tokens[i].text in names,
        "capitalised_word_after": following is not None
        and following.capitalised
        and _joined(words, j, j + 1),
        "name_neighbour_before": name_neighbour(words, i - 1, i, before=True),
        "name_neighbour_after": name_neighbour(words, j + 1, j, before=False),
        "surname_in_document": i == j and tokens[i].text in words.surnames,
    }


def _organisation_context(words: DocumentWords, match: Match) -> dict[str, bool]:
    """Clubs, companies, newspapers: the words that make the name part of another name."""
    lower, i, j = words.lower, match.first, match.last
    clubs_before = recognition_set("club_before")
    institutions_before = recognition_set("organisation_before")
    before = lower[i - 1] if i > 0 else ""
    before_two = lower[i - 2] if i > 1 else ""
    following = lower[j + 1] if j + 1 < len(lower) else ""
    # organisation nouns among the tokens from i - SENTENCE_WINDOW up to j + SENTENCE_WINDOW
    nouns = words.organisation_nouns_before
    window = nouns[min(len(lower), j + SENTENCE_WINDOW)] - nouns[max(0, i - SENTENCE_WINDOW)]
    return {
        # "Olympique de Marseille": the club word may sit one "de" before the name
        "club_before": before in clubs_before
        or (before in ("de", "of") and before_two in clubs_before),
        "organisation_before": before in institutions_before
        or (before in ("de", "of") and before_two in institutions_before),
        "organisation_after": following in recognition_set("organisation_after"),
        "facility_after": following.rstrip(".") in facility_words(),
        "organisation_nouns_near": window > 0,
    }


def _document_context(words: DocumentWords, match: Match) -> dict[str, float | bool]:
    """How the document uses the same word elsewhere."""
    token = words.tokens[match.first]
    single = match.first == match.last
    here = 0 if token.sentence_start else 1
    return {
        "lowercase_elsewhere": single and words.lower[match.first] in words.lowercase,
        "capitalised_elsewhere": words.inside_sentences[token.text] - here > 0,
        "located_elsewhere": single and token.text in words.located,
        "log_repetitions": math.log2(words.repeated[_surface(words, match)] or 1),
    }


def is_acronym(word: str) -> bool:
    """ "US", "U.S.", "UAE": every letter upper case, at least two of them."""
    return word.isupper() and sum(c.isalpha() for c in word) >= 2


def titled(tokens: Sequence[Token], i: int) -> bool:
    """Whether a title ("Mr", "Sen.", "President") comes right before token ``i``."""
    return i > 0 and tokens[i - 1].text.lower().rstrip(".") in person_titles()


def _joined(words: DocumentWords, left: int, right: int) -> bool:
    """Whether two tokens are separated by a space or a hyphen only, in one sentence."""
    tokens = words.tokens
    between = words.text[tokens[left].end : tokens[right].start]
    return not between.strip(" \u00a0-") and not tokens[right].sentence_start


def name_neighbour(words: DocumentWords, k: int, edge: int, *, before: bool) -> bool:
    """A capitalised word next to the match that is no place: "Steve Townsend", "Kelly Clarkson"."""
    known = words.neighbours.get((k, edge, before))
    if known is None:
        known = words.neighbours[k, edge, before] = _name_neighbour(words, k, edge, before)
    return known


def _name_neighbour(words: DocumentWords, k: int, edge: int, before: bool) -> bool:
    tokens = words.tokens
    if k < 0 or k >= len(tokens):
        return False
    neighbour, inner = tokens[k], tokens[edge]
    if is_acronym(neighbour.text) or is_acronym(inner.text):
        return False
    if not _joined(words, *((k, edge) if before else (edge, k))):
        return False
    word = words.lower[k]
    if not neighbour.capitalised or word in function_words() or fold(word) in not_places():
        return False
    if word.rstrip(".") in facility_words() or word.rstrip(".") in person_titles():
        return False
    if words.gazetteer.demonym(neighbour.text) is not None:
        return False  # "Syrian Kurdistan"
    places = words.gazetteer.lookup(neighbour.text)[:3]
    return not any(p.kind in AREA_KINDS or p.importance >= BIG_CITY for p in places)


def _used_as_a_person(words: DocumentWords, match: Match) -> bool:
    """Whether a one-word match is used as a person's name here ("Mr Kelly", "Kelly said")."""
    tokens, i = words.tokens, match.first
    word = tokens[i].text
    if match.first != match.last or match.places[0].kind == "country" or "." in word:
        return False
    following = words.lower[i + 1] if i + 1 < len(tokens) else ""
    return (
        titled(tokens, i)
        or name_neighbour(words, i - 1, i, before=True)
        or (following in reporting_verbs() and match.places[0].importance < BIG_CITY)
    )


def _after_locative(tokens: Sequence[Token], i: int) -> bool:
    return i > 0 and tokens[i - 1].text.lower() in locative_words()


def listed_after(words: DocumentWords, last: int, i: int) -> bool:
    """Whether token ``i`` follows the place ending at token ``last`` in a list: "Baiji,
    Samarra, Qayyarah and Hawija"."""
    tokens = words.tokens
    if last < 0 or tokens[i].sentence_start or i - last not in (1, 2):
        return False
    if i - last == 1:
        return words.text[tokens[last].end : tokens[i].start].strip() == ","
    joining = tokens[last + 1]  # "and", "et", with or without a comma before it
    between = words.text[joining.end : tokens[i].start].strip().rstrip("'’")
    return (
        joining.text.lower() in list_words()
        and not words.text[tokens[last].end : joining.start].strip(" ,")
        and (not between or between.lower() in elided_words())  # "Rawa et d'Al-Qaïm"
    )
