"""The words of a route along a river: "along the Tigris", "le long de l'Euphrate", "jusqu'à".

The word lists live in ``data/route_words.json``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from geo.datafiles import DataFile, read_json

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'"})
ROLES = ("from", "to")


@dataclass(frozen=True)
class RouteWords:
    """Compiled route words: ``along`` ends the text before a river, ``cues`` are from/to words."""

    along: re.Pattern
    cues: re.Pattern
    roles: dict[str, str]  # lower-case cue word -> "from" or "to"


def _alternation(words: list[str]) -> str:
    """A regex alternation of words and word stems (``remont*``), longest first."""
    parts = [re.escape(w[:-1]) + r"\w*" if w.endswith("*") else re.escape(w) for w in words]
    return "|".join(sorted(parts, key=len, reverse=True))


@cache
def route_words(path: DataFile = "route_words.json") -> RouteWords:
    """The route words of ``path`` (a file of ``data/`` or any path), compiled."""
    words = read_json(path)
    fillers = _alternation(words["fillers"])
    along = rf"(?<!\w)(?:{_alternation(words['along'])})(?:\s*(?:{fillers})(?!\w))*\s*$"
    roles = {word.lower(): role for role in ROLES for word in words[role]}
    return RouteWords(
        along=re.compile(along, re.IGNORECASE),
        cues=re.compile(rf"(?<!\w)(?:{_alternation(list(roles))})(?!\w)", re.IGNORECASE),
        roles=roles,
    )


def follows_route_cue(text_before_river: str) -> bool:
    """Whether the words just before a river's name make a route ("along the", "remontent l'")."""
    return route_words().along.search(text_before_river[-60:].translate(_APOSTROPHES)) is not None


def stop_role(gap: str) -> str | None:
    """``"from"``, ``"to"`` or None: the role the last cue word of ``gap`` gives the next place."""
    words = route_words()
    found = [m.group().lower() for m in words.cues.finditer(gap.translate(_APOSTROPHES))]
    return words.roles[found[-1]] if found else None
