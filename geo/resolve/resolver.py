"""Toponym resolution: each mention gets a referent chosen from evidence, a confidence,
an ACLED geo precision and up to five ranked alternatives.

The candidates of a mention depend on the kind of phrase it is (a dam, a border, a river, a
part of a city: :mod:`geo.resolve.candidates`); each gets named evidence
(:mod:`geo.resolve.evidence`): importance, how well the name matches the place's own name, the
article's country focus, states and divisions, proximity to the article's other places and to
their middle, and explicit qualifiers ("Paris, Texas", "Tripoli (Lebanon)", "Homs in Syria").
A ranker fitted on data (:mod:`geo.resolve.ranker`) turns the evidence and the candidate's
standing among the others (:mod:`geo.resolve.features`) into the probability that it is the
place meant (against the others and "none of these"), calibrated as the probability that it
lies within 161 km of it (:mod:`geo.resolve.calibration`). Two passes: the
first choices of every mention make the focus and the anchors the second pass ranks against.

Every :class:`~geo.model.Candidate` carries its evidence and its calibrated probability;
``Resolution.alternatives`` holds runners-up, best first, without the chosen place, with the
best namesake of each other country among them.
"""

from __future__ import annotations

import dataclasses
import functools
from collections import Counter
from collections.abc import Iterable, Sequence

from geo.gazetteer import Gazetteer
from geo.gazetteer.folding import fold
from geo.model import Candidate, Mention, Place, PlaceKind, Resolution
from geo.resolve.candidates import (
    candidate_places,
    names_a_country_and_a_region,
    qualifiers_of,
    without_unlikely_namesakes,
)
from geo.resolve.context_index import rank_each
from geo.resolve.evidence import (
    Context,
    anchors_of,
    country_focus,
    country_votes,
    divisions_of,
    evidence,
    fits_qualifier,
    named_states,
)
from geo.resolve.features import pool_vectors
from geo.resolve.ranker import Ranker, load_ranker

MAX_ALTERNATIVES = 5
PRECISION: dict[PlaceKind, int] = {
    "city": 1,
    "dam": 1,
    "border": 2,
    "city_part": 2,
    "other": 1,
    "river": 3,
    "county": 2,
    "region": 3,
    "country": 3,
}


def resolve_mentions(
    mentions: Sequence[Mention], gazetteer: Gazetteer, text: str, ranker: Ranker | None = None
) -> list[Resolution]:
    """A resolution for every mention that has at least one candidate, in mention order
    (``ranker``: the shipped one when None)."""
    ranked = ranked_candidates(mentions, gazetteer, text, ranker)
    resolutions = [
        _resolution(mention, r) for mention, r in zip(mentions, ranked, strict=True) if r
    ]
    return _with_country_parts(resolutions, mentions, gazetteer)


def ranked_candidates(
    mentions: Sequence[Mention], gazetteer: Gazetteer, text: str, ranker: Ranker | None = None
) -> list[list[Candidate]]:
    """Every candidate of every mention with its evidence and its probability, best first
    ([] for a mention without candidates); the first is the one :func:`resolve_mentions`
    chooses."""
    rank = functools.partial(_rank, ranker=ranker or load_ranker())
    pools = [candidate_places(m, gazetteer, text) for m in mentions]
    # "Athens, Georgia": the state, not the country, since an Athens lies in it
    qualifiers = [
        _fitting(qualifiers_of(m, text, gazetteer), pool)
        for m, pool in zip(mentions, pools, strict=True)
    ]
    keys = [fold(m.name) for m in mentions]
    # "California" alone is the state, not California, Maryland ("California, Md." still is)
    pools = [
        pool if qualifier else without_unlikely_namesakes(pool, key)
        for pool, qualifier, key in zip(pools, qualifiers, keys, strict=True)
    ]

    def ranked_all(context: Context) -> list[list[Candidate]]:
        return rank_each(rank, pools, keys, qualifiers, context)

    def choices(ranked: list[list[Candidate]]) -> dict[int, Place]:
        return {i: r[0].place for i, r in enumerate(ranked) if r}

    first = choices(ranked_all(Context(country_focus(pools, {}))))
    # "Georgia" names a country and a state: its own first choice is no evidence for either.
    voters = [
        [] if names_a_country_and_a_region(p, k) else p for p, k in zip(pools, keys, strict=True)
    ]
    votes = {i: place for i, place in first.items() if voters[i]}
    context = Context(
        country_focus(voters, votes),
        anchors_of(first, keys),
        divisions=divisions_of(first, keys),
        votes=country_votes(voters, votes, keys),
        country_points=_country_points(gazetteer, votes.values()),
    )
    ranked = ranked_all(context)
    # The states come from choices made knowing the country focus: alone, "Florida" is as
    # likely Uruguay's department as the American state.
    states = named_states(choices(ranked), keys, pools)
    if states:  # they weigh only among towns and counties: the others rank as they did
        weighed = [pool if states_weigh(pool) else [] for pool in pools]
        again = rank_each(
            rank, weighed, keys, qualifiers, dataclasses.replace(context, states=states)
        )
        ranked = [
            new if pool else old for pool, new, old in zip(weighed, again, ranked, strict=True)
        ]
    return ranked


