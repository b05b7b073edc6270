"""Dates and times as the minutes write them, in British order.

"Tuesday 8 October 2024", "Wednesday, 7 June 2017", "9th September 2014", "27/09/2017",
"8 Oct 2024" -> ``date``; "1000hrs", "10.00am", "2pm", "13:53" -> "HH:MM".
Nothing here guesses: text without a full day, month and year gives ``None``.
"""

from __future__ import annotations

import re
from datetime import date

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))
_WEEKDAY_RE = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+"

#: "Tuesday 8 October 2024", "9th September 2014", "8 Oct. 2024"
DAY_MONTH_YEAR = re.compile(
    rf"(?:{_WEEKDAY_RE})?\b(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?"
    rf"(?P<month>{_MONTH_RE})\.?,?\s+(?P<year>(?:19|20)\d\d)\b",
    re.IGNORECASE,
)
#: "October 8, 2024", "Tuesday, October 8th 2024"
MONTH_DAY_YEAR = re.compile(
    rf"(?:{_WEEKDAY_RE})?\b(?P<month>{_MONTH_RE})\.?\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?,?\s+"
    rf"(?P<year>(?:19|20)\d\d)\b",
    re.IGNORECASE,
)
#: "27/09/2017", "27.09.17", "27-09-2017": one separator written twice, so the time range
#: "10.30-12.00" is not 30 December 2000
NUMERIC = re.compile(
    r"(?<![\d./])\b(?P<day>[0-3]?\d)(?P<sep>[/.\-])(?P<month>[01]?\d)(?P=sep)(?P<year>(?:19|20)?\d\d)\b(?![.:/\-]?\d)")
#: "2024-10-08"
ISO = re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b")

DATE_PATTERNS = (DAY_MONTH_YEAR, MONTH_DAY_YEAR, ISO, NUMERIC)


#: two-digit years up to this one are 20xx, later ones 19xx
_TWO_DIGIT_PIVOT = 69


def _make(year: str, month: str, day: str) -> date | None:
    y = int(year)
    if y < 100:  # two-digit years: "27/09/98" is 1998, "14/03/24" is 2024
        y += 2000 if y <= _TWO_DIGIT_PIVOT else 1900
    m = MONTHS.get(month.lower().rstrip(".")) if not month.isdigit() else int(month)
    try:
        return date(y, m or 0, int(day))
    except ValueError:
        return None


def find_dates(text: str) -> list[tuple[date, int, int]]:
    """Every full date in ``text`` with its offsets, in order of appearance."""
    found: list[tuple[date, int, int]] = []
    taken: list[tuple[int, int]] = []
    for pattern in DATE_PATTERNS:
        for m in pattern.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            d = _make(m.group("year"), m.group("month"), m.group("day"))
            if d is not None:
                found.append((d, m.start(), m.end()))
                taken.append((m.start(), m.end()))
    return sorted(found, key=lambda t: t[1])


def parse_date(text: str | None) -> date | None:
    """The first full date in ``text``, or None."""
    if not text:
        return None
    dates = find_dates(text)
    return dates[0][0] if dates else None


#: "1000hrs", "10:00", "10.00am", "2pm", "2.30 p.m.", "13:53"
TIME = re.compile(
    r"\b(?P<h>[0-2]?\d)(?:[:.]?(?P<m>[0-5]\d))?\s*(?P<suffix>hrs|hours|a\.?m\.?|p\.?m\.?)?(?![\d/])",
    re.IGNORECASE,
)


def parse_time(text: str | None) -> str | None:
    """The first clock time in ``text`` as "HH:MM", or None. A bare number is not a time:
    it needs minutes ("13:53"), "hrs" ("1000hrs") or am/pm ("2pm")."""
    if not text:
        return None
    for m in TIME.finditer(text):
        hour, minute, suffix = int(m.group("h")), m.group("m"), (m.group("suffix") or "").lower()
        if minute is None and not suffix.startswith(("a", "p")):
            continue
        if minute is not None and not suffix and ":" not in m.group(0) and "." not in m.group(0):
            continue  # "2024" is a year, not 20:24
        if suffix.startswith("p") and hour < 12:
            hour += 12
        if suffix.startswith("a") and hour == 12:
            hour = 0
        if hour > 23:
            continue
        return f"{hour:02d}:{minute or '00'}"
    return None
