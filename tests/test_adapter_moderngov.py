"""ModernGov panel adapter and the helpers it is built from: golden outputs of the invented
fixtures, unit tests with explicit values, and the real pages in ../shared when present.

Rewrite the goldens after a deliberate change with ``UPDATE_GOLDEN=1 .venv/bin/pytest
tests/test_adapter_moderngov.py`` and review the diff.
"""

from __future__ import annotations

import dataclasses
import json
import os
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from transforms.adapters import choose_adapter
from transforms.adapters.moderngov import LAYOUT, detect
from transforms.agenda.numbered_items import find_numbered_items
from transforms.attendance.panel_attendance import find_panel_attendance
from transforms.decisions.resolutions import find_resolutions
from transforms.header.meeting_header import read_header
from transforms.models import CleanText, ParsedMinutes

HERE = Path(__file__).resolve().parent
FIXTURES = HERE / "fixtures" / "moderngov"
GOLDEN = HERE / "golden" / "moderngov"
SHARED = HERE.parent.parent / "shared"
FIXTURE_FILES = sorted(FIXTURES.glob("*.txt"))


def parse_text(text: str, name: str = "doc") -> ParsedMinutes:
    return LAYOUT.parse(CleanText(document_id=name, source_uri=name, text=text, format="text"))


def as_json(parsed: ParsedMinutes) -> str:
    """ParsedMinutes as stable JSON: dataclasses.asdict, dates as ISO strings."""
    def default(value: object) -> str:
        if isinstance(value, date):
            return value.isoformat()
        raise TypeError(f"cannot serialise {type(value).__name__}")
    return json.dumps(dataclasses.asdict(parsed), indent=2, ensure_ascii=False, default=default) + "\n"


@pytest.mark.parametrize("path", FIXTURE_FILES, ids=lambda p: p.stem)
def test_fixture_matches_golden(path: Path) -> None:
    got = as_json(parse_text(path.read_text(encoding="utf-8"), path.stem))
    golden = GOLDEN / f"{path.stem}.json"
    if os.environ.get("UPDATE_GOLDEN") == "1":
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(got, encoding="utf-8")
    assert golden.exists(), f"no golden for {path.name}; run with UPDATE_GOLDEN=1"
    assert got == golden.read_text(encoding="utf-8")


def test_fixtures_are_chosen_for_this_adapter() -> None:
    for path in FIXTURE_FILES:
        assert choose_adapter(path.read_text(encoding="utf-8")).name == "moderngov", path.name


# ---- the titled page -------------------------------------------------------------------

def test_titled_page_meeting_fields() -> None:
    parsed = parse_text((FIXTURES / "panel_titled.txt").read_text(encoding="utf-8"))
    m = parsed.meeting
    assert (m.body, m.meeting_date, m.start_time) == ("Westshire Police and Crime Panel", date(2029, 3, 14), "14:30")
    assert m.venue == "Brook Room, Civic Centre, Long Lane, Westbury"
    assert [w.code for w in parsed.warnings] == ["truncated"]  # "view the full minutes text" marks a cut page


def test_titled_page_resolutions_sit_under_their_items() -> None:
    parsed = parse_text((FIXTURES / "panel_titled.txt").read_text(encoding="utf-8"))
    assert [(d.item_number, d.text.split("\n")[0]) for d in parsed.decisions] == [
        ("42", "RESOLVED that the minutes of the meeting held on 10 January 2029 be approved as a correct record."),
        ("43", "RESOLVED that the Panel:"),
    ]
    assert parsed.decisions[1].text.endswith("(b)   asks the Commissioner to report on reserves in June.")


def test_titled_page_apologies_and_substitute() -> None:
    parsed = parse_text((FIXTURES / "panel_titled.txt").read_text(encoding="utf-8"))
    people = {(a.name, a.rank, a.status, a.organisation, a.note) for a in parsed.attendance}
    assert people == {
        ("Amos Fenwick", "Cllr", "apologies", "Westbury Borough Council", None),
        ("Idris Kell", "Mr", "apologies", None, None),
        ("Lomax", "Councillor", "apologies", None, None),
        ("Tarrant", "Councillor", "apologies", None, None),
        ("Vera Mold", "Cllr", "present", None, "substitute for Amos Fenwick"),
    }


