"""Control statements: who holds a place, what share was retaken, and which places a
statement is about ("70% of east Mosul retaken", "Anah and Rawa remain in their hands")."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from geo.datafiles import read_json
from geo.events.triggers import trigger_position
from geo.spans import any_within, first_at_or_after


@cache
def _share() -> re.Pattern:
    """A share: a number and a word for per cent ("70%", "70 pour cent"), a space optional."""
    words = read_json("event_types.json")["percent"]
    body = "|".join(re.escape(w).replace(r"\ ", r"\s*") for w in words)
    return re.compile(rf"(\d{{1,3}}(?:[.,]\d+)?)\s*(?:{body})", re.IGNORECASE)


def control_properties(sentence: str, kind: str, actors: list[tuple[int, str]]) -> dict:
    """Who holds a place and what share was retaken, as the sentence states it."""
    if kind == "territory_held":
        trigger = trigger_position("territory_held", sentence)
        after = [a for pos, a in actors if trigger is None or pos >= trigger]
        holder = after[0] if after else (actors[-1][1] if actors else None)
        return (
            {"held_by": holder, "control": holder, "status": f"held by {holder}"} if holder else {}
        )
    if kind == "government_regains_territory":
        share = _share().search(sentence)
        value = float(share.group(1).replace(",", ".")) / 100 if share else 1.0
        others = [a for _, a in actors if a != "Islamic State"]
        props = {
            "share_retaken": round(value, 3),
            "control": "contested" if value < 1 else (others[0] if others else "retaken"),
        }
        if any(a == "Islamic State" for _, a in actors):
            props["retaken_from"] = "Islamic State"
        props["status"] = f"{round(value * 100)}% retaken" + (
            f" from {props['retaken_from']}" if "retaken_from" in props else ""
        )
        return props
    return {}


def control_scope(
    sentence: str, offset: int, kind: str, places, shapes, starts_of: dict[int, list[int]]
) -> list[int]:
    """Start offsets of the places and shapes a control statement is about.

    "Anah and Rawa remain in the hands of the jihadists, an officer in Haditha said": what is
    held is named before the words of holding; what is retaken may be named anywhere.
    ``starts_of`` holds the sorted mention starts of each shape (by ``id``).
    """
    trigger = trigger_position(kind, sentence) if kind == "territory_held" else None
    limit = offset + trigger if trigger is not None else offset + len(sentence)
    starts = [r.mention.start for r in places if r.mention.start < limit]
    starts += [
        first_mention(starts_of[id(s)], offset)
        for s in shapes
        if any_within(starts_of[id(s)], offset, limit)
    ]
    return starts


def first_mention(starts: Sequence[int], offset: int) -> int | None:
    """Where the first of a shape's mentions (their sorted ``starts``) from ``offset`` on starts."""
    return first_at_or_after(starts, offset)
