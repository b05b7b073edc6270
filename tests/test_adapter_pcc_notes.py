"""The commissioners' board notes adapter (pcc_notes) and its list and table readers.

Goldens: ``UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_adapter_pcc_notes.py`` rewrites
``tests/golden/pcc_notes/<fixture>.json`` from the current output.
"""

from __future__ import annotations

import dataclasses
import json
import os
from datetime import date
from pathlib import Path

import pytest

from transforms.actions.table import parse_actions_table
from transforms.adapters.pcc_notes import LAYOUT
from transforms.attendance.prose_lists import parse_prose_attendees
from transforms.models import CleanText

HERE = Path(__file__).parent
FIXTURES = sorted((HERE / "fixtures" / "pcc_notes").glob("*.txt"))
GOLDEN = HERE / "golden" / "pcc_notes"
SHARED = HERE.parents[1] / "shared"


def _doc(path: Path) -> CleanText:
    return CleanText(document_id=path.stem, source_uri=str(path), text=path.read_text(encoding="utf-8"),
                     format="text")


def _as_json(value: object) -> object:
    return json.loads(json.dumps(dataclasses.asdict(value), default=lambda v: v.isoformat(),
                                 ensure_ascii=False))


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.stem)
def test_fixture_matches_golden(path: Path) -> None:
    got = _as_json(LAYOUT.parse(_doc(path)))
    golden = GOLDEN / f"{path.stem}.json"
    if os.environ.get("UPDATE_GOLDEN") == "1":
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(json.dumps(got, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    assert got == json.loads(golden.read_text(encoding="utf-8"))


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.stem)
def test_fixtures_are_detected(path: Path) -> None:
    assert LAYOUT.detect(path.read_text(encoding="utf-8")) >= 0.6


def test_every_span_points_into_the_text() -> None:
    for path in FIXTURES:
        doc = _doc(path)
        parsed = LAYOUT.parse(doc)
        for fact in [*parsed.attendance, *parsed.agenda_items, *parsed.actions,
                     *parsed.action_updates, *parsed.decisions]:
            assert 0 <= fact.span.start < fact.span.end <= len(doc.text)


def test_kent_style_notes() -> None:
    parsed = LAYOUT.parse(_doc(HERE / "fixtures" / "pcc_notes" / "commissioner_board_notes.txt"))
    m = parsed.meeting
    assert (m.body, m.meeting_date, m.start_time, m.next_meeting_date) == (
        "Finance and Scrutiny Board", date(2023, 3, 14), "14:00", date(2023, 6, 20))
    assert [a.name for a in parsed.attendance] == [
        "Priya Okafor", "Tom Becket", "Lena Varga", "Hannah Rowe", "Liam Ortiz"]
    assert "Quill" not in " ".join(a.name for a in parsed.attendance)  # only mentioned
    # the bullet and the table row are one action; the row's owner and date win
    assert [(a.owner, a.due_date, a.status) for a in parsed.actions] == [
        ("Chief Constable", date(2023, 6, 20), "open")]


def test_prose_list_grouped_by_organisation() -> None:
    text = ("**Office of the Exampleshire PCC:** Ann Lee (Chief of Staff), Bo Chan (Treasurer)\n\n"
            "Exampleshire Police: Chief Constable Cy Dunn, Assistant Chief Constable Di Evans")
    people = parse_prose_attendees(text, 0, len(text))
    assert [(p.name, p.rank, p.role, p.organisation) for p in people] == [
        ("Ann Lee", None, "Chief of Staff", "Office of the Exampleshire PCC"),
        ("Bo Chan", None, "Treasurer", "Office of the Exampleshire PCC"),
        ("Cy Dunn", "Chief Constable", None, "Exampleshire Police"),
        ("Di Evans", "Assistant Chief Constable", None, "Exampleshire Police"),
    ]
    assert text[people[2].span.start:people[2].span.end] == "Chief Constable Cy Dunn"


def test_role_before_name_with_initials_and_wrapped_semicolons() -> None:
    text = ("Chief Constable Al Ray (AR); Head of Legal\nServices Jo Kim (JK); "
            "Commissioner’s Chief Finance Officer and Head of Audit Mo Fry (MF)")
    people = parse_prose_attendees(text, 0, len(text), status="apologies")
    assert [(p.name, p.rank, p.role, p.status) for p in people] == [
        ("Al Ray", "Chief Constable", None, "apologies"),
        ("Jo Kim", None, "Head of Legal Services", "apologies"),
        ("Mo Fry", None, "Commissioner’s Chief Finance Officer and Head of Audit", "apologies"),
    ]


def test_bulleted_name_initials_role_list() -> None:
    text = ("  • Al Ray (AR) Co-Chair – Police & Crime Commissioner\n"
            "  • Jo Kim (JK) – Assistant Chief Constable, Local Policing\n"
            "  • Mo Fry (minutes) – Secretary\n"
            "  • Cy Dunn (CD) – Head of Finance (Joined at 10:05)")
    people = parse_prose_attendees(text, 0, len(text))
    assert [(p.name, p.role, p.is_chair, p.is_minute_taker, p.partial, p.note) for p in people] == [
        ("Al Ray", "Police & Crime Commissioner", True, False, False, None),
        ("Jo Kim", "Assistant Chief Constable, Local Policing", False, False, False, None),
        ("Mo Fry", "Secretary", False, True, False, None),
        ("Cy Dunn", "Head of Finance", False, False, True, "Joined at 10:05"),
    ]


def test_run_on_list_without_separators() -> None:
    text = "CC Ray – Chair DCC Kim ACO Jo Fry Cy Dunn – Head of Communications Chief Inspector Lo – Staff Officer"
    people = parse_prose_attendees(text, 0, len(text))
    assert [(p.name, p.rank, p.role, p.is_chair) for p in people] == [
        ("Ray", "CC", None, True),
        ("Kim", "DCC", None, False),
        ("Jo Fry", "ACO", None, False),
        ("Cy Dunn", None, "Head of Communications", False),
        ("Lo", "Chief Inspector", "Staff Officer", False),
    ]


def test_comma_and_list_and_non_people() -> None:
    text = "ACC Blake, ACC Jo Kim, and Mo Fry"
    assert [(p.name, p.rank) for p in parse_prose_attendees(text, 0, len(text))] == [
        ("Blake", "ACC"), ("Jo Kim", "ACC"), ("Mo Fry", None)]
    prose = "The PCC welcomed everyone to the meeting."
    assert parse_prose_attendees(prose, 0, len(prose)) == []


def test_actions_table_tab_separated() -> None:
    text = "Overview of Actions\n\n\tStatus\tOwner\tDue date\nWrite the plan\tOpen\tChief Constable\t27/09/2017\n"
    (action,) = parse_actions_table(text, 0, len(text), date(2017, 6, 7))
    assert (action.description, action.status, action.owner, action.due_date) == (
        "Write the plan", "open", "Chief Constable", date(2017, 9, 27))
    assert text[action.span.start:action.span.end].startswith("Write the plan\tOpen")


def test_actions_table_pipes_any_column_order() -> None:
    text = ("| Ref | Owner | Due | Action | Status |\n|---|---|---|---|---|\n"
            "| 4/23 | OPCC | 30/11 | Publish the report | Complete |\n"
            "| 5/23 | Force | next meeting | Review the data | Ongoing |\n\nNext text")
    actions = parse_actions_table(text, 0, len(text), date(2023, 10, 2))
    assert [(a.action_ref, a.owner, a.due_date, a.description, a.status) for a in actions] == [
        ("4/23", "OPCC", date(2023, 11, 30), "Publish the report", "closed"),
        ("5/23", "Force", None, "Review the data", "open"),
    ]


def test_actions_table_absent_or_truncated() -> None:
    assert parse_actions_table("No table here.", 0, 14, None) == []
    text = "\tStatus\tOwner\tDue date\nHalf a ro"
    assert parse_actions_table(text, 0, len(text), None) == []


def test_odd_input_does_not_raise() -> None:
    for text in ["", "\n\n", "Attendees:", "1.", "ITEM 1: ATTENDANCE CC", "Ref 01/02/03/2024",
                 "Officers: Chief", "\tStatus\tOwner\n\t\t\t"]:
        parsed = LAYOUT.parse(CleanText(document_id="d", source_uri="u", text=text, format="text"))
        assert parsed.adapter == "pcc_notes"


@pytest.mark.skipif(not (SHARED / "seeds").is_dir(), reason="real documents are not available")
def test_kent_seed_meeting_fields() -> None:
    path = next((SHARED / "seeds").glob("002_*.txt"), None)
    if path is None:
        pytest.skip("seed 002 not present")
    gold = json.loads((SHARED / "gold" / "seeds" / f"{path.stem}.json").read_text(encoding="utf-8"))
    parsed = LAYOUT.parse(_doc(path))
    got = _as_json(parsed.meeting)
    for field in ("body", "meeting_date", "start_time", "end_time", "venue", "next_meeting_date"):
        assert got[field] == gold["meeting"][field], field
    names = {a.name for a in parsed.attendance}
    assert {g["name"] for g in gold["attendance"] if not g.get("optional")} <= names


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.stem)
def test_text_cut_anywhere_parses_without_errors(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    for cut in range(0, len(text), 5):
        parsed = LAYOUT.parse(CleanText(document_id="d", source_uri="u", text=text[:cut], format="text"))
        assert not [w for w in parsed.warnings if "Error" in w.message or "Exception" in w.message], cut
        for fact in [*parsed.attendance, *parsed.actions, *parsed.decisions]:
            assert 0 <= fact.span.start < fact.span.end <= cut


# ---- generalisation: the family, not the files (invented notes) ----------------------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from transforms.adapters import choose_adapter  # noqa: E402
from transforms.attendance.prose_entry import parse_person_entry  # noqa: E402
from transforms.models import Span  # noqa: E402

_TOKENS = ["Executive Board Minutes 4 March 2031\n", "Attendees: ", "In the Chair: ", "Officers: ",
           "Apologies were received from ", "Minute taker: ", "ITEM 1: ATTENDANCE ", "Ref 01/04/03/2031\n",
           "Ada Hart (AH) – Treasurer\n", "CC Bo Lee – Chair ", "Decision: ", "RESOLVED: ", "ACTION: AH to ",
           "Action 12 – Closed.\n", "\tStatus\tOwner\tDue date\n", "1. Welcome and introductions\n",
           "(VC)", "(Part)", ";", ",", " and ", "\n", "•"]
notes_text = st.lists(st.one_of(st.sampled_from(_TOKENS),
                                st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=12)),
                      max_size=40).map("".join)