def test_date_in_an_item_title_is_not_the_meeting_date() -> None:
    parsed = parse_text((FIXTURES / "panel_untitled_cut.txt").read_text(encoding="utf-8"))
    assert parsed.meeting.meeting_date is None
    assert parsed.meeting.body == "Police and Crime Panel"
    assert [a.item_number for a in parsed.agenda_items] == ["7", "8", "9"]


# ---- find_resolutions ------------------------------------------------------------------

def test_resolution_forms() -> None:
    text = ("Minutes:\nRESOLVED that the report be noted.\n"
            "2. Resolved – that Jo Bloggs is elected Chair of the Westshire Police and\n\n"
            " Crime Panel for the year.\n"
            "Minutes: UNANIMOUSLY RESOLVED that the accounts be approved.\n"
            "The Committee resolved that the press be excluded.\n"
            "Resolved: That the plan be adopted.\n")
    assert [d.text for d in find_resolutions(text)] == [
        "RESOLVED that the report be noted.",
        "Resolved – that Jo Bloggs is elected Chair of the Westshire Police and\nCrime Panel for the year.",
        "UNANIMOUSLY RESOLVED that the accounts be approved.",
        "The Committee resolved that the press be excluded.",
        "Resolved: That the plan be adopted.",
    ]
    assert all(d.kind == "resolution" for d in find_resolutions(text))


def test_resolution_with_a_list_is_one_resolution_and_spans_it() -> None:
    text = "RESOLVED that the Panel:\n\n1)  notes the report; and\n\n2)  asks for an update.\n\n8.\n"
    [d] = find_resolutions(text)
    assert d.text == "RESOLVED that the Panel:\n1)  notes the report; and\n2)  asks for an update."
    assert text[d.span.start:d.span.end].endswith("asks for an update.")


def test_bare_that_paragraphs() -> None:
    agenda_text = "Exempt item\n\nThat the press and public be excluded.\n\nAdditional documents:\n\nMinutes:\n"
    assert find_resolutions(agenda_text) == []
    lost_motion = "Moved by Cllr A and seconded by Cllr B -\n\nThat Cllr C be Chair.\n\nIt was then –\n"
    assert find_resolutions(lost_motion) == []
    carried = "Moved by Cllr A and seconded by Cllr B -\n\nThat Cllr C be Chair.\n\nMotion Carried\n"
    assert [d.text for d in find_resolutions(carried)] == ["That Cllr C be Chair."]
    assert [d.text for d in find_resolutions("on the vote,\n\nThat Jo Bloggs be elected Chair.\n")] == [
        "That Jo Bloggs be elected Chair."]


def test_truncation_marker_is_left_out() -> None:
    text = "RESOLVED that the report be noted and that  ...  view the full minutes text for item 4."
    assert [d.text for d in find_resolutions(text)] == ["RESOLVED that the report be noted and that"]


# ---- find_numbered_items ---------------------------------------------------------------

def test_items_with_the_number_alone_on_a_line() -> None:
    text = ("105.\n\nMinutes of the Panel pdf icon PDF 50 KB\n\nMinutes:\n\n"
            "1.    The Chair raised one point from the minutes.\n\n"
            "62/21\n\nAPOLOGIES FOR ABSENCE\n\n3(1)\n\nApologies\n\n7a\n\nPUBLIC QUESTIONS:-\n\n"
            "PCP\n8/21\nANNUAL REPORT\n")
    assert [(a.item_number, a.title) for a in find_numbered_items(text)] == [
        ("105", "Minutes of the Panel"), ("62/21", "APOLOGIES FOR ABSENCE"), ("3(1)", "Apologies"),
        ("7a", "PUBLIC QUESTIONS"), ("PCP 8/21", "ANNUAL REPORT")]
    first = find_numbered_items(text)[0]
    assert text[first.span.start:first.span.start + 4] == "105."


def test_one_line_items_but_not_discussion_paragraphs() -> None:
    text = ("1. Welcome & Introduction\n8a. Fleet Replacement Plan mileage rate\n"
            "Item 3: Finance\n2. Members did not have any comments on the report.\n"
            "1. The Commissioner introduced the report and explained the figures.\n"
            "3\nThere were none.\n")
    assert [(a.item_number, a.title) for a in find_numbered_items(text)] == [
        ("1", "Welcome & Introduction"), ("8a", "Fleet Replacement Plan mileage rate"), ("3", "Finance")]


