"""Action logs in the shapes boards use: action points, references listed with a status,
schedule tables and action-log lines. Invented pages."""

from datetime import date

from transforms.actions.action_log import complete_action_log, find_action_points, find_log_updates
from transforms.adapters import parse_document
from transforms.models import Attendance, CleanText, Span

LOG = """Northvale Force Executive Board
Date: 3 April 2030

1. Action log
The Board agreed that the following actions can be closed as completed: 20, 33, 34 and 52.
Actions 7 and 17 remain open.
12/2019/P | Review the estates strategy | CC | Discharged
13/2019/P | Custody review | ACC | Ongoing - report in May
14/2030 Review of custody provision Ongoing

2. New business
Action Point 1: JH to review the fleet plan by 3 May 2030.
AP2 - DCC to report on recruitment to the next meeting.
"""


def _updates(text):
    return {u.action_ref: u.status for u in find_log_updates(text)}


def test_log_updates_of_every_shape():
    assert _updates(LOG) == {
        "20": "closed", "33": "closed", "34": "closed", "52": "closed",
        "7": "open", "17": "open",
        "12/2019/P": "closed", "13/2019/P": "open", "14/2030": "open",
    }


def test_schedule_row_keeps_the_action_text_as_note():
    row = next(u for u in find_log_updates(LOG) if u.action_ref == "12/2019/P")
    assert (row.status_as_written, row.note) == ("Discharged", "Review the estates strategy")
    assert LOG[row.span.start:row.span.end].startswith("12/2019/P | Review")


def test_action_points_with_owner_initials_resolved_from_attendees():
    people = [Attendance(name="Jo Hale", span=Span(0, 0))]
    got = [(a.action_ref, a.owner, a.due_date) for a in find_action_points(LOG, people=people,
                                                                           meeting_date=date(2030, 4, 3))]
    assert got == [("1", "Jo Hale", date(2030, 5, 3)), ("2", "DCC", None)]


def test_not_action_log_shapes():
    text = ("3. Finance update\nThe plan was open to consultation until 4 May.\n"
            "12 | Budget line | 40,000 | Approved by the board\n"
            "Action Point 3: Ports update. CLOSED\n"
            "Members noted 14 open cases.\n")
    assert find_log_updates(text) == []
    assert find_action_points(text) == []
    # without an action-log heading a line ending in a status word is not read
    assert find_log_updates("14/2030 Review of custody provision Ongoing\n") == []


def test_a_parsed_page_gets_the_log_once():
    doc = CleanText(document_id="d1", source_uri="x.txt", text=LOG, format="text")
    parsed = parse_document(doc)
    assert sorted(u.action_ref for u in parsed.action_updates).count("7") == 1
    assert {a.action_ref for a in parsed.actions} >= {"1", "2"}
    assert not {a.action_ref for a in parsed.actions} & {u.action_ref for u in parsed.action_updates}
    again = complete_action_log(LOG, parsed.actions, parsed.action_updates)
    assert again == (list(parsed.actions), list(parsed.action_updates))  # nothing more to add


COMMAND_TEAM = """Chief Officer Command Team
Wednesday 14 January 2032, 10:00 - 15:30
Present
Chief Constable Mark Dunn (MD) - Chair
Deputy Chief Constable Omar Sayed (OS)

1. Minutes and action log
Action 05/2031 - Write to forces on vetting. Discharged.
07/2031 Data sharing protocol - carried forward
2. Workforce
Action 3: OS will present the workforce plan to the Board.
The next meeting will be held on 11 March 2032.
"""


def test_a_raised_action_point_is_not_also_an_update():
    parsed = parse_document(CleanText(document_id="d2", source_uri="x.txt", text=COMMAND_TEAM, format="text"))
    assert [(a.action_ref, a.owner) for a in parsed.actions] == [("3", "Omar Sayed")]
    assert {u.action_ref: u.status for u in parsed.action_updates} == {
        "05/2031": "closed", "07/2031": "carried_forward"}  # the log under "Minutes and action log"
    assert parsed.meeting.next_meeting_date == date(2032, 3, 11)
