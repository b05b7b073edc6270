"""Who owns an action, in the shapes action lines give it (invented text throughout):
initials after a list number, the owner written after the action, a group named in lower
case, and a capitalised subject that is not an owner."""

from __future__ import annotations

from datetime import date

from transforms.actions import notes_outcomes
from transforms.actions.new_actions import find_new_actions
from transforms.actions.owners import owner_after
from transforms.models import Attendance, Meeting, Span

ATTENDEES = "Kim Dale (KD) - Head of Estates\nPriya Tan (PT) - Assistant Chief Constable\n"
PEOPLE = [Attendance(name, Span(ATTENDEES.index(name), ATTENDEES.index("\n", ATTENDEES.index(name))))
          for name in ("Kim Dale", "Priya Tan")]
MEETING = Meeting(meeting_date=date(2031, 4, 2))


def _notes_actions(body: str) -> list[tuple[str | None, str, date | None]]:
    text = ATTENDEES + body
    return [(a.owner, a.description, a.due_date)
            for a in notes_outcomes.find_actions(text, [], PEOPLE, MEETING)]


def test_numbered_action_with_owner_initials() -> None:
    assert _notes_actions("4. Minute 12: noted.\n5. Action KD to circulate the revised terms of reference\n") == [
        ("Kim Dale", "KD to circulate the revised terms of reference", None)]
    [action] = find_new_actions(ATTENDEES + "3. Action KD to circulate the terms of reference\n", people=PEOPLE)
    assert (action.owner, action.description) == ("Kim Dale", "KD to circulate the terms of reference")


def test_owner_written_after_the_action() -> None:
    body = ("Action: The Harbourside element of the bid needs to be costed and brought to a future "
            "meeting of this Board.  Action: PT\n")
    assert _notes_actions(body) == [
        ("Priya Tan", "The Harbourside element of the bid needs to be costed and brought to a future "
                      "meeting of this Board.", None)]
    [action] = find_new_actions("ACTION: Refresh the estates risk register.  Action: KD\n", people=PEOPLE)
    assert (action.owner, action.description) == ("Kim Dale", "Refresh the estates risk register.")
    assert owner_after("Check the 2030/31 figures - see Action: the appendix, as agreed by the Board "
                       "and the Panel in May") == (
        "Check the 2030/31 figures - see Action: the appendix, as agreed by the Board and the Panel in May", None)


def test_a_group_in_lower_case_owns_the_action() -> None:
    assert _notes_actions("ACTION: the force will consult the regulator on the audit findings.\n") == [
        ("the force", "the force will consult the regulator on the audit findings.", None)]
    [action] = find_new_actions("Action: the secretariat to circulate the revised protocol.\n")
    assert action.owner == "the secretariat"
    # passive: what is to be done, not who does it
    [action] = find_new_actions("Action: the minutes to be circulated to members.\n")
    assert action.owner is None


def test_a_capitalised_subject_without_a_verb_of_doing_is_no_owner() -> None:
    assert _notes_actions("ACTION: The Eastgate element of the plan needs a fuller review.\n") == [
        (None, "The Eastgate element of the plan needs a fuller review.", None)]
    assert _notes_actions("ACTION: Board Members to send comments to the Estates team.\n")[0][0] == "Board Members"
    assert _notes_actions("ACTION: KD send the note to PT.\n")[0][0] == "Kim Dale"


def test_notes_due_dates_use_the_shared_cue_words() -> None:
    assert _notes_actions("ACTION: Fleet paper to be re-scheduled for 14 May 2031 board.\n")[0][2] == date(2031, 5, 14)
    assert _notes_actions("ACTION: PT to report by 3 June 2031.\n")[0][2] == date(2031, 6, 3)


def test_initials_of_hyphenated_and_middle_names() -> None:
    people = [Attendance("Rae Hart-Lane", Span(0, 1)), Attendance("Jo Ann Hale", Span(0, 1))]
    found = find_new_actions("Action: RHL to review the fleet plan.\nAction: JH to brief the Board.\n"
                             "Action: JAH to close the log.\n", people=people)
    assert [a.owner for a in found] == ["Rae Hart-Lane", "Jo Ann Hale", "Jo Ann Hale"]


def test_owner_and_deadline_fields_after_the_action() -> None:
    [action] = find_new_actions("ACTION: Refresh the estates plan\nOwner: KD\nDeadline: 4 July 2031\n",
                                people=PEOPLE, meeting_date=date(2031, 4, 2))
    assert (action.owner, action.due_date, action.description) == ("Kim Dale", date(2031, 7, 4),
                                                                   "Refresh the estates plan")
    [action] = find_new_actions("Action: Update the risk register. Owner: PT. Due: 30 June 2031\n", people=PEOPLE)
    assert (action.owner, action.due_date) == ("Priya Tan", date(2031, 6, 30))
