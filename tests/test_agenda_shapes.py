"""Agenda items on invented pages of the shapes read by transforms.agenda."""

from transforms.agenda.numbered_items import find_numbered_items, looks_like_title


def _items(text):
    return [(a.item_number, a.title) for a in find_numbered_items(text)]


def test_inline_items_win_over_stray_lone_numbers():
    # a meeting-summary page: "1 Title" items, each followed by the minute as a lone number
    # and narrative paragraphs
    text = ("Agenda\n1 Apologies for Absence and Notices of Substitution\nThe Secretary to report.\n1\n"
            "Jo Hale  Westbury Borough Council\n\n2 Minutes\nTo approve the minutes.\n\n3\n\n"
            "The minutes of the meeting were approved.\n\n3 Declarations of Interest\n"
            "Members are invited to declare any interest.\n4 Precept Proposal\n4\n\n"
            "The Panel considered report 12/31 by the Treasurer which set out the proposal.\n")
    assert _items(text) == [("1", "Apologies for Absence and Notices of Substitution"), ("2", "Minutes"),
                            ("3", "Declarations of Interest"), ("4", "Precept Proposal")]


def test_resolution_words_are_not_titles():
    assert not looks_like_title("Further information be provided as detailed above")
    assert not looks_like_title("The following 5 members be appointed to the sub-committee")
    assert looks_like_title("Members to be appointed")  # "to be": a heading, not a resolution
    assert _items("1.\nThe report be noted.\n2.\nPrecept\n") == [("2", "Precept")]
