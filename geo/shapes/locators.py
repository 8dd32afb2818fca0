"""Parts of regions that only locate another place: "Anbar, à l'ouest du pays".

In "la province d'Anbar, à l'ouest du pays", "Ramadi, a city in western Iraq" or "Ramadi in
western Iraq" the part of the country says where the place just before it lies; nothing happens in the rest of that part, so it
draws no area. The words such an apposition may hold are in ``data/locator_words.json``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from geo.datafiles import read_json
from geo.model import Resolution

# the longest stretch of text between a place and a part that may still be an apposition
MAX_GAP_CHARS = 60


@cache
def _apposition() -> re.Pattern[str]:
    """The text between a place and the part of a region that locates it."""
    words = read_json("locator_words.json")
    openers = "".join(re.escape(o) for o in words["openers"])
    # an elided word ("l'") is glued to what follows it; any other word ends at a space
    choices = "|".join(
        re.escape(w) if w.endswith("'") else rf"{re.escape(w)}\s+"
        for w in sorted(words["words"], key=len, reverse=True)
    )
    return re.compile(rf"\s*[{openers}]?\s*(?:(?:{choices}))*", re.IGNORECASE)


def locates_another_place(text: str, resolution: Resolution, ordered: Sequence[Resolution]) -> bool:
    """True when a region part only says where the place named just before it lies."""
    mention = resolution.mention
    if mention.kind_hint != "region_part":
        return False
    # "l'armée irakienne à l'ouest du pays": a nationality locates nothing
    before = [
        r for r in ordered if r.mention.end <= mention.start and r.mention.kind_hint != "demonym"
    ]
    if not before:
        return False
    previous = max(before, key=lambda r: r.mention.end)
    gap = text[previous.mention.end : mention.start].replace("’", "'")
    if len(gap) > MAX_GAP_CHARS or previous.place == resolution.place:
        return False
    return _apposition().fullmatch(gap) is not None
