"""Agenda items on invented pages of the shapes read by transforms.agenda."""

from transforms.agenda.notes_items import find_items
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


def test_headings_may_end_with_a_full_stop():
    # a lone-number page whose titles end with a full stop; the minute text is a sentence
    text = ("41.\n\nMinutes of the meeting held on 3 March 2031. pdf icon PDF 80 KB\n\nMinutes:\n\n"
            "The minutes were confirmed.\n\nPNL 5/31\n\nExclusion of the Press and Public.\n\n"
            "To consider excluding the press and public from the meeting.\n\n43.\n\n"
            "Budget and Medium Term Financial Plan Update.\n")
    assert _items(text) == [("41", "Minutes of the meeting held on 3 March 2031."),
                            ("PNL 5/31", "Exclusion of the Press and Public."),
                            ("43", "Budget and Medium Term Financial Plan Update.")]
    assert looks_like_title("To confirm the Minutes and Actions from the meeting on the 4th May 2031.")
    assert not looks_like_title("There were no declarations of interest at this meeting of the Panel today.")
    assert not looks_like_title("The Chair welcomed the new members.")


def test_a_bracketed_note_is_not_the_titles_sentence():
    text = ("12.\n\nDeclarations of Pecuniary and Other Interests (such declarations are to be made in "
            "accordance with each member's council's Code of Conduct)\n\nMinutes:\n\nNone were made.\n")
    assert _items(text) == [("12", "Declarations of Pecuniary and Other Interests (such declarations are to "
                                   "be made in accordance with each member's council's Code of Conduct)")]


def test_a_linked_file_name_is_not_an_item():
    text = ("Meeting Agenda\n  1. Election of Chair\n    To elect the Chair.\n    1. 1a.pdf\n      Size = 12 KB\n"
            "  2. Apologies for Absence\n  3. Declarations of Interest\n")
    assert _items(text) == [("1", "Election of Chair"), ("2", "Apologies for Absence"),
                            ("3", "Declarations of Interest")]


def _notes(text):
    return [(a.item_number, a.title) for a in find_items(text)]


def test_a_list_inside_a_minute_numbered_item_is_not_items():
    text = ("412. APOLOGIES\n\nNone recorded.\n\n413.MINUTES OF THE PREVIOUS MEETING\n\n"
            "The following updates were provided:\n\n  1. From Minute 405.2: Confirmed KB would cost the options.\n"
            "  2. Fleet Review: the draft is with the panel.\n\n  3. ACTION LOG\n\n414. DECISIONS REQUIRED\n\n"
            "  1. Partnership Fund\n")
    assert _notes(text) == [("412", "APOLOGIES"), ("413", "MINUTES OF THE PREVIOUS MEETING"),
                            ("414", "DECISIONS REQUIRED")]
    # a running number may pass 100: "99." stays beside "100." and "101."
    assert _notes("99. Apologies\nNone.\n100. Minutes\nAgreed.\n101. Estates\n") == [
        ("99", "Apologies"), ("100", "Minutes"), ("101", "Estates")]


def test_a_minute_title_with_its_discussion_run_on_after_a_colon():
    text = ("820 Decisions Required\n820a Fleet Strategy – Annual Update: KB gave an overview of the fleet "
            "replacement plan and the Board noted the report.\n820b Citizens in Policing: Cadet Programme\n")
    assert _notes(text) == [("820", "Decisions Required"), ("820a", "Fleet Strategy – Annual Update"),
                            ("820b", "Citizens in Policing: Cadet Programme")]


def test_a_numbered_paragraph_of_board_notes_is_not_an_item():
    text = ("The Action Log was noted and the following updates provided:\n"
            "  1. The Board agreed that the following actions can be closed as completed: 4, 7 and 9.\n"
            "  2. (ref.7) JH confirmed the report is due in May.\n")
    assert _notes(text) == []


def test_item_label_alone_with_the_title_below():
    text = ("ITEM 1:\nATTENDANCE\nCC Fenn - Chair\nACC Lowe\nITEM 2: Review of minutes\n"
            "Summary of Discussion:\nAgreed.\n")
    assert _notes(text) == [("1", "ATTENDANCE"), ("2", "Review of minutes")]


def test_a_numbered_list_of_papers_is_not_items():
    # the page lost its item numbers; the only numbered lines name the papers under an item
    text = ("Public Questions pdf icon PDF 80 KB\n\nSupplementary papers:\n\nAnswers to questions asked :\n\n"
            "1 Commissioner's written answer to Mr Dale question 1\n  2 Answer to Mr Dale question 2\n"
            "     3 Ms Ford questions and Commissioner's answer\n\nThe Panel noted the answers.\n")
    assert _items(text) == []
    # a label over the items themselves is no list of papers
    assert _items("Agenda items and papers:\n1 Apologies\n2 Minutes\n") == [("1", "Apologies"), ("2", "Minutes")]
    # nor is an item numbered on after a label: the list of papers starts at 1
    text = "3. Minutes\nAdditional documents:\n4. Budget Report\n5. Estates Strategy\n"
    assert _items(text) == [("3", "Minutes"), ("4", "Budget Report"), ("5", "Estates Strategy")]


def test_numbered_paragraphs_of_one_item_stay_paragraphs():
    # "7.1" and "7.3" are sentences, so "7.2" and "7.4" are paragraphs too
    text = ("Minutes:\n\n7.1  The Committee received the report of the Clerk.\n\n"
            "7.2  The following guests attended the meeting to answer questions about the fleet:\n\n"
            "7.3  A transcript of the discussion is attached at Appendix 2.\n\n"
            "7.4  During the discussion, the Chief Executive undertook to write to the Committee:\n")
    assert _items(text) == []


def test_sub_items_written_inline_under_a_lone_number():
    text = ("4.\n\nMINUTES OF THE LAST MEETING\n\nMinutes:\n\nAgreed.\n\n5.\n\nQUESTIONS FROM PANEL MEMBERS\n\n"
            "5.1  QUESTION FROM COUNCILLOR ANN LEE\n\n   \"How many officers ...\"\n\n"
            "5.2  QUESTION FROM COUNCILLOR BEN MOSS\n\n6.\n\nPOLICE AND CRIME PLAN\n\n7.\n\nANY OTHER BUSINESS\n")
    assert _items(text) == [("4", "MINUTES OF THE LAST MEETING"), ("5", "QUESTIONS FROM PANEL MEMBERS"),
                            ("5.1", "QUESTION FROM COUNCILLOR ANN LEE"),
                            ("5.2", "QUESTION FROM COUNCILLOR BEN MOSS"),
                            ("6", "POLICE AND CRIME PLAN"), ("7", "ANY OTHER BUSINESS")]


def test_a_counter_alone_on_a_line_is_not_item_zero():
    text = "Share this page\n12\n0\n0\nLoading.... (view fulltext now)\n"
    assert _items(text) == []
