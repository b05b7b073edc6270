"""Names in one form whatever strategy read them: post-nominals, surname first. Invented names."""

import pytest

from transforms.adapters import parse_document
from transforms.attendance.names import surname_first, without_post_nominals
from transforms.models import CleanText

PAGE = """Eastvale Joint Audit Committee
Date: 3 March 2030

Present:
Chief Superintendent Alan Hale QPM
Smith, Jane (Chair)
Brown, Tom - Treasurer
Jan van Dijk
Mrs Sarah Lowe OBE, Independent Member

1. Apologies
"""


def test_a_labelled_list_with_post_nominals_and_surname_first_entries():
    got = [(a.name, a.rank, a.role, a.is_chair)
           for a in parse_document(CleanText("d1", "x.txt", PAGE, "text")).attendance]
    assert got == [("Alan Hale", "Chief Superintendent", None, False), ("Jane Smith", None, None, True),
                   ("Tom Brown", None, "Treasurer", False), ("Jan van Dijk", None, None, False),
                   ("Sarah Lowe", "Mrs", "Independent Member", False)]


@pytest.mark.parametrize("name, expected", [
    ("Alan Hale QPM", "Alan Hale"), ("Sarah Lowe OBE DL", "Sarah Lowe"), ("Jo Bloggs", "Jo Bloggs"),
    ("OBE", "OBE"), ("Sam Ma", "Sam Ma"),
])
def test_without_post_nominals(name, expected):
    assert without_post_nominals(name) == expected


@pytest.mark.parametrize("entry, expected", [
    ("Smith, Jane (Chair)", "Jane Smith (Chair)"),
    ("Brown, Tom - Treasurer", "Tom Brown - Treasurer"),
    ("O'Neill, Sam J.", "Sam J. O'Neill"),
    ("Jane Smith, Chair", None),              # name first, role after the comma
    ("Westbury, Eastvale and Marlow", None),  # places
])
def test_surname_first(entry, expected):
    assert surname_first(entry) == expected


def test_post_nominals_leave_table_names_too():
    from transforms.attendance.attendees import parse_attendee_table

    text = "Name | Role |\n---|---|\nCC Rhys Arden KPM | Chief Constable |\n"
    assert [a.name for a in parse_attendee_table(text, 0, len(text))] == ["Rhys Arden"]


@pytest.mark.parametrize("entry", ["Treasurer, Jo Bloggs", "Ann Lee, Chief Executive", "Leeds, Bradford and Wakefield"])
def test_not_surname_first(entry):
    assert surname_first(entry) is None


@pytest.mark.parametrize("name", ["Jo Obe", "MBE"])
def test_letters_that_are_a_name(name):
    assert without_post_nominals(name) == name
