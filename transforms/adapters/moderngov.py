"""ModernGov committee pages (and council systems laid out like them), as Police and Crime
Panels publish their minutes.

Layout (as cleaned text)::

    Agenda and minutes
    Westshire Police and Crime Panel - Tuesday, 9th April, 2030 10.00 am   <- title (optional)
    Venue: Brook Room, Civic Centre, Westbury. View directions
    Contact: ...
    Items
    No. Item
    105.                                   <- item number alone on its line
    Minutes of the Panel held on 9 September 2014
    Additional documents:
    Minutes:
    1.    The Chair opened the item ...    <- numbered paragraphs, not items
    RESOLVED that the minutes ... be approved as a correct record.
    106.
    ...  view the full minutes text for item 106.     <- the page cut the minutes

Single-item pages ("Agenda item" / title / "Minutes:"), pages whose item numbers were lost,
"| No. | Item |" tables and pages laid out as a decision sheet ("<Panel> Minutes" / date / time / place /
"Attendance Details" / "Item Description Decision") are read the same way. The meeting date
comes only from the page's own title or heading, never from dates inside items.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace
from functools import lru_cache
from itertools import accumulate

from transforms.adapters.moderngov_attendance import find_panel_attendance
from transforms.agenda import find_numbered_items
from transforms.attendance.person_entries import with_person_entries
from transforms.literal_guard import GuardedPattern, fold
from transforms.meeting_header import MeetingHeader, body_pattern, read_header
from transforms.models import AgendaItem, CleanText, Decision, Meeting, ParsedMinutes, ParseWarning
from transforms.resolutions import find_resolutions

try:  # written alongside this adapter; without it the page simply reports no action updates
    from transforms.action_updates import find_action_updates
except ImportError:  # pragma: no cover
    find_action_updates = None
try:
    from transforms.decision_blocks import find_decision_blocks
except ImportError:  # pragma: no cover
    find_decision_blocks = None

NAME = "moderngov"
TRUNCATION_MARK = re.compile(r"view the full minutes text", re.IGNORECASE)

#: "at a line start, after blank space": the same texts match as with "^\s*" before a word,
#: but "^\s*" rescans a run of blank lines from each of its line starts (quadratic)
_LINE_START = r"(?:\A\s*|\n[^\S\n]*)"
#: (pattern, weight): the more of these a page shows, the surer it is a ModernGov page. Only
#: whether each matches counts. "^\W*No" is written with the same care as "^\s*".
_SIGNS = tuple((GuardedPattern(p), w) for p, w in (
    (re.compile(r"View directions", re.IGNORECASE), 0.25),
    (re.compile(rf"{_LINE_START}Agenda and (?:draft )?minutes\s*$", re.IGNORECASE | re.MULTILINE), 0.25),
    (re.compile(r"(?:\A\W*|\n[^\w\n]*)No\.\W+Item\b", re.MULTILINE), 0.25),
    (re.compile(rf"{_LINE_START}(?:Minutes|Additional documents)\s*:", re.MULTILINE), 0.2),
    (re.compile(r"\A\s*Agenda item\s*$", re.MULTILINE), 0.3),
    # "105." alone on its line, then the title (after blank lines)
    (re.compile(rf"{_LINE_START}\d{{1,3}}\.[^\S\n]*\n\s*+[A-Z]", re.MULTILINE), 0.15),
    (re.compile(r"pdf icon", re.IGNORECASE), 0.1),
    (re.compile(rf"{_LINE_START}Attendance Details\s*$", re.MULTILINE), 0.2),
    # the page title "<Committee> - Tuesday, 9th April, 2030 10.00 am", whatever the committee
    (re.compile(r"^[^\n]{3,120}\s[-–]\s(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?\d{1,2}(?:st|nd|rd|th)?,?"
                r"\s+[A-Z][a-z]+,?\s+\d{4}\s+\d{1,2}(?:[.:]?\d{2}\s*(?:[ap]\.?m\.?|hrs)?|\s*[ap]\.?m\.?)[ \t]*$",
                re.MULTILINE), 0.35),
))
_CAP = 0.9
#: below this the page shows too little of the layout (a bare "Minutes:" fragment): leave it
#: to the generic adapter
_THRESHOLD = 0.25


@lru_cache(maxsize=1)
def _guarded_body_pattern() -> GuardedPattern:
    return GuardedPattern(body_pattern())


def detect(text: str) -> float:
    """How much ``text`` looks like a ModernGov panel page (0.0 - 0.9)."""
    if not text:
        return 0.0
    folded = fold(text)
    score = sum(weight for pattern, weight in _SIGNS if pattern.search(text, folded))
    if _guarded_body_pattern().search(text):
        score += 0.25
    return 0.0 if score < _THRESHOLD else min(_CAP, round(score, 2))


def item_of(position: int, items: tuple[AgendaItem, ...] | list[AgendaItem]) -> str | None:
    """The number of the agenda item a fact at ``position`` sits under, or None before the first."""
    number = None
    for item in items:
        if item.span.start <= position:
            number = item.item_number
        else:
            break
    return number


def with_items(decisions: list[Decision], items: list[AgendaItem]) -> tuple[Decision, ...]:
    """Each decision with the number of the item it sits under."""
    return tuple(replace(d, item_number=d.item_number or item_of(d.span.start, items)) for d in decisions)


def meeting_from(header: MeetingHeader) -> Meeting:
    """The Meeting for a page header; fields the header lacks stay None."""

    def value(found):
        return None if found is None else found.value

    return Meeting(body=value(header.body), meeting_date=value(header.meeting_date),
                   start_time=value(header.start_time), end_time=value(header.end_time),
                   venue=value(header.venue), span=header.span())


class _Spans:
    """Decisions' spans, asked "does any overlap this one?" in O(log n): by start, with the
    furthest end so far (a long page holds hundreds of resolutions and blocks).

    >>> from transforms.models import Span
    >>> _Spans([Decision("a", "decision", Span(5, 9))]).overlap(Decision("b", "decision", Span(8, 20)))
    True
    """

    def __init__(self, decisions: list[Decision]):
        spans = sorted((d.span.start, d.span.end) for d in decisions)
        self.starts = [s for s, _ in spans]
        self.furthest = list(accumulate((e for _, e in spans), max))

    def overlap(self, d: Decision) -> bool:
        before_end = bisect_left(self.starts, d.span.end)  # the spans that start before d ends
        return before_end > 0 and self.furthest[before_end - 1] > d.span.start


def find_decisions(text: str) -> list[Decision]:
    """Resolutions ("RESOLVED that ...") and labelled decisions ("Decision: ..."), in order.
    A "Decision:" block read by ``transforms.decision_blocks`` wins over the one-line reading
    of the same label; a resolution wins over a block that overlaps it."""
    found = find_resolutions(text)
    resolutions = [d for d in found if d.kind == "resolution"]
    blocks = find_decision_blocks(text) if find_decision_blocks is not None else []
    # resolutions are read here; the block reader gives only what sits under "Decision" labels
    resolution_spans = _Spans(resolutions)
    blocks = [b for b in blocks if b.kind == "decision" and not resolution_spans.overlap(b)]
    block_spans = _Spans(blocks)
    labelled = [d for d in found if d.kind == "decision" and not block_spans.overlap(d)]
    return sorted([*resolutions, *labelled, *blocks], key=lambda d: d.span.start)


def truncation_warnings(doc: CleanText) -> tuple[ParseWarning, ...]:
    if doc.truncated or TRUNCATION_MARK.search(doc.text):
        return (ParseWarning("truncated", "the page links to the full minutes text instead of giving it"),)
    return ()


def parse(doc: CleanText) -> ParsedMinutes:
    """Everything a ModernGov page says (odd text gives empty results). A bug that raises is
    not caught here: the normalise stage quarantines the document as ``parser_crashed``."""
    text = doc.text or ""
    items = find_numbered_items(text)
    updates = tuple(find_action_updates(text)) if find_action_updates else ()
    return ParsedMinutes(
        document_id=doc.document_id, adapter=NAME, meeting=meeting_from(read_header(text)),
        attendance=tuple(with_person_entries(find_panel_attendance(text), text)), agenda_items=tuple(items),
        action_updates=updates, decisions=with_items(find_decisions(text), items),
        warnings=truncation_warnings(doc))


class _Adapter:
    name = NAME

    def detect(self, text: str) -> float:
        return detect(text)

    def parse(self, doc: CleanText) -> ParsedMinutes:
        return parse(doc)


ADAPTER = _Adapter()
