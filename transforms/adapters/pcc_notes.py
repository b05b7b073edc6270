"""Adapter for the notes and minutes of Police and Crime Commissioners' boards.

The family: the Kent PCC's "Performance and Delivery Board" notes (labelled header, prose
attendees grouped by organisation, numbered sections, "Actions" bullets and an "Overview of
Actions" table), North Yorkshire's Executive Board minutes ("In the Chair:", "Officers:",
"Minute taker:", "ACTION: JW to ..."), West Mercia's Governance Board notes (bulleted
"Name (XX) – Role" lists, "Ref 01/17/08/2022" items, "Decision: ..."), Northamptonshire's
Accountability Board notes (names one a line under "1. Welcome and introductions") and
North Yorkshire Police's COT Board minutes ("ITEM 1: ATTENDANCE" run-on lists).

How strongly a text looks like the family is data: ``quirks/pcc_notes_markers.csv`` (and
``pcc_notes_antimarkers.csv`` for the look-alike panel and management-board layouts).
"""

from __future__ import annotations

import re
from functools import lru_cache

from transforms.adapters.pcc_attendance import find_attendance, zone_start
from transforms.adapters.pcc_header import read_meeting
from transforms.adapters.pcc_items import find_items
from transforms.adapters.pcc_outcomes import find_action_updates, find_actions, find_decisions
from transforms.attendance.person_entries import with_person_entries
from transforms.literal_guard import GuardedPattern, fold
from transforms.models import AgendaItem, CleanText, ParsedMinutes, ParseWarning
from transforms.quirks import load_table

DETECT_WINDOW = 6000
MIN_SCORE = 0.3


#: a marker that starts "^\W*" and then a word character ("^\W*Officers", "^\W*(?:Meeting|...")
_LINE_START_RUN = re.compile(r"^(?P<flags>\(\?[a-z]+\))?\^\\W\*(?=[A-Za-z]|\(\?:(?:[A-Za-z]|\[A-Z\]))")


def linear_line_start(pattern: str) -> str:
    r"""``pattern`` with a leading "^\W*" written "(?:\A|\n)[^\w\n]*": both match in exactly the same
    texts (the word that follows cannot be part of the run), but "^\W*" rescans a run of blank
    lines from each of its line starts, quadratic on a page of thousands of blank lines.

    >>> print(linear_line_start(r"(?im)^\W*Officers\s*:"))
    (?im)(?:\A|\n)[^\w\n]*Officers\s*:
    """
    return _LINE_START_RUN.sub(lambda m: (m.group("flags") or "") + r"(?:\A|\n)[^\w\n]*", pattern, count=1)


@lru_cache(maxsize=2)
def _markers(table: str) -> tuple[tuple[GuardedPattern, float], ...]:
    """The table's (pattern, weight) rows; patterns guarded by their words (every text is tried)
    and only ever asked whether they match (so ``linear_line_start`` may rewrite them)."""
    return tuple((GuardedPattern(re.compile(linear_line_start(r["pattern"]))), float(r["weight"]))
                 for r in load_table(table))


def _header_end(text: str, items: list[AgendaItem]) -> int:
    """The header is everything before the attendee lists (or the first item)."""
    candidates = [len(text)]
    if (start := zone_start(text, items)) is not None:
        candidates.append(start)
    if items:
        candidates.append(items[0].span.start)
    return min(candidates)


class _Adapter:
    name = "pcc_notes"

    def detect(self, text: str) -> float:
        """0.0-0.95: the sum of the family's marker weights, less the look-alikes'; below
        ``MIN_SCORE`` it is 0.0 so that the generic adapter keeps texts that only mention a PCC.

        >>> ADAPTER.detect("Executive Board Minutes 4 March 2014\\nIn the Chair: Commissioner Jo Bloggs")
        0.95
        """
        window = text[:DETECT_WINDOW]
        folded = fold(window)
        score = sum(w for p, w in _markers("pcc_notes_markers") if p.search(window, folded))
        score -= sum(w for p, w in _markers("pcc_notes_antimarkers") if p.search(window, folded))
        if score < MIN_SCORE:
            return 0.0  # a passing mention of a commissioner is no layout
        return round(min(0.95, score), 3)

    def parse(self, doc: CleanText) -> ParsedMinutes:
        text = doc.text
        warnings: list[ParseWarning] = []
        items = find_items(text)
        meeting = read_meeting(text, _header_end(text, items))
        people = with_person_entries(find_attendance(text, items), text)
        actions = find_actions(text, items, people, meeting)
        updates = find_action_updates(text)
        decisions = find_decisions(text, items)
        if not people:
            warnings.append(ParseWarning("no_attendees", "no attendees found"))
        if doc.truncated:
            warnings.append(ParseWarning("truncated", "source text was truncated"))
        return ParsedMinutes(document_id=doc.document_id, adapter=self.name, meeting=meeting,
                             attendance=tuple(people), agenda_items=tuple(items),
                             actions=tuple(actions), action_updates=tuple(updates),
                             decisions=tuple(decisions), warnings=tuple(warnings))


ADAPTER = _Adapter()
