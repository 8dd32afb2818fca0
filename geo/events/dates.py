"""Dates in French and English text: explicit dates, and relative ones resolved against a reference.

Only expressions built on month or weekday names (or ISO dates) are dates: "70%" or
"1,000 fighters" never are.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import cache

from geo.datafiles import DataFile, read_json
from geo.events.date_scan import DateScan, date_kind_keys
from geo.model import EventDate
from geo.spans import DisjointSpans

DAY, WEEK, MONTH = 1, 2, 3


@dataclass(frozen=True)
class DateMention:
    """A date expression found in a text, with its offsets and what it resolves to."""

    start: int
    end: int
    date: EventDate
    shift: int | None = None  # days from the event told before ("la veille": -1), if relative to it


@cache
def date_words(path: DataFile = "date_words.json") -> dict:
    """The month, weekday and relative-date vocabulary."""
    return read_json(path)


def _alternation(words) -> str:
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


WORD_KINDS = ("last_week", "last_month", "last_weekend", "this_week", "this_month")
SHIFTS = {"day_before": -1, "day_after": 1}  # the kinds told from the event before them
FLAGS = re.IGNORECASE


@cache
def _patterns() -> dict[str, re.Pattern]:
    """Every kind of date expression, in the order they are tried: a span taken by one kind is
    not read again by a later one."""
    w = date_words()
    number = rf"(?:\d{{1,2}}|{_alternation(w['numbers'])})"
    span = (_alternation(w["span_after"]), _alternation(w["span_about"]))
    unit = _alternation(w["span_units"])
    words = {kind: re.compile(rf"\b({_alternation(w[kind])})\b", FLAGS) for kind in WORD_KINDS}
    return {
        **_calendar_patterns(w),
        **_weekday_patterns(w),
        "days_ago": re.compile(rf"(?<![\w-])({_alternation(w['days_ago'])})\b", FLAGS),
        **words,
        "weeks_ago": re.compile(
            rf"\b(?:il y a\s+({number})\s+semaines?|({number}|a)\s+weeks?\s+ago)\b", FLAGS
        ),
        "n_days_ago": re.compile(
            rf"\b(?:il y a\s+({number})\s+jours|({number})\s+days\s+ago)\b", FLAGS
        ),
        **{k: re.compile(rf"\b({_alternation(w[k])})\b", FLAGS) for k in SHIFTS},
        "span": re.compile(
            rf"\b(?:{span[0]})\s+(?:(?:{span[1]})\s+)?({number})\s+({unit})\b",
            FLAGS,
        ),
    }


def _calendar_patterns(w: dict) -> dict[str, re.Pattern]:
    """Dates written with a month or a year: "2017-01-05", "5 janvier", "March 3rd", "fin
    janvier", "in October 2014", "in 2013"."""
    month = _alternation(w["months"])
    part = _alternation(w["early"] + w["mid"] + w["late"])
    ordinal_en = _alternation(w["ordinals_en"])  # a day after its month: "March 3rd"
    ordinal = _alternation(w["ordinals_fr"] + w["ordinals_en"])  # "3rd March", "1er mars"
    before_part, part_of = _alternation(w["before_part"]), _alternation(w["part_of"])
    return {
        "iso": re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b"),
        "day_month": re.compile(
            rf"\b(\d{{1,2}})(?:{ordinal})?\s+({month})\.?(?:,?\s+(\d{{4}}))?\b", FLAGS
        ),
        "month_day": re.compile(
            rf"\b({month})\.?\s+(\d{{1,2}})(?:{ordinal_en})?\b(?:,?\s+(\d{{4}}))?(?!\s*%)", FLAGS
        ),
        "part_month": re.compile(
            rf"\b(?:(?:{before_part})\s+)?({part})[\s-]+(?:(?:{part_of})\s+)?({month})\b(?:\s+(\d{{4}}))?",
            FLAGS,
        ),
        "month_year": re.compile(
            rf"\b(?:{_alternation(w['before_month'])})\s+({month})(?:\s+(\d{{4}}))?\b", FLAGS
        ),
        "month_of_year": re.compile(rf"\b({month})\.?\s+((?:19|20)\d{{2}})\b", FLAGS),
        "year": re.compile(
            rf"\b(?:{_alternation(w['before_year'])})\s+((?:19|20)\d{{2}})\b(?!\s*%)", FLAGS
        ),
    }


