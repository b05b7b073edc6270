"""When and where a meeting was held: its date, times and venue (and the body, through
``transforms.header.meeting_title``) from a page's title and heading lines.

Reads, each value with the span it came from:

* a title line "<Body> - <date> <time>" (read by ``transforms.header.meeting_title``):
  "Westshire Police and Crime Panel - Friday, 27th November, 2029 10.00 am" (a prefix before
  a comma is dropped: "Informal, Police and Crime Panel - ..." -> body "Police and Crime
  Panel"). A title naming another kind of committee
  ("Community Safety Scrutiny Committee - Tuesday, 3 March 2026 2.00 pm") is read the same
  way when it opens the page;
* a heading block: the body on its own line, then date / time / place lines, labelled or not
  ("Northmoor Police and Crime Panel" / "Tuesday, 24th July, 2029 10.30 am"; "Date:" /
  "Tuesday, 6th July, 2029" / "Time:" / "5.00 p.m." / "Place:" / "The Auditorium, ...");
* a heading "Minutes of the meeting of the Police and Crime Panel held on Thursday
  8 September 2029 at 10.00 am";
* "Venue: Council Chamber, County Hall. View directions" -> "Council Chamber, County Hall".

Only the page's header (the text before its first agenda item) is read for dates, so the date
in an item title such as "Minutes of the Police and Crime Panel held on 9th September 2029"
is never taken for the meeting's own. Venue words for unlabelled venue lines are in
``quirks/venue_words.csv``; the lines that end a header in ``_STOP_LINES``.

Example::

    >>> h = read_header("Eastvale Police and Crime Panel - Thursday, 26 September 2030 10.30 am\\n")
    >>> h.body.value, h.meeting_date.value.isoformat(), h.start_time.value
    ('Eastvale Police and Crime Panel', '2030-09-26', '10:30')
"""

from __future__ import annotations

import re
from functools import lru_cache

from transforms.header.meeting_title import (
    Found,
    MeetingHeader,
    body_from_title,
    body_pattern,
    date_at_start,
    find_body_mention,
    find_other_title_line,
    find_title_line,
    times_after,
    trim,
)
from transforms.header.title_block import body_name, read_title_block
from transforms.models import Meeting, Span
from transforms.quirks import load_table
from transforms.text.dates import find_dates, parse_time
from transforms.text.lines import non_empty_line_bounds

__all__ = ["Found", "MeetingHeader", "body_pattern", "find_body_mention", "find_title_line", "header_end",
           "meeting_from", "read_header"]

_HEADER_LIMIT = 3000
_LONE_ITEM_NUMBER = re.compile(r"^[ \t]*\d{1,3}(?:[a-z]|/\d{2,4})?\.?[ \t]*$", re.MULTILINE)
_NEXT_LINE = re.compile(r"\s*\n([^\n]*\S[^\n]*)")
_LABEL_ONLY = re.compile(r"^[ \t]*(?P<label>Date|Time|Place|Venue|Location)[ \t]*:[ \t]*$",
                         re.IGNORECASE | re.MULTILINE)
_LABEL_VALUE = re.compile(r"^[ \t]*(?P<label>Date|Time|Place|Venue|Location)[ \t]*:[ \t]*(?P<value>\S.*)$",
                          re.IGNORECASE | re.MULTILINE)
_ANY_LABEL = re.compile(r"^[ \t]*[A-Za-z][A-Za-z &/]{0,29}:")
_VIEW_DIRECTIONS = re.compile(r"\.?\s*View directions\s*$", re.IGNORECASE)
#: "Minutes of the meeting held on ...", "Approved Minute from the Meeting of the Eastshire Police
#: Authority held on ..." (Scottish bodies write "Minute")
_MINUTES_HEADING = re.compile(r"^[ \t]*(?:(?:Draft|Approved|Confirmed|Unconfirmed)\s+)?Minutes? (?:of|from) (?:the|a)\b"
                              r".*?\bheld on\b", re.IGNORECASE | re.MULTILINE)
#: "Minutes of the previous meeting held on ...": another meeting
_PREVIOUS = re.compile(r"\b(?:previous|last)\b", re.IGNORECASE)
_TIME_RANGE_LINE = re.compile(
    r"^[ \t]*(?P<a>\d{1,2}[.:]?\d{0,2}\s*(?:a\.?m\.?|p\.?m\.?|hrs)?)\s*(?:to|-|–)\s*"
    r"(?P<b>\d{1,2}[.:]?\d{0,2}\s*(?:a\.?m\.?|p\.?m\.?|hrs)?)[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)


@lru_cache(maxsize=1)
def _venue_words() -> re.Pattern[str]:
    words = [re.escape(r["word"]) for r in load_table("venue_words")]
    return re.compile(rf"\b(?:{'|'.join(words)})\b", re.IGNORECASE)


#: lines that end a page's header (matched case-insensitively, per line)
_STOP_LINES = (
    r"^\W*No\.?\W+Item\b",  # ModernGov "No. Item" table header: the page header ends here
    r"^\s*Items\s*$",  # ModernGov items heading
    r"\bMinutes\s*:(?!\S)",  # first item's minutes, also mid-line in table layouts
    r"^\s*Attendance Details\s*$",  # attendance block of a decision-sheet page
    r"^\s*Please note\b",  # note under the heading of a decision-sheet page
    r"^\s*Agenda item\s*$",  # ModernGov single-item page
)


@lru_cache(maxsize=1)
def _stop_lines() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in _STOP_LINES), re.IGNORECASE | re.MULTILINE)


