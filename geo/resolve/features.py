"""The ranker's features of a candidate: its named evidence (:mod:`geo.resolve.evidence`) and
what it is among the other candidates of its mention.

- the evidence, by its names;
- ``log_population``: ``log10(population + 1) / 7``, whatever the kind (0.0 when unknown);
- ``kind_<kind>``: one-hot of the place's kind (city, country, region, county, river, dam,
  border, other);
- ``most_important``: 1.0 for the candidate the gazetteer ranks first (or one as important);
- ``prior_gap``: how far its importance (``prior`` or ``kind``) falls short of the best one's;
- ``candidates``: how many candidates the mention has, as ``log10(n) / 2`` (a name with one
  candidate is seldom wrong; one with a hundred often is).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

from geo.model import Place
from geo.resolve.evidence import EVIDENCE_NAMES

ONE_HOT_KINDS = ("city", "country", "region", "county", "river", "dam", "border", "other")
FEATURE_NAMES = (
    *EVIDENCE_NAMES,
    "log_population",
    *(f"kind_{kind}" for kind in ONE_HOT_KINDS),
    "most_important",
    "prior_gap",
    "candidates",
)


def pool_features(
    places: Sequence[Place], evidences: Sequence[Mapping[str, float]]
) -> list[dict[str, float]]:
    """The features of every candidate of one mention, by name, in the order given."""
    return [dict(zip(FEATURE_NAMES, v, strict=True)) for v in pool_vectors(places, evidences)]


def pool_vectors(
    places: Sequence[Place], evidences: Sequence[Mapping[str, float]]
) -> list[list[float]]:
    """The same features as vectors in the order of ``FEATURE_NAMES``, as the ranker reads them."""
    top_importance = max(p.importance for p in places)
    standing = [e["prior"] + e["kind"] for e in evidences]
    best = max(standing)
    many = math.log10(len(places)) / 2
    return [
        _vector(place, found, place.importance >= top_importance, best - own, many)
        for place, found, own in zip(places, evidences, standing, strict=True)
    ]


def _vector(
    place: Place, found: Mapping[str, float], first: bool, gap: float, many: float
) -> list[float]:
    """One candidate's features, in the order of ``FEATURE_NAMES``."""
    vector = [found[name] for name in EVIDENCE_NAMES]
    vector.append(min(1.0, math.log10(place.population + 1) / 7))
    vector.extend(float(place.kind == kind) for kind in ONE_HOT_KINDS)
    vector += [float(first), gap, many]
    return vector
