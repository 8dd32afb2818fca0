"""Toponym recognition: place mentions with exact character offsets, in French or English.

Three passes over the article's content spans: complex phrases (dams, borders, rivers, parts
of places), plain gazetteer names, then demonyms. Earlier passes win where spans overlap.
"""

from __future__ import annotations

import dataclasses
import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence

from geo.gazetteer import Gazetteer
from geo.gazetteer.demonyms import two_word_starts
from geo.gazetteer.folding import fold
from geo.model import Mention
from geo.recognize.entity_features import article_entities
from geo.recognize.phrases import match_phrases
from geo.recognize.plain_names import match_names
from geo.recognize.recogniser import Recogniser
from geo.recognize.tokens import Token, tokenize
from geo.recognize.words import not_places, recognition_words
from geo.spans import DisjointSpans

__all__ = ["recognize_toponyms"]

# "W. Va.", "N. C.": an abbreviation of two initials written with a space, which the tokens split
SPACED_ABBREVIATION = re.compile(r"(?<![\w.])[A-Z]\. [A-Z][a-z]?\.")


def recognize_toponyms(
    text: str,
    gazetteer: Gazetteer,
    lang: str = "en",
    spans: Sequence[tuple[int, int]] | None = None,
    recogniser: Recogniser | None = None,
) -> list[Mention]:
    """Every place mention of ``text`` (or of its content ``spans``), in text order; plain
    names are kept or dropped by ``recogniser`` (the shipped model by default)."""
    spans = list(spans) if spans is not None else [(0, len(text))]
    tokens = tokenize(text, spans)
    entities = article_entities(text, spans, lang)
    names = match_names(text, tokens, gazetteer, lang, recogniser, entities)
    phrases = [m for m in (_checked(m, gazetteer) for m in match_phrases(text, spans)) if m]
    # "New South Wales" is a name, not the south of Wales
    phrases = [p for p in phrases if not _inside_one_of(p, names)]
    chosen = _without_overlaps(sorted(phrases, key=lambda m: (m.start, -m.end)), [])
    chosen = _without_overlaps(_spaced_abbreviations(text, spans, gazetteer), chosen)
    demonyms = sorted(
        [*_demonyms(text, tokens, gazetteer), *_actor_compounds(tokens, gazetteer)],
        key=lambda m: m.start,
    )
    # "Sri Lankan" before the names, which would take "Sri" alone
    chosen = _without_overlaps([d for d in demonyms if " " in d.text], chosen)
    chosen = _without_overlaps(names, chosen)
    chosen = _without_overlaps(demonyms, chosen)
    chosen.extend(_towns_of_dams(text, chosen, gazetteer))
    return sorted(chosen, key=lambda m: (m.start, -m.end))


def _spaced_abbreviations(
    text: str, spans: Sequence[tuple[int, int]], gazetteer: Gazetteer
) -> list[Mention]:
    """ "Huntington, W. Va.": a region's abbreviation whose initials are spaced apart."""
    found = []
    for start, end in spans:
        for match in SPACED_ABBREVIATION.finditer(text, start, end):
            if _first(gazetteer.lookup(match.group()), "region"):
                found.append(Mention(match.group(), match.start(), match.end(), match.group()))
    return found


def _towns_of_dams(text: str, mentions: Sequence[Mention], gazetteer: Gazetteer) -> list[Mention]:
    """ "le barrage d'Haditha" names the town of Haditha too: a mention of it inside the phrase."""
    towns = []
    for mention in mentions:
        if mention.kind_hint != "dam":
            continue
        start = text.find(mention.name, mention.start, mention.end)
        if start >= 0 and _first(gazetteer.lookup(mention.name), "city"):
            end = start + len(mention.name)
            towns.append(Mention(text[start:end], start, end, mention.name))
    return towns


