"""Kent Police "Chief Officer's Management Board" pages.

Layout (as cleaned text)::

    Title: Chief Officer's Management Board - Strategic
    Date: Tuesday 8 October 2024
    Venue: Clift Room and virtual via Microsoft Teams
    Name | Role |
    ---|---|
    CC Jo Bloggs (Chair) | Chief Constable |
    ...
    Apologies
    <one paragraph per line: updates "Action 22/24 - CLOSED", "Decision(s)" blocks,
     "New action 35/24:" + action text, numbered items only now and then ("8a. ...")>
    With no further business, the open session finished at 13:53.
    Tuesday 22 October 2024.        <- the next meeting's date

Pages are often cut mid-table or mid-sentence; whatever is there is read, nothing guessed.
"""

from __future__ import annotations

import re

from transforms.adapters.layout import Layout, use
from transforms.attendance.board_table import TABLE_HEADER
from transforms.header.board_header import date_field, header_fields

_BOARD_TITLE = re.compile(r"Chief\s+Officer.{0,3}s?\s+Management\s+Board|Management\s+Board",
                          re.IGNORECASE)


def detect(text: str) -> float:
    """How much ``text`` looks like a Kent board page: labelled header, ``Name | Role``
    table, board title."""
    head = text[:4000]
    fields = header_fields(head)
    score = 0.0
    if "title" in fields and date_field(fields) is not None:
        score += 0.2 + (0.1 if "venue" in fields else 0.0)
    if TABLE_HEADER.search(head):
        score += 0.4
    if "title" in fields and _BOARD_TITLE.search(fields["title"].value):
        score += 0.3
    return min(score, 1.0)


LAYOUT = Layout(
    name="kent_board",
    detect=detect,
    # the table's roles ("Director of ...") are not items or actions: the body starts after it
    body_start="after_attendee_table",
    header=use("board_labels"),
    agenda=use("titled_numbers"),
    attendance=use("attendee_table", "guest_headings", "apology_headings"),
    actions=use("action_lines"),
    action_updates=use("reference_lines"),
    decisions=use("decision_blocks"),
)
