"""Attendance rows of a two-column table that PDF extraction flattened to text, under a heading
with no colon: the heading is an attendance label (``quirks/panel_attendance_labels.csv``),
maybe numbered as an agenda item and maybe longer ("1 Apologies for Absence and Notices of
Substitution"); each row is a name, a gap (a tab or a run of spaces), then the member's
organisation or role. A sentence or a lone number between the heading and the rows, or a
stray line between rows, is passed over; four such lines in a row, or the next numbered
item, end the block.

Example::

    >>> t = "Apologies\\nTo report any.\\n Ann Bee   Westbury Borough Council\\n Cy Dunn  Independent Member\\n"
    >>> [(a.name, a.organisation, a.role, a.status) for a in find_column_rows(t)]
    [('Ann Bee', 'Westbury Borough Council', None, 'apologies'), ('Cy Dunn', None, 'Independent Member', 'apologies')]
"""

from __future__ import annotations

import re
from functools import lru_cache

from transforms.attendance.panel_person import parens, person, second_column
from transforms.models import Attendance, Span
from transforms.quirks import load_table
from transforms.text.lines import iter_line_bounds
from transforms.text.phrases import phrase_alternation

#: lines passed over in a row before the block ends
_MAX_STRAY = 4
#: the next agenda item: "2 Minutes", "3. Declarations of Interest"
_NEXT_ITEM = re.compile(r"^[ \t]*\d{1,3}\.?[ \t]+[A-Z]")


@lru_cache(maxsize=1)
def _headings() -> tuple[re.Pattern[str], dict[str, str]]:
    """A heading line that opens with an attendance label and has no colon, and label -> status."""
    rows = {" ".join(r["label"].lower().split()): r["status"] for r in load_table("panel_attendance_labels")}
    words = phrase_alternation(rows, gap=r"[ \t]+")
    pattern = re.compile(rf"^[ \t]*+(?:\d{{1,3}}\.?[ \t]+)?(?P<label>{words})\b[^:\n]*$", re.IGNORECASE | re.MULTILINE)
    return pattern, rows


def find_column_rows(text: str) -> list[Attendance]:
    """The people of every "Name <gap> Organisation or role" block under a colon-less label."""
    if "  " not in text and "\t" not in text:  # no column gap anywhere: no row
        return []
    pattern, statuses = _headings()
    people: list[Attendance] = []
    for m in pattern.finditer(text):
        status = statuses[" ".join(m.group("label").lower().split())]
        people.extend(_rows(text, m.end() + 1, status))
    return people


def _rows(text: str, pos: int, status: str) -> list[Attendance]:
    people: list[Attendance] = []
    stray = 0
    for start, end in iter_line_bounds(text, pos):
        line = text[start:end]
        if not line.strip():
            continue
        if _NEXT_ITEM.match(line) and people:
            break
        row = person(line, Span(start, end), status) if second_column(parens(line)[0])[1] else None
        if row is None:
            stray += 1
            if stray >= _MAX_STRAY:
                break
            continue
        stray = 0
        people.append(row)
    return people
