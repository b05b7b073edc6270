"""ModernGov's web service (``mgWebService.asmx``): request URLs and tolerant readers of its XML.

The answers are plain XML over HTTP GET, e.g. GetCommittees::

    <committees><committee><committeeid>55</committeeid>
      <committeetitle>Eastshire Police and Crime Panel</committeetitle></committee></committees>

GetMeetings (``lCommitteeId``, ``sFromDate``, ``sToDate`` as dd/mm/yyyy) lists
``<meeting><meetingid>..</meetingid><meetingdate>..</meetingdate></meeting>`` under the committee;
GetMeeting (``lMeetingId``) describes one meeting with ``<linkeddoc>`` entries (title, url).
Element names are matched case-insensitively and without namespaces, and an answer wrapped in
a ``<string>`` element (escaped XML) is unwrapped, because sites differ.

    >>> xml = b"<committees><committee><committeeid>55</committeeid>" \\
    ...       b"<committeetitle>Eastshire  Police &amp; Crime Panel</committeetitle></committee></committees>"
    >>> find_committee_id(parse_committees(xml), "eastshire police and crime panel")
    55
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from urllib.parse import urlencode, urljoin

from lxml import etree

from flows.fetch.links import canonical_url

_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, recover=True)
_DATE_FORMATS = ("%d/%m/%Y", "%Y-%m-%d", "%d/%m/%Y %H:%M:%S", "%Y-%m-%dT%H:%M:%S")


@dataclass(frozen=True)
class Committee:
    id: int
    title: str


@dataclass(frozen=True)
class MeetingRef:
    id: int
    date: date | None


@dataclass(frozen=True)
class LinkedDocument:
    title: str
    url: str


def service_url(base_url: str, method: str, **params: object) -> str:
    """A web-service method's GET URL.

    >>> service_url("https://d.example.org/", "GetMeeting", lMeetingId=9)
    'https://d.example.org/mgWebService.asmx/GetMeeting?lMeetingId=9'
    """
    url = f"{base_url.rstrip('/')}/mgWebService.asmx/{method}"
    return f"{url}?{urlencode(params)}" if params else url


def meetings_url(base_url: str, committee_id: int, from_date: date | None, to_date: date) -> str:
    start = from_date or date(1990, 1, 1)
    return service_url(base_url, "GetMeetings", lCommitteeId=committee_id,
                       sFromDate=start.strftime("%d/%m/%Y"), sToDate=to_date.strftime("%d/%m/%Y"))


def meeting_page_url(base_url: str, committee_id: int, meeting_id: int) -> str:
    """The meeting's public page (agenda and minutes): ``ieListDocuments.aspx?CId=..&MId=..``."""
    return f"{base_url.rstrip('/')}/ieListDocuments.aspx?CId={committee_id}&MId={meeting_id}"


def parse_committees(xml: bytes) -> list[Committee]:
    out = []
    for el in _elements(_root(xml), "committee"):
        cid, title = _int(_child_text(el, "committeeid")), _child_text(el, "committeetitle")
        if cid is not None and title:
            out.append(Committee(cid, title))
    return out


def find_committee_id(committees: list[Committee], name: str) -> int | None:
    wanted = _normal_title(name)
    for committee in committees:
        if _normal_title(committee.title) == wanted:
            return committee.id
    return None


def parse_meetings(xml: bytes) -> list[MeetingRef]:
    """Every meeting listed (each id once, in document order)."""
    seen: dict[int, MeetingRef] = {}
    for el in _elements(_root(xml), "meeting"):
        mid = _int(_child_text(el, "meetingid"))
        if mid is not None and mid not in seen:
            seen[mid] = MeetingRef(mid, _date(_child_text(el, "meetingdate")))
    return list(seen.values())


def parse_linked_documents(xml: bytes, base_url: str) -> list[LinkedDocument]:
    """The meeting's linked documents that have a URL, resolved against the site."""
    out: dict[str, LinkedDocument] = {}
    for el in _elements(_root(xml), "linkeddoc", "document"):
        url = _child_text(el, "url", "documenturl", "link", "linkeddocurl")
        title = _child_text(el, "title", "documenttitle", "linkeddoctitle", "description") or ""
        if url:
            absolute = canonical_url(urljoin(base_url.rstrip("/") + "/", url.strip()))
            out.setdefault(absolute, LinkedDocument(title.strip(), absolute))
    return list(out.values())


# -- tolerant XML helpers ----------------------------------------------------------------------
def _root(xml: bytes) -> etree._Element | None:
    try:
        root = etree.fromstring(xml, _PARSER)
    except (etree.XMLSyntaxError, ValueError):
        return None
    if root is not None and _local(root) == "string" and (root.text or "").lstrip().startswith("<"):
        return _root(root.text.strip().encode("utf-8"))   # ASMX sometimes returns escaped XML in <string>
    return root


def _local(el: etree._Element) -> str:
    return etree.QName(el).localname.lower() if isinstance(el.tag, str) else ""


def _elements(root: etree._Element | None, *names: str) -> list[etree._Element]:
    if root is None:
        return []
    return [el for el in root.iter() if _local(el) in names]


def _child_text(el: etree._Element, *names: str) -> str | None:
    for child in el:
        if _local(child) in names and (child.text or "").strip():
            return child.text.strip()
    for name in names:   # some sites carry the value as an attribute
        for key, value in el.attrib.items():
            if etree.QName(key).localname.lower() == name and value.strip():
                return value.strip()
    return None


def _int(text: str | None) -> int | None:
    return int(text) if text and text.strip().isdigit() else None


def _date(text: str | None) -> date | None:
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime((text or "").strip(), fmt).date()
        except ValueError:
            continue
    return None


def _normal_title(title: str) -> str:
    return re.sub(r"\s+", " ", title.replace("&", " and ")).strip().casefold()