def _weekday_patterns(w: dict) -> dict[str, re.Pattern]:
    """Dates told by weekday: a night across two, one to come, a span since one, one alone."""
    weekday = _alternation(w["weekdays"])
    return {
        "night": re.compile(
            rf"\b(?:{_alternation(w['night_from'])})\s+({weekday})\s+(?:{_alternation(w['night_to'])})"
            rf"\s+({weekday})\b",
            FLAGS,
        ),
        "next_weekday": re.compile(
            rf"\b(?:{_alternation(w['next_before'])})\s+({weekday})\b"
            rf"|\b({weekday})\s+(?:{_alternation(w['next_after'])})\b",
            FLAGS,
        ),
        "since_weekday": re.compile(rf"\b(?:{_alternation(w['since'])})\s+({weekday})\b", FLAGS),
        "weekday": re.compile(rf"\b({weekday})\b", FLAGS),
    }


@cache
def _keys() -> dict:
    """The words each kind's expressions hold (see :mod:`geo.events.date_scan`)."""
    return date_kind_keys(date_words())


FULL_DATES = ("iso", "day_month", "month_day")  # the kinds that can name a day without a reference


def find_dates(
    text: str,
    reference: dt.date | None,
    start: int = 0,
    end: int | None = None,
    kinds: tuple[str, ...] | None = None,
) -> list[DateMention]:
    """Every date expression in ``text[start:end]``, resolved against ``reference`` (the publication date).

    ``kinds`` limits the search to some expressions (see ``FULL_DATES``).
    """
    end = len(text) if end is None else end
    found: list[DateMention] = []
    taken = DisjointSpans()
    scan = DateScan(text, start, end, _keys())
    for kind, pattern in _patterns().items():
        if kinds is not None and kind not in kinds:
            continue
        for match in scan.matches(kind, pattern):
            if taken.overlaps(match.start(), match.end()):
                continue
            date = _resolve(kind, match, reference)
            if date is not None:
                shift = SHIFTS.get(kind)
                found.append(DateMention(match.start(), match.end(), date, shift))
                taken.add(match.start(), match.end())
    return sorted(found, key=lambda m: m.start)


def _resolve(kind: str, match: re.Match, ref: dt.date | None) -> EventDate | None:
    w = date_words()
    g = match.groups()
    try:
        if kind == "iso":
            day = dt.date(int(g[0]), int(g[1]), int(g[2]))
            return EventDate(day, day, DAY, "explicit")
        if kind in ("day_month", "month_day"):
            day_text, month_text = (g[0], g[1]) if kind == "day_month" else (g[1], g[0])
            return _day(int(day_text), _word(w["months"], month_text), g[2], ref)
        if kind == "part_month":
            return _part_of_month(match.group(1).lower(), _word(w["months"], g[1]), g[2], ref)
        if kind in (
            "month_year",
            "month_of_year",
        ):  # "in October 2014", "the riots of October 1988"
            return _month(_word(w["months"], g[0]), g[1], ref)
        if kind == "year":
            year = int(g[0])
            return EventDate(dt.date(year, 1, 1), dt.date(year, 12, 31), MONTH, "explicit")
    except (ValueError, KeyError):
        return None
    if ref is None:
        return None
    if kind in ("night", "next_weekday", "since_weekday", "weekday"):
        return _weekday_date(kind, match, ref)
    return _relative(kind, match, ref)


def _year(year_text: str | None, month: int, ref: dt.date | None) -> int | None:
    """The year written, else the year of the reference, or the one before for a later month."""
    if year_text:
        return int(year_text)
    if ref is None:
        return None
    return ref.year - 1 if month > ref.month + 1 else ref.year


def _day(day: int, month: int, year_text: str | None, ref: dt.date | None) -> EventDate | None:
    year = _year(year_text, month, ref)
    if year is None:
        return None
    date = dt.date(year, month, day)
    return EventDate(date, date, DAY, "explicit" if year_text else "relative")