def test_undotted_items_only_in_sequence() -> None:
    text = "1 Apologies for Absence\n2 Pdf Minutes (108Kb)\n17 February, 10am (reserved date)\n"
    assert [(a.item_number, a.title) for a in find_numbered_items(text)] == [
        ("1", "Apologies for Absence"), ("2", "Minutes")]
    assert find_numbered_items("5 Councillors attended.\n") == []


# ---- meeting header and attendance -----------------------------------------------------

def test_header_forms() -> None:
    h = read_header("Agenda and minutes\n\nInformal, Police and Crime Panel - Thursday, 9th December, 2027 "
                    "10.00 am\n\nVenue: Hall. View directions\n")
    assert (h.body.value, h.meeting_date.value, h.start_time.value, h.venue.value) == (
        "Police and Crime Panel", date(2027, 12, 9), "10:00", "Hall")
    h = read_header("Eastshire Police, Fire and Crime Panel\n16 Feb 2027 - 14:30 to 17:00\nOccurred\n")
    assert (h.meeting_date.value, h.start_time.value, h.end_time.value, h.venue) == (
        date(2027, 2, 16), "14:30", "17:00", None)


def test_attendance_blocks_give_groups_their_organisation() -> None:
    text = "Officers:\nAl Penn, Bo Rigg (Westbury Borough Council).\nApologies for absence:\nCllr Cy Dunn.\n"
    assert [(a.name, a.organisation, a.status) for a in find_panel_attendance(text)] == [
        ("Al Penn", "Westbury Borough Council", "present"), ("Bo Rigg", "Westbury Borough Council", "present"),
        ("Cy Dunn", None, "apologies")]


def test_detect() -> None:
    assert detect((FIXTURES / "panel_titled.txt").read_text(encoding="utf-8")) >= 0.8
    assert detect("Minutes:\nRESOLVED to note the report.\n") == 0.0
    assert detect("") == 0.0


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=400))
def test_never_raises_on_odd_text(text: str) -> None:
    parsed = parse_text(text)
    assert parsed.adapter == "moderngov"
    assert not [w for w in parsed.warnings if w.code == "parse_error"]


@pytest.mark.parametrize("cut", [0, 1, 57, 300, 640, 900])
def test_truncated_fixture_never_raises(cut: int) -> None:
    text = (FIXTURES / "panel_titled.txt").read_text(encoding="utf-8")[:cut]
    assert not [w for w in parse_text(text).warnings if w.code == "parse_error"]


# ---- the real pages --------------------------------------------------------------------

@pytest.mark.shared
def test_seed_003_against_gold() -> None:
    seeds = SHARED / "seeds"
    if not seeds.is_dir():
        pytest.skip("../shared is not beside the project")
    [path] = sorted(seeds.glob("003_*.txt"))
    gold = json.loads((SHARED / "gold" / "seeds" / f"{path.stem}.json").read_text(encoding="utf-8"))
    parsed = parse_text(path.read_text(encoding="utf-8"), path.stem)
    assert parsed.meeting.meeting_date is None
    assert parsed.meeting.body == gold["meeting"]["body"]
    assert [(a.item_number, a.title) for a in parsed.agenda_items] == [
        (g["item"], g["title"]) for g in gold["agenda_items"]]
    assert [(d.item_number, " ".join(d.text.split())) for d in parsed.decisions] == [
        (g["item"], " ".join(g["text"].split())) for g in gold["decisions"]]


# ---- the family, not the files: forms the visible pages do not show ---------------------

def test_page_of_a_committee_the_body_table_does_not_list() -> None:
    text = (FIXTURES / "panel_other_committee.txt").read_text(encoding="utf-8")
    assert choose_adapter(text).name == "moderngov"
    parsed = parse_text(text)
    m = parsed.meeting
    assert (m.body, m.meeting_date, m.start_time) == ("Community Safety Scrutiny Committee", date(2031, 10, 8), "14:00")
    assert [a.item_number for a in parsed.agenda_items] == ["14", "15", "16", "17", "18"]
    assert [(d.kind, d.item_number) for d in parsed.decisions] == [
        ("resolution", "16"), ("resolution", "17"), ("decision", "18")]


