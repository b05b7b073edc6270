"""One attendee entry, and ``Name | Role`` attendee tables, turned into ``Attendance``.

An entry is a name with an optional rank in front and qualifiers after it:
"Supt. Pat Stenning (MT) (Item 6)" -> name "Pat Stenning", rank "Supt.", remote,
partial, note "Item 6". What each qualifier word means is data: ``quirks/qualifiers.csv``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from transforms.attendance.names import is_organisation, is_role, without_post_nominals
from transforms.models import Attendance, Span
from transforms.quirks import load_table
from transforms.ranks import normalise_rank, split_rank
from transforms.text.spans import clean, trimmed

#: "(MT)", "(Item 6)", and an unclosed "(Item" where the text was cut
_PAREN = re.compile(r"\(([^()]*)\)|\(([^()]*)$")
#: separators between a name and trailing free-text qualifiers: "Jane Smith, virtual"
_TRAILING_SEP = re.compile(r"\s*(?:,|;|\s[-–—]\s)\s*")
#: the last comma-separated part of a role cell, which may be a qualifier with a number: "Head of
#: Finance, item 4"
_ROLE_TAIL = re.compile(r",\s*(?P<tail>[^,]+?)\s*$")
_TABLE_RULE = re.compile(r"^[\s|:\-–—]+$")
_FLAGS = ("is_chair", "is_minute_taker", "is_observer", "is_representative", "remote", "partial")


@dataclass(frozen=True)
class _Qualifier:
    word: str
    flag: str
    match: str  # exact | prefix | role_prefix
    keep_as_note: bool


@lru_cache(maxsize=1)
def _qualifiers() -> tuple[_Qualifier, ...]:
    rows = [_Qualifier(r["word"].lower(), r["flag"], r["match"], r["keep_as_note"] == "yes")
            for r in load_table("qualifiers")]
    # longest words first so "agenda items" wins over "items"
    return tuple(sorted(rows, key=lambda q: len(q.word), reverse=True))


@lru_cache(maxsize=1)
def _qualifier_index() -> tuple[dict[str, tuple[int, _Qualifier]], dict[str, tuple[int, _Qualifier]],
                                tuple[re.Pattern[str], ...]]:
    """The qualifiers looked up by word, each word's first in ``_qualifiers`` order with its
    place there: those a whole text may be (exact or prefix), those a text may open with
    (prefix, before a space); and the role prefixes as compiled patterns."""
    whole: dict[str, tuple[int, _Qualifier]] = {}
    leading: dict[str, tuple[int, _Qualifier]] = {}
    for i, q in enumerate(_qualifiers()):
        if q.match in ("exact", "prefix"):
            whole.setdefault(q.word, (i, q))
        if q.match == "prefix":
            leading.setdefault(q.word, (i, q))
    roles = tuple(re.compile(rf"{re.escape(q.word)}\b[:.]?") for q in _qualifiers() if q.match == "role_prefix")
    return whole, leading, roles


def classify_qualifier(text: str) -> tuple[str, bool] | None:
    """The flag a qualifier sets and whether its text is kept as the note, or None.
    "MT" -> ("remote", False); "from 13:30" -> ("partial", True); "RHL" -> None.
    The first qualifier in ``_qualifiers`` order (longest word first) that the text is, or opens
    with before a space (a prefix qualifier), wins; found by looking up the text and each of its
    leading word runs rather than by trying every qualifier."""
    low = clean(text).lower().strip(" .:")
    whole, leading, _ = _qualifier_index()
    best = whole.get(low)
    at = low.find(" ")
    while at >= 0:
        hit = leading.get(low[:at])
        if hit is not None and (best is None or hit[0] < best[0]):
            best = hit
        at = low.find(" ", at + 1)
    return (best[1].flag, best[1].keep_as_note) if best is not None else None


def role_is_representative(role: str | None) -> bool:
    """"Rep: Serious Crime Directorate", "Rep. Crime Directorate" -> True."""
    if not role:
        return False
    low = role.strip().lower()
    return any(p.match(low) for p in _qualifier_index()[2])


def _strip_qualifiers(entry: str) -> tuple[str, list[str]]:
    """The entry without its parenthesised parts, and those parts in order."""
    parts = [m.group(1) if m.group(1) is not None else m.group(2) for m in _PAREN.finditer(entry)]
    return _PAREN.sub(" ", entry), [p.strip() for p in parts if p and p.strip()]


def parse_attendee_entry(entry: str, span: Span, *, role: str | None = None,
                         status: str = "present",
                         organisation: str | None = None) -> Attendance | None:
    """One person's entry as an ``Attendance``, or None when no name is left.

    >>> a = parse_attendee_entry("ACC Ann Prior (from 13:30)", Span(0, 28),
    ...                          role="Serious Crime Directorate")
    >>> (a.name, a.rank, a.partial, a.note)
    ('Ann Prior', 'ACC', True, 'from 13:30')

    Trailing free text after a comma or dash is a qualifier when the table knows it
    ("Cllr Jo Bloggs, virtual"), else the role when none was given.
    """
    bare, qualifiers = _strip_qualifiers(entry)
    pieces = [p for p in _TRAILING_SEP.split(clean(bare)) if p]
    if not pieces:
        return None
    name_part, extra = pieces[0], pieces[1:]
    if role and (tail := _ROLE_TAIL.search(role)) and classify_qualifier(tail.group("tail")) is not None \
            and any(ch.isdigit() for ch in tail.group("tail")):  # "item 4", "from 10:30"; not "from Kent Police"
        role, qualifiers = role[:tail.start()], [*qualifiers, tail.group("tail")]  # "Head of Finance, item 4"
    flags = dict.fromkeys(_FLAGS, False)
    notes: list[str] = []
    for text in [*qualifiers, *extra]:
        known = classify_qualifier(text)
        if known is None:
            if text in extra and role is None:
                role = text
            continue  # unknown bracketed text such as initials "(RHL)" is not part of the name
        flag, keep = known
        flags[flag] = True
        if keep:
            notes.append(clean(text).strip(" .:"))
    rank, name = split_rank(name_part)
    name = without_post_nominals(name.strip(" .,:;"))
    if not name or not any(ch.isalpha() for ch in name) or (rank is None and normalise_rank(name)):
        return None  # nothing, or a lone rank with no name after it
    role = clean(role).strip(" |") or None if role else None
    flags["is_representative"] = flags["is_representative"] or role_is_representative(role)
    return Attendance(name=name, span=span, rank=rank, role=role, organisation=organisation,
                      status=status, note="; ".join(notes) or None, **flags)


def table_cells(line: str) -> list[str]:
    """"| CC Tam Smyth | Chief Constable |" -> ["CC Tam Smyth", "Chief Constable"]."""
    body = line.strip()
    if body.startswith("|"):
        body = body[1:]
    if body.endswith("|"):
        body = body[:-1]
    return [clean(c) for c in body.split("|")]


def is_rank_and_name(entry: str) -> bool:
    """A rank or title followed by a short capitalised name (stricter than
    ``prose_lists.looks_like_person``, which also takes bare names and initials): "PSE Nell Harvey" is one,
    "Acting Deputy Chief Officer and Director of HR" (a wrapped role) is not."""
    bare, _ = _strip_qualifiers(entry)
    rank, rest = split_rank(clean(bare))
    words = rest.split()
    if rank is None or not words or len(words) > 5:
        return False
    return all(w[0].isupper() or not w[0].isalpha() for w in words)


_NAME_HEADINGS = frozenset({"name", "names", "attendee", "attendees"})
#: the other column headings of an attendee table: "Name Role", "Name | Title | Organisation"
_COLUMN_HEADINGS = _NAME_HEADINGS | {"role", "roles", "title", "position", "organisation", "organization",
                                     "representing", "job", "initials", "department", "and", "/"}


def _is_header(cells: list[str]) -> bool:
    return bool(cells) and cells[0].lower() in _NAME_HEADINGS


def is_column_header(line: str) -> bool:
    """A table's header row flattened to text: "Name Role", "Name   Title   Organisation"."""
    words = clean(line).lower().replace("|", " ").split()
    return len(words) >= 2 and words[0] in _NAME_HEADINGS and all(w in _COLUMN_HEADINGS for w in words)


