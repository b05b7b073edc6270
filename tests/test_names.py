"""Names in one form whatever strategy read them: post-nominals, surname first. Invented names."""

import pytest

from transforms.adapters import parse_document
from transforms.attendance.names import role_and_organisation, surname_first, tidy_person, without_post_nominals
from transforms.models import Attendance, CleanText, Span

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


@pytest.mark.parametrize(("role", "expected"), [
    ("Chief Executive – Office of the Police and Crime Commissioner",
     ("Chief Executive", "Office of the Police and Crime Commissioner")),
    ("Partnership and Finance Manager, Westbury County Council",
     ("Partnership and Finance Manager", "Westbury County Council")),
    ("Minute taker, OPCC", ("Minute taker", "OPCC")),
    ("Northvale Police", (None, "Northvale Police")),
    ("Head of Northvale Police Finance", ("Head of Northvale Police Finance", None)),
    ("Director of Finance", ("Director of Finance", None)),
])
def test_role_and_the_organisation_it_names(role, expected) -> None:
    assert role_and_organisation(role) == expected


def test_tidy_person_moves_the_organisation_out_of_the_role_and_keeps_a_role_that_is_only_one() -> None:
    split = tidy_person(Attendance(name="Ann Bee", span=Span(0, 7), role="Treasurer, Eastmoor Borough Council"))
    assert (split.role, split.organisation) == ("Treasurer", "Eastmoor Borough Council")
    whole = tidy_person(Attendance(name="Cy Dunn", span=Span(0, 7), role="Northvale Police"))
    assert (whole.role, whole.organisation) == ("Northvale Police", "Northvale Police")


def test_a_bracket_with_a_comma_stays_one_qualifier() -> None:
    from transforms.attendance.panel_attendance import find_apology_sentences
    text = ("Apologies for absence were received from Councillor Al Penn and Di Eton (Partnership and "
            "Finance Manager, Westbury County Council) and Fay Gold (Chief Executive, Office of the Police "
            "and Crime Commissioner for Northshire).")
    got = {a.name: (a.role, a.organisation) for a in map(tidy_person, find_apology_sentences(text))}
    assert got == {"Al Penn": (None, None),
                   "Di Eton": ("Partnership and Finance Manager", "Westbury County Council"),
                   "Fay Gold": ("Chief Executive", "Office of the Police and Crime Commissioner for Northshire")}