def _month(month: int, year_text: str | None, ref: dt.date | None) -> EventDate | None:
    year = _year(year_text, month, ref)
    if year is None:
        return None
    last = calendar.monthrange(year, month)[1]
    return EventDate(
        dt.date(year, month, 1),
        dt.date(year, month, last),
        MONTH,
        "explicit" if year_text else "relative",
    )


def _part_of_month(
    part: str, month: int, year_text: str | None, ref: dt.date | None
) -> EventDate | None:
    whole = _month(month, year_text, ref)
    if whole is None:
        return None
    w = date_words()
    first, last = whole.start, whole.end
    if part in (p.lower() for p in w["early"]):
        first, last = first, first.replace(day=10)
    elif part in (p.lower() for p in w["mid"]):
        first, last = first.replace(day=11), first.replace(day=20)
    else:
        first = first.replace(day=21)
    return EventDate(first, last, MONTH, whole.date_source)


def _relative(kind: str, match: re.Match, ref: dt.date) -> EventDate | None:
    w = date_words()
    word = (match.group(1) or "").lower()
    if kind == "days_ago":
        day = ref - dt.timedelta(days=w["days_ago"][word])
        return EventDate(day, day, DAY, "relative")
    if kind == "last_week":
        monday = ref - dt.timedelta(days=ref.weekday() + 7)
        return EventDate(monday, monday + dt.timedelta(days=6), WEEK, "relative")
    if kind == "last_weekend":  # the Saturday and Sunday before the reference date's week
        saturday = ref - dt.timedelta(days=ref.weekday() + 2)
        return EventDate(saturday, saturday + dt.timedelta(days=1), WEEK, "relative")
    if kind == "this_week":
        monday = ref - dt.timedelta(days=ref.weekday())
        return EventDate(monday, ref, WEEK, "relative")
    if kind == "n_days_ago":
        count_text = (match.group(1) or match.group(2)).lower()
        count = int(count_text) if count_text.isdigit() else w["numbers"].get(count_text, 1)
        day = ref - dt.timedelta(days=count)
        return EventDate(day, day, DAY, "relative")
    if kind in SHIFTS:  # a day from the reference until the event before it is known
        day = ref + dt.timedelta(days=SHIFTS[kind])
        return EventDate(day, day, DAY, "relative")
    if kind == "this_month":
        return EventDate(ref.replace(day=1), ref, MONTH, "relative")
    if kind == "weeks_ago":
        count_text = (match.group(1) or match.group(2)).lower()
        count = int(count_text) if count_text.isdigit() else w["numbers"].get(count_text, 1)
        monday = ref - dt.timedelta(days=ref.weekday() + 7 * count)
        return EventDate(monday, monday + dt.timedelta(days=6), WEEK, "relative")
    if kind == "last_month":
        last = ref.replace(day=1) - dt.timedelta(days=1)
        return EventDate(last.replace(day=1), last, MONTH, "relative")
    if kind == "span":
        count = int(word) if word.isdigit() else w["numbers"].get(word, 1)
        weeks = w["span_units"].get(match.group(2).lower()) == "week"
        first = ref - dt.timedelta(days=7 * count if weeks else 30 * count)
        return EventDate(first, ref, WEEK if weeks else MONTH, "relative")
    return None


def _word(table: dict[str, int], matched: str) -> int:
    """The number of a month or weekday name as a case-insensitive pattern matched it: a
    letter that lower-cases otherwise than the pattern compares it ("ſunday") is looked up as
    the pattern saw it."""
    if (number := table.get(matched.lower())) is not None:
        return number
    return next(n for k, n in table.items() if re.fullmatch(re.escape(k), matched, re.IGNORECASE))


