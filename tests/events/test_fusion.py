"""Reports of one event from several articles become one event; others stay apart."""

from geo.events.fusion import fused_groups
from tests.examples import point_feature


def report(
    article, number=0, *, event_type="Battles", start="2017-01-05", lat=36.34, lon=43.13, **props
):
    """A place feature of event ``number`` of ``article``, as ``python -m geo extract`` writes it."""
    props.setdefault("time_precision", 1)
    props.setdefault("geo_precision", 1)
    return point_feature(
        f"{article}-{number}",
        start,
        None,
        event_type,
        lat,
        lon,
        event_id=f"{article}-e{number}",
        source=f"{article}.txt",
        **props,
    )


def test_two_articles_on_the_same_clash_make_one_event():
    groups = fused_groups([report("afp"), report("reuters", lat=36.36, lon=43.15)])
    assert groups == [["afp-e0", "reuters-e0"]]


def test_reports_of_different_types_stay_apart():
    groups = fused_groups(
        [report("afp"), report("reuters", event_type="Explosions/Remote violence")]
    )
    assert groups == [["afp-e0"], ["reuters-e0"]]


def test_dates_outside_each_others_precision_stay_apart():
    groups = fused_groups(
        [report("afp", start="2017-01-05"), report("reuters", start="2017-01-09")]
    )
    assert groups == [["afp-e0"], ["reuters-e0"]]


def test_a_date_of_week_precision_reaches_a_day_of_that_week():
    week = report("weekly", start="2017-01-02", time_precision=2)
    groups = fused_groups([report("afp", start="2017-01-08"), week])
    assert [sorted(g) for g in groups] == [["afp-e0", "weekly-e0"]]


def test_places_farther_apart_than_their_precision_radius_stay_apart():
    far = report("reuters", lat=36.34, lon=43.60)  # about 42 km east
    assert fused_groups([report("afp"), far]) == [["afp-e0"], ["reuters-e0"]]


def test_a_place_given_as_its_province_reaches_farther():
    vague = report("reuters", lat=36.34, lon=43.60, geo_precision=3)
    assert fused_groups([report("afp"), vague]) == [["afp-e0", "reuters-e0"]]


def test_two_events_of_one_article_are_never_one():
    groups = fused_groups([report("afp", 0), report("afp", 1)])
    assert groups == [["afp-e0"], ["afp-e1"]]


def test_the_places_of_one_event_count_once_and_untyped_events_stay_alone():
    first = [report("afp"), {**report("afp"), "id": "afp-9"}]
    groups = fused_groups([*first, report("bbc", event_type=None)])
    assert groups == [["afp-e0"], ["bbc-e0"]]


def test_a_report_joins_a_group_only_if_every_member_agrees():
    west, middle, east = (
        report(a, lon=lon) for a, lon in (("a", 43.00), ("b", 43.09), ("c", 43.18))
    )
    groups = fused_groups([west, middle, east])  # a-b and b-c within 10 km, a-c not
    assert groups == [["a-e0", "b-e0"], ["c-e0"]]


def test_events_placed_only_in_the_same_country_stay_apart():
    country = {"kind": "country", "geo_precision": 3}
    groups = fused_groups([report("afp", **country), report("reuters", **country)])
    assert groups == [["afp-e0"], ["reuters-e0"]]


def test_a_nationality_mention_is_no_place_of_the_event():
    groups = fused_groups([report("afp", demonym=True), report("reuters", demonym=True)])
    assert groups == [["afp-e0"], ["reuters-e0"]]


def test_reports_of_different_sub_event_types_stay_apart():
    strike = report(
        "afp", event_type="Explosions/Remote violence", sub_event_type="Air/drone strike"
    )
    shelling = report(
        "reuters",
        event_type="Explosions/Remote violence",
        sub_event_type="Shelling/artillery/missile attack",
    )
    assert fused_groups([strike, shelling]) == [["afp-e0"], ["reuters-e0"]]


def test_events_of_day_precision_on_two_days_stay_apart():
    groups = fused_groups(
        [report("afp", start="2017-01-05"), report("reuters", start="2017-01-06")]
    )
    assert groups == [["afp-e0"], ["reuters-e0"]]


def test_a_report_is_placed_by_its_most_precise_places_only():
    town = report("afp")
    province = {**report("afp", lat=36.34, lon=44.2, geo_precision=3), "id": "afp-1"}
    elsewhere = report("reuters", lat=36.34, lon=44.3, geo_precision=1)  # near the province's point
    assert fused_groups([town, province, elsewhere]) == [["afp-e0"], ["reuters-e0"]]
