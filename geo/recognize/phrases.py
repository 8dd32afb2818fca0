"""Complex place phrases whose span is the whole phrase: dams, borders, rivers, parts of places.

"le grand barrage d'Haditha", "la frontière syrienne", "the Tigris River",
"la moitié ouest de Mossoul", "east Mosul", "à l'ouest du pays", "western Anbar".
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache

from geo.model import Mention
from geo.recognize.words import phrase_words

_UPPER = "A-ZÀ-ÖØ-ÞĀ-Ž"
_CAP = rf"[{_UPPER}][\w'’‘-]*"
_APOSTROPHE = "['’‘]"
_BANK_SIDES = ("left", "right")  # the sides of a river, facing downstream


def _spelled(word: str) -> str:
    """A word of the vocabulary as a pattern: its apostrophe in any of its forms, each space
    any run of spaces."""
    return re.escape(word).replace("'", _APOSTROPHE).replace(r"\ ", r"\s+")


def _any(words: Iterable[str]) -> str:
    """An alternation of vocabulary words, in their order."""
    return "|".join(_spelled(w) for w in words)


def _opening(*vocabularies: Iterable[str]) -> str:
    """A lookahead for the letters a match may open with (the first letters of the words it
    may start with): the engine then tries a pattern's alternatives only where one stands,
    which halves the cost of the patterns that open with a long alternation."""
    letters = sorted({word[0] for words in vocabularies for word in words})
    return f"(?=[{''.join(map(re.escape, letters))}])"


@cache
def _patterns() -> list[tuple[str, re.Pattern, re.Pattern]]:
    """(kind_hint, compiled pattern, trigger) triples, most specific first.

    A pattern runs only on a text whose lower case contains one of its trigger words (the
    trigger: one pattern of them all): most articles have no dam, border or river phrase,
    and that search costs far less than a scan with the pattern.
    """
    w = phrase_words()
    sides_fr = [k for k in w["sides"] if not k.isascii() or k in w["compass_fr"]]
    elided_sides = tuple(f"{a}{s}" for a in ("l'", "l’", "l‘", "l' ", "l’ ") for s in w["sides"])
    english_sides = tuple(k for k in w["sides"] if k.isascii() and k not in sides_fr)
    triggers = {
        "barrage": ("barrage",),
        "dam": ("dam",),
        "frontière": ("fronti",),
        "border": ("border", "frontier"),
        "fleuve": ("fleuve", "rivi"),
        "river": ("river",),
        "pays": ("pays",),
        "country": ("country",),
        "parts_fr": tuple(w["part_nouns_fr"]),
        "rive": ("rive",),
        "elided_side": elided_sides,
        "side_en": english_sides,
    }
    keys = [
        "barrage",
        "dam",
        "frontière",
        "frontière",
        "border",
        "border",
        "fleuve",
        "river",
        "pays",
        "country",
        "parts_fr",
        "rive",
        "elided_side",
        "side_en",
        "side_en",
        "side_en",
    ]
    searches = {key: re.compile("|".join(map(re.escape, words))) for key, words in triggers.items()}
    return [
        (kind, pattern, searches[key])
        for (kind, pattern), key in zip(_compiled(), keys, strict=True)
    ]


def _fragments(w: dict) -> tuple[str, str, str]:
    """The fragments the patterns share: a name, "of" in French ("de la", "d'"), an article."""
    # Case-sensitive even inside patterns that ignore case: a name is capitalised.
    name = rf"(?-i:{_CAP}(?:[ \u00a0](?:(?:{_any(w['name_connectors'])})[ \u00a0])?{_CAP}){{0,3}})"
    of = "|".join(_spelled(p) + (r"\s*" if p.endswith("'") else r"\s+") for p in w["of_fr"])
    return name, rf"(?:{of})", rf"(?:(?:{_any(w['articles'])})\s*)"


def _compiled() -> list[tuple[str, re.Pattern]]:
    """(kind_hint, compiled pattern) pairs, most specific first."""
    w = phrase_words()
    name, elided, article = _fragments(w)
    side = "|".join(sorted(map(re.escape, w["sides"]), key=len, reverse=True))
    compass = [
        k
        for k in w["sides"]
        if k.isascii() and k not in w["compass_fr"] and w["sides"][k] not in _BANK_SIDES
    ]
    side_en = "|".join(sorted(compass, key=len, reverse=True))
    part_fr = "|".join(w["part_nouns_fr"])
    part_en = "|".join(w["part_nouns_en"])
    opens_part_fr = _opening(w["articles"], w["part_nouns_fr"])
    opens_side_en, opens_the_side_en = _opening(compass), _opening(["the"], compass)
    flags = re.IGNORECASE
    return [
        (
            "dam",
            re.compile(
                rf"\b{article}?(?:(?:{_any(w['dam_adjectives_fr'])})\s+)?barrage\s+{elided}(?P<name>{name})",
                flags,
            ),
        ),
        ("dam", re.compile(rf"\b(?:the\s+)?(?P<name>{name})\s+[Dd]am\b")),
        (
            "border",
            re.compile(rf"\b{article}?fronti[eè]res?\s+(?P<adj>[a-zà-ÿ]+(?:-[a-zà-ÿ]+)?)", flags),
        ),
        (
            "border",
            re.compile(
                rf"\b{article}?fronti[eè]res?\s+(?:{_any(w['border_prepositions_fr'])})\s+{article}?(?P<name>{name})",
                flags,
            ),
        ),
        ("border", re.compile(rf"\b(?:the\s+)?(?P<adj>{_CAP})\s+(?:border|frontier)\b")),
        ("border", re.compile(rf"\b(?:the\s+)?border\s+with\s+(?P<name>{name})")),
        ("river", re.compile(rf"\b{article}?(?:fleuve|rivière)\s+(?P<name>{name})", flags)),
        ("river", re.compile(rf"\b(?:the\s+)?(?P<name>{name})\s+[Rr]iver\b")),
        (
            "region_part",
            re.compile(
                rf"\b(?P<near>{_any(w['near_fr'])})?\s*l['’‘]\s*(?P<side>{side})\s+du\s+pays\b",
                flags,
            ),
        ),
        ("region_part", re.compile(rf"\bthe\s+(?P<side>{side})\s+of\s+the\s+country\b", flags)),
        (
            "city_part",
            re.compile(
                rf"\b{opens_part_fr}{article}?(?:{part_fr})\s+(?P<side>{side})\s+{elided}(?:la\s+ville\s+de\s+)?(?P<name>{name})",
                flags,
            ),
        ),
        (
            "city_part",
            re.compile(
                rf"\b{article}?(?:rive)\s+(?P<side>{_any(w['banks_fr'])})\s+{elided}(?P<name>{name})",
                flags,
            ),
        ),
        (
            "city_part",
            re.compile(
                rf"\b(?P<near>à\s+)?l['’‘]\s*(?P<side>{side})\s+{elided}(?P<name>{name})", flags
            ),
        ),
        (
            "city_part",
            re.compile(
                rf"\b{opens_the_side_en}(?:the\s+)?(?P<side>{side_en})\s+(?:{part_en})\s+of\s+(?P<name>{name})",
                flags,
            ),
        ),
        (
            "near",
            re.compile(
                rf"\b{opens_the_side_en}(?:to\s+the\s+)?(?P<side>{side_en})\s+of\s+(?P<name>{name})",
                flags,
            ),
        ),
        (
            "city_part",
            re.compile(rf"\b{opens_side_en}(?P<side>{side_en})\s+(?P<name>{name})", flags),
        ),
    ]


@cache
def _leading_article() -> re.Pattern:
    """An article (not an elided one) opening a name: "the", "la"."""
    articles = [a for a in phrase_words()["articles"] if not a.endswith("'")]
    return re.compile(rf"^(?:{_any(articles)})\s+", re.IGNORECASE)


def match_phrases(text: str, spans: list[tuple[int, int]]) -> Iterator[Mention]:
    """Every complex place phrase inside the content spans; overlaps are settled by the caller."""
    sides = phrase_words()["sides"]
    lower = text.lower()
    triggered: dict[re.Pattern, bool] = {}  # several patterns share a trigger
    for kind, pattern, trigger in _patterns():
        if trigger not in triggered:
            triggered[trigger] = trigger.search(lower) is not None
        if not triggered[trigger]:
            continue
        for start, end in spans:
            for match in pattern.finditer(text, start, end):
                mention = _mention(kind, match, sides)
                if mention is not None:
                    yield mention


def _mention(kind: str, match: re.Match, sides: dict[str, str]) -> Mention | None:
    groups = match.groupdict()
    name = groups.get("name") or groups.get("adj") or ""
    name = _leading_article().sub("", name)
    if kind in ("city_part", "near") and not name[:1].isupper():
        return None
    side = sides.get((groups.get("side") or "").lower())
    if groups.get("near"):
        kind = "near" if kind == "city_part" else kind
    start = match.start()
    while match.string[start].isspace():
        start += 1
    return Mention(
        text=match.string[start : match.end()],
        start=start,
        end=match.end(),
        name=name,
        kind_hint=kind,
        side=side,
    )
