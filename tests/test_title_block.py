"""The title block reader on invented pages of each shape minutes use for their first lines."""

from datetime import date

import pytest

from transforms.header.meeting_header import read_header
from transforms.header.title_block import read_title_block


def _values(header):
    return {k: (getattr(header, k).value if getattr(header, k) else None)
            for k in ("body", "meeting_date", "start_time", "end_time", "venue")}


@pytest.mark.parametrize("text, expected", [
    # capitals on lines of their own, the date and time below
    ("NORTHSHIRE POLICE AND CRIME PANEL\nMINUTES\n\nThursday 12 March 2031\n10.00am\n\n1. Apologies\n",
     {"body": "Northshire Police and Crime Panel", "meeting_date": date(2031, 3, 12), "start_time": "10:00"}),
    # a labelled list with bullets
    ("Meeting: Strategic Delivery Board\n\n  • Date: 4 May 2031\n  • Time: 10:30 - 12:00\n"
     "  • Location: Microsoft Teams\n\nThe Commissioner opened the meeting.",
     {"body": "Strategic Delivery Board", "meeting_date": date(2031, 5, 4), "start_time": "10:30",
      "end_time": "12:00", "venue": "Microsoft Teams"}),
    # a heading, then "Minutes of the meeting held on <date> at <time>"
    ("Joint Audit Committee\nMinutes of the meeting held on Tuesday 15 January 2030 at 10am in Room 2\n"
     "Present: Mr A Smith",
     {"body": "Joint Audit Committee", "meeting_date": date(2030, 1, 15), "start_time": "10:00",
      "venue": "Room 2"}),
    # "<Body> meeting minutes – <date>" on one line
    ("Accountability Board meeting minutes – 14 June 2029\nAttendees\nJo Bloggs",
     {"body": "Accountability Board", "meeting_date": date(2029, 6, 14)}),
    # "MEETING OF <BODY>" then "Held on ..."
    ("MEETING OF THE EASTSHIRE POLICE AUTHORITY\nHeld on Friday 3 October 2031 at 2.00 pm\n",
     {"body": "Eastshire Police Authority", "meeting_date": date(2031, 10, 3), "start_time": "14:00"}),
    # "Date: ... Time: ..." on one line, numeric date
    ("Chief Officer Group\nDate: 05/06/2030 Time: 09:30-11:00\nVenue: Conference Room 1",
     {"body": "Chief Officer Group", "meeting_date": date(2030, 6, 5), "start_time": "09:30",
      "end_time": "11:00", "venue": "Conference Room 1"}),
    ("Force Executive Board – Notes of meeting held on 2nd February 2031\n",
     {"body": "Force Executive Board", "meeting_date": date(2031, 2, 2)}),
    # one line of capitals, as text taken from a PDF often gives it
    ("MINUTES OF THE MEETING OF THE NORTHSHIRE POLICE AND CRIME PANEL HELD AT COUNTY HALL ON 12 MARCH 2031 "
     "AT 10.00 AM\n\nPresent: Cllr A Hale\n",
     {"body": "Northshire Police and Crime Panel", "meeting_date": date(2031, 3, 12), "start_time": "10:00"}),
    ("Minutes of the Eastshire Chief Officer Group meeting held on 3rd May 2032 at Police HQ\n",
     {"body": "Eastshire Chief Officer Group", "meeting_date": date(2032, 5, 3), "venue": "Police HQ"}),
    ("Westshire Police & Crime Panel\nNotes of meeting: 14.01.2030\n",
     {"body": "Westshire Police & Crime Panel", "meeting_date": date(2030, 1, 14)}),
])
def test_title_block_shapes(text, expected):
    got = _values(read_title_block(text))
    assert {k: v for k, v in got.items() if v is not None} == expected


@pytest.mark.parametrize("text", [
    "Minutes of the previous meeting held on 2 March 2030\nThe minutes were agreed.",
    "The minutes of the meeting held on 19 May 2030 were agreed as a correct record and signed by the Chair.\n",
    "Westshire County Council\nAgenda item\nConfidence - Report of the Commissioner\n",
    "Agendas, Meetings and Minutes - Agenda and draft minutes\nContact: Jo Bloggs\n",
    "Chief Executive |\nDecision number 12/2031\n",
    "Date of next meeting: 4 June 2031\n",
])
def test_not_a_title_block(text):
    got = _values(read_title_block(text))
    assert got["body"] is None and got["meeting_date"] is None


