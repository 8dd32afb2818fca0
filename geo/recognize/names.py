"""Plain place names: the longest capitalised word sequences that a gazetteer knows."""

from __future__ import annotations

from collections.abc import Sequence

from geo.gazetteer.names import fold
from geo.model import Mention
from geo.recognize.tokens import Token
from geo.recognize.words import NAME_CONNECTORS, function_words, not_places

MIN_POPULATION_ALONE = 1_000  # a tiny village needs more than a capital letter to count
SENTENCE_START_POPULATION = 100_000  # below this, a sentence-initial word needs support


def match_names(text: str, tokens: Sequence[Token], gazetteer) -> list[Mention]:
    """Mentions of gazetteer names, longest match first, scanning left to right."""
    lowercase_words = {t.text.lower() for t in tokens if not t.capitalised}
    mentions: list[Mention] = []
    i = 0
    while i < len(tokens):
        found = _longest_match(text, tokens, i, gazetteer)
        if found is None:
            i += 1
            continue
        j, places = found
        if _plausible(text, tokens, i, j, places, lowercase_words, gazetteer):
            start, end = tokens[i].start, tokens[j].end
            surface = text[start:end]
            mentions.append(Mention(text=surface, start=start, end=end, name=surface))
        i = j + 1
    return mentions


def _longest_match(
    text: str, tokens: Sequence[Token], i: int, gazetteer
) -> tuple[int, list] | None:
    """The last token index and places of the longest name starting at token ``i``."""
    if not tokens[i].capitalised:
        return None
    limit = min(len(tokens), i + gazetteer.max_name_tokens)
    best = None
    for j in range(i, limit):
        token = tokens[j]
        if j > i and (token.sentence_start or _gap(text, tokens[j - 1], token)):
            break
        if j > i and not token.capitalised and token.text.lower() not in NAME_CONNECTORS:
            break
        if not token.capitalised:
            continue
        places = gazetteer.lookup(text[tokens[i].start : token.end])
        if places:
            best = (j, places)
    return best


def _gap(text: str, left: Token, right: Token) -> bool:
    """Whether punctuation (not a hyphen or a space) separates two tokens."""
    between = text[left.end : right.start]
    return bool(between.strip(" \u00a0-"))


def _plausible(text, tokens, i, j, places, lowercase_words, gazetteer) -> bool:
    """Reject common words, parts of person or organisation names, and tiny places alone."""
    first, last = tokens[i], tokens[j]
    key = fold(text[first.start : last.end])
    single = i == j
    if single and (key in not_places() or first.text.lower() in function_words()):
        return False
    if single and first.text.lower() in lowercase_words and places[0].kind != "country":
        return False  # "Hit" is a town, but this text also says "hit"
    if _name_neighbour(text, tokens, i - 1, i, gazetteer, before=True) or _name_neighbour(
        text, tokens, j + 1, j, gazetteer, before=False
    ):
        return False
    best = places[0]
    if best.kind == "city" and best.population < MIN_POPULATION_ALONE and single:
        return _after_preposition(tokens, i)
    if (
        single
        and first.sentence_start
        and best.kind == "city"
        and best.population < SENTENCE_START_POPULATION
    ):
        # "Federal police advanced...": a capital at a sentence start is no evidence of a name.
        return _capitalised_elsewhere(tokens, i)
    return True


def _capitalised_elsewhere(tokens: Sequence[Token], i: int) -> bool:
    """Whether the word at ``i`` also appears capitalised inside a sentence."""
    word = tokens[i].text
    return any(t.text == word and not t.sentence_start for k, t in enumerate(tokens) if k != i)


def _name_neighbour(text, tokens, k, edge, gazetteer, *, before: bool) -> bool:
    """A capitalised non-function word right next to the match: "Steve Townsend", "New York Times"."""
    if k < 0 or k >= len(tokens):
        return False
    neighbour, inner = tokens[k], tokens[edge]
    left, right = (neighbour, inner) if before else (inner, neighbour)
    if (
        _gap(text, left, right)
        or (not before and neighbour.sentence_start)
        or (before and inner.sentence_start)
    ):
        return False
    word = neighbour.text.lower()
    if not neighbour.capitalised or word in function_words() or fold(word) in not_places():
        return False
    # "Syrian Kurdistan", "Basra Governorate": a demonym or another place is no person's name.
    return gazetteer.demonym(word) is None and not gazetteer.lookup(neighbour.text)


def _after_preposition(tokens: Sequence[Token], i: int) -> bool:
    """Whether the word before token ``i`` is a locative preposition ("in", "à", "near")."""
    return i > 0 and tokens[i - 1].text.lower() in {
        "in",
        "at",
        "near",
        "from",
        "to",
        "à",
        "de",
        "près",
        "vers",
        "en",
    }
