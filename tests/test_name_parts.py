"""Names as written in attendee lists: post-nominals are never part of a name on any path, and
surname-first entries are people (invented names)."""

from __future__ import annotations

import pytest

from transforms.adapters.generic import find_attendance
from transforms.attendance.name_parts import strip_post_nominals, surname_first
from transforms.attendees import parse_attendee_table

PRESENT = ("Present:\nChief Superintendent Alan Hale QPM\nSmith, Jane (Chair)\nBrown, Tom - Treasurer\n"
           "Jan van Dijk\nMrs Ivy Dale OBE DL\n")


def test_present_list_one_entry_per_line() -> None:
    got = [(a.name, a.rank, a.role, a.is_chair) for a in find_attendance(PRESENT)]
    assert got == [
        ("Alan Hale", "Chief Superintendent", None, False),
        ("Jane Smith", None, None, True),
        ("Tom Brown", None, "Treasurer", False),
        ("Jan van Dijk", None, None, False),
        ("Ivy Dale", "Mrs", None, False),
    ]


def test_post_nominals_leave_table_names_too() -> None:
    text = "Name | Role |\n---|---|\nCC Rhys Arden KPM | Chief Constable |\n"
    assert [a.name for a in parse_attendee_table(text, 0, len(text))] == ["Rhys Arden"]


@pytest.mark.parametrize("written, name", [
    ("Alan Hale QPM", "Alan Hale"), ("Ivy Dale MBE", "Ivy Dale"), ("Ivy Dale CBE DL", "Ivy Dale"),
    ("Jo Obe", "Jo Obe"), ("MBE", "MBE")])
def test_strip_post_nominals(written: str, name: str) -> None:
    assert strip_post_nominals(written) == name


@pytest.mark.parametrize("entry, reordered", [
    ("Smith, Jane (Chair)", "Jane Smith (Chair)"),
    ("Brown, Tom - Treasurer", "Tom Brown - Treasurer"),
    ("Treasurer, Jo Bloggs", "Treasurer, Jo Bloggs"),  # a role first: not a surname
    ("Ann Lee, Chief Executive", "Ann Lee, Chief Executive"),
    ("Leeds, Bradford and Wakefield", "Leeds, Bradford and Wakefield"),
])
def test_surname_first(entry: str, reordered: str) -> None:
    assert surname_first(entry) == reordered
