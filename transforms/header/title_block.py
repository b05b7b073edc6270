"""The title block: the first lines of a page, where minutes name their body and date in any
order, case and punctuation. Read by shape, for publishers no other rule knows:

* a labelled name: "Meeting: Strategic Delivery Board", "Name of meeting - Joint Audit
  Committee", with "• Date: 4 May 2031" / "Time: 10:30 - 12:00" / "Location: Teams" (bullets
  allowed before any label);
* a heading line that names a body: a short line of capitalised words holding a body noun
  (Board, Panel, Committee, Authority, Group, Forum, Meeting, ...), in any case:
  "NORTHSHIRE POLICE AND CRIME PANEL", "Joint Audit Committee", "MEETING OF THE EASTSHIRE
  POLICE AUTHORITY", "Accountability Board meeting minutes – 14 June 2029"; "Minutes of",
  "Notes of the", trailing "Minutes" / "Agenda" and a trailing date are cut off;
* the meeting's date: a line that opens with a date ("Thursday 12 March 2031 10.00am"), a
  heading "... held on <date> [at <time>]", or a date after the body on its heading line;
* colon-less table labels that text taken from a PDF runs together: "Meeting Strategic
  Meeting Venue The Blue Room" / "Date & time Monday 6 May 2030 10:00 hrs Attendees ...";
* an agenda notice: "A meeting of the Authority will be held on <date>, at <time> in <place>
  to which ..." gives the time and the place.

A line about another meeting ("Minutes of the previous meeting held on ...", "Date of next
meeting") is never the title. Only the block before the first agenda item, attendee label or
sentence paragraph is read, so a date in the body of the minutes is not taken.

    >>> h = read_title_block("NORTHSHIRE POLICE AND CRIME PANEL\\nMINUTES\\nThursday 12 March 2031\\n")
    >>> h.body.value, h.meeting_date.value.isoformat()
    ('Northshire Police and Crime Panel', '2031-03-12')
"""

from __future__ import annotations

import re
from datetime import date

from transforms.header.meeting_title import Found, MeetingHeader, date_at_start, times_after, trim
from transforms.models import Span
from transforms.text.dates import MONTHS, find_dates, parse_time
from transforms.text.lines import non_empty_line_bounds

#: how far into the page a title block can reach
BLOCK_LIMIT = 1500
#: nouns that make a heading the name of a meeting body ("Chief Constables' Council"; a local
#: authority's name, "Westshire County Council", is the publisher, not the body)
BODY_NOUN = re.compile(
    r"\b(?:Board|Panel|Committee|Sub[- ]?Committee|Authority|Group|Forum|Commission|Assembly|"
    r"Conference|Cabinet|Team|Meeting|Partnership|"
    r"(?<!County )(?<!City )(?<!Borough )(?<!District )(?<!Town )(?<!Parish )Council)s?\b", re.IGNORECASE)
#: words that carry no name: a heading made only of these is not a body ("Meeting Agenda")
_GENERIC = {"minutes", "minute", "meeting", "meetings", "agenda", "agendas", "notes", "decisions", "reports",
            "documents", "papers", "committees", "boards", "panels", "note", "of", "the", "a", "public",
            "draft", "confirmed", "unconfirmed", "approved", "held", "and", "for", "action", "actions", "record",
            "summary", "part", "open", "session", "item", "items", "details", "formal", "informal", "virtual",
            "remote", "special", "extraordinary", "ordinary", "on", "at", "in", "&", "-", "–"}
_SMALL_WORDS = {"of", "the", "and", "for", "a", "an", "on", "at", "in", "to", "&"}
#: a line about some other meeting, or a date that is not this meeting's
_OTHER = re.compile(r"\b(?:previous|next|last|future|forthcoming|dates? of|published|issued|circulated|"
                    r"deadline|dated|printed|updated)\b", re.IGNORECASE)
