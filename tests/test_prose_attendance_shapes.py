"""Apologies and substitutions written in prose, on an invented panel page."""

from transforms.adapters import parse_document
from transforms.models import CleanText

PAGE = """Northvale Police and Crime Panel
Date: 3 March 2031

Present: Councillor Jo Hale (Chairman); Councillor Sam Reed

Apologies were received from:
• Cllr Dan Frost (Westbury Borough Council)
• Cllr Eve Grant

Cllr Fay Hunt (substituted by Cllr Gus Irwin)
Cllr Hal Jones was in attendance as the deputy for Cllr Ivy King.

1. Apologies
"""


def test_bulleted_apologies_and_substitutions_in_prose():
    got = {a.name: (a.status, a.is_representative, a.note, a.organisation)
           for a in parse_document(CleanText("d1", "x.txt", PAGE, "text")).attendance}
    assert got == {
        "Jo Hale": ("present", False, None, None),
        "Sam Reed": ("present", False, None, None),
        "Dan Frost": ("apologies", False, None, "Westbury Borough Council"),
        "Eve Grant": ("apologies", False, None, None),
        "Gus Irwin": ("present", True, "substitute for Fay Hunt", None),
        "Fay Hunt": ("apologies", False, None, None),
        "Hal Jones": ("present", True, "substitute for Ivy King", None),
        "Ivy King": ("apologies", False, None, None),
    }


def test_apologies_heading_followed_by_prose_names_no_one():
    text = "Apologies were received from:\nThe Panel noted the apologies.\n"
    people = parse_document(CleanText("d2", "y.txt", text, "text")).attendance
    assert [p for p in people if p.status == "apologies"] == []


def test_a_label_column_in_capitals_with_initials_including_a():
    # PDF text: labels in capitals, names in a column beside them; the initial "A" is an
    # initial, not the article
    text = ("NORTHSHIRE POLICE AUTHORITY\n\nPRESENT:        Councillor J Smith (Chairman)\n"
            "                Councillor A Brown\n                Mr P Green (Independent Member)\n\n"
            "ALSO PRESENT:   Mrs S Black (Chief Executive)\n\nAPOLOGIES:      Councillor R Grey\n\n1.   MINUTES\n")
    got = {a.name: (a.status, a.role) for a in parse_document(CleanText("d3", "z.txt", text, "text")).attendance}
    assert got == {"J Smith": ("present", None), "A Brown": ("present", None),
                   "P Green": ("present", "Independent Member"), "S Black": ("present", "Chief Executive"),
                   "R Grey": ("apologies", None)}
