"""Where the attendee lists of a commissioner's board note are, and who is on them.

The lists sit between the header and the first business item, under section labels
("Attendees:", "In the Chair:", "Officers:", "Minute taker:", "Apologies", "ITEM 1:
ATTENDANCE") or under no label at all; apologies may also be an item of their own
("353. APOLOGIES") or a sentence ("Apologies were received for X and Y."). A line that names
nobody ends a list. Section labels are data: ``quirks/attendee_sections.csv``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from transforms.attendance.attendees import is_column_header
from transforms.attendance.prose_entry import initials_at, section_label
from transforms.attendance.prose_lists import (
    is_organisation_label,
    looks_like_person,
    parse_prose_attendees,
    split_entries,
)
from transforms.models import AgendaItem, Attendance
from transforms.quirks import load_table
from transforms.text.spans import clean

_INLINE_CAPS_LABEL = re.compile(r"\s(?=(?:APOLOGIES|ABSENT|IN ATTENDANCE|ALSO PRESENT)\b)")
_APOLOGY_SENTENCE = re.compile(
    r"[ \t•\-]*Apologies\s+(?:were|have been)?\s*(?:received|accepted|given|noted)?\s*"
    r"(?:for|from)\s*(?:absence\s+)?(?:from\s+)?:?", re.IGNORECASE)
_ITEM_LINE = re.compile(r"[ \t]*(?:ITEM\s+\d|Ref\s*/?\s*\d|\d{1,4}[a-z]?\.?\s+"
                        r"(?!(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b)[A-Z])")
MAX_ZONE = 4000
_ONE_LINE_FLAGS = ("is_chair", "is_minute_taker")


@lru_cache(maxsize=1)
def _label_re() -> re.Pattern[str]:
    """A section label at the start of a line: "Officers:", "PRESENT:-", "Apologies" alone,
    or an upper-case label run into its list ("APOLOGIES T/ACC Fox")."""
    labels = sorted((r["label"] for r in load_table("attendee_sections")), key=len, reverse=True)
    body = "|".join(re.escape(label).replace(r"\ ", r"\s+") for label in labels)
    return re.compile(rf"[ \t*_•\-]*(?P<label>{body})[ \t*_]*(?P<tail>:-?|–|[ \t]*$|(?=\s))",
                      re.IGNORECASE)


def label_at(line: str) -> tuple[tuple[str, str], int] | None:
    """((status, flag), end of the label) when ``line`` starts with a section label."""
    m = _label_re().match(line)
    if m is None:
        return None
    if not m.group("tail").strip() and line[m.end():].strip() and not m.group("label").isupper():
        return None  # "Officers confirmed that ..." is prose, not a label
    known = section_label(m.group("label"))
    return (known, m.end()) if known else None


@lru_cache(maxsize=1)
def _zone_ends() -> frozenset[str]:
    return frozenset(r["line"] for r in load_table("attendee_zone_ends"))


@lru_cache(maxsize=1)
def _no_one() -> frozenset[str]:
    return frozenset(r["phrase"] for r in load_table("no_apologies"))


def zone_start(text: str, items: list[AgendaItem]) -> int | None:
    """Where the attendee lists begin: the first section label line, else the first line
    with a person's initials, else None."""
    limit = min(len(text), MAX_ZONE)
    for m in re.finditer(r"[^\n]+", text[:limit]):
        if label_at(m.group()) is not None:
            return m.start()
        if _APOLOGY_SENTENCE.match(m.group()) or _ITEM_LINE.match(m.group()):
            break
    for m in re.finditer(r"[^\n]+", text[:limit]):
        if initials_at(m.group()) is not None and _names_someone(m.group()):
            return _rows_above(text, m.start())
    return None


def _rows_above(text: str, start: int) -> int:
    """The start of the block whose first line with initials starts at ``start``: a row right
    above it that names someone without initials ("Jo Lee Police & Crime Commissioner") is its
    first row."""
    for _ in range(3):
        if start < 2 or text[start - 2] == "\n":  # a blank line (or the page's start) above
            break
        above = text.rfind("\n", 0, start - 1) + 1
        line = text[above:start - 1]
        found = parse_prose_attendees(text, above, start - 1)
        if label_at(line) is not None or not found or not _mostly_people(text, above, start - 1, found):
            break
        start = above
    return start


def find_attendance(text: str, items: list[AgendaItem]) -> list[Attendance]:
    """Everyone listed as present, in attendance, giving apologies or absent."""
    people: list[Attendance] = []
    start = zone_start(text, items)
    if start is not None:
        people.extend(_walk(text, start, "present"))
    for item in items:
        label = section_label(item.title.split(":")[0])
        words = item.title.lower()
        if label is None and "welcome" not in words and "introduction" not in words:
            continue
        if start is not None and item.span.start < start <= item.span.end + 2:
            continue
        status = label[0] if label else "present"
        people.extend(_walk(text, item.span.end, status))
    return _merge(people)


def _names_someone(line: str) -> bool:
    return any(looks_like_person(line[s.start:s.end]) for s in split_entries(line, 0, len(line)))


def _walk(text: str, start: int, status: str) -> list[Attendance]:
    """Read list lines from ``start`` until a line that names nobody."""
    people: list[Attendance] = []
    state = _State(status)
    started = skipped = False
    for line_start, line_end in _line_iter(text, start, min(len(text), start + MAX_ZONE)):
        line = text[line_start:line_end]
        if clean(line).lower().strip(" :") in _zone_ends() or (started and _ITEM_LINE.match(line)):
            break
        found, state, named = _read_line(text, line_start, line_end, state)
        if not named:
            # one short line we cannot read ("Asst Commissioner Vane") need not end a list:
            # the list goes on when the next line names someone; two such lines end it
            if skipped or not started or not _short_entry(line):
                break
            skipped = True
            continue
        if skipped:
            skipped = False
        started = True
        people.extend(found)
    return people


