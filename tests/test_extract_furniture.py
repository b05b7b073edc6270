"""Site furniture stripping, the truncation flag, and error-page recognition."""

from __future__ import annotations

from pathlib import Path

from transforms.extract import error_page_reason, extract_text
from transforms.extract.furniture import clean_text, is_furniture_line, strip_inline_furniture
from transforms.models import RawDocument

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "extract"


def extract_fixture(name: str):
    data = (FIXTURES / name).read_bytes()
    return extract_text(RawDocument("f" * 64, str(FIXTURES / name), data))


def test_board_page_banners_are_removed_and_the_record_starts_at_its_title():
    clean = extract_fixture("board_with_furniture.txt")
    lines = clean.text.split("\n")
    assert lines[:3] == [
        "Title: Harbourside Command Board - Tactical",
        "Date: Wednesday 3 April 2030",
        "Venue: Lantern Room and virtual via Microsoft Teams",
    ]
    assert lines[-2:] == ["New action 7/30:", "ACC Dorian Pettigrew to circulate the revised rota."]
    assert clean.truncated is False
    for banner in ("cookie", "Escape key", "technical problem", "beta"):
        assert banner not in clean.text


def test_moderngov_shell_icons_and_links_are_removed():
    clean = extract_fixture("moderngov_with_furniture.txt")
    text = clean.text
    for furniture in (
        "default template",
        "custom branding",
        "Technical Error",
        "View directions",
        "pdf icon",
        "KB",
        "1 MB",
        "Share this item",
        "view the full minutes text",
    ):
        assert furniture not in text
    assert "    Venue: Assembly Hall, Guild House, Brackenford\n" in text  # indentation kept, no reflow
    assert "    Minutes of the Panel held on 2nd March 2031\n" in text
    assert "    Rural Crime Update\n" in text
    assert text.endswith("said that over 300 farms  ...")
    assert "\n\n\n" not in text
    assert clean.truncated is True


def test_furniture_lines_are_recognised_by_pattern_not_exact_sentence():
    assert is_furniture_line("We use cookies to make this site work, and to measure use.")
    assert is_furniture_line("  • Share this item")
    assert is_furniture_line("Print this page")
    assert is_furniture_line("Skip to content")
    assert is_furniture_line("Sorry, there has been a technical problem")
    assert is_furniture_line("Technical Error: Error: Unable to connect to the remote server")
    assert not is_furniture_line("RESOLVED that the cookie policy of the force website be reviewed.")
    assert not is_furniture_line("Minutes of the meeting")
    assert not is_furniture_line("")


def test_inline_furniture_is_cut_from_inside_a_line():
    assert strip_inline_furniture("Annual Report 2029/30 pdf icon PDF 1.2 MB") == "Annual Report 2029/30"
    assert strip_inline_furniture("PUBLIC QUESTIONS PDF 63 KB Minutes: none.") == "PUBLIC QUESTIONS Minutes: none."
    assert strip_inline_furniture("3 Pdf Minutes (71Kb)") == "3 Minutes"
    assert strip_inline_furniture("Venue: Town Hall, Dunmere.. View directions") == "Venue: Town Hall, Dunmere."
    assert strip_inline_furniture("The PDF of the report was circulated.") == "The PDF of the report was circulated."


def test_clean_text_normalises_spaces_and_line_ends():
    assert clean_text("a\u00a0b \r\n\r\n\r\nc\u200b\rd\t ") == "a b\n\nc\nd"


def test_error_page_reason_on_a_404_page():
    clean = extract_fixture("not_found.html")
    assert error_page_reason(clean.text) == "looks like an error page: 'Page not found'"


def test_error_page_reason_on_short_error_texts():
    assert error_page_reason("Access Denied\nYou don't have permission to access this server.").startswith(
        "looks like an error page: 'Access Denied'"
    )
    assert error_page_reason("503 Service Unavailable") == "looks like an error page: '503 Service Unavailable'"
    assert (
        error_page_reason(
            "Server Error in '/' Application.\nRuntime Error\nDescription: An application error occurred on the server."
        )
        == "looks like an error page: 'Server Error in '/' Application.'"
    )
    assert error_page_reason("Technical Error: Error: The request was aborted.") is not None


def test_real_minutes_with_a_furniture_error_line_are_not_an_error_page():
    minutes = (FIXTURES / "moderngov_with_furniture.txt").read_text()
    assert error_page_reason(minutes) is None
    assert error_page_reason(extract_fixture("moderngov_with_furniture.txt").text) is None
    assert error_page_reason(extract_fixture("board_with_furniture.txt").text) is None


def test_minutes_that_discuss_an_outage_are_not_an_error_page():
    text = (
        "Minutes of the Harbourside Command Board\nPresent: CC Morwenna Quill (Chair)\n"
        "The Chair noted that the public site had shown 'Service unavailable' for two days.\n"
        "RESOLVED that the digital team report to the next meeting on the agenda item.\n" * 3
    )
    assert error_page_reason(text) is None