@settings(max_examples=150, deadline=2000)
@given(notes_text)
def test_parse_is_total_bounded_and_deterministic(text: str) -> None:
    first = LAYOUT.parse(CleanText("d", "u", text, "text"))
    assert first == LAYOUT.parse(CleanText("d", "u", text, "text"))
    assert not [w for w in first.warnings if "Error" in w.message or "Exception" in w.message]
    for fact in [*first.attendance, *first.agenda_items, *first.actions, *first.action_updates,
                 *first.decisions, first.meeting]:
        assert 0 <= fact.span.start <= fact.span.end <= len(text)
    assert 0.0 <= LAYOUT.detect(text) <= 1.0


@settings(max_examples=200, deadline=1000)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=120))
def test_person_entries_and_prose_lists_are_total(text: str) -> None:
    parse_person_entry(text, Span(0, len(text)))
    people = parse_prose_attendees(text, 0, len(text))
    assert people == parse_prose_attendees(text, 0, len(text))
    assert all(0 <= p.span.start <= p.span.end <= len(text) for p in people)


@pytest.mark.parametrize(("entry", "name", "role", "flags"), [
    ("Ada Hart (AH) – Treasurer (VC)", "Ada Hart", "Treasurer", {"remote"}),
    ("Ada Hart (AH) – Treasurer (Part)", "Ada Hart", "Treasurer", {"partial"}),
    ("Ada Hart (AH) (virtual)", "Ada Hart", None, {"remote"}),
    ("Mia Tate (MT) – Analyst", "Mia Tate", "Analyst", set()),  # initials, not "Microsoft Teams"
    ("Bo Lee (BL) Co-Chair – Chief Constable (via Zoom)", "Bo Lee", "Chief Constable", {"is_chair", "remote"}),
    ("Cy Moss (CM) – Secretary (Minutes)", "Cy Moss", "Secretary", {"is_minute_taker"}),
    ("Chief Finance Officer Di Lane-Ross", "Di Lane-Ross", "Chief Finance Officer", set()),
])
def test_qualifiers_after_the_role_and_role_first_entries(entry, name, role, flags) -> None:
    person = parse_person_entry(entry, Span(0, len(entry)))
    assert (person.name, person.role) == (name, role)
    assert {f for f in ("is_chair", "is_minute_taker", "remote", "partial") if getattr(person, f)} == flags


