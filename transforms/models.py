"""Typed, frozen domain models handed from stage to stage.

Every fact carries the span (``char_start``, ``char_end``) of the cleaned document text it
was read from, so any figure in the warehouse can be traced back to its sentence.
``None`` always means "the text does not say"; it is never a guess.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class RawDocument:
    """Bytes as fetched or read from disk. ``document_id`` is the hex sha256 of ``data``."""

    document_id: str
    source_uri: str
    data: bytes


@dataclass(frozen=True)
class CleanText:
    """A document turned into plain text with site furniture removed.

    Offsets of every fact refer to ``text``. ``format`` is what the bytes were detected as
    (``text``, ``html``, ``pdf``, ``docx``); ``encoding`` how text bytes were decoded.
    """

    document_id: str
    source_uri: str
    text: str
    format: str
    encoding: str | None = None
    truncated: bool = False  # the source says its text was cut ("view the full minutes text")


@dataclass(frozen=True)
class Span:
    start: int
    end: int


@dataclass(frozen=True)
class Meeting:
    """The meeting a document records. Example: body "Chief Officer's Management Board -
    Strategic", organisation "Kent Police", meeting_date 2024-10-08, end_time "13:53".
    ``start_time``/``end_time`` are "HH:MM" strings."""

    body: str | None = None
    organisation: str | None = None
    meeting_date: date | None = None
    start_time: str | None = None
    end_time: str | None = None
    venue: str | None = None
    next_meeting_date: date | None = None
    span: Span = Span(0, 0)


@dataclass(frozen=True)
class Attendance:
    """One person listed for a meeting. Example: "CC Tam Smyth (Chair) | Chief Constable" ->
    name "Tam Smyth", rank "CC", role "Chief Constable", is_chair True."""

    name: str
    span: Span
    rank: str | None = None
    role: str | None = None
    organisation: str | None = None
    status: str = "present"  # present | apologies | absent
    is_chair: bool = False
    is_minute_taker: bool = False
    is_observer: bool = False
    is_representative: bool = False
    remote: bool = False
    partial: bool = False
    note: str | None = None


@dataclass(frozen=True)
class AgendaItem:
    """"8a. Car Salary Sacrifice Scheme mileage rate" -> item_number "8a", title without number."""

    item_number: str
    title: str
    span: Span


@dataclass(frozen=True)
class Action:
    """A formal action raised at the meeting ("New action 35/24: ACC X to ...").
    ``action_ref`` None when unnumbered; ``owner`` as named (a person or a role/body)."""

    description: str
    span: Span
    action_ref: str | None = None
    owner: str | None = None
    due_date: date | None = None
    status: str | None = None  # when the raising text states one (an actions table "Open")
    item_number: str | None = None


@dataclass(frozen=True)
class ActionUpdate:
    """A report on an earlier action: "Action 22/24 - Ports EES. CLOSED" -> status "closed"."""

    action_ref: str
    status: str  # open | closed | carried_forward
    status_as_written: str | None
    span: Span
    note: str | None = None


@dataclass(frozen=True)
class Decision:
    """A decision ("Decision:" blocks, board approvals) or a resolution ("RESOLVED that ...")."""

    text: str
    kind: str  # decision | resolution
    span: Span
    item_number: str | None = None


@dataclass(frozen=True)
class ParseWarning:
    """A non-fatal oddity met while parsing, kept as a row of ``parse_warnings``.

    ``code`` is a short stable tag (``truncated``, ``no_attendees``, ``attendee_table_cut``);
    ``message`` is for people; ``span`` the text it concerns, None for the whole document.
    Example: ParseWarning("truncated", "the page links to the full minutes text instead of giving it").
    """

    code: str
    message: str
    span: Span | None = None


@dataclass(frozen=True)
class ParsedMinutes:
    """Everything one adapter read from one document."""

    document_id: str
    adapter: str
    meeting: Meeting
    attendance: tuple[Attendance, ...] = ()
    agenda_items: tuple[AgendaItem, ...] = ()
    actions: tuple[Action, ...] = ()
    action_updates: tuple[ActionUpdate, ...] = ()
    decisions: tuple[Decision, ...] = ()
    warnings: tuple[ParseWarning, ...] = field(default=())


class ExtractionError(Exception):
    """Bytes that cannot be turned into usable text. ``check`` names the failed check
    (e.g. ``empty_file``, ``binary_content``, ``invalid_pdf``); ``reason`` is for people."""

    def __init__(self, check: str, reason: str):
        super().__init__(f"{check}: {reason}")
        self.check = check
        self.reason = reason

    def __reduce__(self):  # picklable across processes (PDF extraction runs in a worker)
        return (type(self), (self.check, self.reason))