def test_header_reader_falls_back_to_the_title_block():
    text = "Site Navigation\nFull Authority Meeting\n\nFriday 24 June 2031\n\nA meeting of the Authority will be held."
    header = read_header(text, body_mentions=False)
    assert header.body.value == "Full Authority Meeting"
    assert header.meeting_date.value == date(2031, 6, 24)
    assert text[header.body.span.start:header.body.span.end] == "Full Authority Meeting"


def test_a_year_less_date_gets_its_year_from_the_weekday_and_says_so():
    from transforms.adapters import parse_document
    from transforms.models import CleanText

    text = ("Northvale Strategic Board\nTuesday 12 March\n10.00am\n\nPresent: Jo Hale\n\n"
            "1. Minutes\nThe minutes of 5 February 2030 were agreed.\n")
    parsed = parse_document(CleanText("d1", "x.txt", text, "text"))
    assert parsed.meeting.meeting_date == date(2030, 3, 12)  # a Tuesday in 2030, not in 2029 or 2031
    (warning,) = [w for w in parsed.warnings if w.code == "value_inferred"]
    assert "Tuesday" in warning.message and text[warning.span.start:warning.span.end] == "Tuesday 12 March"


def test_a_year_less_date_that_fits_no_single_year_stays_none():
    # 12 March is a Tuesday in 2030 only; with no dated text on the page there is no year to fit
    assert read_title_block("Northvale Strategic Board\nTuesday 12 March\n").meeting_date is None


def test_body_phrases_match_as_written_or_in_capitals_not_in_lower_case():
    from transforms.header.meeting_title import body_pattern
    assert body_pattern().search("EASTVALE POLICE AND CRIME PANEL MINUTES").group() == "POLICE AND CRIME PANEL"
    assert body_pattern().search("Eastvale Police & Crime Panel").group() == "Police & Crime Panel"
    assert body_pattern().search("the members of the police and crime panel agreed") is None


def _meeting(text):
    from transforms.adapters import parse_document
    from transforms.models import CleanText
    return parse_document(CleanText("d", "x.txt", text, "text"))


def test_the_title_block_fills_what_a_layouts_own_header_left_empty():
    # board notes (their own header reader) with the body as a heading in capitals
    minutes = _meeting("CHIEF OFFICER GROUP\nNotes of meeting held on 14/03/2031\n\n"
                       "Attendees: Jo Hale (JH) Chief Constable, Sam Reed (SR) Chief Finance Officer\n\n"
                       "1. Minutes\nThe notes of the last meeting were approved.\n")
    assert minutes.adapter == "pcc_notes"
    assert (minutes.meeting.body, minutes.meeting.meeting_date) == ("Chief Officer Group", date(2031, 3, 14))


def test_a_date_line_with_times_and_a_place_is_not_an_agenda_item():
    minutes = _meeting("Westshire Police\nChief Officer Group Meeting\n"
                       "14 March 2031, 10:00 - 12:00, Conference Room 1\n\n"
                       "Present: Cllr Jo Hale (Chair), Cllr Sam Reed\n\n1. Minutes\n")
    m = minutes.meeting
    assert (m.body, m.meeting_date, m.start_time, m.end_time) == (
        "Chief Officer Group Meeting", date(2031, 3, 14), "10:00", "12:00")


def test_a_bulleted_list_of_dates_gives_no_meeting_date():
    header = read_title_block("Strategic Board\nFurther meetings are scheduled to take place on:\n"
                              "- 10 March 2031 at 10am\n- 30 June 2031 at 10am\n")
    assert header.meeting_date is None


def test_a_year_the_title_block_infers_for_another_layout_is_recorded_as_inferred():
    minutes = _meeting("CHIEF OFFICER GROUP\nNotes of Meeting\nTuesday 12 March\n\n"
                       "Attendees: Jo Hale (JH) Chief Constable, Sam Reed (SR) Chief Finance Officer\n\n"
                       "1. Minutes\nThe notes of the meeting of 10 February 2031 were approved.\n")
    assert minutes.adapter == "pcc_notes"
    assert minutes.meeting.meeting_date == date(2030, 3, 12)  # the Tuesday near the page's 2031
    assert [(w.code, w.message.split(":")[0]) for w in minutes.warnings] == [
        ("value_inferred", "meeting_date 2030-03-12")]
