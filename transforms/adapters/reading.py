"""The one runner every layout goes through: fields in a fixed order, each read by the
strategies the layout names, then the steps every layout shares (item numbers by position,
warnings for cut or attendee-less pages)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, TypeVar

from transforms.actions import find_action_updates, find_actions
from transforms.actions.action_log import complete_action_log
from transforms.agenda import find_agenda_items
from transforms.attendance import find_attendance
from transforms.decisions import find_decisions
from transforms.header import BODY_STARTS, read_meeting
from transforms.models import Action, AgendaItem, CleanText, Decision, ParsedMinutes
from transforms.page import Page
from transforms.text.positions import item_at

if TYPE_CHECKING:  # the Layout's parse calls this runner
    from transforms.adapters.layout import Layout

#: the link a publisher puts where it cut a page (extraction usually flags it as ``truncated``)
TRUNCATION_MARK = re.compile(r"view the full minutes text", re.IGNORECASE)

Fact = TypeVar("Fact", Action, Decision)


def read_minutes(layout: Layout, doc: CleanText) -> ParsedMinutes:
    """Read ``doc`` with ``layout``'s strategies (odd text gives empty results)."""
    text = doc.text or ""
    page = Page(text=text, layout=layout.name, body_start=BODY_STARTS[layout.body_start](text))
    page.items = find_agenda_items(page, layout.agenda.strategies)
    (header,) = layout.header.strategies
    page.meeting = read_meeting(page, header, **layout.header.options)
    page.people = find_attendance(page, layout.attendance.strategies, **layout.attendance.options)
    actions = find_actions(page, layout.actions.strategies)
    updates = find_action_updates(page, layout.action_updates.strategies)
    actions, updates = complete_action_log(text, actions, updates, people=page.people,
                                           meeting_date=page.meeting.meeting_date)
    decisions = find_decisions(page, layout.decisions.strategies)
    if "actions" in layout.number_by_position:
        actions = numbered_by_position(actions, page.items)
    if "decisions" in layout.number_by_position:
        decisions = numbered_by_position(decisions, page.items)
    if layout.expect_attendees and not page.people:
        page.warn("no_attendees", "no attendees found")
    if doc.truncated or TRUNCATION_MARK.search(text):
        page.warn("truncated", "the page links to the full minutes text instead of giving it")
    return ParsedMinutes(
        document_id=doc.document_id, adapter=layout.name, meeting=page.meeting,
        attendance=tuple(page.people), agenda_items=tuple(page.items), actions=tuple(actions),
        action_updates=tuple(updates), decisions=tuple(decisions), warnings=tuple(page.warnings))


def numbered_by_position(facts: Sequence[Fact], items: Sequence[AgendaItem]) -> list[Fact]:
    """Each fact with the number of the item it sits under, unless it has one already."""
    return [f if f.item_number else replace(f, item_number=item_at(items, f.span.start)) for f in facts]