@lru_cache(maxsize=1)
def _status_headings() -> dict[str, str]:
    return {r["heading"]: r["status"] for r in load_table("attendance_headings")}


def status_heading(cell: str) -> str | None:
    """The status a heading gives the people listed under it: "Apologies:" -> "apologies"."""
    return _status_headings().get(clean(cell).lower().strip(" :*_"))


def parse_attendee_table(text: str, start: int, end: int) -> list[Attendance]:
    """Rows of a ``Name | Role |`` table between ``start`` and ``end`` as attendees.

    Header and ``---|---|`` rows are skipped. A row with a name and no role may be followed
    by a one-cell row holding its role (the role wrapped onto its own line):

    >>> t = "Name | Role |\\n---|---|\\nPSE Jo Bloggs |\\nRep. Finance |\\nCC Al Smith | Chief Constable |"
    >>> [(a.name, a.role) for a in parse_attendee_table(t, 0, len(t))]
    [('Jo Bloggs', 'Rep. Finance'), ('Al Smith', 'Chief Constable')]
    """
    people: list[Attendance] = []
    waiting: tuple[str, int] | None = None  # a name row whose role may be on the next row
    status = "present"  # until a row such as "Apologies |" says otherwise
    pos = start
    for line in text[start:end].splitlines(keepends=True):
        line_start, pos = pos, pos + len(line)
        cut_row = pos >= len(text) and is_rank_and_name(line)  # the page stops mid-row
        if ("|" not in line and not cut_row) or _TABLE_RULE.match(line):
            continue
        cells = table_cells(line)
        filled = [c for c in cells if c]
        if not filled or _is_header(cells):
            continue
        heading = status_heading(filled[0]) if len(filled) == 1 else None
        if len(filled) == 1 and waiting is not None and heading is None \
                and not is_rank_and_name(filled[0]):
            entry, entry_start = waiting
            waiting = None
            _append(people, entry, Span(entry_start, trimmed(text, line_start, pos).end),
                    filled[0], status)
            continue
        if waiting is not None:
            _append(people, waiting[0], _line_span(text, waiting[1]), None, status)
            waiting = None
        if heading is not None:
            status = heading
        elif len(filled) == 1:
            waiting = (filled[0], trimmed(text, line_start, pos).start)
        else:
            _append(people, filled[0], trimmed(text, line_start, pos), filled[1], status)
    if waiting is not None:
        _append(people, waiting[0], _line_span(text, waiting[1]), None, status)
    return people


