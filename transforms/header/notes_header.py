"""The meeting a commissioner's board note records: body, date, times, venue, next meeting.

Reads labelled lines ("Title:", "Meeting:", "Date & time:", "Date and Time:", "Venue:",
"Location:", "Time:"), else the headings of the family: "Executive Board Minutes 04 March 2014",
"Minutes of the meeting held in <venue> at 9:00am on Tuesday 04 March 2014",
"Wednesday 17th August 2022 – 14:00 – 16:30" followed by a venue line. A date without a year
("Wednesday 21st June") takes its year from the "Ref 01/21/06/2023" item numbers. A label
alone on its line ("Date and Time:") takes the line below; a bulleted list of meeting dates
(a page listing meetings) gives no meeting date; the next meeting's date may stand alone on the
line below its heading.
"""

from __future__ import annotations

import re
from datetime import date

from transforms.attendance.notes_attendance import zone_start
from transforms.header.labelled_fields import Field, labelled_fields
from transforms.models import AgendaItem, Meeting, Span
from transforms.text.dates import TIME, find_dates, parse_date, parse_time
from transforms.text.spans import clean

HEADER_LIMIT = 2500
_BODY = re.compile(r"(?P<body>(?:[A-Z][\w&'’]*\s+(?:(?:and|of|for|&)\s+)?){0,6}?"
                   r"(?:Board|Committee|Panel|Group|Forum))\b")
_HELD = re.compile(r"Minutes of the meeting held\s+(?:in|at)\s+(?:the\s+)?(?P<venue>.+?),?\s+"
                   r"(?:at\s+\d|on\s+(?:[A-Z][a-z]+day,?\s+)?\d)", re.IGNORECASE | re.DOTALL)
#: "Date of next meeting: 4 June 2031", or the date alone on the line below the heading
_NEXT = re.compile(r"(?:date of (?:the )?next|next meeting)[^\n]*(?=\n\s*(?P<below>[^\n]{1,60}$))?",
                   re.IGNORECASE | re.MULTILINE)
_DAY_MONTH = re.compile(r"\b(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s+(?P<month>January|February|March|"
                        r"April|May|June|July|August|September|October|November|December)\b(?!\s+\d)",
                        re.IGNORECASE)
_REF_DATE = re.compile(r"^[ \t]*Ref\s*/?\s*\d{1,2}/(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4})",
                       re.MULTILINE | re.IGNORECASE)
#: a line that opens with a label ("Time: 10am", "Present:"): not a venue
_LABEL_START = re.compile(r"[A-Za-z][A-Za-z &/]{0,29}:")
_BULLET = re.compile(r"[ \t]*[-•*▪·][ \t]")
_MONTHS = ("january february march april may june july august september october november "
           "december").split()


def read_meeting(text: str, header_end: int) -> Meeting:
    """The meeting fields found in ``text[:header_end]`` (the part before the attendees),
    plus the next meeting's date from anywhere in the text."""
    head = text[:max(0, min(header_end, HEADER_LIMIT))]
    fields = labelled_fields(head, limit=len(head), value_below=True)
    body, body_span = _body(head, fields)
    date_field = _first(fields, "date & time", "date and time", "date", "date/time")
    time_field = _first(fields, "time", "times")
    meeting_date, date_line = _meeting_date(text, head, date_field)
    start, end = _times(date_field.value if date_field else date_line)
    if start is None and time_field is not None:
        start, end = _times(time_field.value)
    return Meeting(body=body, meeting_date=meeting_date, start_time=start, end_time=end,
                   venue=_venue(head, fields, date_field, date_line),
                   next_meeting_date=next_meeting_date(text), span=body_span)


def _first(fields: dict[str, Field], *labels: str) -> Field | None:
    return next((fields[label] for label in labels if label in fields), None)


def _body(head: str, fields: dict[str, Field]) -> tuple[str | None, Span]:
    labelled = _first(fields, "title", "meeting", "meeting title", "board")
    if labelled is not None:
        return labelled.value, labelled.span
    for m in _BODY.finditer(head):
        line_start = head.rfind("\n", 0, m.start()) + 1
        if head[line_start:m.start()].strip():
            continue  # the body names the heading line; "... to the Executive Board" does not
        return clean(m.group("body")), Span(m.start("body"), m.end("body"))
    return None, Span(0, 0)


