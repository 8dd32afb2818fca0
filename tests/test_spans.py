from hypothesis import given, settings
from hypothesis import strategies as st

from geo.spans import DisjointSpans, ItemsByOffset, any_within, first_at_or_after

spans = st.lists(
    st.tuples(st.integers(0, 60), st.integers(0, 12)).map(lambda s: (s[0], s[0] + s[1])),
    max_size=30,
)


def overlap(a, b):
    return a[0] < b[1] and b[0] < a[1]


@settings(max_examples=200, deadline=None)
@given(spans)
def test_disjoint_spans_keep_what_a_pass_over_every_kept_span_would_keep(candidates):
    kept, held = [], DisjointSpans()
    for span in candidates:
        naive = not any(overlap(span, k) for k in kept)
        assert held.overlaps(*span) is not naive
        if naive:
            kept.append(span)
            held.add(*span)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.lists(st.integers(0, 50), max_size=4), max_size=20),
    st.integers(0, 50),
    st.integers(0, 20),
)
def test_items_within_a_sentence_come_in_their_order_each_once(items, start, length):
    end = start + length
    by_offset = ItemsByOffset(items, lambda offsets: offsets)
    expected = tuple(i for i in items if any(start <= o < end for o in i))
    assert by_offset.within(start, end) == expected


def test_the_first_offset_at_or_after_and_any_within():
    offsets = [3, 8, 8, 20]
    assert first_at_or_after(offsets, 4) == 8
    assert first_at_or_after(offsets, 21) is None
    assert any_within(offsets, 9, 21) and not any_within(offsets, 9, 20)
