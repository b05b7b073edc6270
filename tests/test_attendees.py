"""parse_attendee_entry, parse_attendee_table and find_apologies with explicit values."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from transforms.attendance.attendees import (
    find_apologies,
    is_column_header,
    is_rank_and_name,
    parse_attendee_entry,
    parse_attendee_table,
)
from transforms.models import Span

S = Span(0, 1)
FLAGS = ("is_chair", "is_minute_taker", "is_observer", "is_representative", "remote", "partial")


def flags(person) -> set[str]:
    return {f for f in FLAGS if getattr(person, f)}


@pytest.mark.parametrize(("entry", "role", "name", "rank", "expected_flags", "note"), [
    ("CC Jo Bloggs (Chair)", None, "Jo Bloggs", "CC", {"is_chair"}, None),
    ("Cllr Ann Vane (Vice-Chair)", None, "Ann Vane", "Cllr", set(), None),
    ("Supt. Al Smith (MT) (Item 6)", None, "Al Smith", "Supt.", {"remote", "partial"}, "Item 6"),
    ("A/ACC Lu Moss (MT)", "Rep: Serious Crime Directorate", "Lu Moss", "A/ACC",
     {"remote", "is_representative"}, None),
    ("ACC Ed Pike (from 13:30)", None, "Ed Pike", "ACC", {"partial"}, "from 13:30"),
    ("PSE Fay Vance (Minutes) (MT)", None, "Fay Vance", "PSE", {"is_minute_taker", "remote"}, None),
    ("Insp. Vi Burr (Observer)", None, "Vi Burr", "Insp.", {"is_observer"}, None),
    ("D/Supt Rob Kay (vc) (item 5)", None, "Rob Kay", "D/Supt", {"remote", "partial"}, "item 5"),
    ("Cllr Mo Tate (items 3 to 5)", None, "Mo Tate", "Cllr", {"partial"}, "items 3 to 5"),
    ("Cllr Mo Tate (Teams)", None, "Mo Tate", "Cllr", {"remote"}, None),
    ("Cllr Mo Tate, virtual", None, "Mo Tate", "Cllr", {"remote"}, None),
    ("Cllr Mo Tate (until 12:00)", None, "Mo Tate", "Cllr", {"partial"}, "until 12:00"),
    ("Cllr Mo Tate - substitute for Cllr Perkin", None, "Mo Tate", "Cllr",
     {"is_representative"}, "substitute for Cllr Perkin"),
    ("PSE Fay Vance", "Rep. Crime Directorate", "Fay Vance", "PSE", {"is_representative"}, None),
    ("T/ACC. Ned Bray", None, "Ned Bray", "T/ACC.", set(), None),
    ("Chief Constable Alan Quill", None, "Alan Quill", "Chief Constable", set(), None),
    ("Jane Wood (JW)", None, "Jane Wood", None, set(), None),
])
def test_parse_attendee_entry(entry, role, name, rank, expected_flags, note) -> None:
    person = parse_attendee_entry(entry, S, role=role)
    assert person is not None
    assert (person.name, person.rank, flags(person), person.note) == (name, rank, expected_flags, note)
    assert person.role == role and person.status == "present"


def test_entry_keeps_status_organisation_and_span() -> None:
    person = parse_attendee_entry("Cllr Mo Tate", Span(4, 16), status="apologies", organisation="Panel")
    assert (person.status, person.organisation, person.span) == ("apologies", "Panel", Span(4, 16))


@pytest.mark.parametrize("entry", ["", "   ", "(vc) (item 5)", "CC", "| |"])
def test_entry_without_a_name_gives_none(entry) -> None:
    assert parse_attendee_entry(entry, S) is None


def test_table_skips_header_and_rule_and_joins_wrapped_role() -> None:
    text = ("Name | Role |\n---|---|\nCC Jo Bloggs (Chair) | Chief Constable |\n"
            "A/DCO Ray Finch |\nActing Deputy Chief Officer and Director of HR |\n"
            "PSE Fay Vance |\n| PSE Al Smith | |\nInsp Vi Burr |")
    people = parse_attendee_table(text, 0, len(text))
    assert [(p.name, p.role) for p in people] == [
        ("Jo Bloggs", "Chief Constable"),
        ("Ray Finch", "Acting Deputy Chief Officer and Director of HR"),
        ("Fay Vance", None), ("Al Smith", None), ("Vi Burr", None)]
    wrapped = people[1]
    assert text[wrapped.span.start:wrapped.span.end].startswith("A/DCO Ray Finch |\nActing")


def test_table_with_leading_pipes_and_a_row_cut_mid_entry() -> None:
    text = "| Name | Role |\n|---|---|\n| CC Jo Bloggs | Chief Constable |\nC/Supt. Amy Tell (Item"
    people = parse_attendee_table(text, 0, len(text))
    assert [(p.name, p.rank, p.partial) for p in people] == [
        ("Jo Bloggs", "CC", False), ("Amy Tell", "C/Supt.", True)]


def test_looks_like_person() -> None:
    assert is_rank_and_name("PSE Natalie Vine")
    assert not is_rank_and_name("Acting Deputy Chief Officer and Director of HR")
    assert not is_rank_and_name("Rep. Corporate Communications")


def test_apologies_one_per_line_inline_and_from() -> None:
    text = ("Apologies\nACO Fay Hart\nDCS Mo Ash (MT)\nThe record was approved.\n"
            "Apologies: ACC Ed Pike, Supt. Al Smith and Jane Wood\n"
            "Apologies were received from Cllr Bo Tree.\n")
    assert [(a.name, a.rank, a.status) for a in find_apologies(text)] == [
        ("Fay Hart", "ACO", "apologies"), ("Mo Ash", "DCS", "apologies"),
        ("Ed Pike", "ACC", "apologies"), ("Al Smith", "Supt.", "apologies"),
        ("Jane Wood", None, "apologies"), ("Bo Tree", "Cllr", "apologies")]


@pytest.mark.parametrize("text", [
    "Apologies\nThe Record of the last meeting was approved.",
    "Apologies\n", "Apologies: None", "Apologies were noted.",
])
def test_apologies_without_names_give_no_one(text) -> None:
    assert find_apologies(text) == []


def test_status_heading_rows_inside_a_table() -> None:
    text = ("Name | Role |\n---|---|\nCC Jo Bloggs | Chief Constable |\nApologies |\n"
            "ACO Fay Hart | Director of HR |\nDCS Mo Ash |\n")
    people = parse_attendee_table(text, 0, len(text))
    assert [(p.name, p.status, p.role) for p in people] == [
        ("Jo Bloggs", "present", "Chief Constable"), ("Fay Hart", "apologies", "Director of HR"),
        ("Mo Ash", "apologies", None)]


def test_apologies_given_as_a_table() -> None:
    text = "Apologies\nName | Role |\n---|---|\nACO Fay Hart | Director of HR |\nThe record was approved."
    assert [(a.name, a.role, a.status) for a in find_apologies(text)] == [
        ("Fay Hart", "Director of HR", "apologies")]


@pytest.mark.parametrize("line", [
    "Apologies for absence were received from ACC Gil Orme and Supt Hal Penn.",
    "Apologies: ACC Gil Orme, Supt Hal Penn",
    "Apologies received: ACC Gil Orme; Supt Hal Penn",
    "Apologies were given by ACC Gil Orme & Supt Hal Penn",
    "Apologies for absence:\nACC Gil Orme\nSupt Hal Penn"])
def test_apologies_in_other_wordings(line: str) -> None:
    assert [(a.name, a.rank, a.status) for a in find_apologies(line + "\nThe record was approved.")] == [
        ("Gil Orme", "ACC", "apologies"), ("Hal Penn", "Supt", "apologies")]


@pytest.mark.parametrize(("entry", "flag"), [
    ("Supt Bo Lee (via Teams)", "remote"), ("Supt Bo Lee (Zoom)", "remote"), ("Supt Bo Lee (VC)", "remote"),
    ("Supt Bo Lee (CHAIRMAN)", "is_chair"), ("Supt Bo Lee (Co-Chair)", "is_chair"),
    ("Supt Bo Lee (part of the meeting)", "partial"), ("Supt Bo Lee (Notetaker)", "is_minute_taker"),
    ("Supt Bo Lee (shadowing)", "is_observer")])
def test_qualifier_words_of_the_family(entry: str, flag: str) -> None:
    assert flags(parse_attendee_entry(entry, S)) == {flag}


@pytest.mark.parametrize(("entry", "rank"), [
    ("Ch Supt Bo Lee", "Ch Supt"), ("Det Supt Bo Lee", "Det Supt"), ("A/Supt Bo Lee", "A/Supt"),
    ("D/CI Bo Lee", "D/CI"), ("Sgt Bo Lee", "Sgt"), ("Acting ACC Bo Lee", "Acting ACC")])
def test_rank_spellings(entry: str, rank: str) -> None:
    person = parse_attendee_entry(entry, S)
    assert (person.name, person.rank) == ("Bo Lee", rank)


@settings(max_examples=200, deadline=1000)
@given(st.lists(st.sampled_from(["Apologies", ": ", "\n", "ACC ", "Bo Lee", " (Chair)", "(", " | ",
                                 "Name | Role |\n", "---|---|\n", ", ", " and ", "None", "x"]), max_size=30)
       .map("".join))
def test_attendee_readers_are_total_bounded_and_deterministic(text: str) -> None:
    for read in (lambda: find_apologies(text), lambda: parse_attendee_table(text, 0, len(text))):
        found = read()
        assert found == read()
        assert all(0 <= a.span.start <= a.span.end <= len(text) and a.name for a in found)
    parse_attendee_entry(text, Span(0, len(text)))


def test_guests_listed_under_a_bare_heading():
    from transforms.attendance.prose_lists import find_guests

    text = ("By invitation\nT/DCS Jo Hale (item 3)(vc), Northvale Police\nMr Sam Reed (items 4 to 6)\n"
            "Apologies\nACC Al Smith\n")
    got = find_guests(text)
    assert [(a.name, a.rank, a.remote, a.partial, a.status) for a in got] == [
        ("Jo Hale", "T/DCS", True, True, "present"), ("Sam Reed", "Mr", False, True, "present")]
    assert find_guests("In attendance\nThe meeting opened at ten.\n") == []


def test_a_numbered_qualifier_after_the_role_cell_is_partial_attendance() -> None:
    t = "Name | Role |\n---|---|\nDCS Al Bray | Head of Finance, item 4 |\nACC Cy Dole | Director, Crime |\n"
    got = [(a.name, a.role, a.partial, a.note) for a in parse_attendee_table(t, 0, len(t))]
    assert got == [("Al Bray", "Head of Finance", True, "item 4"), ("Cy Dole", "Director, Crime", False, None)]


@pytest.mark.parametrize(("line", "header"), [
    ("Name Role", True), ("Name   Title   Organisation", True), ("Name | Role", True),
    ("Nat Role", False), ("Name", False), ("Role Name", False)])
def test_column_header_rows(line: str, header: bool) -> None:
    assert is_column_header(line) is header