def test_role_words_alone_are_no_person() -> None:
    for entry in ("Director of Commercial Services", "Head of Corporate Communications",
                  "Temporary Head of Legal Services Ann Lee"):
        assert parse_person_entry(entry, Span(0, len(entry))) is None


_NOTES = """Executive Board Minutes {when}
Minutes of the meeting held in Room 4, Police Headquarters, at 9:30am on {when}.
{heading}
In the Chair: Commissioner Ada Hart (AH).
Officers: Chief Constable Bo Lee (BL); Head of Legal Services Cy Moss (CM) (VC); Chief Finance Officer Di Lane-Ross
Minute taker: Governance Officer Ed Fox (EF).
101. APOLOGIES
Deputy Chief Constable Gil Orme (GO).
102. DECISIONS REQUIRED
Decision
The Commissioner approved the estates strategy.
Resolved:
(a) That the fleet review be noted.
(b) That the uniform contract be renewed.
ACTION: BL to report on the fleet review.
"""


@pytest.mark.parametrize("when", ["4 March 2031", "4th March 2031", "04/03/2031", "March 4, 2031"])
@pytest.mark.parametrize("heading", ["PRESENT:-", "Members present:", ""])
def test_surface_variants_of_one_note_read_alike(when: str, heading: str) -> None:
    text = _NOTES.format(when=when, heading=heading)
    assert choose_adapter(text).name == "pcc_notes"
    parsed = LAYOUT.parse(CleanText("d", "u", text, "text"))
    assert parsed.meeting.meeting_date == date(2031, 3, 4)
    people = {a.name: a for a in parsed.attendance}
    assert set(people) == {"Ada Hart", "Bo Lee", "Cy Moss", "Di Lane-Ross", "Ed Fox", "Gil Orme"}
    assert people["Ada Hart"].is_chair and people["Cy Moss"].remote and people["Ed Fox"].is_minute_taker
    assert people["Gil Orme"].status == "apologies"
    assert [(d.kind, d.text) for d in parsed.decisions] == [
        ("decision", "The Commissioner approved the estates strategy."),
        ("resolution", "That the fleet review be noted."),
        ("resolution", "That the uniform contract be renewed.")]
    assert [(a.owner, a.description) for a in parsed.actions] == [
        ("Bo Lee", "BL to report on the fleet review.")]