@pytest.mark.parametrize("written", ["Friday, 8th October, 2032", "8th October 2032", "08/10/2032",
                                     "October 8, 2032", "Friday 8 October 2032", "8 Oct 2032"])
def test_title_dates_in_any_common_format(written: str) -> None:
    h = read_header(f"Agenda and minutes\n\nNorthvale Police and Crime Panel - {written} 10am\n\nNo. Item\n")
    assert (h.body.value, h.meeting_date.value, h.start_time.value) == (
        "Northvale Police and Crime Panel", date(2032, 10, 8), "10:00")


def test_contact_line_is_not_the_body_and_item_dates_are_not_the_meeting_date() -> None:
    text = ("Venue: Hall 2\nContact: Ada Lusk, Northvale Police and Crime Panel Scrutiny Officer\n"
            "No. Item\n4.\nMinutes of the Police and Crime Panel - 5 March 2030\n")
    h = read_header(text)
    assert h.meeting_date is None
    assert h.body is not None and h.body.value == "Police and Crime Panel"


@pytest.mark.parametrize(("text", "number"), [
    ("Item 5\n\nBudget Monitoring\n", "5"), ("(5)\n\nBudget Monitoring\n", "5"),
    ("PCP/21/05\n\nBudget Monitoring\n", "PCP/21/05"), ("5a\n\nBudget Monitoring\n", "5a"),
    ("Item 5: Budget Monitoring\n", "5"), ("(5) Budget Monitoring\n", "5"),
    ("PCP/21/05 - Budget Monitoring\n", "PCP/21/05"), ("5. Budget Monitoring\n", "5"),
])
def test_item_numbers_in_every_common_form(text: str, number: str) -> None:
    assert [(a.item_number, a.title) for a in find_numbered_items(text)] == [(number, "Budget Monitoring")]


def test_numbered_paragraphs_restart_and_are_not_items() -> None:
    text = ("56. Apologies\n1. The Chair welcomed members.\n57. Declarations of Interest\n"
            "2. Parish council membership updates\n58. Forward Plan\n")
    assert [a.item_number for a in find_numbered_items(text)] == ["56", "57", "58"]


def test_title_cut_by_the_end_of_the_text_is_left_out() -> None:
    assert [a.item_number for a in find_numbered_items("4.\n\nPublic Questions\n\n5.\n\nDeclarat")] == ["4"]
    kept = find_numbered_items("5.\n\nForward Plan pdf icon PDF ")
    assert [(a.item_number, a.title) for a in kept] == [("5", "Forward Plan")]


@pytest.mark.parametrize(("text", "kind", "first_words"), [
    ("It was resolved that the update be noted.\n", "resolution", "It was resolved that"),
    ("The Panel RESOLVED to note the report.\n", "resolution", "The Panel RESOLVED to"),
    ("RESOLVED:\nthat the report be noted.\n\nNext item\n", "resolution", "RESOLVED:\nthat the report"),
    ("AGREED:\nThat the plan be adopted.\n", "resolution", "AGREED:\nThat the plan"),
    ("Resolved:\n(1) That A be noted;\n(2) That B be agreed.\n\n6.\n", "resolution", "Resolved:\n(1) That A"),
    ("RESOLVED – That (a) the report be noted; and (b) a review be held.\n", "resolution", "RESOLVED – That (a)"),
    ("DECISION: That the budget profile be endorsed.\n", "decision", "That the budget profile"),
])
def test_resolutions_in_every_common_council_form(text: str, kind: str, first_words: str) -> None:
    [d] = find_resolutions(text)
    assert d.kind == kind and d.text.startswith(first_words)
    assert text[d.span.start:d.span.end].split() == d.text.split()


def test_qualifiers_flags_and_places_from_any_council() -> None:
    text = ("Present:\nCllr Ann Pike (in the Chair), Cllr Ben Roe (virtual), Cllr Cal Sand (from item 4), "
            "Mr Dev Tate (Marlow and Westbury), Cllr Eve Udal (LAB), Mrs Fay Vine (Independent).\n")
    got = {a.name: a for a in find_panel_attendance(text)}
    assert got["Ann Pike"].is_chair and got["Ben Roe"].remote
    assert (got["Cal Sand"].partial, got["Cal Sand"].note) == (True, "from item 4")
    assert got["Dev Tate"].organisation == "Marlow and Westbury"
    assert got["Eve Udal"].organisation is None and got["Fay Vine"].organisation is None


