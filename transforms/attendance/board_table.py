"""The attendee table of a management-board page::

    Name | Role |
    ---|---|
    CC Jo Bloggs (Chair) | Chief Constable |

from its header row to its last row; a page cut inside the table keeps the rows it has (and a
last row cut mid-name when that row still reads as a rank and a name).
"""

from __future__ import annotations

import re

from transforms.attendance.attendees import is_rank_and_name, parse_attendee_table
from transforms.models import Attendance, Span
from transforms.page import Page

#: the attendee table's header row: "Name | Role |", "| Attendee | Position |"
TABLE_HEADER = re.compile(r"^[ \t|]*(?:Name|Names|Attendees?)[ \t]*\|[ \t]*(?:Role|Title|Position|Job title|"
                          r"Department|Directorate|Representing)\b.*$", re.IGNORECASE | re.MULTILINE)


def table_region(text: str) -> tuple[int, int] | None:
    """Where the attendee table runs: from its ``Name | Role`` header to the last row."""
    header = TABLE_HEADER.search(text)
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


def read_attendee_table(page: Page) -> list[Attendance]:
    """The people of the attendee table; a page without one, or cut inside it, is noted."""
    text = page.text
    region = table_region(text)
    if region is None:
        page.warn("no_attendees", "no attendee table")
        return []
    if not text[region[1]:].strip():
        page.warn("attendee_table_cut", "text ends inside the attendee table", Span(*region))
    return parse_attendee_table(text, *region)
