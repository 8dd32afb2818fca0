"""A view fuses the reports of one event from several articles, or shows them apart."""

from geo.view import ViewFilter, apply_filter, from_query_params, to_query_params
from geo.view.reports import fuse_reports, reported_by
from tests.events.test_fusion import report

AFP = report(
    "afp", published="2017-01-06", quote="Troops clashed near Mosul.", url="https://afp.example/1"
)
REUTERS = report("reuters", published="2017-01-05", quote="Fighting in Mosul.", time_precision=2)
BBC = report("bbc", published="2017-01-07", quote="Clashes at Mosul.")


def test_one_event_of_three_reports_is_drawn_once_with_every_source():
    (fused,) = fuse_reports([AFP, REUTERS, BBC])
    p = fused["properties"]
    assert p["source_count"] == 3 and reported_by(p) == "reported by 3 sources"
    assert [s["source"] for s in p["sources"]] == ["reuters.txt", "afp.txt", "bbc.txt"]


def test_the_fused_event_keeps_the_most_precise_date_and_the_earliest_report():
    (fused,) = fuse_reports([REUTERS, AFP])
    assert fused["id"] == AFP["id"]  # day precision beats the earlier week-precision report
    assert fused["properties"]["first_reported"] == "2017-01-05"


def test_a_view_fuses_unless_it_asks_for_separate_reports():
    assert len(apply_filter([AFP, BBC], ViewFilter())) == 1
    assert len(apply_filter([AFP, BBC], ViewFilter(separate_reports=True))) == 2


def test_a_lone_report_is_not_said_to_be_reported_by_several():
    (alone,) = fuse_reports([AFP])
    assert alone == AFP and reported_by(alone["properties"]) is None


def test_separate_reports_round_trip_in_a_link():
    view = ViewFilter(separate_reports=True)
    assert to_query_params(view) == {"reports": "separate"}
    assert from_query_params({"reports": "separate"}).separate_reports


def test_a_bad_reports_value_in_a_link_is_named():
    assert "reports='both'" in from_query_params({"reports": "both"}).problems[0]
