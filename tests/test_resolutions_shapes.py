"""Resolution shapes read by transforms.resolutions, on invented text."""

from transforms.decisions.resolutions import find_resolutions


def test_numbered_subjunctive_paragraphs_are_resolutions():
    text = ("RESOLVED that the minutes be agreed.\n\n1. The presentation be received.\n\n"
            "2. The comments made by the Panel be noted.\n")
    assert [d.text for d in find_resolutions(text)] == [
        "RESOLVED that the minutes be agreed.", "The presentation be received.",
        "The comments made by the Panel be noted."]


def test_numbered_lines_that_are_not_resolutions():
    text = ("1. Members are to be consulted on the plan.\n"
            "2. The Commissioner will be invited to attend.\n"
            "3. Apologies were received from Cllr Jo Bloggs.\n"
            "4. Cllr Hale proposed, and Cllr Reed seconded, that Mr Dunn be elected Vice-Chair.\n"
            "5. The Chair proposed that Ms Lowe be appointed.\n")
    assert find_resolutions(text) == []


def test_bare_opener_with_several_that_paragraphs_is_one_resolution():
    text = ("RESOLVED:\nThat the proposed precept be supported.\n"
            "That the Panel write to the Commissioner with its views.\n\nThe meeting closed.\n")
    assert [d.text for d in find_resolutions(text)] == [
        "RESOLVED:\nThat the proposed precept be supported.\n"
        "That the Panel write to the Commissioner with its views."]


def test_a_lettered_list_stops_at_the_next_numbered_item():
    text = "It was resolved:\n(a) To note the report.\n(b) To ask for an update.\n7. Annual report\n"
    assert [d.text for d in find_resolutions(text)] == [
        "It was resolved:\n(a) To note the report.\n(b) To ask for an update."]
