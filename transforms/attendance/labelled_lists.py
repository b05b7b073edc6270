"""People listed under an attendance label, each list running to the next blank line::

    Present: Jo Bloggs (Chair), Chief Constable Al Pugh, Ada Harp (Chief of Staff)
    Members absent: Cllr Sam Reed

"Present:", "Attendees:", "In attendance:", "Members present:", "Also present:" give people
present; every other label of the quirk tables (``quirks.attendance_labels``: "Attending:",
"Officers in attendance:", "Absent:", "Members absent:", ...) gives its own status. Apologies
labels are left to the apology readers, which read them line by line.
"""

from __future__ import annotations

import re
from functools import cache

from transforms.attendance.prose_lists import parse_prose_attendees
from transforms.models import Attendance
from transforms.quirks import attendance_labels
from transforms.text.phrases import phrase_alternation

#: "Present:" / "Attendees:" / "In attendance:" labels; the list runs to the next blank line
_PRESENT_LABEL = re.compile(
    r"^[ \t*_]*(?:Present|Attendees|Attendance|In attendance|Members present|Also present)[ \t*_]*:"
    r"[ \t*_]*", re.IGNORECASE | re.MULTILINE)
_BLANK_LINE = re.compile(r"\n[ \t]*\n")


def _section_end(text: str, start: int) -> int:
    """End of a labelled list: the first blank line (or the end of the text)."""
    m = _BLANK_LINE.search(text, start)
    return m.start() if m else len(text)


@cache
def _other_labels() -> tuple[re.Pattern[str], dict[str, str]]:
    """The quirk tables' labels (not apologies, not those of ``_PRESENT_LABEL``) with a colon."""
    labels = {label: status for label, status in attendance_labels().items()
              if status != "apologies" and not _PRESENT_LABEL.match(label + ":")}
    alt = phrase_alternation(labels, gap=r"[ \t]+")
    return re.compile(rf"^[ \t*_]*(?P<label>{alt})[ \t*_]*:[ \t*_]*", re.IGNORECASE | re.MULTILINE), labels


def find_labelled_lists(text: str) -> list[Attendance]:
    """Everyone under an attendance label, read as a prose list.

    >>> [(a.name, a.status) for a in find_labelled_lists("Present: Jo Bloggs (Chair), Ada Harp\\n\\n"
    ...                                                  "Members absent: Cllr Sam Reed\\n\\nMinutes")]
    [('Jo Bloggs', 'present'), ('Ada Harp', 'present'), ('Sam Reed', 'absent')]
    """
    people: list[Attendance] = []
    for m in _PRESENT_LABEL.finditer(text):
        people.extend(parse_prose_attendees(text, m.end(), _section_end(text, m.end())))
    others, statuses = _other_labels()
    for m in others.finditer(text):
        status = statuses[" ".join(m.group("label").lower().split())]
        people.extend(parse_prose_attendees(text, m.end(), _section_end(text, m.end()), status=status))
    return sorted(people, key=lambda a: a.span.start)
