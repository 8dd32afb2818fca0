from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from geo.model import Place
from geo.resolve.context_index import (
    AnchorIndex,
    StateShares,
    nearest_km,
    rank_each,
)

coordinate = st.tuples(
    st.floats(-70, 70, allow_nan=False), st.floats(-179.9, 179.9, allow_nan=False)
)
# places bunched in a few spots, as in a story, and some anywhere
places = st.lists(
    st.one_of(
        coordinate,
        st.tuples(st.sampled_from([0.0, 33.3, 36.3]), st.sampled_from([0.0, 43.1, 44.4])),
    ).map(lambda c: Place(name=f"p{c[0]:.1f}", lat=c[0], lon=c[1], kind="city")),
    min_size=1,
    max_size=80,
)
keys = st.sampled_from(["mosul", "baghdad", "paris", "kirkuk"])


def naive_nearest(anchors, key, candidates, place):
    others = [
        a
        for k, a in anchors
        if k != key and (a.name, a.lat, a.lon) not in candidates and a is not place
    ]
    return nearest_km(place, others) if others else None


@settings(max_examples=60, deadline=None)
@given(places, st.data())
def test_the_grid_finds_the_nearest_anchor_a_pass_over_all_would_find(anchor_places, data):
    anchors = [(data.draw(keys), p) for p in anchor_places]
    index = AnchorIndex(anchors)
    key = data.draw(keys)
    pool = data.draw(st.lists(st.sampled_from(anchor_places), max_size=3))
    candidates = {(p.name, p.lat, p.lon) for p in pool}
    neighbours = index.excluding(key, candidates)
    for place in [*pool, *data.draw(places)]:
        assert neighbours._grid_nearest_km(place) == naive_nearest(anchors, key, candidates, place)
        assert neighbours.nearest_km(place) == naive_nearest(anchors, key, candidates, place)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(keys, st.sampled_from([("US", "KY"), ("US", "OH"), ("IQ", "07")]))), keys)
def test_state_shares_are_those_of_the_states_other_names_name(states, key):
    named = [s for k, s in states if k != key]
    expected = Counter({s: n / len(named) for s, n in Counter(named).items()})
    assert StateShares(states).without(key) == expected


def test_mentions_of_the_same_name_and_candidates_are_ranked_once():
    mosul = Place("Mosul", 36.34, 43.13)
    calls = []

    def rank(pool, key, context, qualifier):
        calls.append(key)
        return [(pool[0], 1.0)]

    pools = [[mosul], [mosul], [mosul]]
    ranked = rank_each(rank, pools, ["mosul", "mosul", "mossoul"], [None, None, None], None)
    assert calls == ["mosul", "mossoul"] and len(ranked) == 3
