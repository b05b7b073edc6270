"""Rows of a two-column attendance table flattened to text (as PDF text gives them), under a
heading with no colon; an invented page."""

from transforms.adapters import parse_document
from transforms.attendance.column_rows import find_column_rows
from transforms.models import CleanText

PAGE = """Northvale Police and Crime Panel
12 May 2031 - 14:00 to 16:00

1 Apologies for Absence and Notices of Substitution
The Secretary to the Panel to report the receipt (if any).
1
Ann Bee  Westbury Borough Council

Cy Dunn was unable to stay

 Ed Fox\tEastmoor District Council
 Gil Hart   Independent Member

2 Minutes
To approve the minutes of the meeting held on 3 April 2031.
Ivy Jones  Northby City Council
"""


def test_rows_under_a_numbered_apologies_item_until_the_next_item():
    got = [(a.name, a.organisation, a.role, a.status) for a in find_column_rows(PAGE)]
    assert got == [("Ann Bee", "Westbury Borough Council", None, "apologies"),
                   ("Ed Fox", "Eastmoor District Council", None, "apologies"),
                   ("Gil Hart", None, "Independent Member", "apologies")]


def test_present_heading_without_colon_and_rows_without_a_second_column_are_nobody():
    text = "Members present\n Jo Bloggs   Southby Council\n The meeting opened at ten.\n Al Penn\n"
    assert [(a.name, a.status) for a in find_column_rows(text)] == [("Jo Bloggs", "present")]


def test_wired_into_the_panel_layouts():
    names = {a.name for a in parse_document(CleanText("c1", "c.txt", PAGE, "text")).attendance}
    assert {"Ann Bee", "Ed Fox", "Gil Hart"} <= names and "Ivy Jones" not in names
