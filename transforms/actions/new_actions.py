"""Formal actions raised at a meeting, and reports on earlier actions.

New: "New action 35/24:" / "New action: 9/24" / "New Action 12/25 -" with the action text on
the same or the next line; "ACTION: JW to ..."; "Action: ... By whom: ... By when: ...";
"Action SN send ..."; "Action 3/24: ..." lines under a bare "New actions" heading.
Reports on earlier actions are read by ``transforms.actions.updates`` with ``action_status``.
Status words are data: ``quirks/action_status_words.csv``; due-date cue words
``quirks/due_date_cues.csv``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from functools import lru_cache

from transforms.actions.owners import COLLECTIVE_OWNER, owner_after, owner_names
from transforms.models import Action, Attendance, Span
from transforms.quirks import load_table
from transforms.ranks import split_rank
from transforms.text.dates import MONTHS, find_dates
from transforms.text.spans import clean, trimmed

_REF = r"\d{1,4}(?:\s*/\s*\d{2,4})?"
#: an action's reference: "35/24", "35 / 24", a plain "16"
ACTION_REF = _REF
#: "New action 35/24:", "New action: 9/24", "New Action 12/25 - text", "New actions"
_NEW_ACTION = re.compile(
    rf"^[ \t]*New\s+actions?\b[ \t]*(?:no\.?|number)?[ \t]*[:\-–—]?[ \t]*(?P<ref>{_REF})?"
    r"[ \t]*[:\-–—.]?[ \t]*(?P<rest>.*)$", re.IGNORECASE | re.MULTILINE)
#: a numbered action under a "New actions" heading: "Action 3/24: text", "3/24 - text"
_LISTED_ACTION = re.compile(rf"^[ \t]*(?:Action\s+)?(?P<ref>{_REF})[ \t]*[:\-–—][ \t]*(?P<rest>\S.*)$",
                            re.IGNORECASE | re.MULTILINE)
#: "ACTION: JW to ...", "Action – LS to ..." (no reference: a referenced line is an update)
_GENERIC_ACTION = re.compile(r"^[ \t]*ACTION[ \t]*[:\-–—][ \t]*(?P<rest>\S.*)$",
                             re.IGNORECASE | re.MULTILINE)
#: "Action SN send formal note ...", "5. Action LW to review ..." (owner's initials, then the verb)
_INITIALS_ACTION = re.compile(r"^[ \t]*(?:\d{1,2}[.)][ \t]+|[•*\-][ \t]*)?Action[ \t]+"
                              r"(?P<rest>(?P<owner>[A-Z]{2,4})[ \t]+[a-z]+\b.*)$", re.MULTILINE)
#: "By whom:" / "Owner:" / "Lead:" and "By when:" / "Due:" / "Deadline:" fields after an action
_WHOM_LABEL = r"\b(?:By\s+whom|Owner|Lead\s+officer|Responsible)\s*:"
_WHEN_LABEL = r"\b(?:By\s+when|Due(?:\s+date)?|Deadline|Target\s+date)\s*:"
_BY_WHOM = re.compile(rf"{_WHOM_LABEL}\s*(?P<v>.*?)(?=\s*{_WHEN_LABEL}|$)", re.IGNORECASE)
_BY_WHEN = re.compile(rf"{_WHEN_LABEL}\s*(?P<v>.*?)(?=\s*{_WHOM_LABEL}|$)", re.IGNORECASE)
_FIELD_LINE = re.compile(rf"(?:{_WHOM_LABEL}|{_WHEN_LABEL})", re.IGNORECASE)
#: who must act: the words before "to <verb>" at the start of the action text
OWNER_CLAUSE = re.compile(r"^(?P<who>[A-Z][^.;:]{0,60}?)\s+(?:to|will|should|must)\s+[a-z]")
_MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))
_DAY_MONTH = re.compile(rf"\b(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>{_MONTH_RE})\b\.?",
                        re.IGNORECASE)
_MONTH_DAY = re.compile(rf"\b(?P<month>{_MONTH_RE})\.?\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\b",
                        re.IGNORECASE)


@lru_cache(maxsize=1)
def _status_words() -> tuple[tuple[re.Pattern[str], str], ...]:
    rows = sorted(load_table("action_status_words"), key=lambda r: len(r["word"]), reverse=True)
    return tuple((re.compile(r"(?<![\w/])" + r"\s+".join(map(re.escape, r["word"].split()))
                             + r"(?![\w/])", re.IGNORECASE), r["status"]) for r in rows)


@lru_cache(maxsize=1)
def _due_cue() -> re.Pattern[str]:
    cues = sorted((r["cue"] for r in load_table("due_date_cues")), key=len, reverse=True)
    return re.compile(rf"\b(?:{'|'.join(re.escape(c) for c in cues)})\b(?:\s+(?:the|a|an))?\s*$",
                      re.IGNORECASE)


def action_status(text: str) -> tuple[str, str] | None:
    """The normalised status and the words as written, from the last status phrase in
    ``text``: "Ports EES. CLOSED" -> ("closed", "CLOSED"); "carried forward to May" ->
    ("carried_forward", "carried forward"); no status phrase -> None."""
    best: tuple[int, int, str, str] | None = None
    for pattern, status in _status_words():
        for m in pattern.finditer(text):
            key = (m.end(), m.end() - m.start())  # "not yet complete" beats "complete"
            if best is None or key > (best[0], best[1]):
                best = (m.end(), m.end() - m.start(), status, m.group(0))
    return (best[2], clean(best[3])) if best else None


def _partial_dates(text: str, meeting_date: date | None) -> list[tuple[date, int]]:
    """Day-and-month dates without a year ("on 18 October"), given the meeting's year; a date
    that would fall before the meeting is taken to be in the following year."""
    if meeting_date is None:
        return []
    found = []
    for pattern in (_DAY_MONTH, _MONTH_DAY):
        for m in pattern.finditer(text):
            try:
                d = date(meeting_date.year, MONTHS[m.group("month").lower().rstrip(".")],
                         int(m.group("day")))
            except (ValueError, KeyError):
                continue
            found.append((d.replace(year=d.year + 1) if d < meeting_date else d, m.start()))
    return found


def due_date(text: str, meeting_date: date | None = None) -> date | None:
    """The date an action is due, when a date in ``text`` follows a cue such as "by", "on",
    "prior to": "... at the CO Away Day on 18 October" with a 2024 meeting -> 2024-10-18."""
    full = [(d, s) for d, s, _ in find_dates(text)]
    covered = {s for _, s in full}
    candidates = sorted(full + [(d, s) for d, s in _partial_dates(text, meeting_date)
                                if not any(abs(s - c) < 12 for c in covered)], key=lambda t: t[1])
    for d, start in candidates:
        if _due_cue().search(text[max(0, start - 30):start]):
            return d
    return None


def _owner_of(description: str, people: Sequence[Attendance]) -> str | None:
    """The owner at the start of an action's text; a leading rank or title may carry dots
    ("Insp. Jo Hale to ...", "Det. Supt. Cy Rowe will ...")."""
    if collective := COLLECTIVE_OWNER.match(description):
        return collective.group("who")
    rank, rest = split_rank(description)
    m = OWNER_CLAUSE.match(rest if rank and rest[:1].isupper() else description)
    if m is None or len(m.group("who").split()) > 7:
        return None
    return owner_names(m.group("who"), people)


def _next_line(text: str, pos: int, end: int) -> Span | None:
    """The span of the first non-blank line at or after ``pos``."""
    while pos < end:
        line_end = text.find("\n", pos)
        line_end = end if line_end < 0 or line_end > end else line_end
        span = trimmed(text, pos, line_end)
        if span.end > span.start:
            return span
        pos = line_end + 1
    return None


def make_action(text: str, start: int, desc: Span, ref: str | None, people: Sequence[Attendance],
                 meeting_date: date | None, owner: str | None = None) -> Action:
    description, written_after = owner_after(clean(text[desc.start:desc.end]))
    if owner is None and written_after:
        owner = owner_names(written_after, people)
    whom, when = _BY_WHOM.search(description), _BY_WHEN.search(description)
    cut = min([m.start() for m in (whom, when) if m] or [len(description)])
    body = description[:cut].strip(" ;,.-–") + ("." if description[:cut].rstrip().endswith(".") else "")
    if whom:
        owner = owner_names(whom.group("v"), people)
    return Action(
        description=body or description, span=Span(start, desc.end),
        action_ref=re.sub(r"\s+", "", ref) if ref else None,
        owner=owner if owner is not None else _owner_of(body, people),
        due_date=_when(when.group("v"), meeting_date) if when else due_date(body, meeting_date))


def _when(value: str, meeting_date: date | None) -> date | None:
    """A "By when:" value: a full date, or a day and month in the meeting's year."""
    full = find_dates(value)
    if full:
        return full[0][0]
    partial = _partial_dates(value, meeting_date)
    return partial[0][0] if partial else None


