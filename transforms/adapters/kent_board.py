"""Kent Police "Chief Officer's Management Board" pages.

Layout (as cleaned text)::

    Title: Chief Officer's Management Board - Strategic
    Date: Tuesday 8 October 2024
    Venue: Clift Room and virtual via Microsoft Teams
    Name | Role |
    ---|---|
    CC Jo Bloggs (Chair) | Chief Constable |
    ...
    Apologies
    <one paragraph per line: updates "Action 22/24 - CLOSED", "Decision(s)" blocks,
     "New action 35/24:" + action text, numbered items only now and then ("8a. ...")>
    With no further business, the open session finished at 13:53.
    Tuesday 22 October 2024.        <- the next meeting's date

Pages are often cut mid-table or mid-sentence; whatever is there is read, nothing guessed.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from functools import lru_cache

from transforms.actions.new_actions import find_new_actions
from transforms.actions.updates import find_action_updates
from transforms.attendance.attendees import find_apologies, is_rank_and_name, parse_attendee_table
from transforms.decisions.blocks import find_decision_blocks
from transforms.header.labelled_fields import Field, labelled_fields
from transforms.models import AgendaItem, CleanText, Meeting, ParsedMinutes, ParseWarning, Span
from transforms.quirks import load_table
from transforms.text.dates import find_dates, parse_date, parse_time
from transforms.text.spans import clean, trimmed

NAME = "kent_board"
#: the attendee table's header row: "Name | Role |", "| Attendee | Position |"
_TABLE_HEADER = re.compile(r"^[ \t|]*(?:Name|Names|Attendees?)[ \t]*\|[ \t]*(?:Role|Title|Position|Job title|"
                           r"Department|Directorate|Representing)\b.*$", re.IGNORECASE | re.MULTILINE)
_BOARD_TITLE = re.compile(r"Chief\s+Officer.{0,3}s?\s+Management\s+Board|Management\s+Board",
                          re.IGNORECASE)
#: "the open session finished at 13:53", "The meeting closed at 12.30"
_END_TIME = re.compile(
    r"\b(?:open\s+session|closed\s+session|meeting|session|board)\s+(?:finished|closed|ended|"
    r"concluded|terminated)\s+at\s+(?P<time>\d{1,2}(?:[:.]\d{2})?\s*(?:hrs|hours|[ap]\.?m\.?)?)",
    re.IGNORECASE)
_NEXT_MEETING = re.compile(r"^[ \t]*(?:Date\s+of\s+(?:the\s+)?next\s+meeting|Next\s+meeting)\b[ \t]*"
                           r"[:\-–]?[ \t]*(?P<value>.+)$", re.IGNORECASE | re.MULTILINE)
#: "8a. Car Salary Sacrifice Scheme mileage rate" (a title, not a numbered sentence)
_AGENDA_ITEM = re.compile(r"^[ \t]*(?P<num>\d{1,3}[a-z]?)[.)][ \t]+(?P<title>[A-Z][^\n|]{2,150}?)[ \t]*$",
                          re.MULTILINE)


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


@lru_cache(maxsize=1)
def organisation() -> str | None:
    """The publisher of this layout, from ``quirks/layout_organisations.csv``."""
    return next((r["organisation"] for r in load_table("layout_organisations")
                 if r["layout"] == NAME), None)


def _table_region(text: str) -> tuple[int, int] | None:
    """Where the attendee table runs: from its ``Name | Role`` header to the last row."""
    header = _TABLE_HEADER.search(text)
    if header is None:
        return None
    pos = end = header.end()
    for line in text[header.end():].splitlines(keepends=True):
        cut_row = pos + len(line) >= len(text) and is_rank_and_name(line)
        if line.strip() and "|" not in line and not cut_row:
            break
        pos += len(line)
        end = pos
    return header.start(), end


def _date_field(fields: dict[str, Field]) -> Field | None:
    for label in ("date", "date & time", "date and time", "meeting date"):
        if label in fields:
            return fields[label]
    return None


def _start_time(fields: dict[str, Field]) -> str | None:
    """"Tuesday 13 January 2026 at 1pm" -> "13:00"; a "Time:" line when there is one."""
    if "time" in fields:
        return parse_time(fields["time"].value)
    when = _date_field(fields)
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


def _meeting(text: str, fields: dict[str, Field], body_end: int) -> Meeting:
    title, when, venue = fields.get("title"), _date_field(fields), fields.get("venue")
    header = [f.span for f in (title, when, venue) if f is not None]
    next_date, _ = _next_meeting_date(text, body_end)
    return Meeting(
        body=title.value if title else None,
        organisation=organisation(),
        meeting_date=parse_date(when.value) if when else None,
        start_time=_start_time(fields), end_time=_end_time(text),
        venue=venue.value if venue else None, next_meeting_date=next_date,
        span=Span(min(s.start for s in header), max(s.end for s in header)) if header else Span(0, 0))


def _agenda_items(text: str, start: int) -> list[AgendaItem]:
    items = []
    for m in _AGENDA_ITEM.finditer(text, start):
        title = clean(m.group("title"))
        words = len(title.split())
        if words > 15 or re.search(r"[.!?]\s+\S", title) or (title.endswith(".") and words > 8):
            continue  # a numbered sentence of prose, not an item title
        items.append(AgendaItem(m.group("num"), title.rstrip(" ."), trimmed(text, m.start(), m.end())))
    return items


def _item_at(items: list[AgendaItem], pos: int) -> str | None:
    """The number of the last agenda item that starts before ``pos``."""
    before = [i for i in items if i.span.start <= pos]
    return before[-1].item_number if before else None


class KentBoardAdapter:
    name = NAME

    def detect(self, text: str) -> float:
        """How much ``text`` looks like a Kent board page: labelled header, ``Name | Role``
        table, board title."""
        head = text[:4000]
        fields = header_fields(head)
        score = 0.0
        if "title" in fields and _date_field(fields) is not None:
            score += 0.2 + (0.1 if "venue" in fields else 0.0)
        if _TABLE_HEADER.search(head):
            score += 0.4
        if "title" in fields and _BOARD_TITLE.search(fields["title"].value):
            score += 0.3
        return min(score, 1.0)

    def parse(self, doc: CleanText) -> ParsedMinutes:
        text = doc.text
        fields = header_fields(text)
        region = _table_region(text)
        table_end = region[1] if region else max((f.span.end for f in fields.values()), default=0)
        attendance = parse_attendee_table(text, *region) if region else []
        attendance += find_apologies(text, table_end, len(text))
        meeting = _meeting(text, fields, table_end)
        items = _agenda_items(text, table_end)
        actions = [replace(a, item_number=_item_at(items, a.span.start))
                   for a in find_new_actions(text, table_end, people=attendance,
                                             meeting_date=meeting.meeting_date)]
        decisions = [replace(d, item_number=_item_at(items, d.span.start))
                     for d in find_decision_blocks(text, table_end)]
        warnings = [] if region else [ParseWarning("no_attendees", "no attendee table")]
        if region and not text[region[1]:].strip():
            warnings.append(ParseWarning("attendee_table_cut", "text ends inside the attendee table",
                                         Span(*region)))
        if doc.truncated:
            warnings.append(ParseWarning("truncated", "source text truncated"))
        return ParsedMinutes(
            document_id=doc.document_id, adapter=self.name, meeting=meeting,
            attendance=tuple(attendance), agenda_items=tuple(items), actions=tuple(actions),
            action_updates=tuple(find_action_updates(text, table_end)),
            decisions=tuple(decisions), warnings=tuple(warnings))


ADAPTER = KentBoardAdapter()
