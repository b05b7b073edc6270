"""find_new_actions, find_action_updates and their helpers with explicit values."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from transforms.actions.new_actions import action_status, due_date, find_new_actions
from transforms.actions.table import parse_actions_table
from transforms.actions.updates import find_action_updates
from transforms.models import Attendance, Span

PEOPLE = (Attendance("Simon Tarrant", Span(0, 1), rank="T/CS"),
          Attendance("Jane Wood", Span(0, 1)), Attendance("Nigel Brock", Span(0, 1), rank="ACC"))


def test_new_action_with_text_on_next_line_and_implied_due_date() -> None:
    text = ("New action 35/24:\nACC Nigel Brock to produce a cost paper for discussion at the "
            "CO Away Day on 18 October.\nOther business.")
    [action] = find_new_actions(text, meeting_date=date(2024, 10, 8))
    assert action.action_ref == "35/24"
    assert action.owner == "Nigel Brock"
    assert action.due_date == date(2024, 10, 18)
    assert action.description == ("ACC Nigel Brock to produce a cost paper for discussion at the "
                                  "CO Away Day on 18 October.")
    assert action.span == Span(0, text.index("\nOther"))


def test_new_action_colon_before_ref_and_surname_resolved_from_people() -> None:
    text = "New action: 9/24\nT/CS Tarrant to liaise with Legal Services."
    [action] = find_new_actions(text, people=PEOPLE)
    assert (action.action_ref, action.owner, action.due_date) == ("9/24", "Simon Tarrant", None)


def test_new_action_same_line_and_role_owner() -> None:
    text = "New Action 12/25 - Chief Constable to write to the board by 30 June 2025."
    [action] = find_new_actions(text)
    assert (action.action_ref, action.owner, action.due_date) == ("12/25", "Chief Constable",
                                                                  date(2025, 6, 30))
    assert action.description == "Chief Constable to write to the board by 30 June 2025."


@pytest.mark.parametrize(("written", "owner"), [
    ("Insp. Jane Wood to review the custody rota.", "Jane Wood"),
    ("Det. Supt. Ola Penn will report on the pilot.", "Ola Penn"),
    ("Ch/Supt. Tarrant to brief the board.", "Simon Tarrant"),
    ("Mr. Brock to circulate the paper.", "Nigel Brock"),
])
def test_owner_after_a_dotted_rank_or_title(written: str, owner: str) -> None:
    [action] = find_new_actions(f"New action 4/25: {written}", people=PEOPLE)
    assert action.owner == owner


def test_day_month_without_year_and_no_meeting_date_gives_no_due_date() -> None:
    [action] = find_new_actions("New action 1/24: ACC Brock to report on 18 October.")
    assert action.due_date is None


def test_due_date_rolls_into_next_year_and_needs_a_cue() -> None:
    assert due_date("to report by 14 January", date(2024, 11, 5)) == date(2025, 1, 14)
    assert due_date("review the 12 March 2024 minutes", None) is None


def test_generic_action_forms() -> None:
    text = ("ACTION: JW to circulate the collective agreement.\n"
            "Action – DCC Brock to speak to the estates lead.\n"
            "Action: Refresh the risk register. By whom: Jane Wood By when: 1 May 2025\n"
            "Action NB send a note to the panel.\n")
    got = [(a.action_ref, a.owner, a.due_date, a.description) for a in find_new_actions(text, people=PEOPLE)]
    assert got == [
        (None, "Jane Wood", None, "JW to circulate the collective agreement."),
        (None, "Nigel Brock", None, "DCC Brock to speak to the estates lead."),
        (None, "Jane Wood", date(2025, 5, 1), "Refresh the risk register."),
        (None, "Nigel Brock", None, "NB send a note to the panel."),
    ]


def test_numbered_actions_under_a_new_actions_heading_are_not_updates() -> None:
    text = "New actions\nAction 3/24: Jane Wood to book the venue.\n4/24 - ACC Brock to brief staff.\nNext."
    assert [a.action_ref for a in find_new_actions(text)] == ["3/24", "4/24"]
    assert find_action_updates(text) == []


@pytest.mark.parametrize(("line", "ref", "status", "written"), [
    ("Action 22/24 - Ports EES. CLOSED", "22/24", "closed", "CLOSED"),
    ("Action 4/24 - discharged", "4/24", "closed", "discharged"),
    ("Action 26/24 - carried forward", "26/24", "carried_forward", "carried forward"),
    ("Action 5/24 - ongoing", "5/24", "open", "ongoing"),
    ("Action 6/24 - in progress", "6/24", "open", "in progress"),
    ("Action 7/24 - complete", "7/24", "closed", "complete"),
    ("Action 8/24 - not yet complete", "8/24", "open", "not yet complete"),
    ("2a. Action 3/24 Central Operations All Out Day update", "3/24", "open", None),
    ("ACTION #617 – Briefing to the panel. Briefing in diaries. Closed.", "617", "closed", "Closed"),
    ("Action 16 Pending until the next meeting.", "16", "carried_forward", "Pending"),
])
def test_action_update_lines(line, ref, status, written) -> None:
    [update] = find_action_updates(line)
    assert (update.action_ref, update.status, update.status_as_written) == (ref, status, written)
    assert update.span == Span(0, len(line))


def test_several_refs_on_one_update_line_and_new_action_is_not_an_update() -> None:
    text = "Actions 17/31 and 18/31 - completed\nNew action 35/24:\nJane Wood to act."
    assert [(u.action_ref, u.status) for u in find_action_updates(text)] == [
        ("17/31", "closed"), ("18/31", "closed")]


def test_action_status_takes_the_last_phrase() -> None:
    assert action_status("was open, now closed") == ("closed", "closed")
    assert action_status("nothing to say") is None


@settings(max_examples=200, deadline=1000)
@given(st.lists(st.sampled_from(["New action 4/31:", "New actions\n", "Action 2/31 - ", "CLOSED", "ACTION: ",
                                 "JW to ", "By whom: ", "By when: 3 June 2031", "\n", "Action ", "x",
                                 "on 18 October", "3/31 - ", "\tStatus\tOwner\tDue date\n", "\tOpen\t"]),
                max_size=30).map("".join))
def test_action_readers_are_total_bounded_and_deterministic(text: str) -> None:
    for read in (lambda: find_new_actions(text, meeting_date=date(2031, 6, 3)),
                 lambda: find_action_updates(text),
                 lambda: parse_actions_table(text, 0, len(text), date(2031, 6, 3))):
        found = read()
        assert found == read()
        assert all(0 <= f.span.start <= f.span.end <= len(text) for f in found)