def _country_points(
    gazetteer: Gazetteer, places: Iterable[Place]
) -> tuple[tuple[str, tuple[float, float]], ...]:
    """The point of every country the places lie in or border, where the gazetteer has it."""
    codes = {c for p in places for c in (p.country_code, *p.countries) if c}
    found = ((code, gazetteer.country(code)) for code in sorted(codes))
    return tuple((code, country.point) for code, country in found if country is not None)


def _fitting(qualifiers: list[Place], pool: list[Place]) -> Place | None:
    """The first of the places a qualifier may name that one of the candidates lies in."""
    fitted = (q for q in qualifiers if any(fits_qualifier(p, q) for p in pool))
    return next(fitted, qualifiers[0] if qualifiers else None)


def states_weigh(pool: Sequence[Place]) -> bool:
    """Whether the states an article names weigh among the candidates: towns and counties only."""
    return not any(p.kind in ("country", "region") for p in pool)


def _rank(
    pool: list[Place], key: str, context: Context, qualifier: Place | None, ranker: Ranker
) -> list[Candidate]:
    """Candidates with their calibrated probabilities, best first (equals in pool order); the
    places an explicit qualifier fits before the others."""
    if not pool:
        return []
    # a mention's own first choice is no evidence for it ("Londres" chose London: City of London
    # is not "near" the story's other places for that)
    candidates = {(p.name, p.lat, p.lon) for p in pool}
    anchors = context.nearby.excluding(key, candidates)
    state_shares = context.state_shares.without(key) if states_weigh(pool) else None
    divisions = context.division_shares.without(key)
    others = context.others_focus.without(key)
    found = [
        evidence(p, key, context, qualifier, anchors, state_shares, divisions, others) for p in pool
    ]
    raw = ranker.vector_probabilities(pool_vectors(pool, found))
    # "Paris, Texas": the places the qualifier fits come first, the others stay alternatives
    fits = [qualifier is not None and fits_qualifier(p, qualifier) for p in pool]
    first = any(fits)
    order = sorted(range(len(pool)), key=lambda i: (first and not fits[i], -raw[i]))
    return [Candidate(pool[i], ranker.confidence(raw[i]), found[i]) for i in order]


def _resolution(mention: Mention, ranked: list[Candidate]) -> Resolution:
    place, confidence = ranked[0].place, ranked[0].score
    hint = mention.kind_hint
    if hint == "city_part" and place.kind in ("country", "region"):
        mention = dataclasses.replace(mention, kind_hint="region_part")
        hint = "region_part"
    if hint in ("city_part", "near"):
        precision = 2 if place.kind in ("city", "dam") else 3
    elif hint == "dam" and place.kind != "dam":
        precision = 2
    else:
        precision = PRECISION.get(place.kind, 1)
    alternatives = tuple(
        Candidate(c.place, round(c.score, 4), c.evidence) for c in _alternatives(ranked)
    )
    return Resolution(mention, place, round(confidence, 4), precision, alternatives)


def _alternatives(ranked: list[Candidate]) -> list[Candidate]:
    """Up to MAX_ALTERNATIVES runners-up, best first: the best of each country the choice is
    not in (an English town's US namesakes do not crowd it out), then the next best."""
    countries = {ranked[0].place.country_code}
    firsts = []
    for candidate in ranked[1:]:
        if candidate.place.country_code not in countries:
            countries.add(candidate.place.country_code)
            firsts.append(candidate)
    picked = firsts[:MAX_ALTERNATIVES]
    taken = {id(c) for c in picked}
    picked += [c for c in ranked[1:] if id(c) not in taken][: MAX_ALTERNATIVES - len(picked)]
    order = {id(c): i for i, c in enumerate(ranked)}
    return sorted(picked, key=lambda c: order[id(c)])


def _with_country_parts(
    resolutions: list[Resolution], mentions: Sequence[Mention], gazetteer: Gazetteer
) -> list[Resolution]:
    """Resolve "à l'ouest du pays" to the article's main country, with precision 3."""
    codes = Counter(r.place.country_code for r in resolutions if r.place.country_code)
    main = gazetteer.country(codes.most_common(1)[0][0]) if codes else None
    extra = []
    for mention in mentions:
        if mention.kind_hint == "region_part" and not mention.name and main is not None:
            named = dataclasses.replace(mention, name=main.name)
            extra.append(Resolution(named, main, 0.6, 3, ()))
    return sorted([*resolutions, *extra], key=lambda r: r.mention.start)