_LABEL = re.compile(r"^[ \t•·*\-–>]*(?P<label>[A-Za-z][A-Za-z &/]{0,29}?)[ \t]*[:\-–][ \t]*(?P<value>.*)$",
                    re.MULTILINE)
#: "Tuesday 12 March" / "Tues, 12th March": a date without its year, weekday first
_DAY_MONTH = re.compile(
    r"[ \t]*(?P<weekday>(?:Mon|Tue|Tues|Wed|Wednes|Thu|Thur|Thurs|Fri|Sat|Satur|Sun)(?:day)?)\.?,?[ \t]+"
    r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?[ \t]+(?:of[ \t]+)?(?P<month>[A-Za-z]{3,9})\b\.?(?![ \t,]*\d)",
    re.IGNORECASE)
#: a line holding only a time or a time range: "10.00am", "09:30 - 11:00"
_TIME_LINE = re.compile(r"^[ \t]*(?:time[ \t]*:?[ \t]*)?\d{1,2}(?:[.:]\d\d)?[ \t]*(?:a\.?m\.?|p\.?m\.?|hrs)?"
                        r"(?:[ \t]*(?:-|–|to|until)[ \t]*\d{1,2}(?:[.:]\d\d)?[ \t]*(?:a\.?m\.?|p\.?m\.?|hrs)?)?[ \t]*$",
                        re.IGNORECASE | re.MULTILINE)
_NAME_LABELS = {"meeting", "meeting name", "name of meeting", "committee", "board", "title", "meeting title",
                "forum", "group", "panel", "body"}
_DATE_LABELS = {"date", "meeting date", "date of meeting", "date and time", "date & time", "when"}
_TIME_LABELS = {"time", "times", "start time"}
_VENUE_LABELS = {"venue", "location", "place", "where"}
#: the end of a title block: a numbered item, an attendee label, a list of people
_BLOCK_END = re.compile(
    r"^[ \t]*(?:\d{1,3}(?:\.\d{1,2})?[.)]?[ \t]+(?!(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b)[A-Z]"
    r"|(?:Present|Attendees|Attendance|In attendance|"
    r"Members present|Apologies|Item)\b)", re.IGNORECASE)
_LEAD = re.compile(
    r"^(?:(?:draft|confirmed|unconfirmed|approved|public|formal)\s+)*"
    r"(?:(?:minutes|notes|agenda|record|action notes)(?:\s+(?:of|for|from))?\s+)?"
    r"(?:(?:the|a|an)\s+)?(?:(?:meeting|proceedings)\s+of\s+(?:the\s+)?)?", re.IGNORECASE)
_TRAIL = re.compile(r"(?:[\s,]+(?:(?:meeting\s+)?(?:minutes|notes|agenda|action notes)|held|"
                    r"public session|part\s+(?:1|one|i)))+\s*$", re.IGNORECASE)
_HELD = re.compile(r"\b(?:held|meeting)\b.*?\b(?:on|at)\b", re.IGNORECASE)


def read_title_block(text: str, limit: int = BLOCK_LIMIT) -> MeetingHeader:
    """The body, date, times and venue the page's title block states (each None when it
    does not)."""
    found: dict[str, Found | None] = {}
    block = _block_lines(text, min(len(text), limit))
    for ls, le in block:
        if _LABEL.match(text, ls, le):
            _read_label(text, ls, le, found)
        else:
            _read_flat_labels(text, ls, le, found)
    for ls, le in block:
        if held := _HELD_SENTENCE.search(text, ls, le):
            _read_held_sentence(text, ls, le, held, found)
        if "body" not in found:
            _read_heading(text, ls, le, found)
        if "meeting_date" not in found:
            _read_date_line(text, ls, le, found)
        elif _TIME_LINE.match(text, ls, le):
            _times(text, ls, le, found)
    return MeetingHeader(**{k: v for k, v in found.items() if v is not None})


