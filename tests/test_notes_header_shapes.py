"""Meeting fields of board notes (``transforms.header.notes_header``) in shapes written with
invented bodies, dates and places."""

from __future__ import annotations

from datetime import date

from transforms.header.notes_header import read_meeting


def _meeting(text: str):
    return read_meeting(text, len(text))


def test_label_alone_with_date_and_times_below_then_venue_line() -> None:
    text = ("Strategy Board Minutes – 4 March 2031\n\nStrategy Board\n\nDate and Time:\n"
            "Tuesday 4 March 2031, 09:40-12:35pm\n\nThe Cedar Room, Riverside House, Mill Lane, Eastport\n\n"
            "Ann Lowe (AL) Commissioner\n")
    m = _meeting(text)
    assert (m.meeting_date, m.start_time, m.end_time) == (date(2031, 3, 4), "09:40", "12:35")
    assert m.venue == "The Cedar Room, Riverside House, Mill Lane, Eastport"


def test_labelled_date_then_a_label_line_is_no_venue() -> None:
    m = _meeting("Strategy Board\nDate: 4 March 2031\nTime: 10am\nAnn Lowe (AL) Commissioner\n")
    assert (m.meeting_date, m.start_time, m.venue) == (date(2031, 3, 4), "10:00", None)


def test_minutes_held_in_a_venue_on_a_date() -> None:
    m = _meeting("Executive Board Minutes 9 May 2030\nMinutes of the meeting held in Committee Room Two, "
                 "Police Headquarters, Westby, on Thursday 9 May 2030.\nPRESENT:-\n")
    assert (m.venue, m.meeting_date) == ("Committee Room Two, Police Headquarters, Westby", date(2030, 5, 9))


def test_body_with_and_in_its_name() -> None:
    assert _meeting("Resources and Delivery Board\nNotes of the meeting\n").body == "Resources and Delivery Board"


def test_a_page_listing_meetings_has_no_meeting_date() -> None:
    m = _meeting("Resources and Delivery Board\nFurther meetings are scheduled to take place on:\n"
                 "- 11 March 2031 at 10am\n- 1 July 2031 at 10am\n- 9 September 2031 at 10am\n")
    assert (m.meeting_date, m.start_time) == (None, None)


def test_next_meeting_date_on_the_line_below_its_heading() -> None:
    text = "Accountability Board\n12th June 2031\n8. Date of the next meeting\n\n4th November 2031\n9. Close\n"
    assert _meeting(text).next_meeting_date == date(2031, 11, 4)
    prose = "8. Date of the next meeting\nThe Board agreed that a date in the autumn of 2031 would be set.\n"
    assert _meeting(prose).next_meeting_date is None