def test_pdf_page_breaks_do_not_cut_a_list_in_two():
    # a list of members cut by a page break: page number, marking and running header go, and
    # the blank lines around them, so the list is one run of lines again
    text = ("Westbrook Police and Crime Panel 4 March 2031\nPresent:\nCllr Ann Brook (Chair)\n"
            "Cllr Bill Carr\n\nPage 1 of 3\n\nOFFICIAL\n\nWestbrook Police and Crime Panel 4 March 2031\n"
            "Cllr Cat Dale\nMr Dan Eves, Independent Member\n\n1. Apologies\nNone.\n\n- 2 -\n\n"
            "Westbrook Police and Crime Panel 4 March 2031\nRESOLVED that the minutes be approved.\n"
            "\nPage 3 of 3\n")
    assert clean_text(text) == (
        "Westbrook Police and Crime Panel 4 March 2031\nPresent:\nCllr Ann Brook (Chair)\nCllr Bill Carr\n"
        "Cllr Cat Dale\nMr Dan Eves, Independent Member\n\n1. Apologies\nNone.\n"
        "RESOLVED that the minutes be approved.")


def test_page_break_cues_leave_item_numbers_and_repeated_words_alone():
    # a bare number is an item number on ModernGov pages; a word that recurs beside only one
    # of several page breaks is not a running header
    lines = ["26.", "Apologies", "RESOLVED", "That the report be noted.", "Page 1 of 3", "RESOLVED",
             "x", "Page 2 of 3", "y", "Page 3 of 3", "3", "Minutes"]
    assert clean_text("\n".join(lines)).split("\n") == [
        "26.", "Apologies", "RESOLVED", "That the report be noted.", "RESOLVED", "x", "y", "3", "Minutes"]


HARD_WRAPPED = """NORTHSHIRE POLICE AND CRIME PANEL
Minutes of the meeting held on Thursday 12 March 2031 at
10.00am in the Council Chamber, County Hall, Northtown
Present:
Cllr Ann Brook (Chair), Cllr Bill Carr, Cllr Cat Dale (Vice-
Chair), Mr Dan Eves, Cllr Eve Ford, Mrs Fay Gale, Cllr Dorothy
Davison (Substitute for Cllr Kay Lamb) and Cllr Gus Hart.
Apologies: Cllr Len Moss, Cllr Meg Nash and Mr Pat Quinn who
sent his apologies for the whole of the meeting.
1. Minutes of the previous meeting
RESOLVED that the minutes of the meeting held on 6 October
2030 be agreed as a correct record, subject to the change to
item 4 set out by the Chair at the start of the meeting.
2. Precept proposal
The Commissioner introduced the report and answered members' ques-
tions on the precept, the ﬁnance plan and the reserves strategy.
"""


def test_hard_wrapped_pdf_text_is_joined_back_into_its_lines():
    lines = clean_text(HARD_WRAPPED).split("\n")
    assert "Cllr Ann Brook (Chair), Cllr Bill Carr, Cllr Cat Dale (Vice-Chair), Mr Dan Eves, Cllr Eve Ford, " \
           "Mrs Fay Gale, Cllr Dorothy Davison (Substitute for Cllr Kay Lamb) and Cllr Gus Hart." in lines
    assert "RESOLVED that the minutes of the meeting held on 6 October 2030 be agreed as a correct record, " \
           "subject to the change to item 4 set out by the Chair at the start of the meeting." in lines
    # what starts something of its own stays on its own line: a label, a numbered item, a heading
    assert "Present:" in lines and "1. Minutes of the previous meeting" in lines
    assert lines[0] == "NORTHSHIRE POLICE AND CRIME PANEL"
    assert "2. Precept proposal" in lines
    # a word split at the column is one word again; a ligature is written out
    assert lines[-1] == ("The Commissioner introduced the report and answered members' questions on the "
                         "precept, the finance plan and the reserves strategy.")


def test_a_web_page_with_one_paragraph_a_line_is_not_joined():
    # lines of every length, some far beyond a PDF column: not hard-wrapped
    discussion = " ".join(["The Panel discussed the report at length and members raised points about the budget."] * 3)
    page = ("Present:\nCllr Ann Brook (Chair)\nCllr Bill Carr, Northtown Borough Council and Eastshire County "
            "Council representative on the panel\nMr Dan Eves\n\n1. Minutes\n" + discussion
            + "\nRESOLVED that the report be noted\nThe Chair thanked the officers for the report today")
    assert clean_text(page) == page


def test_text_with_no_line_breaks_is_broken_before_attendance_labels():
    page = ("Eastvale Police and Crime Panel 3 June 2031 Present: Cllr Ann Brook (Chair), Cllr Bill Carr and "
            "Mr Dan Eves (Independent Member). In Attendance: Jo Hale (Chief Executive), Sam Ives (Treasurer). "
            "Apologies for absence: Cllr Cat Dale. The Chair said the members were present: all of them.")
    assert clean_text(page).split("\n") == [
        "Eastvale Police and Crime Panel 3 June 2031 Present: Cllr Ann Brook (Chair), Cllr Bill Carr and "
        "Mr Dan Eves (Independent Member).",
        "In Attendance: Jo Hale (Chief Executive), Sam Ives (Treasurer).",
        "Apologies for absence: Cllr Cat Dale. The Chair said the members were present: all of them."]


def test_text_with_no_line_breaks_is_broken_before_action_labels():
    page = ("3. Overtime The Board discussed overtime across the force and the effect on the budget for the "
            "year Action – VA to provide comparable overtime data for the Commissioner to review. The estates "
            "plan was presented. Action Point 4: DCC Lane to update the Board on the estates strategy in May. "
            "Discussion of the action log followed.")
    assert clean_text(page).split("\n") == [
        "3. Overtime The Board discussed overtime across the force and the effect on the budget for the year",
        "Action – VA to provide comparable overtime data for the Commissioner to review. The estates plan was "
        "presented.",
        "Action Point 4: DCC Lane to update the Board on the estates strategy in May. Discussion of the action "
        "log followed."]