def header_end(text: str) -> int:
    """Where the page header stops: at the "No. Item" table head, the first lone item number
    or "Minutes:" label (see ``_STOP_LINES``), at most 3000 characters in."""
    limit = min(len(text), _HEADER_LIMIT)
    ends = [limit]
    if m := _stop_lines().search(text, 0, limit):
        ends.append(m.start())
    for m in _LONE_ITEM_NUMBER.finditer(text, 0, min(ends)):
        if not _in_number_run(text, m.start(), m.end()):
            ends.append(m.start())
            break
    return min(ends)


def _in_number_run(text: str, start: int, end: int) -> bool:
    """A lone number beside another lone number ("5" / "0" / "0": a page's counters), not an
    agenda item's number."""
    before = text[max(0, start - 40):start].rstrip()
    prev_line = before[before.rfind("\n") + 1:]
    nxt = _NEXT_LINE.match(text, end)
    return bool(_LONE_ITEM_NUMBER.fullmatch(prev_line) or (nxt and _LONE_ITEM_NUMBER.fullmatch(nxt.group(1))))


def _is_heading(line: str) -> bool:
    words = line.split()
    return 0 < len(words) <= 12 and not line.rstrip().endswith(".") and not _ANY_LABEL.match(line)


def find_heading_block(text: str, start: int = 0, end: int | None = None) -> MeetingHeader | None:
    """A body heading on its own line followed by date, time and place lines."""
    end = len(text) if end is None else end
    found_lines = non_empty_line_bounds(text, start, end)
    for i, (ls, le) in enumerate(found_lines):
        phrase = body_pattern().search(text, ls, le)
        if phrase is None or not _is_heading(text[ls:le]):
            continue
        found: dict[str, Found | None] = {"body": body_from_title(text, ls, le, phrase.start(), phrase.end())}
        pending = None
        for ns, ne in found_lines[i + 1:i + 8]:
            line = text[ns:ne]
            if label := _LABEL_ONLY.match(line):
                pending = label.group("label").lower()
                continue
            if _LABEL_VALUE.match(line) or _stop_lines().match(line) or body_pattern().search(line):
                break
            when = date_at_start(text, ns, ne)
            if when and "meeting_date" not in found:
                found["meeting_date"] = Found(when[0], Span(when[1], when[2]))
                found["start_time"], found["end_time"] = times_after(text, when[2], ne)
            elif parse_time(line) and len(line.split()) <= 6 and not found.get("start_time"):
                found["start_time"], found["end_time"] = times_after(text, ns, ne)
            elif pending in ("place", "venue", "location") or (
                    "meeting_date" in found and _venue_words().search(line)):
                vs, ve = trim(text, ns, ne)
                found["venue"] = Found(" ".join(text[vs:ve].split()), Span(vs, ve))
                break
            elif pending is None:
                break
            pending = None
        if "meeting_date" in found:
            return MeetingHeader(**found)
    return None


def find_minutes_heading(text: str, start: int = 0, end: int | None = None) -> MeetingHeader | None:
    """ "Minutes of the meeting [of the <Body>] held on <date> [at <time>]" as a heading line."""
    end = len(text) if end is None else end
    for ls, le in non_empty_line_bounds(text, start, end):
        m = _MINUTES_HEADING.match(text, ls, le)
        if m is None or len(text[ls:le].split()) > 30 or ". " in text[ls:m.end()] \
                or _PREVIOUS.search(text, ls, m.end()):
            continue
        when = date_at_start(text, m.end(), le)
        if when is None:
            continue
        phrase = body_pattern().search(text, ls, m.end())
        body = None
        if phrase:
            body = Found(" ".join(phrase.group(0).split()), Span(phrase.start(), phrase.end()))
        elif named := _meeting_of(text, ls, m.end()):
            body = named
        start_time, end_time = times_after(text, when[2], le)
        return MeetingHeader(body=body, meeting_date=Found(when[0], Span(when[1], when[2])),
                             start_time=start_time, end_time=end_time)
    return None


_MEETING_OF = re.compile(r"\bmeeting of\s+(?P<name>.+?)\s+held on\b", re.IGNORECASE)


