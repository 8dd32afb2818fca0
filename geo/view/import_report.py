"""What an import says to people: each problem on its own when there are a few, one summary
and a downloadable list when there are many."""

from __future__ import annotations

import csv
import io
from typing import Any

from geo.export.tables import spreadsheet_safe

SUMMARISE_ABOVE = 5  # more problems than this are one message and a list
PROBLEM_COLUMNS = ("problem", "source", "detail")
COUNTED_AS = {"failed": "failed", "no place found": "without a place", "not UTF-8": "not UTF-8"}


def import_problems(report: Any) -> list[tuple[str, str, str]]:
    """``(problem, source, detail)`` for each article of an ingest or reprocess report that needs
    a look: failed, stored without a place, read in another encoding than UTF-8."""
    rows = [("failed", source, message) for source, message in report.failed]
    rows += [
        ("no place found", source, "stored, but not on the map")
        for source in getattr(report, "placeless", [])
    ]
    rows += [
        ("not UTF-8", source, f"read as {encoding}")
        for source, encoding in getattr(report, "decoded", [])
    ]
    return rows


def import_messages(report: Any, limit: int = SUMMARISE_ABOVE) -> list[tuple[str, str]]:
    """``(level, text)`` for people: the report's own messages when it names at most ``limit``
    problems, else one message that counts them by kind, then the counts."""
    problems = import_problems(report)
    if len(problems) <= limit:
        return report.messages()
    kinds: dict[str, int] = {}
    for problem, _, _ in problems:
        kinds[problem] = kinds.get(problem, 0) + 1
    counted = ", ".join(f"{n:,} {COUNTED_AS[problem]}" for problem, n in kinds.items())
    level = "error" if report.failed else "warning"
    text = f"{len(problems):,} articles need a look ({counted}): download the list to see which."
    return [(level, text), ("success", report.counts())]


def import_result(
    report: Any, limit: int = SUMMARISE_ABOVE
) -> tuple[list[tuple[str, str]], str | None]:
    """What the dashboard shows after an import: its messages, and the CSV list of its problems
    when they were too many to be shown one by one (else None)."""
    many = len(import_problems(report)) > limit
    return import_messages(report, limit), problems_csv(report) if many else None


def problems_csv(report: Any) -> str:
    """The problems of a report as CSV (problem, source, detail), cells safe in a spreadsheet."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(PROBLEM_COLUMNS)
    for row in import_problems(report):
        writer.writerow([spreadsheet_safe(cell) for cell in row])
    return out.getvalue()


def article_label(article: dict[str, Any]) -> str:
    """How the delete panel names a stored article: id, title (or source), features."""
    name = article.get("title") or article.get("source")
    return f"#{article['id']} · {name} · {article.get('feature_count', 0)} features"


def batch_label(batch: dict[str, Any]) -> str:
    """How the undo panel names an import: when, how many articles and features."""
    when = str(batch.get("ingested_at") or "")[:16].replace("T", " ")
    return f"{when} UTC · {batch['articles']} articles · {batch['features'] or 0} features"
