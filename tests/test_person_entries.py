"""The layout-free person-entry recogniser (transforms/attendance): invented pages in the shapes
it must read, the shapes it must leave alone, and its wiring into the adapters."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from transforms.adapters import generic, parse_document
from transforms.attendance.entry_features import FEATURES, features, heading_at, split_entries
from transforms.attendance.person_entries import (
    ENV,
    WEIGHTS,
    find_person_entries,
    is_person_name,
    load_model,
    with_person_entries,
)
from transforms.models import Attendance, CleanText, Span

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "person_entries"


def fixture(name: str) -> str:
    return (FIXTURES / f"{name}.txt").read_text(encoding="utf-8")


def people(name: str) -> list[tuple[str, str | None, str | None, str]]:
    return [(a.name, a.rank, a.role, a.status) for a in find_person_entries(fixture(name))]


def parsed(name: str) -> list[str]:
    text = fixture(name)
    return [a.name for a in parse_document(CleanText(name, name, text, "text")).attendance]


def test_unlabelled_block_of_name_initials_role_lines_at_the_top_of_notes() -> None:
    found = find_person_entries(fixture("unlabelled_initials_block"))
    assert [(a.name, a.role) for a in found] == [
        ("Ottilie Brandreth", "Police and Crime Commissioner"),
        ("Ferdinand Quayle", "Chief Constable"),
        ("Marisol Penhallow", "Chief Executive"),
        ("Desmond Ackerley", "Chief Finance Officer"),
        ("Rosalind Tebbutt", None),
    ]
    assert found[-1].is_minute_taker  # "(RT) Minutes"
    assert found[2].organisation == "OPCC"  # "Chief Executive, OPCC"
    assert all(a.status == "present" for a in found)


def test_name_dash_role_lines_under_an_attendance_heading_with_apologies_after() -> None:
    assert people("attendance_heading_dash") == [
        ("Hollingdrake", "CC", None, "present"),
        ("Maybury", "DCC", None, "present"),
        ("Evangeline Starkweather", None, "Head of Corporate Communications", "present"),
        ("Thackeray", "Inspector", "Staff Officer", "present"),
        ("Barnaby Quennell", None, "Executive Support Officer", "present"),
        ("Whitlock", "T/ACC", None, "apologies"),
    ]
    assert find_person_entries(fixture("attendance_heading_dash"))[0].is_chair


def test_generic_adapter_adds_the_block_when_its_rules_found_only_apologies() -> None:
    text = fixture("attendance_heading_dash")
    got = generic.LAYOUT.parse(CleanText("d", "d", text, "text")).attendance
    assert sorted((a.name, a.status) for a in got) == [
        ("Barnaby Quennell", "present"), ("Evangeline Starkweather", "present"), ("Hollingdrake", "present"),
        ("Maybury", "present"), ("Thackeray", "present"), ("Whitlock", "apologies")]


def test_semicolon_separated_councillors_without_a_label() -> None:
    found = find_person_entries(fixture("semicolon_councillors"))
    assert [(a.name, a.rank) for a in found] == [
        ("Imogen Ravensworth", "Councillor"), ("Tobias Wetherall", "Councillor"),
        ("Priya Castellan", "Councillor"), ("Ambrose Fenwick-Hale", "Councillor"), ("Lionel Osgood", "Mr")]
    assert found[0].is_chair and not found[1].is_chair  # Vice-Chairman is not the chair
    assert found[4].role == "Independent Member"


def test_table_with_a_role_column() -> None:
    found = people("role_table")
    assert found[:4] == [
        ("Cordelia Ashgrove", "Mrs", "Police, Fire and Crime Commissioner", "present"),
        ("Rupert Vantongeren", "Mr", "Chief Executive", "present"),
        ("Seraphina Moult", "Ms", "Treasurer", "present"),
        ("Alaric Dunmore", "Ch Supt", "Head of Local Policing", "present"),
    ]
    # a bare name with no title, initials or heading near is beyond the recogniser (see
    # docs/learned-attendance.md); the table rules still read it
    assert "Tamsin Orchardleigh" in parsed("role_table")


def test_a_page_that_is_not_minutes_yields_no_one() -> None:
    assert find_person_entries(fixture("not_minutes_index")) == []
    assert parsed("not_minutes_index") == []


def test_organisations_and_roles_on_their_own_lines_are_not_people() -> None:
    expected = ["Hortensia Blakemore", "Augustin Pellow", "Winifred Cattermole"]
    assert [a.name for a in find_person_entries(fixture("organisations"))][:3] == expected
    got = parsed("organisations")
    assert got == [*expected, "Jasper Kettleborough"]
    text = fixture("organisations")
    first = parse_document(CleanText("o", "o", text, "text")).attendance[0]
    assert first.organisation == "North Fenmoor District Council"


@pytest.mark.parametrize("name, ok", [
    ("North Fenmoor District Council", False), ("Independent Member", False), ("Ann Lee’s", False),
    ("I", False), ("Jo Bloggs", True), ("Hollingdrake", True)])
def test_is_person_name(name: str, ok: bool) -> None:
    assert is_person_name(name) is ok


def test_sentences_naming_members_are_not_entries() -> None:
    text = ("Minutes\nMoved by Cllr Hale and seconded by Cllr Pryce -\n"
            "That Cllr Ina Wolfe be appointed Vice-Chair for the meeting.\n"
            "Mr Dorn declared that he was a trustee of a local charity.\n")
    assert find_person_entries(text) == []


def test_splitting_at_separators_titles_and_inline_headings() -> None:
    text = ("ITEM 1: ATTENDANCE CC Fenn – Chair DCC Moor ACO Ida Lake APOLOGIES T/ACC Rook\n"
            "Cllr Dr Jo Penn; Cllr Al Rigg\tTreasurer | Mr A Cole (Chair) Chief Constable Mr B Dane")
    entries = split_entries(text)
    assert [(e.text, e.heading) for e in entries] == [
        ("ITEM 1: ATTENDANCE", "present"), ("CC Fenn – Chair", None), ("DCC Moor", None),
        ("ACO Ida Lake", None), ("APOLOGIES", "apologies"), ("T/ACC Rook", None),
        ("Cllr Dr Jo Penn", None), ("Cllr Al Rigg", None), ("Treasurer", None),
        ("Mr A Cole (Chair) Chief Constable", None), ("Mr B Dane", None)]


def test_headings_need_a_colon_capitals_a_line_of_their_own_or_a_title_after() -> None:
    assert heading_at("Present:")[1] == "present"  # type: ignore[index]
    assert heading_at("APOLOGIES T/ACC Rook")[1] == "apologies"  # type: ignore[index]
    assert heading_at("Apologies for absence")[1] == "apologies"  # type: ignore[index]
    assert heading_at("In attendance Ms L Lee")[1] == "present"  # type: ignore[index]
    assert heading_at("Present at the meeting were the following") is None


def test_features_are_one_row_per_entry_in_feature_order() -> None:
    text = "Present:\nCllr Al Penn (AP) Chair\nThe minutes were agreed."
    rows = features(split_entries(text), text)
    assert len(rows) == 3 and all(len(r) == len(FEATURES) for r in rows)
    person = dict(zip(FEATURES, rows[1], strict=True))
    assert person["title_start"] == 1 and person["initials_paren"] == 1 and person["heading_kind"] == 1
    assert person["since_heading"] == 1 and person["chair_word"] == 1


def test_shipped_weights_match_the_features_and_score_in_pure_python() -> None:
    data = json.loads(WEIGHTS.read_text(encoding="utf-8"))
    assert data["features"] == list(FEATURES) and data["trees"]
    model = load_model(str(WEIGHTS))
    text = "Present:\nCllr Al Penn (AP) Chair\nThe minutes were agreed."
    rows = features(split_entries(text), text)
    assert model.probability(rows[1]) > 0.8 and model.probability(rows[2]) < 0.1


def test_switched_off_by_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV, "off")
    assert find_person_entries(fixture("attendance_heading_dash")) == []


def test_rules_reading_wins_and_no_duplicates() -> None:
    text = fixture("attendance_heading_dash")
    ruled = Attendance(name="Hollingdrake", span=Span(0, 1), rank="CC", role="Chief Constable")
    merged = with_person_entries([ruled], text)
    assert [a.name for a in merged].count("Hollingdrake") == 1
    assert merged[0] is ruled and len(merged) == 6
    two_present = [ruled, Attendance(name="Ann Lee", span=Span(0, 1))]
    assert with_person_entries(two_present, text) == two_present  # the rules found a list: kept as is


def test_name_comma_role_lines_under_also_in_attendance() -> None:
    text = ("Agenda and minutes\nNo. Item\nAlso in attendance\nMr I Fell, Secretary to the Panel.\n"
            "Ms M Orrell, Community Safety Manager, Northmoor County Council.\n"
            "Mr S Tandy, Chief Constable, Northmoor Constabulary.\n"
            "Constitution and Terms of Reference of the Panel\n")
    assert [(a.name, a.rank, a.role, a.organisation) for a in find_person_entries(text)] == [
        ("I Fell", "Mr", "Secretary to the Panel", None),
        ("M Orrell", "Ms", "Community Safety Manager", "Northmoor County Council"),
        ("S Tandy", "Mr", "Chief Constable", "Northmoor Constabulary"),
    ]


def test_people_listed_as_sending_questions_are_not_attendees() -> None:
    text = ("Eastmoor Police and Crime Panel\n14 March 2031\n\n4.\n\nPublic Questions\n\nMinutes:\n\n"
            "The Panel had been notified in advance of the meeting of questions submitted by:\n\n"
            "•       Ms Ann Bee\n\n•       Mr Cy Dunn\n\n•       Mr Ed Fox\n\n"
            "The Panel considered the questions and the written responses.\n")
    assert [p.name for p in find_person_entries(text)] == []


def test_a_name_inside_an_entry_the_rules_read_is_not_added_again() -> None:
    text = "Apologies were received from:\n\n•   Cllr Al Penn (substituted by Cllr Bo Rigg)\n"
    start = text.index("Cllr Al Penn")
    rules = [Attendance(name="Al Penn", span=Span(start, len(text) - 1), rank="Cllr", status="apologies"),
             Attendance(name="Bo Rigg", span=Span(text.index("Cllr Bo"), text.index(")")), rank="Cllr",
                        status="present", is_representative=True)]
    assert [p.name for p in with_person_entries(rules, text)] == ["Al Penn", "Bo Rigg"]