def _meeting_date(text: str, head: str, field: Field | None) -> tuple[date | None, str | None]:
    """The meeting's date and the line it was read from."""
    if field is not None and (d := parse_date(field.value)) is not None:
        return d, field.value
    held = re.search(r"Minutes of (?:the )?meeting held[^\n]*(?:\n[^\n]*)?", head, re.IGNORECASE)
    if held and (d := parse_date(held.group())) is not None:
        return d, held.group()
    lines = [line for line in head.splitlines() if line.strip()]
    for i, line in enumerate(lines):
        if _REF_DATE.match(line) or re.search(r"previous|last|held on", line, re.IGNORECASE):
            continue
        if (found := find_dates(line)) and not _in_date_list(lines, i):
            return found[0][0], line
    return _date_from_refs(text, head, field)


def _in_date_list(lines: list[str], i: int) -> bool:
    """A bulleted date beside another bulleted date: a page listing meetings ("Further meetings
    are scheduled on:" / "- 10 March 2031 at 10am" / "- 30 June 2031 at 10am"), none of them
    this page's meeting."""
    def dated_bullet(j: int) -> bool:
        return 0 <= j < len(lines) and bool(_BULLET.match(lines[j])) and bool(find_dates(lines[j]))
    return dated_bullet(i) and (dated_bullet(i - 1) or dated_bullet(i + 1))


def _date_from_refs(text: str, head: str, field: Field | None) -> tuple[date | None, str | None]:
    """"Wednesday 21st June, 14:30" plus items "Ref 01/21/06/2023" -> 2023-06-21."""
    ref = _REF_DATE.search(text)
    if ref is None:
        return None, field.value if field else None
    for line in head.splitlines():
        m = _DAY_MONTH.search(line)
        if m and _MONTHS.index(m.group("month").lower()) + 1 == int(ref.group("m")) \
                and int(m.group("day")) == int(ref.group("d")):
            return date(int(ref.group("y")), int(ref.group("m")), int(ref.group("d"))), line
    return None, field.value if field else None


def _times(value: str | None) -> tuple[str | None, str | None]:
    """"Wednesday, 7 June 2017, 1000hrs" -> ("10:00", None); "09:30-11:15" -> both."""
    if not value:
        return None, None
    for _, s, e in sorted(find_dates(value), key=lambda t: -t[1]):
        value = value[:s] + " " + value[e:]  # "14.08.24" is a date, not 14:08
    found = [(t, m.start(), m.end()) for m in TIME.finditer(value)
             if (t := parse_time(m.group())) is not None]
    if not found:
        return None, None
    if len(found) > 1 and re.search(r"^\s*(?:-|–|—|to|until)\s*$", value[found[0][2]:found[1][1]]):
        return found[0][0], found[1][0]
    return found[0][0], None


def _venue(head: str, fields: dict[str, Field], date_field: Field | None,
           date_line: str | None) -> str | None:
    labelled = _first(fields, "venue", "location", "place", "where")
    if labelled is not None:
        return labelled.value
    if (held := _HELD.search(head)) is not None:
        return clean(held.group("venue")).rstrip(",")
    if not date_line:
        return None
    return _line_after(head, date_field.value if date_field else date_line)


def _line_after(head: str, line: str) -> str | None:
    """The short line under an unlabelled date line, when it reads like a place."""
    at = head.find(line)
    if at < 0:
        return None
    rest = head[at + len(line):].lstrip("\n").split("\n", 1)[0].strip()
    if not rest or len(rest) > 80 or find_dates(rest) or rest[0].isdigit() or _LABEL_START.match(rest):
        return None
    if "(" in rest or rest.startswith(("•", "-", "*")) or rest.lower().startswith("attend"):
        return None
    return rest


def next_meeting_date(text: str) -> date | None:
    """The date in the first "Date of next meeting" / "The next meeting will be held on" line
    that gives one, or alone on the line below it.

    >>> next_meeting_date("9. Date of the next meeting\\n\\n5th November 2031\\n")
    datetime.date(2031, 11, 5)
    """
    for m in _NEXT.finditer(text):
        heading, below = m.group().split("\n", 1)[0], m.group("below")
        if (d := parse_date(heading)) is not None:
            return d
        dates = find_dates(below or "")
        if len(dates) == 1 and len(below or "") - (dates[0][2] - dates[0][1]) < 25:
            return dates[0][0]  # a date alone, perhaps with its time, under the heading
    return None


def notes_header_end(text: str, items: list[AgendaItem]) -> int:
    """The header of a board note is everything before the attendee lists (or the first item)."""
    candidates = [len(text)]
    if (start := zone_start(text, items)) is not None:
        candidates.append(start)
    if items:
        candidates.append(items[0].span.start)
    return min(candidates)