def _weekday_date(kind: str, match: re.Match, ref: dt.date) -> EventDate | None:
    """A weekday: the last one up to the reference date (that day included), the next one
    after it ("next Tuesday"), the first one from it on in a sentence about the days to come,
    or no date for a habit ("every Friday"); a night runs from one weekday into the next."""
    w = date_words()
    names = [g for g in match.groups() if g]
    if kind == "night":
        first, last = (_word(w["weekdays"], name) for name in names[:2])
        end = _last_weekday(ref, last)
        start = end - dt.timedelta(days=(last - first) % 7)
        return EventDate(start, end, DAY, "relative")
    weekday = _word(w["weekdays"], names[0])
    if kind == "next_weekday":
        day = ref + dt.timedelta(days=(weekday - ref.weekday() - 1) % 7 + 1)
        return EventDate(day, day, DAY, "relative")
    if kind == "since_weekday":
        return EventDate(_last_weekday(ref, weekday), ref, WEEK, "relative")
    before, sentence = _sentence_of(match)
    if any(before.endswith(word) for word in w["not_before_weekday"]):
        return None
    if _says_future(sentence):
        day = ref + dt.timedelta(days=(weekday - ref.weekday()) % 7)
    else:
        day = _last_weekday(ref, weekday)
    return EventDate(day, day, DAY, "relative")


def _last_weekday(ref: dt.date, weekday: int) -> dt.date:
    """The given weekday on or before ``ref``."""
    return ref - dt.timedelta(days=(ref.weekday() - weekday) % 7)


def _sentence_of(match: re.Match, reach: int = 200) -> tuple[str, str]:
    """The words just before a match (lower case, spaces folded) and the sentence around it."""
    text = match.string
    head = text[max(0, match.start() - reach) : match.start()]
    head = re.split(r"[.!?\n]\s", head)[-1]
    tail = re.split(r"[.!?\n](?:\s|$)", text[match.end() : match.end() + reach])[0]
    before = " ".join(head.lower().split())
    return before, head + match.group(0) + tail


def _says_future(sentence: str) -> bool:
    """Whether a sentence speaks of days to come ("will", "doit", "aura lieu")."""
    return _future_pattern().search(sentence) is not None


@cache
def _future_pattern() -> re.Pattern:
    return re.compile(rf"\b(?:{_alternation(date_words()['future_markers'])})\b", re.IGNORECASE)


# After a dateline's date: an agency in brackets, then a dash, a colon, a full stop or the line's end.
_DATELINE_END = re.compile(r"[ \t]*(?:\([^()\n]{1,40}\)[ \t]*)?(?:[—–:.-]|\r?\n|$)")
DATELINE_REACH = 160  # characters from the top of the text where a dateline's date may stand
DATELINE_WORDS = 8  # words at most before it on its line: a place, a country, a weekday


def dateline(text: str, reference: dt.date | None = None) -> DateMention | None:
    """The date of a dateline opening the text ("BAGHDAD, April 15, 2016 —", "Erbil, 5 May
    2016" on a line of its own, below a headline at most), or None; without ``reference`` its
    year must be written."""
    found = find_dates(text, reference, 0, min(len(text), DATELINE_REACH), FULL_DATES)
    if not found or found[0].date.time_precision != DAY:
        return None
    first = found[0]
    line_start = text.rfind("\n", 0, first.start) + 1
    before = text[line_start : first.start]
    if len(before.split()) > DATELINE_WORDS or re.search(r"[.!?]\s", before):
        return None
    if before.lstrip().startswith(("—", "–", "-")) or re.search(r"[.!?]\s*\n", text[:line_start]):
        return None  # the signature of an embedded post, or a date below the first sentences
    if not _DATELINE_END.match(text, first.end):
        return None
    return first


def publication_date(text: str, published: dt.date | None) -> tuple[dt.date, str] | None:
    """The article's reference date and how it was obtained.

    The given publication date ("published"); else a dateline or "Published on ..." line
    near the top ("published"); else the latest full date written in the article, such as the
    date of an embedded post ("inferred"); else None.
    """
    if published is not None:
        return published, "published"
    line = dateline(text)
    if line is not None and line.date.date_source == "explicit":
        return line.date.start, "published"
    labels = _alternation(date_words()["published_labels"])
    head = text[:600]
    for match in re.finditer(rf"(?:{labels})\s*:?\s*", head, re.IGNORECASE):
        dates = find_dates(head, None, match.end(), min(len(head), match.end() + 40), FULL_DATES)
        if dates and dates[0].start - match.end() < 5 and dates[0].date.date_source == "explicit":
            return dates[0].date.start, "published"
    full = [
        m.date.start
        for m in find_dates(text, None, kinds=FULL_DATES)
        if m.date.time_precision == DAY
    ]
    return (max(full), "inferred") if full else None
