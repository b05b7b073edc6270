"""Presence stated in a sentence, substitutions written as "replaced", and a lower-case role in
an apologies list: invented sentences."""

import pytest

from transforms.adapters import parse_document
from transforms.attendance.panel_attendance import find_apology_sentences, find_substitutions
from transforms.attendance.presence_sentences import find_presence_sentences
from transforms.models import CleanText


def test_a_person_with_role_and_organisation_in_attendance_for_this_item():
    text = ("2.\n\nConfirmation Hearing\n\nMinutes:\n\n"
            "Jo Vane (Temporary Chief Constable, Northshire Police) was in attendance for this item.\n")
    got = [(a.name, a.role, a.organisation, a.status, a.partial, a.note) for a in find_presence_sentences(text)]
    assert got == [("Jo Vane", "Temporary Chief Constable", "Northshire Police", "present", True, "for this item")]


def test_several_people_and_a_name_after_its_role():
    text = ("It was noted that Cllr Al Penn and Cllr Bo Rigg were also in attendance. The Chief Constable of "
            "Eastshire, Cy Dunn was in attendance for item 5.")
    got = [(a.name, a.partial) for a in find_presence_sentences(text)]
    assert got == [("Al Penn", False), ("Bo Rigg", False), ("Cy Dunn", True)]


@pytest.mark.parametrize("text", [
    "The Panel was advised that Councillor Di Eton was in attendance at the meeting in March, but not recorded.",
    "The minutes were approved, except that Councillor Fay Gold was in attendance for the second meeting.",
    "All of the above members and officers were in attendance at the meeting.",
    "It was noted that Cllr Gil Hart was in attendance as the deputy for Cllr Ivy Jones.",
])
def test_other_meetings_plain_nouns_and_deputies_are_not_read_here(text):
    assert find_presence_sentences(text) == []


def test_wired_into_the_panel_layouts():
    page = ("Westshire Police and Crime Panel - Tuesday, 9th April, 2030 10.00 am\nItems\nNo. Item\n105.\n\n"
            "Confirmation Hearing\n\nMinutes:\n\nKit Lane (Chief Constable, Westshire Police) was in attendance for "
            "this item.\n")
    got = [(a.name, a.partial) for a in parse_document(CleanText("p1", "p.txt", page, "text")).attendance]
    assert ("Kit Lane", True) in got


def test_a_county_councillor_replaced_another():
    got = [(a.name, a.rank, a.status, a.is_representative, a.note) for a in find_substitutions(
        "County Councillor A Bell replaced County Councillor C Dole at the meeting.")]
    assert got == [("A Bell", "County Councillor", "present", True, "substitute for C Dole"),
                   ("C Dole", "County Councillor", "apologies", False, None)]
    assert find_substitutions("The new scheme replaced the Old Scheme.") == []


def test_a_lower_case_role_after_a_person_does_not_end_the_list():
    text = ("Apologies for absence were presented on behalf of Councillor E Fox (Northby) and Mr G Hale, independent "
            "co-opted member and received from Councillor I Jay (Southby).")
    got = [(a.name, a.role, a.organisation) for a in find_apology_sentences(text)]
    assert got == [("E Fox", None, "Northby"), ("G Hale", "independent co-opted member", None),
                   ("I Jay", None, "Southby")]


def test_the_following_attended_then_bullets_with_role_and_organisation():
    text = ("4.2  The following guests attended the meeting to answer the Committee's questions:\n\n"
            "·  Ann Bee, Interim Chief Executive, Mayor's Office for Roads and Transport; and\n\n"
            "·  Cy Dunn, Deputy Commissioner for the Northvale Police.\n\n4.3  The Chair thanked the guests.\n")
    got = [(a.name, a.role, a.organisation, a.status) for a in find_presence_sentences(text)]
    assert got == [("Ann Bee", "Interim Chief Executive", "Mayor's Office for Roads and Transport", "present"),
                   ("Cy Dunn", "Deputy Commissioner for the Northvale Police", None, "present")]


def test_a_role_cut_by_its_own_and_is_joined_again():
    text = "Apologies were received from Di Eton, Police and Crime Commissioner, Fay Gold and Cllr Gil Hart."
    got = [(a.name, a.role) for a in find_apology_sentences(text)]
    assert got == [("Di Eton", "Police and Crime Commissioner"), ("Fay Gold", None), ("Gil Hart", None)]