def _block_lines(text: str, limit: int) -> list[tuple[int, int]]:
    """The lines of the title block: up to the first agenda item, attendee label or long
    sentence paragraph."""
    out = []
    for ls, le in non_empty_line_bounds(text, 0, limit):
        line = text[ls:le].strip()
        if out and (_BLOCK_END.match(line) or (len(line.split()) > 25 and ". " in line)):
            break
        out.append((ls, le))
    return out


def _read_label(text: str, ls: int, le: int, found: dict[str, Found | None]) -> None:
    m = _LABEL.match(text, ls, le)
    if not m:
        return
    label = " ".join(m.group("label").lower().split())
    vs, ve = trim(text, m.start("value"), le)
    value = " ".join(text[vs:ve].split())
    if not value:
        return
    if label in _NAME_LABELS and "body" not in found:
        body = _clean_body(value)
        if body and _is_body_heading(body):
            found["body"] = Found(body, Span(vs, ve))
    elif label in _DATE_LABELS and "meeting_date" not in found:
        dates = find_dates(text[vs:ve])
        if dates:
            d, s, e = dates[0]
            found["meeting_date"] = Found(d, Span(vs + s, vs + e))
            _times(text, vs + e, ve, found)
    elif label in _TIME_LABELS:
        _times(text, vs, ve, found)
    elif label in _VENUE_LABELS and "venue" not in found:
        found["venue"] = Found(value, Span(vs, ve))


#: labels of a header table that text taken from a PDF runs together without colons:
#: "Meeting Chief Officers Board Venue The Green Room" / "Date & time Tuesday 4 May 2031 14:00 hrs
#: Attendees Mr A Bell (Chair) ..."; capitalised, as table labels are written
_FLAT_LABEL = re.compile(r"(?<![\w&])(?P<label>Meeting|Venue|Location|Date (?:&|and) [Tt]ime|Date|Time|Attendees|"
                         r"Present|Apologies|Chair)(?=[ \t]+\S)")


def _read_flat_labels(text: str, ls: int, le: int, found: dict[str, Found | None]) -> None:
    """Colon-less labels and their values on one line, read only when the line opens with a
    label and either holds a second label or its date label is followed by a date. A label
    with nothing before the next label belongs to the value before it ("Strategic Meeting"
    in "Meeting Strategic Meeting Venue ...")."""
    ls, le = trim(text, ls, le)
    marks = list(_FLAT_LABEL.finditer(text, ls, le))
    marks = [m for i, m in enumerate(marks)
             if i + 1 == len(marks) or text[m.end():marks[i + 1].start()].strip()]
    if not marks or marks[0].start() != ls:
        return
    for i, m in enumerate(marks):
        label = m.group("label").lower()
        vs, ve = trim(text, m.end(), marks[i + 1].start() if i + 1 < len(marks) else le)
        value = " ".join(text[vs:ve].split())
        if label.startswith("date"):
            when = date_at_start(text, vs, ve)
            if when and "meeting_date" not in found:
                found["meeting_date"] = Found(when[0], Span(when[1], when[2]))
                _times(text, when[2], ve, found)
        elif len(marks) < 2:
            return
        elif label == "meeting" and "body" not in found and _is_body_heading(body := _clean_body(value)):
            found["body"] = Found(body, Span(vs, ve))
        elif label in ("venue", "location") and "venue" not in found and value[:1].isupper() \
                and len(value.split()) <= 15:
            found["venue"] = Found(value, Span(vs, ve))
        elif label == "time":
            _times(text, vs, ve, found)


#: "A meeting of the Authority will be held on Friday 3 May 2030, at 10:00 hrs in the Council
#: Chamber, County Hall, to which ...": the date, the time and the place in one sentence
#: "The minutes of the meeting held on ... were agreed" reports on another meeting, so "held on"
#: counts after "will be" / "is to be" or in a line opening "A meeting of" / "Minutes of"
_HELD_SENTENCE = re.compile(r"(?:\b(?:will|is[ \t]+to)[ \t]+be[ \t]+|^[ \t]*(?:An?[ \t]+)?(?:Meeting|Minutes)[ \t]+of\b"
                            r"[^.\n]{0,100}?\b)held[ \t]+on[ \t]+", re.IGNORECASE | re.MULTILINE)
