"""Plain place names: the longest capitalised word sequences that a gazetteer knows.

A capital letter is weak evidence. A match is kept when the document gives no reason to read
it as something else: a common word (the text also writes it in lower case), a person
("Steve Townsend", "Mr Kelly", and later "Kelly" alone), an organisation ("Hamas"), an
acronym that names no country or region ("FDA"), or a tiny village standing alone.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from geo.gazetteer import Gazetteer
from geo.gazetteer.folding import fold
from geo.model import Mention
from geo.recognize.tokens import Token
from geo.recognize.words import (
    contracted_articles,
    dotted_abbreviations,
    facility_words,
    function_words,
    list_words,
    locative_words,
    name_connectors,
    not_places,
    person_titles,
    reporting_verbs,
)

MIN_POPULATION_ALONE = 1_000  # a tiny village needs more than a capital letter to count
# Importances (geo.model.Place.importance: a city's is its population)
SENTENCE_START_IMPORTANCE = 100_000  # below this, a sentence-initial word needs support
BIG_CITY = 100_000  # a place this important keeps its name before another capitalised word
AREA_KINDS = ("country", "region", "county")
_DATELINE_END = re.compile(r"[,.]|\s\d")  # what follows a place in capitals opening a dispatch


@dataclass
class _Evidence:
    """What the whole document says about its words, gathered once per document."""

    text: str
    tokens: Sequence[Token]
    gazetteer: Gazetteer
    lowercase: set[str] = field(default_factory=set)
    surnames: set[str] = field(default_factory=set)
    located: set[str] = field(default_factory=set)
    lang: str | None = None
    # how many times each word is written inside a sentence (not at its start)
    inside_sentences: Counter[str] = field(default_factory=Counter)


def match_names(
    text: str, tokens: Sequence[Token], gazetteer: Gazetteer, lang: str | None = None
) -> list[Mention]:
    """Mentions of gazetteer names, longest match first, scanning left to right."""
    evidence = _Evidence(text, tokens, gazetteer, lang=lang)
    evidence.lowercase = {t.text.lower() for t in tokens if not t.capitalised}
    evidence.inside_sentences = Counter(t.text for t in tokens if not t.sentence_start)
    matches = _matches(text, tokens, gazetteer, lang)
    evidence.surnames = _surnames(evidence, matches)
    evidence.located = {
        tokens[i].text for i, j, _, _ in matches if i == j and _after_preposition(tokens, i)
    }
    mentions = []
    last = -2  # the last token of the last name kept
    for i, j, places, article in matches:
        if _plausible(evidence, i, j, places, _listed_after(evidence, last, i)):
            last = j
            start, end = tokens[i].start, tokens[j].end
            surface = text[start:end]
            mentions.append(Mention(text=surface, start=start, end=end, name=article + surface))
    return mentions


def _listed_after(evidence: _Evidence, last: int, i: int) -> bool:
    """Whether token ``i`` follows the place ending at token ``last`` in a list: "Baiji,
    Samarra, Qayyarah and Hawija" (a village the list names needs no preposition of its own)."""
    tokens = evidence.tokens
    if last < 0 or tokens[i].sentence_start or i - last not in (1, 2):
        return False
    between = evidence.text[tokens[last].end : tokens[i].start]
    if i - last == 1:
        return between.strip() == ","
    return between.strip(" ,") == "" and tokens[last + 1].text.lower() in list_words()


def _article(tokens: Sequence[Token], i: int) -> str:
    """The article that a French contraction before token ``i`` holds ("au Locle": "Le ")."""
    return contracted_articles().get(tokens[i - 1].text.lower(), "") if i else ""


def _matches(
    text: str, tokens: Sequence[Token], gazetteer: Gazetteer, lang: str | None = None
) -> list[tuple[int, int, list, str]]:
    """Every longest gazetteer match (first token, last token, places, and the article it was
    looked up after: "Le " for "au Locle", else ""), left to right."""
    found = []
    i = 0
    while i < len(tokens):
        article = _article(tokens, i) if lang == "fr" else ""
        match = _longest_match(text, tokens, i, gazetteer)
        if match is None and article:
            match = _longest_match(text, tokens, i, gazetteer, article)
        else:
            article = ""
        if match is None:
            i += 1
            continue
        found.append((i, *match, article))
        i = match[0] + 1
    return found


