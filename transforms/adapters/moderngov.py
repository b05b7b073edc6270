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
from functools import lru_cache

from transforms.adapters.layout import Layout, use
from transforms.header.meeting_title import body_pattern
from transforms.text.literal_guard import GuardedPattern, fold

#: "at a line start, after blank space": the same texts match as with "^\s*" before a word,
#: but "^\s*" rescans a run of blank lines from each of its line starts (quadratic)
_LINE_START = r"(?:\A\s*|\n[^\S\n]*)"
#: (pattern, weight): the more of these a page shows, the surer it is a ModernGov page. Only
#: whether each matches counts. "^\W*No" is written with the same care as "^\s*".
_SIGNS = tuple((GuardedPattern(p), w) for p, w in (
    (re.compile(r"View directions", re.IGNORECASE), 0.25),
    (re.compile(rf"{_LINE_START}Agenda and (?:draft )?minutes\s*$", re.IGNORECASE | re.MULTILINE), 0.25),
    (re.compile(r"(?:\A\W*|\n[^\w\n]*)No\.\W+Item\b", re.MULTILINE), 0.25),
    (re.compile(rf"{_LINE_START}(?:Minutes|Additional documents)\s*:", re.IGNORECASE | re.MULTILINE), 0.2),
    (re.compile(r"\A\s*Agenda item\s*$", re.MULTILINE), 0.3),
    # "105." alone on its line, then the title (after blank lines)
    (re.compile(rf"{_LINE_START}\d{{1,3}}\.[^\S\n]*\n\s*+[A-Z]", re.MULTILINE), 0.15),
    (re.compile(r"pdf icon", re.IGNORECASE), 0.1),
    (re.compile(rf"{_LINE_START}Attendance Details\s*$", re.IGNORECASE | re.MULTILINE), 0.2),
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


LAYOUT = Layout(
    name="moderngov",
    detect=detect,
    header=use("title_and_labels"),
    agenda=use("numbered_items"),
    attendance=use("panel_blocks", "apology_sentences", "substitution_sentences", "column_rows",
                   "presence_sentences", merge=True,
                   person_entries=True),
    action_updates=use("reference_lines"),
    decisions=use("resolutions_and_blocks", "decision_sentences"),
)