_AT_TIME = re.compile(r",?[ \t]*(?:at|from)[ \t]+(?P<time>\d{1,2}(?:[.:]\d\d)?[ \t]*(?:a\.?m\.?|p\.?m\.?|hrs)?)",
                      re.IGNORECASE)
_IN_PLACE = re.compile(r",?[ \t]+(?:in|at)[ \t]+(?:the[ \t]+)?(?P<venue>[A-Z][^.;:\n]{2,100}?)"
                       r"(?=,?[ \t]+(?:to|for|when|where|on|and|commencing)\b|[.;:]|[ \t]*$)")


def _read_held_sentence(text: str, ls: int, le: int, held: re.Match[str], found: dict[str, Found | None]
                        ) -> None:
    """The time and place that follow "held on <date>", when the date is this meeting's."""
    if _OTHER.search(text, ls, held.end()):
        return
    when = date_at_start(text, held.end(), le)
    if when is None or (found.get("meeting_date") and found["meeting_date"].value != when[0]):
        return
    found.setdefault("meeting_date", Found(when[0], Span(when[1], when[2])))
    pos = when[2]
    if (at := _AT_TIME.match(text, pos, le)) and parse_time(at.group("time")):
        if not found.get("start_time"):
            found["start_time"] = Found(parse_time(at.group("time")), Span(at.start("time"), at.end("time")))
        pos = at.end()
    if (place := _IN_PLACE.match(text, pos, le)) and "venue" not in found:
        vs, ve = trim(text, place.start("venue"), place.end("venue"))
        found["venue"] = Found(" ".join(text[vs:ve].split()), Span(vs, ve))


def _times(text: str, start: int, end: int, found: dict[str, Found | None]) -> None:
    if found.get("start_time"):
        return
    start_time, end_time = times_after(text, start, end)
    if start_time:
        found["start_time"], found["end_time"] = start_time, end_time


def _read_heading(text: str, ls: int, le: int, found: dict[str, Found | None]) -> None:
    """A heading line naming the body, perhaps followed by "- <date>" or "held on <date>"."""
    ls, le = trim(text, ls, le)
    line = text[ls:le]
    if _LABEL.match(line) and not _HELD.search(line) or _OTHER.search(line) or _is_sentence(line):
        return
    dates = find_dates(line)
    name_end = le
    cut = re.search(r"\s(?:[-–—|]\s|held\b|(?:on|at)\s+(?=\S*\d))|,\s*(?=\S*\d)", line, re.IGNORECASE)
    if dates:
        name_end = ls + (cut.start() if cut and cut.start() < dates[0][1] else dates[0][1])
    elif cut:
        name_end = ls + cut.start()
    raw = text[ls:name_end]
    body = _clean_body(raw)
    if not body or not _is_body_heading(body):
        return
    start = ls + max(raw.lower().find(body.split()[0].lower()), 0)  # the span starts at the body's first word
    found["body"] = Found(_case(body), Span(start, name_end))
    if dates and "meeting_date" not in found:
        d, s, e = dates[0]
        found["meeting_date"] = Found(d, Span(ls + s, ls + e))
        _times(text, ls + e, le, found)


#: what may stand before a date that opens a line: "Date:", "on", "Notes of meeting:"
_DATE_LEAD = re.compile(r"[ \t•·*]*(?:(?:date|on)\b[ \t:]*|(?:[A-Za-z]+[ \t]+){0,3}(?:meeting|minutes|notes|held)"
                        r"[ \t]*[:\-–][ \t]*)?", re.IGNORECASE)


_LIST_BULLETS = ("-", "–", "•", "·", "*", "▪")


