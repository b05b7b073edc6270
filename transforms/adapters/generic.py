"""The fallback for any text no other adapter claims: a bare fragment of minutes, an unknown
publisher's page.

It reads only what is written in a recognisable form: "RESOLVED ..." resolutions,
"Decision:" blocks, "Action:" lines and action updates, numbered agenda items, people under
"Present:" / "Apologies:" labels, and meeting fields from explicit labels and headings
("Date:", "Venue:", "<Body> - <date>"). Everything else stays None: a fragment such as::

    Minutes:
    1. The Commissioner presented the quarterly figures ...
    RESOLVED to note the figures and to ask for a further update in the autumn.

gives one resolution and an empty meeting. ``detect`` returns a constant floor (0.1) so that
any layout adapter that recognises a text wins over this one.
"""

from __future__ import annotations

import re
from dataclasses import replace

from transforms.action_updates import find_action_updates
from transforms.actions import find_new_actions
from transforms.adapters.moderngov import find_decisions, item_of, meeting_from, truncation_warnings, with_items
from transforms.adapters.moderngov_attendance import find_sentence_attendance, merge_people
from transforms.agenda import find_numbered_items
from transforms.attendance.person_entries import with_person_entries
from transforms.attendees import find_apologies
from transforms.meeting_header import read_header
from transforms.models import (
    Action,
    AgendaItem,
    Attendance,
    CleanText,
    ParsedMinutes,
)
from transforms.prose_attendees import parse_prose_attendees

NAME = "generic"
FLOOR = 0.1

#: "Present:" / "Attendees:" / "In attendance:" labels; the list runs to the next blank line
_PRESENT_LABEL = re.compile(
    r"^[ \t*_]*(?:Present|Attendees|Attendance|In attendance|Members present|Also present)[ \t*_]*:"
    r"[ \t*_]*", re.IGNORECASE | re.MULTILINE)


def _section_end(text: str, start: int) -> int:
    """End of a labelled list: the first blank line (or the end of the text)."""
    m = re.compile(r"\n[ \t]*\n").search(text, start)
    return m.start() if m else len(text)


def find_attendance(text: str) -> list[Attendance]:
    """People under "Present:"-like labels (present), "Apologies" headings (apologies), and the
    people apologies and substitution sentences name."""
    people: list[Attendance] = []
    for m in _PRESENT_LABEL.finditer(text):
        people.extend(parse_prose_attendees(text, m.end(), _section_end(text, m.end())))
    people.extend(find_apologies(text))
    # council pages that no layout adapter claimed still name people in sentences
    return merge_people(people, find_sentence_attendance(text))


def parse(doc: CleanText) -> ParsedMinutes:
    """Whatever the text states in a recognisable form. A bug that raises is not caught here:
    the normalise stage quarantines the document as ``parser_crashed``."""
    text = doc.text or ""
    meeting = meeting_from(read_header(text, body_mentions=False))
    items = find_numbered_items(text)
    people = with_person_entries(find_attendance(text), text)
    actions = tuple(a if a.item_number else _with_item(a, items)
                    for a in find_new_actions(text, people=people, meeting_date=meeting.meeting_date))
    return ParsedMinutes(
        document_id=doc.document_id, adapter=NAME, meeting=meeting, attendance=tuple(people),
        agenda_items=tuple(items), actions=actions, action_updates=tuple(find_action_updates(text)),
        decisions=with_items(find_decisions(text), items), warnings=truncation_warnings(doc))


def _with_item(action: Action, items: list[AgendaItem]) -> Action:
    return replace(action, item_number=item_of(action.span.start, items))


class _Adapter:
    name = NAME

    def detect(self, text: str) -> float:
        return FLOOR

    def parse(self, doc: CleanText) -> ParsedMinutes:
        return parse(doc)


ADAPTER = _Adapter()