def _longest_match(
    text: str, tokens: Sequence[Token], i: int, gazetteer: Gazetteer, article: str = ""
) -> tuple[int, list] | None:
    """The last token index and places of the longest name starting at token ``i`` (looked up
    after ``article`` when the text has contracted it: "au Locle" is in Le Locle)."""
    if not tokens[i].capitalised or len(tokens[i].text) < 2:
        return None
    limit = min(len(tokens), i + gazetteer.max_name_tokens)
    connectors = name_connectors()
    best = None
    for j in range(i, limit):
        token = tokens[j]
        if j > i and (token.sentence_start or _gap(text, tokens[j - 1], token)):
            break
        if j > i and not token.capitalised and token.text.lower() not in connectors:
            break
        if not token.capitalised:
            continue
        places = gazetteer.lookup(article + text[tokens[i].start : token.end])
        if places:
            best = (j, places)
    return best


def _gap(text: str, left: Token, right: Token) -> bool:
    """Whether punctuation (not a hyphen or a space) separates two tokens."""
    between = text[left.end : right.start]
    return bool(between.strip(" \u00a0-"))


def _surnames(evidence: _Evidence, matches) -> set[str]:
    """Single-word matches the document uses as a person's name at least once."""
    tokens = evidence.tokens
    names = set()
    for i, j, places, _ in matches:
        word = tokens[i].text
        if i != j or places[0].kind == "country" or "." in word:
            continue  # "W.Va. said": an abbreviation names no person
        if (
            _titled(tokens, i)
            or _name_neighbour(evidence, i - 1, i, before=True)
            or _before_reporting_verb(tokens, i)
        ):
            names.add(word)
    return names


def _plausible(evidence: _Evidence, i: int, j: int, places: list, listed: bool = False) -> bool:
    """Whether the match at tokens ``i..j`` reads as a place in this document (``listed``:
    it follows a place in a list, which stands for a preposition)."""
    tokens = evidence.tokens
    first = tokens[i]
    best = places[0]
    area = any(p.kind in AREA_KINDS for p in places[:3])
    if i == j and not _plausible_word(evidence, i, places, area):
        return False
    if i != j and fold(evidence.text[first.start : tokens[j].end]) in not_places():
        return False  # "White House", "West Nile"
    if _name_neighbour(evidence, i - 1, i, before=True):
        return False  # "Steve Townsend": a given name before the word
    small = not area and best.importance < BIG_CITY
    if small and _name_neighbour(evidence, j + 1, j, before=False):
        # "Kelly Clarkson": the word starts a longer name, unless the text places it elsewhere.
        return i == j and tokens[i].text in evidence.located
    if i != j or area:
        return True
    if best.kind == "city" and best.population < MIN_POPULATION_ALONE:
        return listed or _after_preposition(tokens, i)
    if first.sentence_start and best.importance < SENTENCE_START_IMPORTANCE:
        # "Federal police advanced...": a capital at a sentence start is no evidence of a name.
        return (
            _capitalised_elsewhere(evidence, i)
            or _after_preposition(tokens, i)
            or _dateline(evidence, i)
        )
    return True


def _dateline(evidence: _Evidence, i: int) -> bool:
    """ "HUNTINGTON, W. Va. --": a word in capitals opening a sentence, then a comma, a full
    stop or a date."""
    token = evidence.tokens[i]
    return _is_acronym(token.text) and bool(_DATELINE_END.match(evidence.text, token.end))