def test_a_board_note_with_an_unseen_title_is_still_detected() -> None:
    text = ("Strategic Resources Board\nNotes of Meeting\nDate: 2 May 2031\nPresent:\n"
            "Ada Hart (AH) – Police and Crime Commissioner\nBo Lee (BL) – Chief Executive\n"
            "Apologies:\nCy Moss (CM) – Treasurer\n1. Minutes\nThe minutes were approved.\n")
    assert choose_adapter(text).name == "pcc_notes"
    people = {a.name: a.status for a in LAYOUT.parse(CleanText("d", "u", text, "text")).attendance}
    assert people == {"Ada Hart": "present", "Bo Lee": "present", "Cy Moss": "apologies"}


def test_one_unreadable_line_does_not_end_a_list() -> None:
    text = ("Minutes of Meeting\nMeeting: Resources Board\nITEM 1: ATTENDANCE\nCC Fenner - Chair\n"
            "Asst Commissioner Vane\nACC Clay\nAnn Lee – Analyst\nITEM 2: Review of minutes\n")
    names = [a.name for a in LAYOUT.parse(CleanText("d", "u", text, "text")).attendance]
    assert names == ["Fenner", "Clay", "Ann Lee"]


def test_minute_taker_label_holding_the_role_with_the_name_on_the_next_line() -> None:
    text = ("Executive Board Minutes – 4 March 2031\n\nPRESENT:-\nIn the Chair: Commissioner Ann Bee (AB)\n"
            "Officers: Chief Constable Cy Dunn (CD); Chief Executive Officer Ed Fox (EF)\n\n"
            "Minute taker: Commissioner’s Chief Executive Officer’s Personal Assistant\nGil Hart (GH)\n\n"
            "101. APOLOGIES\n\nNone recorded.\n")
    people = {a.name: a for a in LAYOUT.parse(CleanText("n1", "n.txt", text, "text")).attendance}
    gil = people["Gil Hart"]
    assert (gil.role, gil.is_minute_taker) == ("Commissioner’s Chief Executive Officer’s Personal Assistant", True)
    assert not people["Ed Fox"].is_minute_taker and people["Ed Fox"].role == "Chief Executive Officer"


def test_a_row_without_initials_in_a_name_initials_role_block() -> None:
    text = ("Eastshire Governance Board\n\nNotes of Meeting\n\nWednesday 4th June 2031, 14:00 – 16:00\n\n"
            "Ann Bee (AB), Chair, Police and Crime Commissioner\n\nCy Dunn (CD), Chief Executive Officer\n\n"
            "Ed Fox, Secretary\n\nGil Hart (GH), Treasurer\n\n\nRef 01/04/06/2031\n\nIntroductions were made.\n")
    got = {a.name: a.role for a in LAYOUT.parse(CleanText("n2", "n2.txt", text, "text")).attendance}
    assert got["Ed Fox"] == "Secretary" and got["Gil Hart"] == "Treasurer"


def test_the_first_row_of_a_block_without_its_initials() -> None:
    text = ("Executive Board\n\nDate and Time:\nTuesday 8 July 2031, 09:30-12:00\n\nConference Room, Westgate\n\n\n"
            "Ann Bee Police & Crime Commissioner (PCC) for Eastshire\nCy Dunn (CD) Deputy Chief Constable\n"
            "Ed Fox (EF) Chief Executive Officer (CEO)\n\n1. Apologies\n\nNone.\n")
    got = {a.name: a.role for a in LAYOUT.parse(CleanText("n3", "n3.txt", text, "text")).attendance}
    assert got["Ann Bee"] == "Police & Crime Commissioner (PCC) for Eastshire"
    assert {"Cy Dunn", "Ed Fox"} <= set(got) and "Conference Room" not in " ".join(got)
