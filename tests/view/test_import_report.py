from geo.store.ingest import IngestReport
from geo.view.import_report import import_messages, problems_csv


def report_with(placeless: int, failed: int = 0) -> IngestReport:
    report = IngestReport(added=[f"a{i}.txt" for i in range(placeless + 2)])
    report.placeless += [f"a{i}.txt" for i in range(placeless)]
    report.failed += [(f"bad{i}.json", f"bad{i}.json: not valid JSON") for i in range(failed)]
    return report


def test_a_few_problems_are_each_one_message():
    assert import_messages(report_with(placeless=2)) == report_with(placeless=2).messages()


def test_many_problems_are_one_summary_and_the_counts():
    messages = import_messages(report_with(placeless=40, failed=3))
    assert messages == [
        ("error", "43 articles need a look (3 failed, 40 without a place): download the list to see which."),
        ("success", "42 added (40 without a place), 0 already stored, 3 failed"),
    ]  # fmt: skip


def test_the_list_of_problems_names_each_article():
    lines = problems_csv(report_with(placeless=6, failed=1)).splitlines()
    assert lines[0] == "problem,source,detail" and len(lines) == 8
    assert lines[1] == "failed,bad0.json,bad0.json: not valid JSON"


def test_a_source_that_looks_like_a_formula_is_listed_as_text():
    report = IngestReport(failed=[("=cmd.txt", "=cmd.txt: binary")])
    assert problems_csv(report).splitlines()[1] == "failed,'=cmd.txt,'=cmd.txt: binary"


def test_an_article_and_an_import_are_named_for_people():
    from geo.view.import_report import article_label, batch_label

    article = {"id": 3, "title": None, "source": "mosul.txt", "feature_count": 4}
    assert article_label(article) == "#3 · mosul.txt · 4 features"
    batch = {"batch": "b", "articles": 2, "features": 9, "ingested_at": "2017-01-05T10:15:00+00:00"}
    assert batch_label(batch) == "2017-01-05 10:15 UTC · 2 articles · 9 features"


def test_the_dashboard_gets_a_list_only_with_a_summary():
    from geo.view.import_report import import_result

    assert import_result(report_with(placeless=2))[1] is None
    assert import_result(report_with(placeless=9))[1].count("without a place") == 0
    assert len(import_result(report_with(placeless=9))[1].splitlines()) == 10
