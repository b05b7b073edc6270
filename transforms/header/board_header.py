"""The meeting a management-board page records, from its labelled header::

    Title: Chief Officer's Management Board - Strategic
    Date: Tuesday 8 October 2024 at 1pm
    Venue: Clift Room and virtual via Microsoft Teams
    ...
    With no further business, the open session finished at 13:53.     <- end time
    Tuesday 22 October 2024.                                           <- the next meeting

A label may stand alone on its line with its value on the next (HTML <dt>/<dd> pairs). The
publisher comes from ``quirks/layout_organisations.csv`` for the layout reading the page.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache

from transforms.header.labelled_fields import Field, labelled_fields
from transforms.models import Meeting, Span
from transforms.quirks import load_table
from transforms.text.dates import find_dates, parse_date, parse_time
from transforms.text.spans import trimmed

#: "the open session finished at 13:53", "The meeting closed at 12.30"
_END_TIME = re.compile(
    r"\b(?:open\s+session|closed\s+session|meeting|session|board)\s+(?:finished|closed|ended|"
    r"concluded|terminated)\s+at\s+(?P<time>\d{1,2}(?:[:.]\d{2})?\s*(?:hrs|hours|[ap]\.?m\.?)?)",
    re.IGNORECASE)
_NEXT_MEETING = re.compile(r"^[ \t]*(?:Date\s+of\s+(?:the\s+)?next\s+meeting|Next\s+meeting)\b[ \t]*"
                           r"[:\-–]?[ \t]*(?P<value>.+)$", re.IGNORECASE | re.MULTILINE)
#: a label alone on its line ("Title:"), its value on the next line (HTML <dt>/<dd> pairs)
_LABEL_ALONE = re.compile(r"^[ \t*_]*(?P<label>Title|Date|Date & time|Venue|Time)[ \t*_]*:[ \t*_]*\n"
                          r"[ \t]*(?P<value>\S[^\n]*)$", re.IGNORECASE | re.MULTILINE)


def header_fields(text: str, limit: int = 4000) -> dict[str, Field]:
    """"Title: ...", "Date: ...", "Venue: ..." lines, also when a label and its value are on
    two lines."""
    fields = labelled_fields(text, limit)
    for m in _LABEL_ALONE.finditer(text, 0, min(len(text), limit)):
        label = " ".join(m.group("label").lower().split())
        span = trimmed(text, m.start("value"), m.end("value"))
        fields.setdefault(label, Field(label, text[span.start:span.end], span))
    return fields


def date_field(fields: dict[str, Field]) -> Field | None:
    for label in ("date", "date & time", "date and time", "meeting date"):
        if label in fields:
            return fields[label]
    return None


@cache
def organisation_of(layout: str) -> str | None:
    """The publisher of ``layout``, from ``quirks/layout_organisations.csv``."""
    return next((r["organisation"] for r in load_table("layout_organisations")
                 if r["layout"] == layout), None)


def _start_time(fields: dict[str, Field]) -> str | None:
    """"Tuesday 13 January 2026 at 1pm" -> "13:00"; a "Time:" line when there is one."""
    if "time" in fields:
        return parse_time(fields["time"].value)
    when = date_field(fields)
    if when is None:
        return None
    dates = find_dates(when.value)
    return parse_time(when.value[dates[0][2]:] if dates else when.value)


def _end_time(text: str) -> str | None:
    found = list(_END_TIME.finditer(text))
    return parse_time(found[-1].group("time")) if found else None


def _is_date_only(line: str) -> bool:
    dates = find_dates(line)
    return len(dates) == 1 and len(line.strip(" .")) - (dates[0][2] - dates[0][1]) < 12


def _next_meeting_date(text: str, after: int) -> tuple[date | None, Span | None]:
    """From "Date of next meeting: ..." or the page's last line when it is only a date."""
    for m in reversed(list(_NEXT_MEETING.finditer(text, after))):
        if (when := parse_date(m.group("value"))) is not None:
            return when, trimmed(text, m.start(), m.end())
    last = trimmed(text, after, len(text))
    line_start = text.rfind("\n", last.start, last.end) + 1 or last.start
    line = text[line_start:last.end]
    if line_start >= after and _is_date_only(line):
        return parse_date(line), Span(line_start, last.end)
    return None, None


def read_board_header(text: str, body_start: int, layout: str) -> Meeting:
    """The meeting from the labelled header; the next meeting's date is looked for in the
    body (from ``body_start``)."""
    fields = header_fields(text)
    title, when, venue = fields.get("title"), date_field(fields), fields.get("venue")
    header = [f.span for f in (title, when, venue) if f is not None]
    next_date, _ = _next_meeting_date(text, body_start)
    return Meeting(
        body=title.value if title else None,
        organisation=organisation_of(layout),
        meeting_date=parse_date(when.value) if when else None,
        start_time=_start_time(fields), end_time=_end_time(text),
        venue=venue.value if venue else None, next_meeting_date=next_date,
        span=Span(min(s.start for s in header), max(s.end for s in header)) if header else Span(0, 0))