def _read_date_line(text: str, ls: int, le: int, found: dict[str, Found | None]) -> None:
    """A line that opens with this meeting's date, or "held on <date>"."""
    line = text[ls:le]
    if _OTHER.search(line) or _is_sentence(line) or line.lstrip()[:1] in _LIST_BULLETS:
        return  # a bulleted date is an entry of a list of dates ("- 10 March 2021 at 10am")
    start = ls
    held = re.search(r"\bheld\b.*?\bon\s+", line, re.IGNORECASE)
    if held:
        start = ls + held.end()
    elif m := _DATE_LEAD.match(line):
        start = ls + m.end()
    when = date_at_start(text, start, le)
    if when is None:
        inferred = _yearless_date(text, start, le)
        if inferred is not None:
            found["meeting_date"] = inferred
            _times(text, inferred.span.end, le, found)
        return
    found["meeting_date"] = Found(when[0], Span(when[1], when[2]))
    _times(text, when[2], le, found)


def _yearless_date(text: str, start: int, end: int) -> Found | None:
    """ "Tuesday 12 March" opening a line, the year fixed by the weekday among the years of the
    page's other dates (and the years either side); None unless exactly one year fits."""
    m = _DAY_MONTH.match(text, start, end)
    if m is None or m.group("weekday") is None:
        return None
    years = {d.year for d, _, _ in find_dates(text[:20000])}
    candidates = set()
    for year in {y + k for y in years for k in (-1, 0, 1)}:
        try:
            day = date(year, MONTHS[m.group("month").lower().rstrip(".")], int(m.group("day")))
        except (KeyError, ValueError):
            continue
        if day.strftime("%A").lower().startswith(m.group("weekday").lower()[:3]):
            candidates.add(day)
    if len(candidates) != 1:
        return None
    return Found(candidates.pop(), Span(m.start(), m.end()),
                 how="the page gives no year: the only year near the page's other dates on which it is a "
                     + m.group("weekday").capitalize())


def _is_sentence(line: str) -> bool:
    """ "The minutes of the meeting held on 2 May were agreed." is prose, not a heading."""
    return line.rstrip().endswith(".") and len(line.split()) > 12


def _clean_body(raw: str) -> str:
    value = " ".join(raw.replace("\u2019", "'").split()).strip(" .,:;-–|*_")
    value = _LEAD.sub("", value, count=1)
    value = _TRAIL.sub("", value).strip(" .,:;-–|*_")
    return re.sub(r"\s+meeting$", "", value)  # "Chief Officer Group meeting"; "Full Authority Meeting" stays


def body_name(raw: str) -> str | None:
    """ "the EASTSHIRE POLICE AUTHORITY" -> "Eastshire Police Authority"; None unless it reads as
    a body's name."""
    body = _clean_body(raw)
    return _case(body) if body and _is_body_heading(body) else None


def _is_body_heading(value: str) -> bool:
    """A short run of capitalised words holding a body noun and some word of its own."""
    words = value.split()
    if not 1 < len(words) <= 12 or not BODY_NOUN.search(value):
        return False
    if any(c in value for c in "@/\\?!;") or "http" in value.lower() or re.search(r"\d", value):
        return False
    if not [w for w in words if w.lower().strip("(),'") not in _GENERIC]:
        return False
    if "," in value or words[-1].lower() in _SMALL_WORDS:
        return False  # a list of page sections ("Agendas, Meetings and Minutes"), not a name
    return all(w[:1].isupper() or not w[:1].isalpha() or w.lower() in _SMALL_WORDS for w in words)


def _case(value: str) -> str:
    """ "NORTHSHIRE POLICE AND CRIME PANEL" -> "Northshire Police and Crime Panel"; other
    spellings stay as written."""
    letters = [c for c in value if c.isalpha()]
    if not letters or not all(c.isupper() for c in letters):
        return value
    words = value.lower().split()
    return " ".join(w if i and w in _SMALL_WORDS else w[:1].upper() + w[1:] for i, w in enumerate(words))