def _meeting_of(text: str, start: int, end: int) -> Found | None:
    """The body in "... Meeting of the Eastshire Police Authority held on", when it reads as a
    body's name (``title_block.body_name``)."""
    m = _MEETING_OF.search(text, start, end)
    name = body_name(m.group("name")) if m else None
    return Found(name, Span(m.start("name"), m.end("name"))) if m and name else None


def find_venue(text: str, start: int = 0, end: int | None = None) -> Found | None:
    """ "Venue: X. View directions" (or "Place:"/"Location:") -> X, value on the same line
    or, after a bare label, on the next line."""
    end = len(text) if end is None else end
    found_lines = non_empty_line_bounds(text, start, end)
    for i, (ls, le) in enumerate(found_lines):
        m = _LABEL_VALUE.match(text, ls, le)
        if m and m.group("label").lower() in ("venue", "place", "location"):
            vs, ve = m.start("value"), le
        elif (b := _LABEL_ONLY.match(text, ls, le)) and b.group("label").lower() != "date" \
                and b.group("label").lower() != "time" and i + 1 < len(found_lines):
            vs, ve = found_lines[i + 1]
        else:
            continue
        cut = _VIEW_DIRECTIONS.search(text, vs, ve)
        vs, ve = trim(text, vs, cut.start() if cut else ve)
        value = " ".join(text[vs:ve].split())
        if value:
            return Found(value, Span(vs, ve))
    return None


def find_date_label(text: str, start: int = 0, end: int | None = None) -> MeetingHeader | None:
    """ "Date: Thursday 8 September 2022" (value on the same or the next line) and "Time:"."""
    end = len(text) if end is None else end
    found_lines = non_empty_line_bounds(text, start, end)
    found: dict[str, Found | None] = {}
    for i, (ls, le) in enumerate(found_lines):
        m = _LABEL_VALUE.match(text, ls, le)
        if m:
            vs, ve = m.start("value"), le
        elif _LABEL_ONLY.match(text, ls, le) and i + 1 < len(found_lines):
            m, (vs, ve) = _LABEL_ONLY.match(text, ls, le), found_lines[i + 1]
        else:
            continue
        label = m.group("label").lower()
        if label == "date" and "meeting_date" not in found:
            dates = find_dates(text[vs:ve])
            if dates:
                d, s, e = dates[0]
                found["meeting_date"] = Found(d, Span(vs + s, vs + e))
                found["start_time"], found["end_time"] = times_after(text, vs + e, ve)
        elif label == "time" and not found.get("start_time"):
            found["start_time"], found["end_time"] = times_after(text, vs, ve)
    return MeetingHeader(**found) if found else None


def find_time_range_line(text: str, start: int = 0, end: int | None = None) -> MeetingHeader | None:
    """A line holding only "5.00 p.m. to 7.00 p.m.": the meeting's start and end."""
    end = len(text) if end is None else end
    for m in _TIME_RANGE_LINE.finditer(text, start, end):
        a, b = parse_time(m.group("a")), parse_time(m.group("b"))
        if a and b:
            return MeetingHeader(start_time=Found(a, Span(m.start("a"), m.end("a"))),
                                 end_time=Found(b, Span(m.start("b"), m.end("b"))))
    return None


def _merge(*headers: MeetingHeader | None) -> MeetingHeader:
    """Field by field, the first header that has a value."""
    fields = {}
    for name in ("body", "meeting_date", "start_time", "end_time", "venue"):
        fields[name] = next((getattr(h, name) for h in headers if h and getattr(h, name)), None)
    return MeetingHeader(**fields)


def read_header(text: str, *, body_mentions: bool = True) -> MeetingHeader:
    """Everything the page's header says about its meeting. ``body_mentions`` lets the body
    fall back to the panel the text names ("Minutes of the Police and Crime Panel held on
    ..." -> "Police and Crime Panel") when no title line names it."""
    head = header_end(text)
    title = (find_title_line(text, 0, head) or find_other_title_line(text, 0, head)
             or find_title_line(text, anywhere=True))
    block = find_heading_block(text, 0, head)
    heading = find_minutes_heading(text, 0, head)
    labels = find_date_label(text, 0, head)
    venue = find_venue(text, 0, head)
    merged = _merge(title, block, heading, labels, MeetingHeader(venue=venue), read_title_block(text, head))
    if merged.meeting_date is not None and merged.end_time is None:
        merged = _merge(merged, find_time_range_line(text))
    if merged.body is None and body_mentions:
        merged = _merge(merged, MeetingHeader(body=find_body_mention(text)))
    return merged


def meeting_from(header: MeetingHeader) -> Meeting:
    """The Meeting for a page header; fields the header lacks stay None."""

    def value(found):
        return None if found is None else found.value

    return Meeting(body=value(header.body), meeting_date=value(header.meeting_date),
                   start_time=value(header.start_time), end_time=value(header.end_time),
                   venue=value(header.venue), span=header.span())
