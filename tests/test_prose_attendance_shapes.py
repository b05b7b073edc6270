"""Apologies and substitutions written in prose, on an invented panel page."""

import pytest

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


def _people(text: str) -> dict[str, tuple]:
    return {a.name: (a.rank, a.status, a.organisation, a.role, a.is_representative, a.partial, a.note)
            for a in parse_document(CleanText("d3", "z.txt", text, "text")).attendance}


def test_bracketed_organisation_closes_a_group_in_an_apologies_sentence():
    text = ("Eastmoor Police and Crime Panel\nDate: 4 April 2031\n\n"
            "It was noted that apologies for absence had been received from Councillors Abel, Birk and Cole "
            "(Eastmoor Borough Council), Councillor Dray (Northby City Council) and Mrs Ebb (Independent Member).\n")
    got = _people(text)
    assert {n: got[n][2] for n in ("Abel", "Birk", "Cole", "Dray")} == {
        "Abel": "Eastmoor Borough Council", "Birk": "Eastmoor Borough Council",
        "Cole": "Eastmoor Borough Council", "Dray": "Northby City Council"}
    assert got["Ebb"][2:4] == (None, "Independent Member")


def test_councillors_title_alone_before_the_names():
    text = ("Westfold Police and Crime Panel\nDate: 5 May 2031\n\n"
            "Apologies for absence were received from Councillors; Ames, Bolt and Crane.\n")
    got = _people(text)
    assert {n: got[n][:2] for n in got} == {"Ames": ("Councillor", "apologies"), "Bolt": ("Councillor", "apologies"),
                                             "Crane": ("Councillor", "apologies")}


def test_organisation_after_of_and_as_its_own_list_entry():
    text = ("Southby Police and Crime Panel\nDate: 6 June 2031\n\n"
            "Apologies were received from Nia Oduya, Independent Member, Councillor Pip Quell of Southby "
            "District Council and Councillor Rae Stone, Marsh Borough Council, Councillor Tod Ure, "
            "Fenby City Council.\n")
    got = _people(text)
    assert set(got) == {"Nia Oduya", "Pip Quell", "Rae Stone", "Tod Ure"}  # no council is a person
    assert got["Nia Oduya"][3] == "Independent Member"
    assert got["Pip Quell"][2] == "Southby District Council"
    assert got["Rae Stone"][2] == "Marsh Borough Council"
    assert got["Tod Ure"][2] == "Fenby City Council"


def test_apologies_heading_list_lends_organisations():
    from transforms.attendance.attendees import find_apologies
    text = "Apologies: Councillor Vic Wade, Upton District Council and Councillor Wyn Yale, Zell Borough Council.\n"
    got = {a.name: a.organisation for a in find_apologies(text)}
    assert got == {"Vic Wade": "Upton District Council", "Wyn Yale": "Zell Borough Council"}


def test_substitute_for_a_council_and_from_an_item():
    text = ("Northvale Police and Crime Panel\nDate: 7 July 2031\n\n"
            "It was noted that Cllr Ada Bell was in attendance as the deputy for Isle of Cray Council. "
            "Cllr Ben Cobb was in attendance from Item 6, as the deputy for Dunmore Borough Council.\n"
            "Cllr Cal Dean was a substitute for Cllr Dot Eyre (Fordham).\n")
    got = _people(text)
    assert got["Ada Bell"][1:] == ("present", None, None, True, False, "substitute for Isle of Cray Council")
    assert got["Ben Cobb"][4:] == (True, True, "from Item 6; substitute for Dunmore Borough Council")
    assert got["Cal Dean"][4:] == (True, False, "substitute for Dot Eyre")
    assert got["Dot Eyre"][1] == "apologies"
    assert "Isle of Cray Council" not in got


