"""The meeting header: body (title), date, start and end times, venue, next meeting.

One entry point, ``read_meeting(page, strategy, **options)``; the strategies:

* ``title_and_labels``: a page title "<Body> - <date> <time>", a heading block, "Date:" /
  "Venue:" labels, and (``body_mentions=True``) the body named in the text
  (``meeting_header.read_header``); the next meeting's date when the page has a date of its
  own (``notes_header.next_meeting_date``);
* ``board_labels``: "Title:" / "Date:" / "Venue:" fields, the end time from "the session
  finished at ...", the next meeting from the page's last line (``board_header``);
* ``notes_headings``: labelled lines or the headings of commissioners' board notes, read
  before the attendee lists (``notes_header``).

``BODY_STARTS`` (``body_start``) names where a layout's body begins.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace

from transforms.header.board_header import read_board_header
from transforms.header.body_start import BODY_STARTS
from transforms.header.meeting_header import meeting_from, read_header
from transforms.header.meeting_title import MeetingHeader
from transforms.header.notes_header import next_meeting_date, notes_header_end
from transforms.header.notes_header import read_meeting as read_notes_meeting
from transforms.header.title_block import read_title_block
from transforms.models import Meeting
from transforms.page import Page

__all__ = ["BODY_STARTS", "STRATEGIES", "read_meeting"]


def _warn_inferred(page: Page, header: MeetingHeader, names: Iterable[str]) -> None:
    """A ``value_inferred`` warning for each of the named fields the text does not state whole."""
    for name in names:
        found = getattr(header, name)
        if found is not None and found.how:
            page.warn("value_inferred", f"{name} {found.value}: {found.how}", found.span)


def _title_and_labels(page: Page, *, body_mentions: bool = True) -> Meeting:
    header = read_header(page.text, body_mentions=body_mentions)
    _warn_inferred(page, header, ("meeting_date", "start_time", "end_time"))
    meeting = meeting_from(header)
    if meeting.meeting_date is None:
        return meeting  # no meeting of its own: nor a next one
    return replace(meeting, next_meeting_date=next_meeting_date(page.text))


def _board_labels(page: Page) -> Meeting:
    return read_board_header(page.text, page.body_start, page.layout)


def _notes_headings(page: Page) -> Meeting:
    return read_notes_meeting(page.text, notes_header_end(page.text, page.items))


STRATEGIES: dict[str, Callable[..., Meeting]] = {
    "title_and_labels": _title_and_labels,
    "board_labels": _board_labels,
    "notes_headings": _notes_headings,
}


def read_meeting(page: Page, strategy: str, **options: object) -> Meeting:
    """The meeting as the named strategy reads it (an unknown name raises KeyError); when it
    leaves the body or the date empty, the page's title block (``title_block``, read by shape
    whatever the layout) fills the fields it left empty."""
    meeting = STRATEGIES[strategy](page, **options)
    if strategy == "title_and_labels" or (meeting.body is not None and meeting.meeting_date is not None):
        return meeting  # title_and_labels reads the title block itself
    block = read_title_block(page.text)
    filled = {name: found.value for name in ("body", "meeting_date", "start_time", "end_time", "venue")
              if getattr(meeting, name) is None and (found := getattr(block, name)) is not None}
    _warn_inferred(page, block, filled)
    return replace(meeting, **filled) if filled else meeting
