"""Plain place names: the longest capitalised word sequences that a gazetteer knows, kept or
dropped by the fitted recogniser.

A capital letter is weak evidence. Every longest gazetteer match is a candidate; the
classifier of :mod:`geo.recognize.recogniser` reads its context (:mod:`geo.recognize.name_features`:
a person's or a club's name around it, the preposition before it, the verb after it, how the
document writes the word elsewhere, the gazetteer's prior) and keeps it or not.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from geo.gazetteer import Gazetteer
from geo.model import Mention
from geo.recognize.entity_features import Entities, load_entity_recogniser
from geo.recognize.name_features import Match, document_words, features, listed_after
from geo.recognize.recogniser import Recogniser, load_recogniser
from geo.recognize.tokens import Token
from geo.recognize.words import contracted_articles, name_connectors

# features that say an occurrence names a person or an organisation, whatever its others do
OTHER_THING_CUES = (
    "titled",
    "given_name_before",
    "name_neighbour_before",
    "name_neighbour_after",
    "club_before",
    "organisation_before",
    "organisation_after",
    "facility_after",
    "before_reporting_verb",
)


def match_names(
    text: str,
    tokens: Sequence[Token],
    gazetteer: Gazetteer,
    lang: str | None = None,
    recogniser: Recogniser | None = None,
    entities: Entities | None = None,
) -> list[Mention]:
    """Mentions of gazetteer names that ``recogniser`` keeps (by default the shipped one, or
    with spaCy's ``entities`` the one fitted with them)."""
    if recogniser is None:
        recogniser = load_entity_recogniser() if entities is not None else load_recogniser()
    candidates = list(name_candidates(text, tokens, gazetteer, lang, entities))
    kept = [recogniser.keeps(values) for _, values in candidates]
    # one sense per discourse: a name the document uses as a place is that place wherever
    # nothing around it says it is a person or an organisation
    places = {mention.text for (mention, _), keep in zip(candidates, kept, strict=True) if keep}
    return [
        mention
        for (mention, values), keep in zip(candidates, kept, strict=True)
        if keep or (mention.text in places and not _named_as_another_thing(values))
    ]


def name_candidates(
    text: str,
    tokens: Sequence[Token],
    gazetteer: Gazetteer,
    lang: str | None = None,
    entities: Entities | None = None,
) -> Iterator[tuple[Mention, dict[str, float]]]:
    """Every longest gazetteer match, left to right, with its features (spaCy's ``entities``
    among them, when given)."""
    matches = _matches(text, tokens, gazetteer, lang)
    words = document_words(text, tokens, gazetteer, lang, matches)
    last = -2  # the last token of the match before
    for match in matches:
        values = features(words, match, listed_after(words, last, match.first))
        last = match.last
        if _another_word(values):
            continue
        start, end = tokens[match.first].start, tokens[match.last].end
        if entities is not None:
            values.update(entities.features(text, start, end))
        surface = text[start:end]
        yield Mention(text=surface, start=start, end=end, name=match.article + surface), values


def _article(tokens: Sequence[Token], i: int) -> str:
    """The article that a French contraction before token ``i`` holds ("au Locle": "Le ")."""
    return contracted_articles().get(tokens[i - 1].text.lower(), "") if i else ""


def _matches(
    text: str, tokens: Sequence[Token], gazetteer: Gazetteer, lang: str | None = None
) -> list[Match]:
    """Every longest gazetteer match (with the article it was looked up after: "Le " for
    "au Locle", else ""), left to right."""
    found = []
    i = 0
    while i < len(tokens):
        if not _may_open_a_name(tokens[i]):
            i += 1
            continue
        article = _article(tokens, i) if lang == "fr" else ""
        match = _longest_match(text, tokens, i, gazetteer)
        if match is None and article:
            match = _longest_match(text, tokens, i, gazetteer, article)
        else:
            article = ""
        if match is None:
            i += 1
            continue
        found.append(Match(i, match[0], match[1], article))
        i = match[0] + 1
    return found


def _longest_match(
    text: str, tokens: Sequence[Token], i: int, gazetteer: Gazetteer, article: str = ""
) -> tuple[int, list] | None:
    """The last token index and places of the longest name starting at token ``i`` (looked up
    after ``article`` when the text has contracted it: "au Locle" is in Le Locle)."""
    if not _may_open_a_name(tokens[i]):
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


def _may_open_a_name(token: Token) -> bool:
    """Whether a name may start with ``token``: a capitalised word of two letters or more."""
    return token.capitalised and len(token.text) >= 2


def _gap(text: str, left: Token, right: Token) -> bool:
    """Whether punctuation (not a hyphen or a space) separates two tokens."""
    between = text[left.end : right.start]
    return bool(between.strip(" \u00a0-"))


def _another_word(values: dict[str, float]) -> bool:
    """Whether the match is, by its letters or its grammar, a word other than a place name: a
    demonym ("Canadian", read by the demonym pass), a title ("Mme"), an English contraction
    ("I've"), an abbreviation without its full stop ("Mont" is no Montana), the city in the
    name of a club ("Olympique de Marseille", "Real Madrid")."""
    return bool(
        (values["demonym_word"] and not values["kind_country"])
        or values["club_before"]
        or values["title_word"]
        or values["contraction"]
        or values["abbreviation_without_stop"]
    )


def _named_as_another_thing(values: dict[str, float]) -> bool:
    """Whether the context of this occurrence names a person or an organisation."""
    return any(values[cue] for cue in OTHER_THING_CUES)