def test_had_given_apologies_and_a_role_in_a_second_column():
    text = ("Eastmoor Police and Crime Panel\nDate: 8 August 2031\n\n"
            "Apologies were received from Councillors Gil Hart and Ida Jay.  In addition, Mrs Kit Lane and "
            "Colonel Lou Moss  Co-opted Independent Members had also given apologies.\n")
    got = _people(text)
    assert {n: got[n][1] for n in got} == {"Gil Hart": "apologies", "Ida Jay": "apologies",
                                           "Kit Lane": "apologies", "Lou Moss": "apologies"}
    assert got["Lou Moss"][2:4] == (None, "Co-opted Independent Members")


def test_bullets_separated_by_blank_lines():
    text = ("Apologies were received from:\n\n•   Cllr Ann Bose (Ridge Council)\n\n•   Cllr Cy Dole\n\n"
            "The Panel noted the apologies.\n")
    from transforms.attendance.panel_attendance import find_apology_sentences
    assert [(a.name, a.organisation) for a in find_apology_sentences(text)] == [
        ("Ann Bose", "Ridge Council"), ("Cy Dole", None)]


def test_name_and_organisation_columns_flattened_to_text():
    from transforms.attendance.panel_attendance import find_labelled_blocks
    text = ("Apologies for absence:\n Ann Bee   Westbury Borough Council\n Cy Dunn\tNorthby City Council\n"
            " Di Eton  Independent Member\n Cllr Fa  Gee\n\n")
    got = [(a.name, a.organisation, a.role) for a in find_labelled_blocks(text)]
    assert got == [("Ann Bee", "Westbury Borough Council", None), ("Cy Dunn", "Northby City Council", None),
                   ("Di Eton", None, "Independent Member"), ("Fa Gee", None, None)]


def test_apologies_item_title_then_minutes_label_then_a_list():
    from transforms.attendance.panel_attendance import find_labelled_blocks
    text = ("14.\n\nApologies\n\nMinutes:\n\nCouncillors A Bray and C Dole (Northby City Council), E Fox (Eastmoor "
            "Council) and Gus Hale and Ivy Jones (Independent Members).\n\n15.\n\nMinutes of the last meeting\n\n"
            "Minutes:\n\nThe minutes were agreed.\n")
    got = [(a.name, a.status, a.organisation, a.role) for a in find_labelled_blocks(text)]
    assert got == [("A Bray", "apologies", "Northby City Council", None),
                   ("C Dole", "apologies", "Northby City Council", None),
                   ("E Fox", "apologies", "Eastmoor Council", None),
                   ("Gus Hale", "apologies", None, "Independent Member"),
                   ("Ivy Jones", "apologies", None, "Independent Member")]


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


@pytest.mark.parametrize(("label", "status"), [("Members absent", "absent"), ("Absent", "absent"),
                                               ("Attending", "present"), ("Officers in attendance", "present")])
def test_a_second_list_under_any_attendance_label_keeps_its_status_and_roles(label, status):
    # a page no layout claims: the second list sits under a label other than "Present:"; a role
    # after a comma is the person's role, not another person
    text = (f"Northshire Joint Audit Committee\nMinutes of the meeting held on 3 March 2031\n\nPresent:\n"
            f"Cllr Jo Hale (Chair)\nCllr Sam Reed\n\n{label}:\nCllr Eve Grant\nMr Tom Vane, Independent Member\n\n"
            "1. Minutes\nRESOLVED that the minutes be approved.\n")
    minutes = parse_document(CleanText("d4", "w.txt", text, "text"))
    assert minutes.adapter == "generic"
    assert [(a.name, a.status, a.role) for a in minutes.attendance] == [
        ("Jo Hale", "present", None), ("Sam Reed", "present", None),
        ("Eve Grant", status, None), ("Tom Vane", status, "Independent Member")]


def test_a_role_after_a_comma_in_an_apologies_list_is_no_person():
    text = ("Northshire Joint Audit Committee\n\nApologies:\nCllr Eve Grant\nMr Tom Vane, Independent Member\n\n"
            "1. Minutes\n")
    got = [(a.name, a.status, a.role) for a in parse_document(CleanText("d5", "v.txt", text, "text")).attendance]
    assert got == [("Eve Grant", "apologies", None), ("Tom Vane", "apologies", "Independent Member")]
