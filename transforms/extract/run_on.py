"""Text with no line breaks (a PDF's text run together, a page flattened to one paragraph):
a long line is broken before each attendance label it holds ("In Attendance:", "Apologies for
absence:", "Present:"), so that every list starts a line under its label as the attendance
readers expect, and before each action label ("Action – LS to ...", "Action Point 3: ..."), in
capitals as written, wherever it stands. The labels are the quirk tables' (``quirks.attendance_labels``); a label is
only taken where a sentence or an entry has just ended (". ", ") ", "; ") and a colon or dash
follows it, so "were present: ..." inside a sentence stays as it is. Lines of ordinary length
are left alone.

Example::

    >>> break_run_on_lines(["Cllr Ann Brook (Chair), Cllr Bill Carr and Mr Dan Eves (Independent Member). "
    ...     "In Attendance: Jo Hale (Chief Executive), Sam Ives (Treasurer). Apologies for absence: Cllr Cat "
    ...     "Dale and Cllr Eve Ford. The Chair welcomed members to the meeting."])
    ['Cllr Ann Brook (Chair), Cllr Bill Carr and Mr Dan Eves (Independent Member).', \
'In Attendance: Jo Hale (Chief Executive), Sam Ives (Treasurer).', \
'Apologies for absence: Cllr Cat Dale and Cllr Eve Ford. The Chair welcomed members to the meeting.']
"""

from __future__ import annotations

import re
from functools import cache

from transforms.quirks import attendance_labels
from transforms.text.phrases import phrase_alternation

#: a line at least this long can be a page's text run together
_RUN_ON = 200


#: an action label inside a run-on line: "Action – LS to ...", "Action Point 3: ...", "Action 12/24:"
_ACTION = r"(?:New\s+)?Action(?:\s+Point)?(?:\s+\d{1,3}(?:/\d{2,4})?)?[ \t]*(?::|[–—-][ \t])"


@cache
def _label_break() -> re.Pattern[str]:
    alt = phrase_alternation(attendance_labels())
    return re.compile(rf"(?<=[.;)])[ \t]+(?=(?i:{alt})[ \t]*(?::|[–—-][ \t]))|(?<=\S)[ \t]+(?={_ACTION})")


def break_run_on_lines(lines: list[str]) -> list[str]:
    """``lines`` with each long line broken before the attendance and action labels it holds."""
    if all(len(line) < _RUN_ON for line in lines):
        return lines
    out: list[str] = []
    for line in lines:
        out.extend(_label_break().split(line) if len(line) >= _RUN_ON else [line])
    return out