def _plausible_word(evidence: _Evidence, i: int, places: list, area: bool) -> bool:
    """Checks for a one-word match: acronyms, common words, persons, demonyms."""
    token = evidence.tokens[i]
    word, lower = token.text, token.text.lower()
    after = evidence.text[token.end : token.end + 1]
    if lower.rstrip(".") in person_titles():
        return False  # "Mme", "Dr": a title, whatever village shares its letters
    if _is_acronym(word):
        # "US", "U.S.", "UAE" name countries; "FDA", "HIV" name nothing; "LA" in a French
        # headline in capitals is the article; "CHARLESTON, W.Va." is a dateline, and so is
        # "LONDRES. 24 (Reuter)" opening a dispatch.
        if lower in function_words(evidence.lang):
            return False
        if area or (len(word) > 3 and after == ","):
            return True
        return (
            len(word) > 3
            and token.sentence_start
            and fold(word) not in not_places()
            and _dateline(evidence, i)
        )
    if fold(word) in dotted_abbreviations() and not (word.endswith(".") or after == "."):
        return False  # "Mont" without its full stop is no abbreviation of Montana
    if word[-3:-2] in ("'", "’") or word[-2:-1] in ("'", "’"):
        return False  # "I've", "we'll": an English contraction
    if fold(word) in not_places() or lower in function_words():
        return False
    if lower in evidence.lowercase and places[0].kind != "country":
        return False  # "Hit" is a town, but this text also says "hit"
    if word in evidence.surnames or _titled(evidence.tokens, i):
        return False
    # "Canadian" is an adjective of Canada before it is a village; the demonym pass takes it.
    return evidence.gazetteer.demonym(word) is None or places[0].kind == "country"


def _is_acronym(word: str) -> bool:
    """ "US", "U.S.", "UAE": every letter upper case, at least two of them."""
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _titled(tokens: Sequence[Token], i: int) -> bool:
    """Whether a title ("Mr", "Sen.", "President") comes right before token ``i``."""
    return i > 0 and tokens[i - 1].text.lower().rstrip(".") in person_titles()


def _capitalised_elsewhere(evidence: _Evidence, i: int) -> bool:
    """Whether the word at ``i`` also appears capitalised inside a sentence."""
    token = evidence.tokens[i]
    here = 0 if token.sentence_start else 1
    return evidence.inside_sentences[token.text] - here > 0


def _name_neighbour(evidence: _Evidence, k: int, edge: int, *, before: bool) -> bool:
    """A capitalised word next to the match that is no place: "Steve Townsend", "Kelly Clarkson"."""
    tokens = evidence.tokens
    if k < 0 or k >= len(tokens):
        return False
    neighbour, inner = tokens[k], tokens[edge]
    if _is_acronym(neighbour.text) != _is_acronym(inner.text):
        return False  # "M. Kellogg PARIS, 29 (Havas)": a word in capitals is no part of a name
    left, right = (neighbour, inner) if before else (inner, neighbour)
    if _gap(evidence.text, left, right) or right.sentence_start:
        return False
    word = neighbour.text.lower()
    if not neighbour.capitalised or _is_acronym(neighbour.text) or word in function_words():
        return False
    if fold(word) in not_places() or word.rstrip(".") in facility_words():
        return False
    if word.rstrip(".") in person_titles():
        return False  # handled as a title: "Mr Kelly"
    # "Syrian Kurdistan", "Lebanon Hezbollah": a demonym or a well-known place is no given name,
    # but a village called "Mike" or "Roy" does not make "Mike Jones" a place.
    gazetteer = evidence.gazetteer
    if gazetteer.demonym(neighbour.text) is not None:
        return False
    places = gazetteer.lookup(neighbour.text)[:3]
    return not any(p.kind in AREA_KINDS or p.importance >= BIG_CITY for p in places)


def _before_reporting_verb(tokens: Sequence[Token], i: int) -> bool:
    """ "Jones said", "Jones told": the word is a person's name."""
    return i + 1 < len(tokens) and tokens[i + 1].text.lower() in reporting_verbs()


def _after_preposition(tokens: Sequence[Token], i: int) -> bool:
    """Whether the word before token ``i`` is a locative preposition ("in", "à", "near")."""
    return i > 0 and tokens[i - 1].text.lower() in locative_words()
