"""Readers of index pages and ModernGov web-service XML: tolerant, never raising."""

from __future__ import annotations

from datetime import date

import pytest

from flows.fetch.links import extract_links
from flows.fetch.moderngov import (
    find_committee_id,
    meetings_url,
    parse_committees,
    parse_linked_documents,
    parse_meetings,
)

WRAPPED = (b'<?xml version="1.0" encoding="utf-8"?><string xmlns="http://tempuri.org/">'
           b'&lt;getmeetings&gt;&lt;committee&gt;&lt;committeemeetings&gt;&lt;meeting&gt;'
           b'&lt;meetingid&gt;9&lt;/meetingid&gt;&lt;meetingdate&gt;07/10/2031&lt;/meetingdate&gt;'
           b'&lt;/meeting&gt;&lt;/committeemeetings&gt;&lt;/committee&gt;&lt;/getmeetings&gt;</string>')


def test_meetings_from_plain_namespaced_and_wrapped_answers() -> None:
    plain = b"<getmeetings><committee><committeemeetings><meeting><meetingid>4</meetingid>" \
            b"<meetingdate>03/06/2031</meetingdate></meeting></committeemeetings></committee></getmeetings>"
    spaced = b'<GetMeetings xmlns="urn:x"><Meeting><MeetingId> 5 </MeetingId></Meeting></GetMeetings>'
    assert [(m.id, m.date) for m in parse_meetings(plain)] == [(4, date(2031, 6, 3))]
    assert [(m.id, m.date) for m in parse_meetings(spaced)] == [(5, None)]
    assert [(m.id, m.date) for m in parse_meetings(WRAPPED)] == [(9, date(2031, 10, 7))]


@pytest.mark.parametrize("junk", [b"", b"<html><body>Error</body></html>", b"\xff\xfe<<<", b"<a><b>cut off",
                                  b'<!DOCTYPE x [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><x>&b;</x>'])
def test_junk_answers_give_nothing(junk: bytes) -> None:
    assert parse_meetings(junk) == [] and parse_committees(junk) == []
    assert parse_linked_documents(junk, "https://d.example.org") == []


def test_committee_lookup_and_request_url() -> None:
    xml = b"<committees><committee><committeeid>12</committeeid><committeetitle>Planning</committeetitle>" \
          b"</committee><committee><committeeid>55</committeeid>" \
          b"<committeetitle>Eastshire Police &amp; Crime Panel</committeetitle></committee></committees>"
    committees = parse_committees(xml)
    assert find_committee_id(committees, "EASTSHIRE POLICE AND CRIME  PANEL") == 55
    assert find_committee_id(committees, "Licensing") is None
    assert meetings_url("https://d.example.org/", 55, date(2013, 1, 2), date(2031, 10, 1)) == (
        "https://d.example.org/mgWebService.asmx/GetMeetings?lCommitteeId=55&sFromDate=02%2F01%2F2013"
        "&sToDate=01%2F10%2F2031")


def test_linked_documents_resolved_against_the_site() -> None:
    xml = b"<meeting><linkeddocuments><linkeddoc><title>Printed minutes</title>" \
          b"<url>documents/g7/Printed minutes.pdf</url></linkeddoc><linkeddoc><title>No link</title></linkeddoc>" \
          b"</linkeddocuments></meeting>"
    docs = parse_linked_documents(xml, "https://d.example.org")
    assert [(d.title, d.url) for d in docs] == [
        ("Printed minutes", "https://d.example.org/documents/g7/Printed%20minutes.pdf")]


def test_links_of_odd_pages() -> None:
    page = b'<html><head><base href="https://e.org/minutes/"></head><body><a href=" 5-may/ ">x</a>' \
           b'<a href="javascript:void(0)">y</a><a href="https://e.org/minutes/5-may/#top">z</a></body></html>'
    assert extract_links(page, "https://ignored.example.org/") == ["https://e.org/minutes/5-may/"]
    assert extract_links(b"", "https://e.org/") == []
    assert extract_links(b"<div>" * 50_000, "https://e.org/") == []
