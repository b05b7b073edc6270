"""The page's title: which body the minutes belong to, and the "<Body> - <date> <time>" line
that names it with the meeting's date and times.

* ``body_pattern`` finds the body nouns of ``quirks/meeting_bodies.csv`` ("Police and Crime
  Panel", "Police, Fire and Crime Panel", ...), "and" also written "&", with an optional
  "for <Place>";
* ``body_from_title`` cuts a title line down to the body: "Informal, Westshire Police and
  Crime Panel Minutes" -> "Westshire Police and Crime Panel";
* ``find_body_mention`` takes the body as the text names it when no title does: "Chair of
  the Westshire Police and Crime Panel" -> "Westshire Police and Crime Panel". A job title
  ("Police and Crime Panel Scrutiny Officer") or a "Contact:" line is not a mention;
* ``find_title_line`` reads "<Body> - <date> [<time>]" into a ``MeetingHeader``;
  ``find_other_title_line`` the same for a body the table does not list, when it opens the
  page: "Community Safety Scrutiny Committee - Tuesday, 3 March 2026 2.00 pm".

Example::

    >>> find_body_mention("The Chair of the Northvale Police and Crime Panel spoke.").value
    'Northvale Police and Crime Panel'
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from transforms.models import Span
from transforms.quirks import load_table
from transforms.text.dates import TIME, find_dates, parse_time
from transforms.text.lines import non_empty_line_bounds

_TRAILING_WORDS = re.compile(r"(?:\s+(?:Minutes|Agenda|Meeting|Meeting Details))+$", re.IGNORECASE)
#: words before a body phrase that belong to the sentence, not to the name
_PREFIX_STOP = {"the", "a", "an", "at", "that", "minutes", "webcast", "agenda", "and", "&", ","}
#: lines whose mention of a body is a person's contact details, not the page's body
_CONTACT_LINE = re.compile(r"^[ \t]*(?:Contact|Email|E-mail|Tel|Telephone|Phone|Link|Clerk|Officer)\b[^:\n]*:",
                           re.IGNORECASE)
_WORD = re.compile(r"[A-Za-z][\w'’.-]*|&|,")


@dataclass(frozen=True)
class Found:
    """A value read from the text, with the span it was read from; ``how`` says how it was
    inferred when the text does not state it whole (None: as written)."""

    value: object
    span: Span
    how: str | None = None


@lru_cache(maxsize=1)
def body_pattern() -> re.Pattern[str]:
    """The body nouns of quirks/meeting_bodies.csv as written or in capitals ("and" also
    written "&"), plus an optional "for <Place>" ("Police and Crime Panel for Westshire")."""
    alternatives = []
    for row in load_table("meeting_bodies"):
        for phrase in (row["phrase"], row["phrase"].upper()):  # as written, or in capitals
            words = phrase.replace(",", " , ").split()
            parts = [r"(?:and|AND|&)" if w.lower() == "and" else ("," if w == "," else re.escape(w)) for w in words]
            alternatives.append(r"\s*".join(parts).replace(r"\s*,\s*", r"\s*,?\s*"))
    alternatives.sort(key=len, reverse=True)
    return re.compile(rf"\b(?:{'|'.join(alternatives)})\b(?:\s+for\s+[A-Z][\w-]+)?")


@lru_cache(maxsize=1)
def _job_after() -> re.Pattern[str]:
    """A role noun right after a body phrase makes it a job title: "... Panel Scrutiny Officer"."""
    words = [re.escape(r["word"]) for r in load_table("role_nouns")]
    return re.compile(rf"[ \t]+(?:[A-Z][\w-]*[ \t]+){{0,2}}(?:{'|'.join(words)})\b")


def body_from_title(text: str, start: int, end: int, phrase_start: int, phrase_end: int) -> Found | None:
    """The title text[start:end] as a body: from after the last ",", ":" or "." that comes
    before the body phrase (at ``phrase_start``), without trailing "Minutes"/"Agenda"."""
    cut = max(text.rfind(c, start, phrase_start) for c in ",:.")
    if cut >= start:
        start = cut + 1
    start, end = trim(text, start, end)
    tail = _TRAILING_WORDS.search(text, start, end)
    if tail and tail.start() >= phrase_end:
        end = tail.start()
    value = " ".join(text[start:end].split())
    return Found(value, Span(start, end)) if value else None


def _name_start(text: str, line_start: int, phrase_start: int) -> int:
    """Where the capitalised words before a body phrase begin ("Eastvale and Marlow" in
    "Chair of the Eastvale and Marlow Police and Crime Panel"); stops at other punctuation."""
    begin = phrase_start
    tokens = list(_WORD.finditer(text, line_start, phrase_start))
    for tok in reversed(tokens):
        gap = text[tok.end():begin]
        if gap.strip(" \t"):
            break  # ":" "(" "-" between words: the name does not reach back past it
        word = tok.group(0)
        if not (word[0].isupper() or word in ("and", "&", ",")):
            break
        begin = tok.start()
    while begin < phrase_start:  # leading connectives and sentence words are not part of the name
        word = _WORD.match(text, begin, phrase_start)
        if word is None or word.group(0).lower() not in _PREFIX_STOP:
            break
        begin = word.end()
        while begin < phrase_start and text[begin] in " \t":
            begin += 1
    return begin


def find_body_mention(text: str, start: int = 0, end: int | None = None) -> Found | None:
    """The body as the text names it. The first mention with a place name wins, else the
    first mention; contact lines and job titles are skipped."""
    end = len(text) if end is None else end
    first: Found | None = None
    for m in body_pattern().finditer(text, start, end):
        line_start = text.rfind("\n", 0, m.start()) + 1
        if _CONTACT_LINE.match(text, line_start) or _job_after().match(text, m.end()):
            continue
        begin = _name_start(text, line_start, m.start())
        found = Found(" ".join(text[begin:m.end()].split()), Span(begin, m.end()))
        if begin < m.start():
            return found
        first = first or found
    return first


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


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in " \t|*_":
        start += 1
    while end > start and text[end - 1] in " \t|*_":
        end -= 1
    return start, end


def date_at_start(text: str, start: int, end: int) -> tuple[date, int, int] | None:
    """A date that opens text[start:end] (after at most a weekday), with absolute offsets."""
    segment = text[start:end]
    dates = find_dates(segment)
    if not dates or len(segment[:dates[0][1]].strip(" \t,-–")) > 0:
        return None
    d, s, e = dates[0]
    return d, start + s, start + e


def times_after(text: str, start: int, end: int) -> tuple[Found | None, Found | None]:
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


#: "<Title> - <date>": a dash between a title of capitalised words and the date
_TITLE_DASH = re.compile(r"\s[-–]\s")
#: words showing a line refers to another meeting ("Minutes of the Panel held on ...")
_OTHER_MEETING = re.compile(r"\b(?:minutes|held on|meeting of|previous|last meeting)\b", re.IGNORECASE)


def _title_at(text: str, ls: int, le: int, name_start: int, name_end: int, dash: re.Match[str]
              ) -> MeetingHeader | None:
    when = date_at_start(text, dash.end(), le)
    if when is None:
        return None
    body = body_from_title(text, ls, dash.start(), name_start, name_end)
    start_time, end_time = times_after(text, when[2], le)
    return MeetingHeader(body=body, meeting_date=Found(when[0], Span(when[1], when[2])),
                         start_time=start_time, end_time=end_time)


def find_title_line(text: str, start: int = 0, end: int | None = None, *, anywhere: bool = False
                    ) -> MeetingHeader | None:
    """The first "<Body> - <date> [<time>]" line in text[start:end]. With ``anywhere`` (a
    search past the page header) a line that refers to another meeting ("Minutes of ...") or
    goes on after the date and time is not a title."""
    end = len(text) if end is None else end
    for ls, le in non_empty_line_bounds(text, start, end):
        phrase = body_pattern().search(text, ls, le)
        if phrase is None:
            continue
        dash = _TITLE_DASH.search(text, phrase.end(), le)
        if dash is None or (anywhere and _OTHER_MEETING.search(text, ls, dash.start())):
            continue
        found = _title_at(text, ls, le, phrase.start(), phrase.end(), dash)
        if found is None:
            continue
        if anywhere:
            last = max(f.span.end for f in (found.meeting_date, found.start_time, found.end_time) if f)
            if text[last:le].strip(" \t|.,"):
                continue
        return found
    return None


def _is_title_name(name: str) -> bool:
    """ "Community Safety Scrutiny Committee" yes; "Contact: Jo Bloggs" or a sentence no."""
    words = name.split()
    return (0 < len(words) <= 12 and name[:1].isupper() and ":" not in name
            and not _OTHER_MEETING.search(name)
            and sum(w[:1].isupper() for w in words) * 2 > len(words))


def find_other_title_line(text: str, start: int = 0, end: int | None = None) -> MeetingHeader | None:
    """A title line naming a body outside ``quirks/meeting_bodies.csv``: the first line of the
    header that reads "<Capitalised Name> - <date> [<time>]" and ends there."""
    end = len(text) if end is None else end
    for ls, le in non_empty_line_bounds(text, start, end):
        dash = _TITLE_DASH.search(text, ls, le)
        if dash is None or not _is_title_name(" ".join(text[ls:dash.start()].split())):
            continue
        found = _title_at(text, ls, le, ls, dash.start(), dash)
        if found is None:
            continue
        last = max(f.span.end for f in (found.meeting_date, found.start_time, found.end_time) if f)
        if not text[last:le].strip(" \t|"):
            return found
    return None
