"""A meeting's body, date, times and venue from a page's title and heading lines.

Reads, each value with the span it came from:

* a title line "<Body> - <date> <time>": "Cheshire Police and Crime Panel - Friday, 27th
  November, 2020 10.00 am" (a prefix before a comma is dropped: "Informal, Police and Crime
  Panel - ..." -> body "Police and Crime Panel");
* a heading block: the body on its own line, then date / time / place lines, labelled or not
  ("Cumbria Police and Crime Panel" / "Tuesday, 24th July, 2018 10.30 am"; "Date:" /
  "Tuesday, 6th July, 2021" / "Time:" / "5.00 p.m." / "Place:" / "The Auditorium, ...");
* a heading "Minutes of the meeting of the Police and Crime Panel held on Thursday
  8 September 2022 at 10.00 am";
* "Venue: Council Chamber, County Hall. View directions" -> "Council Chamber, County Hall".

Only the page's header (the text before its first agenda item) is read for dates, so the date
in an item title such as "Minutes of the Police and Crime Panel held on 9th September 2014"
is never taken for the meeting's own. Body names are the phrases in
``quirks/meeting_bodies.csv``; venue words for unlabelled venue lines in
``quirks/venue_words.csv``; the lines that end a header in ``quirks/header_stop_lines.csv``.

Example::

    >>> h = read_header("Surrey Police and Crime Panel - Thursday, 26 September 2024 10.30 am\\n")
    >>> h.body.value, h.meeting_date.value.isoformat(), h.start_time.value
    ('Surrey Police and Crime Panel', '2024-09-26', '10:30')
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from transforms.dates import TIME, find_dates, parse_time
from transforms.models import Span
from transforms.quirks import load_table

_HEADER_LIMIT = 3000
_LONE_ITEM_NUMBER = re.compile(r"^[ \t]*\d{1,3}(?:[a-z]|/\d{2,4})?\.?[ \t]*$", re.MULTILINE)
_LABEL_ONLY = re.compile(r"^[ \t]*(?P<label>Date|Time|Place|Venue|Location)[ \t]*:[ \t]*$",
                         re.IGNORECASE | re.MULTILINE)
_LABEL_VALUE = re.compile(r"^[ \t]*(?P<label>Date|Time|Place|Venue|Location)[ \t]*:[ \t]*(?P<value>\S.*)$",
                          re.IGNORECASE | re.MULTILINE)
_ANY_LABEL = re.compile(r"^[ \t]*[A-Za-z][A-Za-z &/]{0,29}:")
_VIEW_DIRECTIONS = re.compile(r"\.?\s*View directions\s*$", re.IGNORECASE)
_TRAILING_WORDS = re.compile(r"(?:\s+(?:Minutes|Agenda|Meeting|Meeting Details))+$", re.IGNORECASE)
_MINUTES_HEADING = re.compile(r"^[ \t]*(?:Draft\s+)?Minutes of (?:the|a)\b.*?\bheld on\b",
                              re.IGNORECASE | re.MULTILINE)
_TIME_RANGE_LINE = re.compile(
    r"^[ \t]*(?P<a>\d{1,2}[.:]?\d{0,2}\s*(?:a\.?m\.?|p\.?m\.?|hrs)?)\s*(?:to|-|–)\s*"
    r"(?P<b>\d{1,2}[.:]?\d{0,2}\s*(?:a\.?m\.?|p\.?m\.?|hrs)?)[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)
_PREFIX_STOP = {"the", "a", "an", "at", "that", "minutes", "webcast", "agenda", "and", "&", ","}


@dataclass(frozen=True)
class Found:
    """A value read from the text, with the span it was read from."""

    value: object
    span: Span


@dataclass(frozen=True)
class MeetingHeader:
    body: Found | None = None
    meeting_date: Found | None = None
    start_time: Found | None = None
    end_time: Found | None = None
    venue: Found | None = None

    def span(self) -> Span:
        """The smallest span covering every value found (Span(0, 0) when none)."""
        spans = [f.span for f in (self.body, self.meeting_date, self.start_time, self.end_time, self.venue)
                 if f is not None]
        if not spans:
            return Span(0, 0)
        return Span(min(s.start for s in spans), max(s.end for s in spans))


@lru_cache(maxsize=1)
def body_pattern() -> re.Pattern[str]:
    """The body nouns of quirks/meeting_bodies.csv ("and" also written "&"), plus an optional
    "for <Place>" ("Police and Crime Panel for Lancashire")."""
    alternatives = []
    for row in load_table("meeting_bodies"):
        words = row["phrase"].replace(",", " , ").split()
        parts = [r"(?:and|&)" if w.lower() == "and" else ("," if w == "," else re.escape(w)) for w in words]
        alternatives.append(r"\s*".join(parts).replace(r"\s*,\s*", r"\s*,?\s*"))
    alternatives.sort(key=len, reverse=True)
    return re.compile(rf"\b(?:{'|'.join(alternatives)})\b(?:\s+for\s+[A-Z][\w-]+)?")


@lru_cache(maxsize=1)
def _venue_words() -> re.Pattern[str]:
    words = [re.escape(r["word"]) for r in load_table("venue_words")]
    return re.compile(rf"\b(?:{'|'.join(words)})\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def _stop_lines() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{r['pattern']})" for r in load_table("header_stop_lines")),
                      re.IGNORECASE | re.MULTILINE)


def header_end(text: str) -> int:
    """Where the page header stops: at the "No. Item" table head, the first lone item number
    or "Minutes:" label (see quirks/header_stop_lines.csv), at most 3000 characters in."""
    limit = min(len(text), _HEADER_LIMIT)
    ends = [limit]
    for pattern in (_stop_lines(), _LONE_ITEM_NUMBER):
        m = pattern.search(text, 0, limit)
        if m:
            ends.append(m.start())
    return min(ends)


def _lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out, pos = [], start
    while pos < end:
        nl = text.find("\n", pos, end)
        stop = end if nl == -1 else nl
        if text[pos:stop].strip():
            out.append((pos, stop))
        pos = stop + 1
    return out


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in " \t|*_":
        start += 1
    while end > start and text[end - 1] in " \t|*_":
        end -= 1
    return start, end


def _body_from_title(text: str, start: int, end: int, phrase: re.Match[str]) -> Found | None:
    """The title text[start:end] as a body: from after the last ",", ":" or "." that comes
    before the body phrase, without trailing "Minutes"/"Agenda"."""
    cut = max(text.rfind(c, start, phrase.start()) for c in ",:.")
    if cut >= start:
        start = cut + 1
    start, end = _trim(text, start, end)
    tail = _TRAILING_WORDS.search(text, start, end)
    if tail and tail.start() >= phrase.end():
        end = tail.start()
    value = " ".join(text[start:end].split())
    return Found(value, Span(start, end)) if value else None


def _date_at_start(text: str, start: int, end: int) -> tuple[date, int, int] | None:
    """A date that opens text[start:end] (after at most a weekday), with absolute offsets."""
    segment = text[start:end]
    dates = find_dates(segment)
    if not dates or len(segment[:dates[0][1]].strip(" \t,-–")) > 0:
        return None
    d, s, e = dates[0]
    return d, start + s, start + e


def _times_after(text: str, start: int, end: int) -> tuple[Found | None, Found | None]:
    """Start and end time in text[start:end]: "10.00 am", "14:30 to 17:00"."""
    found: list[Found] = []
    for m in TIME.finditer(text, start, end):
        value = parse_time(m.group(0))
        if value:
            found.append(Found(value, Span(m.start(), m.end())))
    if not found:
        return None, None
    between = text[found[0].span.end:found[1].span.start] if len(found) > 1 else ""
    end_time = found[1] if len(found) > 1 and re.fullmatch(r"\s*(?:to|-|–|until)\s*", between) else None
    return found[0], end_time


def find_title_line(text: str, start: int = 0, end: int | None = None) -> MeetingHeader | None:
    """The first "<Body> - <date> [<time>]" line in text[start:end]."""
    end = len(text) if end is None else end
    for ls, le in _lines(text, start, end):
        phrase = body_pattern().search(text, ls, le)
        if phrase is None:
            continue
        dash = re.compile(r"\s[-–]\s").search(text, phrase.end(), le)
        if dash is None:
            continue
        when = _date_at_start(text, dash.end(), le)
        if when is None:
            continue
        body = _body_from_title(text, ls, dash.start(), phrase)
        start_time, end_time = _times_after(text, when[2], le)
        return MeetingHeader(body=body, meeting_date=Found(when[0], Span(when[1], when[2])),
                             start_time=start_time, end_time=end_time)
    return None


def _is_heading(line: str) -> bool:
    words = line.split()
    return 0 < len(words) <= 12 and not line.rstrip().endswith(".") and not _ANY_LABEL.match(line)


def find_heading_block(text: str, start: int = 0, end: int | None = None) -> MeetingHeader | None:
    """A body heading on its own line followed by date, time and place lines."""
    end = len(text) if end is None else end
    lines = _lines(text, start, end)
    for i, (ls, le) in enumerate(lines):
        phrase = body_pattern().search(text, ls, le)
        if phrase is None or not _is_heading(text[ls:le]):
            continue
        found: dict[str, Found | None] = {"body": _body_from_title(text, ls, le, phrase)}
        pending = None
        for ns, ne in lines[i + 1:i + 8]:
            line = text[ns:ne]
            if label := _LABEL_ONLY.match(line):
                pending = label.group("label").lower()
                continue
            if _LABEL_VALUE.match(line) or _stop_lines().match(line) or body_pattern().search(line):
                break
            when = _date_at_start(text, ns, ne)
            if when and "meeting_date" not in found:
                found["meeting_date"] = Found(when[0], Span(when[1], when[2]))
                found["start_time"], found["end_time"] = _times_after(text, when[2], ne)
            elif parse_time(line) and len(line.split()) <= 6 and not found.get("start_time"):
                found["start_time"], found["end_time"] = _times_after(text, ns, ne)
            elif pending in ("place", "venue", "location") or (
                    "meeting_date" in found and _venue_words().search(line)):
                vs, ve = _trim(text, ns, ne)
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
    for ls, le in _lines(text, start, end):
        m = _MINUTES_HEADING.match(text, ls, le)
        if m is None or len(text[ls:le].split()) > 30 or ". " in text[ls:m.end()]:
            continue
        when = _date_at_start(text, m.end(), le)
        if when is None:
            continue
        phrase = body_pattern().search(text, ls, m.end())
        body = None
        if phrase:
            body = Found(" ".join(phrase.group(0).split()), Span(phrase.start(), phrase.end()))
        start_time, end_time = _times_after(text, when[2], le)
        return MeetingHeader(body=body, meeting_date=Found(when[0], Span(when[1], when[2])),
                             start_time=start_time, end_time=end_time)
    return None


def find_venue(text: str, start: int = 0, end: int | None = None) -> Found | None:
    """ "Venue: X. View directions" (or "Place:"/"Location:") -> X, value on the same line
    or, after a bare label, on the next line."""
    end = len(text) if end is None else end
    lines = _lines(text, start, end)
    for i, (ls, le) in enumerate(lines):
        m = _LABEL_VALUE.match(text, ls, le)
        if m and m.group("label").lower() in ("venue", "place", "location"):
            vs, ve = m.start("value"), le
        elif (b := _LABEL_ONLY.match(text, ls, le)) and b.group("label").lower() != "date" \
                and b.group("label").lower() != "time" and i + 1 < len(lines):
            vs, ve = lines[i + 1]
        else:
            continue
        cut = _VIEW_DIRECTIONS.search(text, vs, ve)
        vs, ve = _trim(text, vs, cut.start() if cut else ve)
        value = " ".join(text[vs:ve].split())
        if value:
            return Found(value, Span(vs, ve))
    return None


def find_date_label(text: str, start: int = 0, end: int | None = None) -> MeetingHeader | None:
    """ "Date: Thursday 8 September 2022" (value on the same or the next line) and "Time:"."""
    end = len(text) if end is None else end
    lines = _lines(text, start, end)
    found: dict[str, Found | None] = {}
    for i, (ls, le) in enumerate(lines):
        m = _LABEL_VALUE.match(text, ls, le)
        if m:
            vs, ve = m.start("value"), le
        elif _LABEL_ONLY.match(text, ls, le) and i + 1 < len(lines):
            m, (vs, ve) = _LABEL_ONLY.match(text, ls, le), lines[i + 1]
        else:
            continue
        label = m.group("label").lower()
        if label == "date" and "meeting_date" not in found:
            dates = find_dates(text[vs:ve])
            if dates:
                d, s, e = dates[0]
                found["meeting_date"] = Found(d, Span(vs + s, vs + e))
                found["start_time"], found["end_time"] = _times_after(text, vs + e, ve)
        elif label == "time" and not found.get("start_time"):
            found["start_time"], found["end_time"] = _times_after(text, vs, ve)
    return MeetingHeader(**found) if found else None


def find_body_mention(text: str, start: int = 0, end: int | None = None) -> Found | None:
    """The body as the text names it: "Chair of the Avon and Somerset Police and Crime Panel"
    -> "Avon and Somerset Police and Crime Panel". The first mention with a place name wins,
    else the first mention."""
    end = len(text) if end is None else end
    first: Found | None = None
    for m in body_pattern().finditer(text, start, end):
        line_start = text.rfind("\n", 0, m.start()) + 1
        tokens = list(re.finditer(r"[A-Za-z][\w'’.-]*|&|,", text[line_start:m.start()]))
        begin = m.start()
        for tok in reversed(tokens):
            word = tok.group(0)
            if word[0].isupper() or word in ("and", "&", ","):
                begin = line_start + tok.start()
            else:
                break
        # leading connectives and sentence words are not part of the name
        while begin < m.start():
            word = re.match(r"[A-Za-z][\w'’.-]*|&|,", text[begin:m.start()])
            if word is None or word.group(0).lower() not in _PREFIX_STOP:
                break
            begin = begin + word.end()
            while begin < m.start() and text[begin] in " \t":
                begin += 1
        value = " ".join(text[begin:m.end()].split())
        found = Found(value, Span(begin, m.end()))
        if begin < m.start():
            return found
        first = first or found
    return first


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
    title = find_title_line(text, 0, head) or find_title_line(text)
    block = find_heading_block(text, 0, head)
    heading = find_minutes_heading(text, 0, head)
    labels = find_date_label(text, 0, head)
    venue = find_venue(text, 0, head)
    merged = _merge(title, block, heading, labels, MeetingHeader(venue=venue))
    if merged.meeting_date is not None and merged.end_time is None:
        merged = _merge(merged, find_time_range_line(text))
    if merged.body is None and body_mentions:
        merged = _merge(merged, MeetingHeader(body=find_body_mention(text)))
    return merged
