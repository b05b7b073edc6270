"""Resolution shapes read by transforms.resolutions, on invented text."""

from transforms.resolutions import find_resolutions


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