@pytest.mark.parametrize("label", ["Members present:", "Members:", "Also present:", "Officers in attendance:",
                                   "Minutes: 1. In attendance:"])
def test_attendance_labels(label: str) -> None:
    text = f"{label}\nCllr Ann Pike and Ch Supt Ivo Brand (Northshire Police).\n\nNext item\n"
    assert [(a.name, a.rank, a.status) for a in find_panel_attendance(text)] == [
        ("Ann Pike", "Cllr", "present"), ("Ivo Brand", "Ch Supt", "present")]


def test_substitute_members_label_and_prose_ends_a_block() -> None:
    text = ("Substitute Members:\nCllr Ann Pike\nThe Panel thanked Councillor Bo Rigg for his service.\n"
            "Apologies received:\nMayor Cy Dunn\n")
    got = [(a.name, a.rank, a.status, a.is_representative) for a in find_panel_attendance(text)]
    assert got == [("Ann Pike", "Cllr", "present", True), ("Cy Dunn", "Mayor", "apologies", False)]


def test_apologies_wordings_and_substitution_stays_on_its_line() -> None:
    for opener in ("Apologies for absence were received from", "Apologies were submitted by",
                   "An apology for absence was received from", "Apologies for absence were received on behalf of"):
        got = find_panel_attendance(f"{opener} Cllr Ann Pike and Mr Bo Rigg.\n")
        assert [(a.name, a.status) for a in got] == [("Ann Pike", "apologies"), ("Bo Rigg", "apologies")]
    got = find_panel_attendance("Cllr Ann Pike substituted for Cllr Rigg.\nDeclarations of Interest\n")
    assert [(a.name, a.status, a.note) for a in got] == [
        ("Ann Pike", "present", "substitute for Rigg"), ("Rigg", "apologies", None)]


def test_html_page_goes_through_extract_to_this_adapter() -> None:
    from transforms.extract import extract_text
    from transforms.models import RawDocument

    text = (FIXTURES / "panel_other_committee.txt").read_text(encoding="utf-8")
    html = "<html><body>" + "".join(f"<p>{line}</p>" for line in text.splitlines() if line.strip()) + "</body></html>"
    clean = extract_text(RawDocument("h", "page.html", html.encode("utf-8")))
    assert choose_adapter(clean.text).name == "moderngov"
    parsed = LAYOUT.parse(clean)
    assert parsed.meeting.meeting_date == date(2031, 10, 8)
    assert len(parsed.attendance) == len(parse_text(text).attendance)
    assert [d.kind for d in parsed.decisions] == ["resolution", "resolution", "decision"]


# ---- properties of every parse entry point ---------------------------------------------

_TEXT = st.text(alphabet=st.characters(codec="utf-8"), max_size=300) | st.lists(
    st.sampled_from(["RESOLVED", "that", "Apologies", "Present:", "(Chair)", "12.", "Item 5", "\n", " - ",
                     "Cllr", "Jo", "Bloggs", ",", "and", "(", ")", "Minutes:", "Police and Crime Panel",
                     "Tuesday, 8th October, 2030", "10.00 am", "Venue:", "|", "PCP/21/05", "DECISION:"]),
    max_size=60).map("".join)


def _spans_inside(text: str, spans: list) -> bool:
    return all(0 <= s.start <= s.end <= len(text) for s in spans)


@settings(max_examples=120, deadline=2000)
@given(_TEXT)
def test_entry_points_are_total_bounded_and_deterministic(text: str) -> None:
    people, items, decisions = find_panel_attendance(text), find_numbered_items(text), find_resolutions(text)
    header = read_header(text)
    assert _spans_inside(text, [p.span for p in people] + [a.span for a in items] + [d.span for d in decisions])
    assert _spans_inside(text, [header.span()])
    assert (people, items, decisions, header) == (
        find_panel_attendance(text), find_numbered_items(text), find_resolutions(text), read_header(text))
    parsed = parse_text(text)
    assert parsed == parse_text(text) and parsed.adapter == "moderngov"
    assert 0.0 <= detect(text) <= 0.9