def find_new_actions(text: str, start: int = 0, end: int | None = None, *,
                     people: Sequence[Attendance] = (),
                     meeting_date: date | None = None) -> list[Action]:
    """Formal actions raised in text[start:end], in order of appearance.

    >>> t = "New action 35/24:\\nACC Jo Bloggs to cost the plan for the Away Day on 18 October."
    >>> a = find_new_actions(t, meeting_date=date(2024, 10, 8))[0]
    >>> (a.action_ref, a.owner, a.due_date)
    ('35/24', 'Jo Bloggs', datetime.date(2024, 10, 18))
    """
    end = len(text) if end is None else end
    found: list[Action] = []
    for m in _NEW_ACTION.finditer(text, start, end):
        ref, rest = m.group("ref"), m.group("rest").strip()
        if ref is None and not rest:
            found.extend(_listed_actions(text, m.end() + 1, end, people, meeting_date))
            continue
        desc = trimmed(text, m.start("rest"), m.end("rest")) if rest else _next_line(text, m.end() + 1, end)
        if desc is not None:
            found.append(make_action(text, m.start(), desc, ref, people, meeting_date))
    for m in _GENERIC_ACTION.finditer(text, start, end):
        desc = _with_following_fields(text, trimmed(text, m.start("rest"), m.end("rest")), end)
        found.append(make_action(text, m.start(), desc, None, people, meeting_date))
    for m in _INITIALS_ACTION.finditer(text, start, end):
        desc = trimmed(text, m.start("rest"), m.end("rest"))
        found.append(make_action(text, m.start(), desc, None, people, meeting_date,
                                  owner=owner_names(m.group("owner"), people)))
    return sorted(found, key=lambda a: a.span.start)


def _listed_actions(text: str, pos: int, end: int, people: Sequence[Attendance],
                    meeting_date: date | None) -> list[Action]:
    """Numbered action lines directly under a bare "New actions" heading."""
    found = []
    while (line := _next_line(text, pos, end)) is not None:
        m = _LISTED_ACTION.match(text, line.start, line.end)
        if m is None:
            break
        found.append(make_action(text, line.start, trimmed(text, m.start("rest"), line.end),
                                  m.group("ref"), people, meeting_date))
        pos = line.end + 1
    return found


def _with_following_fields(text: str, desc: Span, end: int) -> Span:
    """Extend an action's span over "By whom:" / "By when:" lines that follow it."""
    for _ in range(2):
        line = _next_line(text, desc.end + 1, end)
        if line is None or not _FIELD_LINE.match(text, line.start, line.end):
            break
        desc = Span(desc.start, line.end)
    return desc
