"""People a sentence says were present: "The following guests attended the meeting:" and the
bulleted names below it; "Tim Vane (Chief Constable, Northshire Police) was in
attendance for this item." gives Tim Vane present, role "Chief Constable", partial, note "for
this item"; "Cllr Al Penn and Cllr Bo Rigg were also in attendance." gives both present.

Only a sentence that ends after "in attendance" (or after "for this item", "for item 4", "at
the meeting") counts: "Cllr Cy Dunn was in attendance at the meeting in January" is about another
meeting, and "… was in attendance as the deputy for …" is a substitution
(``panel_attendance.find_substitutions``). The people are the run of capitalised words, brackets
and "and" just before the verb ("The Chief Constable, Tim Vane was …" gives Tim Vane).

Example::

    >>> [(a.name, a.role, a.partial, a.note) for a in find_presence_sentences(
    ...     "Tim Vane (Chief Constable) was in attendance for this item.")]
    [('Tim Vane', 'Chief Constable', True, 'for this item')]
"""

from __future__ import annotations

import re
from dataclasses import replace

from transforms.attendance.panel_attendance import bulleted_people, list_people
from transforms.models import Attendance

#: the verb, found at its own word (not at the blanks before it, which a long run would make slow)
_PRESENT = re.compile(
    r"(?<=[ \t])(?:was|were)[ \t]+(?:also[ \t]+)?in[ \t]+attendance"
    r"(?:[ \t]+(?P<part>for[ \t]+(?:this|the)[ \t]+item|for[ \t]+item[ \t]+\d+[a-z]?)|[ \t]+at[ \t]+the[ \t]+meeting)?"
    r"[ \t]*(?:\.|$)", re.MULTILINE)
#: a piece of the text before the verb: a bracket, or a word up to a space or comma
_PIECE = re.compile(r"\([^()\n]*\)|[^\s,()]+")
_JOINERS = {"and", "&"}
#: a sentence introducing the people listed below it: "The following guests attended the meeting:"
_FOLLOWING = re.compile(r"^[^\n]*\b[Tt]he following\b[^\n.]*\b(?:attended|were in attendance|were present)\b"
                        r"[^\n.]*:[ \t]*$", re.MULTILINE)


def find_presence_sentences(text: str) -> list[Attendance]:
    """Everyone "… was/were (also) in attendance (for this item)." names (see the module doc)."""
    people: list[Attendance] = []
    if "he following" in text:
        for m in _FOLLOWING.finditer(text):
            people.extend(bulleted_people(text, m.end() + 1, "present"))
    if "in attendance" not in text:
        return people
    for m in _PRESENT.finditer(text):
        start = _names_start(text, m.start())
        if start is None:
            continue
        found = list_people(text, start, m.start(), "present")
        if m.group("part"):
            found = [replace(p, partial=True, note=p.note or m.group("part")) for p in found]
        people.extend(found)
    return people


def _names_start(text: str, end: int) -> int | None:
    """Where the run of capitalised words, brackets and joiners that ends at ``end`` starts, within
    its sentence; None when the run is empty."""
    line_start = text.rfind("\n", 0, end) + 1
    stop = text.rfind(". ", line_start, end)
    begin = line_start if stop < 0 else stop + 2
    pieces = list(_PIECE.finditer(text, begin, end))
    start = None
    for piece in reversed(pieces):
        word = piece.group()
        if word.startswith("(") or word[:1].isupper() or (word in _JOINERS and start is not None):
            start = piece.start()
            continue
        break
    while start is not None and text[start:start + 4].split()[0] in _JOINERS:  # "and Cllr X": not "and"
        start = text.find(" ", start) + 1
    return start