def _checked(mention: Mention, gazetteer: Gazetteer) -> Mention | None:
    """The phrase with ``name`` set to the place it is about, or None if it is about nothing known."""
    kind, name = mention.kind_hint, mention.name
    if kind == "region_part" and not name:
        return mention
    if kind == "border":
        country = gazetteer.demonym(name) or _first(gazetteer.lookup(name), "country")
        return dataclasses.replace(mention, name=country.name) if country else None
    if kind == "dam":
        known = _first(gazetteer.lookup(f"{name} Dam"), "dam") or _first(gazetteer.lookup(name))
        return mention if known else None
    if kind == "river":
        return mention if _first(gazetteer.lookup(name), "river") else None
    if _is_a_name_itself(mention, gazetteer):
        return None  # "West Bank", "South Africa", "North Carolina": a name, not a side of one
    places = gazetteer.lookup(name)
    if not places or name.lower() in not_places():
        return None
    return mention


def _is_a_name_itself(mention: Mention, gazetteer: Gazetteer) -> bool:
    """Whether a capitalised side phrase is a name of its own ("West Bank", "South Africa").

    "East Mosul" is a side of a city everybody knows; "West Bank" is no side of a hamlet
    called Bank, even when the gazetteer does not know the West Bank itself.
    """
    surface = mention.text.removeprefix("the ").removeprefix("The ")
    if not surface[:1].isupper() or mention.kind_hint not in ("city_part", "near"):
        return False
    if gazetteer.lookup(surface):
        return True
    places = gazetteer.lookup(mention.name)[:3]
    return not any(p.kind in ("country", "region") or p.importance >= 100_000 for p in places)


def _first(places: Iterable, kind: str | None = None):
    return next((p for p in places if kind is None or p.kind == kind), None)


def _demonyms(text: str, tokens: Sequence[Token], gazetteer: Gazetteer) -> list[Mention]:
    """Adjectives and demonyms of countries: "syrienne", "Iraqi", "Sri Lankan" -> the country."""
    found = []
    starts = two_word_starts()
    after = 0  # the second word of a two-word demonym is not looked up again
    for i, first in enumerate(tokens):
        if i < after:
            continue
        second = tokens[i + 1] if i + 1 < len(tokens) else None
        if (  # two words ("South African") before one
            second is not None
            and second.text[:1].isupper()
            and text[first.end : second.start] == " "
            and fold(first.text) in starts
        ):
            words = text[first.start : second.end]
            country = gazetteer.demonym(words)
            if country is not None:
                found.append(
                    Mention(words, first.start, second.end, country.name, kind_hint="demonym")
                )
                after = i + 2
                continue
        country = gazetteer.demonym(first.text)  # the token's text is its span of the text
        if country is not None:
            found.append(
                Mention(first.text, first.start, first.end, country.name, kind_hint="demonym")
            )
            after = i + 1
    return found


def _actor_compounds(tokens: Sequence[Token], gazetteer: Gazetteer) -> list[Mention]:
    """ "the US-led coalition", "Iranian-backed militias": the country of the first half, as
    a demonym (an actor's nationality, not a place where something happens)."""
    found = []
    endings = frozenset(recognition_words()["actor_compounds"])
    for token in tokens:
        head, dash, tail = token.text.rpartition("-")
        if not dash or tail.lower() not in endings or not head[:1].isupper():
            continue
        country = gazetteer.demonym(head) or _first(gazetteer.lookup(head), "country")
        if country is not None:
            end = token.start + len(head)
            found.append(Mention(head, token.start, end, country.name, kind_hint="demonym"))
    return found


def _inside(inner: Mention, outer: Mention) -> bool:
    """Whether ``inner`` lies within ``outer`` and is shorter."""
    return (
        outer.start <= inner.start
        and inner.end <= outer.end
        and inner.end - inner.start < outer.end - outer.start
    )


def _inside_one_of(inner: Mention, names: Sequence[Mention]) -> bool:
    """Whether ``inner`` lies within one of ``names`` (in text order, overlapping nowhere, as
    the names pass finds them), and is shorter: only the last name starting at or before it
    can hold it."""
    i = bisect_right(names, inner.start, key=lambda n: n.start)
    return i > 0 and _inside(inner, names[i - 1])


def _without_overlaps(candidates: Iterable[Mention], kept: list[Mention]) -> list[Mention]:
    """``kept`` (spans that overlap one another nowhere) plus every candidate that overlaps
    nothing kept so far."""
    result = list(kept)
    taken = DisjointSpans((k.start, k.end) for k in kept)
    for mention in candidates:
        if not taken.overlaps(mention.start, mention.end):
            result.append(mention)
            taken.add(mention.start, mention.end)
    return result
