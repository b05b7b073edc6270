"""People listed under "Present:"-like labels, each list running to the next blank line::

    Present: Jo Bloggs (Chair), Chief Constable Al Pugh, Ada Harp (Chief of Staff)
"""

from __future__ import annotations

import re

from transforms.attendance.prose_lists import parse_prose_attendees
from transforms.models import Attendance

#: "Present:" / "Attendees:" / "In attendance:" labels; the list runs to the next blank line
_PRESENT_LABEL = re.compile(
    r"^[ \t*_]*(?:Present|Attendees|Attendance|In attendance|Members present|Also present)[ \t*_]*:"
    r"[ \t*_]*", re.IGNORECASE | re.MULTILINE)
_BLANK_LINE = re.compile(r"\n[ \t]*\n")


def _section_end(text: str, start: int) -> int:
    """End of a labelled list: the first blank line (or the end of the text)."""
    m = _BLANK_LINE.search(text, start)
    return m.start() if m else len(text)


def find_labelled_lists(text: str) -> list[Attendance]:
    """Everyone under a "Present:"-like label, read as a prose list.

    >>> [a.name for a in find_labelled_lists("Present: Jo Bloggs (Chair), Ada Harp\\n\\nMinutes")]
    ['Jo Bloggs', 'Ada Harp']
    """
    people: list[Attendance] = []
    for m in _PRESENT_LABEL.finditer(text):
        people.extend(parse_prose_attendees(text, m.end(), _section_end(text, m.end())))
    return people
