"""The field packages' entry points and the runner's shared steps, with explicit values."""

from __future__ import annotations

import pytest

from transforms.actions import find_action_updates, find_actions
from transforms.adapters.reading import numbered_by_position
from transforms.attendance import find_attendance
from transforms.decisions import find_decisions
from transforms.header import read_meeting
from transforms.models import Action, AgendaItem, Decision, Span
from transforms.page import Page

PANEL = ("Present: Councillor Kay Moss (Chair), Mr Al Penn\n\n"
         "Apologies were received from Councillor Moss.\n")


def test_attendance_strategies_run_in_order_and_merge_keeps_one_of_each_person() -> None:
    page = Page(PANEL, "test")
    apart = find_attendance(page, ("labelled_lists", "apology_sentences"))
    assert [(a.name, a.status) for a in apart] == [
        ("Kay Moss", "present"), ("Al Penn", "present"), ("Moss", "apologies")]
    merged = find_attendance(page, ("labelled_lists", "apology_sentences"), merge=True)
    assert [(a.name, a.status) for a in merged] == [("Kay Moss", "present"), ("Al Penn", "present")]


def test_a_strategy_reads_from_the_body_start_and_uses_what_earlier_fields_found() -> None:
    text = "Action 4/31 - CLOSED\n---\nAction 5/31 - CLOSED\nAction: JW to circulate the figures.\n"
    page = Page(text, "test", body_start=text.index("---"))
    assert [u.action_ref for u in find_action_updates(page, ("reference_lines",))] == ["5/31"]
    page.people = find_attendance(Page("Present: Jane Wood\n", "test"), ("labelled_lists",))
    assert [a.owner for a in find_actions(page, ("action_lines",))] == ["Jane Wood"]


def test_the_header_takes_one_strategy_and_its_options() -> None:
    text = "Minutes\nThe Westshire Police and Crime Panel met.\nDate: 3 March 2031\n"
    page = Page(text, "test")
    assert read_meeting(page, "title_and_labels").body == "Westshire Police and Crime Panel"
    assert read_meeting(page, "title_and_labels", body_mentions=False).body is None
    with pytest.raises(TypeError):
        read_meeting(page, "board_labels", body_mentions=False)  # an option the strategy has not


def test_numbering_by_position_fills_only_what_is_missing() -> None:
    items = [AgendaItem("1", "Welcome", Span(0, 10)), AgendaItem("2", "Finance", Span(50, 60))]
    facts = [Decision("a", "decision", Span(5, 9)), Decision("b", "decision", Span(70, 80), item_number="7"),
             Decision("c", "decision", Span(55, 58))]
    assert [d.item_number for d in numbered_by_position(facts, items)] == ["1", "7", "2"]
    before_any = [Action("early", Span(0, 0))]
    assert numbered_by_position(before_any, items[1:])[0].item_number is None


def test_decision_strategies_leave_item_numbers_to_the_runner() -> None:
    text = "1. Minutes\nRESOLVED that the minutes be approved.\nDecision: to note the report.\n"
    found = find_decisions(Page(text, "test"), ("resolutions_and_blocks",))
    assert [(d.kind, d.item_number) for d in found] == [("resolution", None), ("decision", None)]
