"""Header shapes of text taken from PDFs, agenda notices and Scottish minutes (invented text):
colon-less table labels run together on a line, "will be held on <date>, at <time> in
<place>", page counters that are not agenda item numbers, "Approved Minute from the Meeting of
<Body> held on <date>"."""

from __future__ import annotations

from datetime import date

import pytest

from transforms.header.meeting_header import header_end, read_header
from transforms.header.title_block import read_title_block


def _values(header) -> dict[str, object]:
    return {name: found.value for name in ("body", "meeting_date", "start_time", "end_time", "venue")
            if (found := getattr(header, name)) is not None}


@pytest.mark.parametrize(("text", "expected"), [
    # colon-less table labels run together, as text taken from a PDF gives them
    ("Full text\n(1)\nMeeting Eastvale Strategic Meeting Venue The Blue Room, HQ\n"
     "Date & time Monday 6 May 2030 10:00 hrs Attendees Mr B Cole (Chair) Chief Constable\n"
     "Mr D Frost Deputy Chief Constable\n",
     {"body": "Eastvale Strategic Meeting", "meeting_date": date(2030, 5, 6), "start_time": "10:00",
      "venue": "The Blue Room, HQ"}),
    # an agenda notice's sentence gives the time and the place
    ("Full Authority Meeting\nFriday 3 May 2030\nA meeting of the Police Authority will be held on "
     "Friday 3 May 2030, at 10:00 hrs in Council Chamber, County Hall, Westby to which members are "
     "summoned.\n",
     {"body": "Full Authority Meeting", "meeting_date": date(2030, 5, 3), "start_time": "10:00",
      "venue": "Council Chamber, County Hall, Westby"}),
    # not labels: prose opening with a label word; one label and no date
    ("Meeting rooms were booked for the Date of the review.\n", {}),
    ("Venue hire was discussed.\n", {}),
    # the minutes of another meeting give no date
    ("The minutes of the meeting held on 19 March 2030 were agreed as a correct record.\n", {}),
])
def test_title_block_reads(text: str, expected: dict[str, object]) -> None:
    assert _values(read_title_block(text)) == expected


def test_page_counters_do_not_end_the_header() -> None:
    text = ("Copied!\n5\n0\n0\nLoading....\nMeeting Eastvale Strategic Meeting Venue The Blue Room, HQ\n"
            "Date & time Monday 6 May 2030 10:00 hrs\n\n1\nApologies\n")
    assert header_end(text) == text.index("1\nApologies")
    assert read_header(text).meeting_date.value == date(2030, 5, 6)


def test_approved_minute_of_a_named_meeting() -> None:
    text = ("Report Summary\nApproved Minute from the Meeting of the Eastshire Police Authority held on "
            "14 March 2031. The Minute was approved at the meeting on 25 April 2031.\n"
            "Meeting of the Eastshire Police Authority - 25 April 2031\nDate : 25 April 2031\n")
    h = read_header(text)
    assert (h.body.value, h.meeting_date.value) == ("Eastshire Police Authority", date(2031, 3, 14))


def test_minutes_of_the_previous_meeting_are_not_this_meeting() -> None:
    text = "Minutes of the previous meeting held on 2 March 2030\nDate: 6 April 2030\n"
    assert read_header(text).meeting_date.value == date(2030, 4, 6)


def test_a_council_of_officers_is_a_body_a_local_authority_is_not() -> None:
    h = read_title_block("Chief Constables' Council\nMinutes\nWednesday 14 January 2032\n")
    assert (h.body.value, h.meeting_date.value) == ("Chief Constables' Council", date(2032, 1, 14))
    assert read_title_block("Westshire County Council\nAgenda and minutes\nThursday 5 June 2031\n").body is None