def _line_span(text: str, line_start: int) -> Span:
    line_end = text.find("\n", line_start)
    return trimmed(text, line_start, len(text) if line_end < 0 else line_end)


def _append(people: list[Attendance], entry: str, span: Span, role: str | None,
            status: str) -> None:
    person = parse_attendee_entry(entry, span, role=role, status=status)
    if person is not None:
        people.append(person)


#: "Apologies", "Apologies for absence:", "Apologies: ACC X, Supt Y", "Apologies received: X; Y",
#: "Apologies were received from ACC X and Supt Y.", "Apologies for absence had been given by X"
_APOLOGIES = re.compile(
    r"^[ \t]*Apologies(?:\s+for\s+absence)?(?:\s+(?:were|was|have\s+been|had\s+been))?"
    r"(?:\s+(?:received|given|noted|accepted|tendered|submitted))?(?:\s+(?:from|by))?"
    r"[ \t]*[:\-–]?[ \t]*(?P<rest>.*)$", re.IGNORECASE | re.MULTILINE)
_LIST_SEP = re.compile(r"\s*(?:,|;|\band\b|&)\s*")


def looks_like_name_entry(entry: str) -> bool:
    """A person's entry in a list of names: a rank and a name, or two to five capitalised
    words. "ACC Jo Bloggs (MT)" and "Jo Bloggs" are; "None" and "The record was approved." are not."""
    bare, _ = _strip_qualifiers(entry)
    rank, rest = split_rank(clean(bare).rstrip("."))
    words = rest.split()
    if not words or len(words) > 5 or (rank is None and len(words) < 2):
        return False
    return all(w[0].isupper() or not w[0].isalpha() or w.lower() in {"de", "van", "von", "le", "la"}
               for w in words)


