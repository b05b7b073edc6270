"""Stable, readable identifiers. The same input always gives the same ids."""

from __future__ import annotations

import hashlib
import re
import unicodedata

from transforms.models import Meeting


def slug(text: str) -> str:
    """"Chief Officer's Management Board - Strategic" -> "chief-officer-s-management-board-strategic"."""
    ascii_ = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_.lower()).strip("-")


def short_hash(*parts: object) -> str:
    """16 hex digits of sha256 over the parts (joined unambiguously)."""
    h = hashlib.sha256("\x1f".join("" if p is None else str(p) for p in parts).encode())
    return h.hexdigest()[:16]


def meeting_id(meeting: Meeting, document_id: str) -> str:
    """Body slug + date, e.g. "kent-police-chief-officer-s-management-board-strategic/2024-10-08".
    Without both a body and a date the meeting cannot be told apart from others: the document
    id stands in for it."""
    if not meeting.body or meeting.meeting_date is None:
        return document_id
    name = meeting.body
    if meeting.organisation and slug(meeting.organisation) not in slug(meeting.body):
        name = f"{meeting.organisation} {meeting.body}"
    return f"{slug(name)}/{meeting.meeting_date.isoformat()}"


def person_key(name: str) -> str:
    """Provisional person id from a name alone (people resolution refines it)."""
    return "person/" + slug(name)