def _short_entry(line: str) -> bool:
    """A line that could be one unread list entry: a few words, no sentence."""
    words = clean(line).split()
    return 0 < len(words) <= 6 and not line.rstrip().endswith((".", ":")) and words[0][:1].isupper()


def _line_iter(text: str, start: int, end: int):
    """Non-empty lines; a semicolon list that wraps mid-entry ("...; Assistant Chief" /
    "Constable Jo Bloggs (JB); ...") is joined into one line."""
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        stop = end if nl < 0 else nl
        while ";" in text[pos:stop] and not text[pos:stop].rstrip().endswith((";", ".", ")", "|")):
            nxt = re.compile(r"\S").search(text, stop, end)
            if nxt is None or _starts_section(text, text.rfind("\n", 0, nxt.start()) + 1, end):
                break  # the next line starts an item or a new section, not the rest of an entry
            nl = text.find("\n", nxt.start(), end)
            stop = end if nl < 0 else nl
        if text[pos:stop].strip():
            yield pos, stop
        pos = stop + 1


def _starts_section(text: str, line_start: int, end: int) -> bool:
    """The line at ``line_start`` is an item heading or a section label ("Minute taker:")."""
    line_end = text.find("\n", line_start, end)
    line = text[line_start:end if line_end < 0 else line_end]
    return bool(_ITEM_LINE.match(line)) or label_at(line) is not None


@dataclass(frozen=True)
class _State:
    """The list being read: its status, the flag its label sets, its organisation group, and the
    role waiting for the next person."""

    status: str
    flag: str = ""
    organisation: str | None = None
    #: the role a one-person label's line held when it named nobody, for the person on the next line
    role: str | None = None


#: an organisation group label alone on its line: "Kent Police:", "**Office of the PCC:**"
_ORG_ONLY = re.compile(r"[\s*_]*(?P<org>[A-Z][^:*\n]{2,80}?)[\s*_]*:[\s*_]*$")


def _read_line(text: str, start: int, end: int, state: _State) -> tuple[list[Attendance], _State, bool]:
    """People on one line, the section state after it, and whether the line belonged to a
    list (a label or at least one person)."""
    people: list[Attendance] = []
    named = False
    for piece_start, piece_end in _split_inline_labels(text, start, end):
        piece = text[piece_start:piece_end]
        if m := _APOLOGY_SENTENCE.match(piece):
            state, named, piece_start = _State("apologies"), True, piece_start + m.end()
        elif (label := label_at(piece)) is not None:
            state, named, piece_start = _State(*label[0]), True, piece_start + label[1]
        elif (org := _ORG_ONLY.match(piece)) and is_organisation_label(org.group("org")):
            state, named = replace(state, organisation=clean(org.group("org"))), True
            continue
        rest = text[piece_start:piece_end]
        if is_column_header(rest):  # "Name Role" over the rows: part of the list, nobody
            named = True
            continue
        if clean(rest).lower().strip(" .") in _no_one() or not rest.strip(" .|*"):
            continue
        found = parse_prose_attendees(text, piece_start, piece_end, status=state.status,
                                      organisation=state.organisation)
        if found and _mostly_people(text, piece_start, piece_end, found):
            people.extend(_with_flag(p, state.flag, state.role) for p in found)
            named = True
        elif state.flag in _ONE_LINE_FLAGS and piece_start > start and state.role is None:
            # "Minute taker: Personal Assistant to the CEO" / "Jo Bloggs (JB)": the label's line holds
            # the role, its person is on the next line
            state = replace(state, role=clean(rest).strip(" .;"))
            continue
        if state.flag in _ONE_LINE_FLAGS:
            state = replace(state, flag="", role=None)  # "In the Chair: X" names one person, not the lines below
    return people, state, named


def _split_inline_labels(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """"... Executive Support APOLOGIES T/ACC Fox" -> two pieces, cut before the label."""
    cuts = [start, *(start + m.end() for m in _INLINE_CAPS_LABEL.finditer(text[start:end])), end]
    return [(a, b) for a, b in zip(cuts, cuts[1:], strict=False) if b > a]


def _mostly_people(text: str, start: int, end: int, found: list[Attendance]) -> bool:
    """A line of prose that happens to contain a name is not a list line."""
    words = len(text[start:end].split())
    return words <= 12 * len(found) or initials_at(text[start:end]) is not None


def _with_flag(person: Attendance, flag: str, role: str | None = None) -> Attendance:
    if role and person.role is None:
        person = replace(person, role=role)
    return replace(person, **{flag: True}) if flag else person


def _merge(people: list[Attendance]) -> list[Attendance]:
    """One entry per person and status: "Chair: PCC Jo Bloggs" and a later full entry for
    Jo Bloggs become one, keeping the chair flag and the fuller details."""
    out: list[Attendance] = []
    for person in people:
        twin = next((i for i, p in enumerate(out)
                     if p.name == person.name and p.status == person.status), None)
        if twin is None:
            out.append(person)
            continue
        old = out[twin]
        out[twin] = replace(
            person if person.role or not old.role else old,
            rank=old.rank or person.rank, role=person.role or old.role,
            organisation=person.organisation or old.organisation,
            is_chair=old.is_chair or person.is_chair,
            is_minute_taker=old.is_minute_taker or person.is_minute_taker,
            partial=old.partial or person.partial, note=old.note or person.note)
    return out