def _entries(text: str, start: int, end: int) -> list[tuple[str, Span]]:
    """Comma/"and"-separated pieces of text[start:end] with their spans."""
    out: list[tuple[str, Span]] = []
    piece_start = start
    for sep in [*_LIST_SEP.finditer(text, start, end), None]:
        piece_end = sep.start() if sep else end
        span = trimmed(text, piece_start, piece_end)
        if span.end > span.start:
            out.append((text[span.start:span.end].rstrip("."), span))
        if sep:
            piece_start = sep.end()
    return out


def _name_list(text: str, start: int, end: int, status: str) -> list[Attendance] | None:
    """Every piece of text[start:end] as a person, or None unless all pieces look like names."""
    entries = _entries(text, start, end)
    if not entries or not all(looks_like_name_entry(e) for e, _ in entries):
        return None
    people: list[Attendance] = []
    for entry, span in entries:
        if is_organisation(entry):  # not a person; "Cllr Jo Bloggs, Westbury Borough Council, ...":
            if people and people[-1].organisation is None:  # the organisation of the one before
                people[-1] = replace(people[-1], organisation=entry)
        elif is_role(entry):  # not a person either; "Mr Tom Vane, Independent Member": his role
            if people and people[-1].role is None:
                people[-1] = replace(people[-1], role=entry.strip(" ."))
        elif (person := parse_attendee_entry(entry, span, status=status)) is not None:
            people.append(person)
    return people


def find_apologies(text: str, start: int = 0, end: int | None = None) -> list[Attendance]:
    """People giving apologies, status "apologies". Names may follow on the heading's line
    or one per line under a bare "Apologies" heading; a heading followed by prose gives no one.

    >>> t = "Apologies\\nACC Jo Bloggs\\nSupt Al Smith (MT)\\nThe record was approved."
    >>> [a.name for a in find_apologies(t)]
    ['Jo Bloggs', 'Al Smith']
    """
    end = len(text) if end is None else end
    people: list[Attendance] = []
    for m in _APOLOGIES.finditer(text, start, end):
        if m.group("rest").strip():
            people.extend(_name_list(text, m.start("rest"), m.end("rest"), "apologies") or [])
            continue
        pos = m.end() + 1
        while pos < end:
            line_end = text.find("\n", pos)
            line_end = end if line_end < 0 or line_end > end else line_end
            line = text[pos:line_end]
            if "|" in line and (_TABLE_RULE.match(line) or _is_header(table_cells(line))):
                pos = line_end + 1
                continue
            found = (_table_row(text, pos, line_end) if "|" in line
                     else _name_list(text, pos, line_end, "apologies"))
            if not found:
                break
            people.extend(found)
            pos = line_end + 1
    return people


def _table_row(text: str, start: int, end: int) -> list[Attendance] | None:
    """A ``Name | Role |`` row under an Apologies heading, as one person giving apologies."""
    cells = [c for c in table_cells(text[start:end]) if c]
    if not cells or not looks_like_name_entry(cells[0]):
        return None
    person = parse_attendee_entry(cells[0], trimmed(text, start, end), status="apologies",
                                  role=cells[1] if len(cells) > 1 else None)
    return [person] if person else None
