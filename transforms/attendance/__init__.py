"""Who attended, sent apologies, substituted or observed.

One entry point, ``find_attendance(page, strategies, merge=...)``; the strategies:

* ``labelled_lists``: prose lists under "Present:" / "Attendees:" labels (``labelled_lists``);
* ``guest_headings``: people one per line under a bare "By invitation" / "Also present" /
  "In attendance" heading, from the body start (``prose_lists.find_guests``);
* ``apology_headings``: names under or after "Apologies" headings, from the body start
  (``attendees.find_apologies``);
* ``attendee_table``: a "Name | Role" table, noting a page without one or cut inside it
  (``board_table``);
* ``panel_blocks``: council lists under "Present:", "Substitute Members:", "Apologies for
  absence:" labels, one entry a line until a line reads as a sentence (``panel_attendance``);
* ``column_rows``: "Name <gap> Organisation" rows of a flattened two-column table under a
  colon-less label heading ("1 Apologies for Absence") (``column_rows``);
* ``apology_sentences`` / ``substitution_sentences``: "Apologies were received from ...",
  "Mrs Frost substituted for Mr Rigg" (``panel_attendance``);
* ``named_in_sentences``: both of those, merged (``panel_attendance``);
* ``presence_sentences``: "Tim Vane (Chief Constable) was in attendance for this item."
  (``presence_sentences``);
* ``notes_sections``: unlabelled "Name (INI) Role" lines and labelled sections of
  commissioners' board notes (``notes_attendance``).

``person_entries=True`` adds, after the strategies, the people a learned recogniser marks in
the page's entries (lines and list pieces judged by layout-free features) when the rules found
at most one person present (``person_entries``; see docs/learned-attendance.md).

With ``merge=True`` a person several strategies find is kept once (``merge_people``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from transforms.attendance.attendees import find_apologies
from transforms.attendance.board_table import read_attendee_table
from transforms.attendance.column_rows import find_column_rows
from transforms.attendance.labelled_lists import find_labelled_lists
from transforms.attendance.names import tidy_person
from transforms.attendance.notes_attendance import find_attendance as find_notes_attendance
from transforms.attendance.panel_attendance import (
    find_apology_sentences,
    find_labelled_blocks,
    find_sentence_attendance,
    find_substitutions,
    merge_people,
)
from transforms.attendance.person_entries import with_person_entries
from transforms.attendance.presence_sentences import find_presence_sentences
from transforms.attendance.prose_lists import find_guests
from transforms.models import Attendance
from transforms.page import Page

__all__ = ["STRATEGIES", "find_attendance"]

STRATEGIES: dict[str, Callable[[Page], list[Attendance]]] = {
    "labelled_lists": lambda page: find_labelled_lists(page.text),
    "guest_headings": lambda page: find_guests(page.text, page.body_start, len(page.text)),
    "apology_headings": lambda page: find_apologies(page.text, page.body_start, len(page.text)),
    "attendee_table": read_attendee_table,
    "panel_blocks": lambda page: find_labelled_blocks(page.text),
    "column_rows": lambda page: find_column_rows(page.text),
    "apology_sentences": lambda page: find_apology_sentences(page.text),
    "substitution_sentences": lambda page: find_substitutions(page.text),
    "named_in_sentences": lambda page: find_sentence_attendance(page.text),
    "presence_sentences": lambda page: find_presence_sentences(page.text),
    "notes_sections": lambda page: find_notes_attendance(page.text, page.items),
}


def find_attendance(page: Page, strategies: Sequence[str], *, merge: bool = False,
                    person_entries: bool = False) -> list[Attendance]:
    """The people each named strategy finds, in the order the strategies are named; with
    ``merge`` a person found twice is kept once, with the fuller name. With ``person_entries``
    the learned person-entry recogniser adds the people of an unlabelled list when the rules
    found at most one person present (``person_entries.with_person_entries``)."""
    found = [[tidy_person(p) for p in STRATEGIES[name](page)] for name in strategies]
    people = merge_people(*found) if merge else [p for group in found for p in group]
    if person_entries:
        people = [tidy_person(p) for p in with_person_entries(people, page.text)]
    return people
