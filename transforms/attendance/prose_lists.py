"""Attendee lists written as prose or loose lists, as in commissioners' board notes.

Handles "Name (Role), Name (Role)", "Chief Constable Al Pugh, Assistant Chief Constable
Jo Shine", "Role Name (XX); Role Name (XX)", "Name (XX) Co-Chair – Role" bullets, one name a
line, and run-on lists with no separators ("CC Fenner – Chair DCC Bissell ACC Clay").
Organisation group labels ("Kent Police:", "**Office of the PCC:**") set ``organisation``.

>>> t = "Northshire Police: Chief Constable Al Pugh, Assistant Chief Constable Jo Shine"
>>> [(a.name, a.rank) for a in parse_prose_attendees(t, 0, len(t))]
[('Al Pugh', 'Chief Constable'), ('Jo Shine', 'Assistant Chief Constable')]
"""

from __future__ import annotations

import re
from functools import lru_cache

from transforms.attendance.names import surname_first
from transforms.attendance.prose_entry import (
    initials_at,
    is_name_word,
    is_role_word,
    parse_person_entry,
    role_then_name,
    section_label,
)
from transforms.models import Attendance, Span
from transforms.ranks import split_rank
from transforms.text.lines import iter_line_bounds, line_bounds
from transforms.text.spans import clean, trimmed

#: "**Office of the Kent Police and Crime Commissioner:**", "Kent Police:" at a chunk's start
_ORG_LABEL = re.compile(r"[\s*_]*(?P<org>[A-Z][^:*\n]{2,80}?)[\s*_]*:[\s*_]*")
_BULLET = re.compile(r"[\s•·▪●*\-–]+")
_COMMA_OR_AND = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s+&\s+)")
_DASH = re.compile(r"\s[–—-]\s")
_WORD = re.compile(r"\S+")


def parse_prose_attendees(text: str, start: int, end: int, *, organisation: str | None = None,
                          status: str = "present") -> list[Attendance]:
    """Every person listed in ``text[start:end]``; entries that are not people are skipped.

    >>> t = "Max Scot (Police and Crime Commissioner), Ada Harp (Chief of Staff)"
    >>> [(a.name, a.role) for a in parse_prose_attendees(t, 0, len(t))]
    [('Max Scot', 'Police and Crime Commissioner'), ('Ada Harp', 'Chief of Staff')]
    """
    people: list[Attendance] = []
    for chunk_start, chunk_end, org in _organisation_chunks(text, start, end, organisation):
        for span in split_entries(text, chunk_start, chunk_end):
            person = parse_person_entry(text[span.start:span.end], span, status=status,
                                        organisation=org)
            if person is not None:
                people.append(person)
    return people


def _organisation_chunks(text: str, start: int, end: int,
                         organisation: str | None) -> list[tuple[int, int, str | None]]:
    """Split the range at organisation group labels ("Kent Police:") at line starts."""
    chunks: list[tuple[int, int, str | None]] = []
    pos, org = start, organisation
    for line_start, line_end in line_bounds(text, start, end):
        m = _ORG_LABEL.match(text, line_start, line_end)
        if m is not None and section_label(m.group("org")) is not None:
            m = _ORG_LABEL.match(text, m.end(), line_end)  # "Attendees: Kent Police: ..."
        if m is None or not is_organisation_label(m.group("org")):
            continue
        if line_start > pos:
            chunks.append((pos, line_start, org))
        org, pos = clean(m.group("org")), m.end()
    chunks.append((pos, end, org))
    return chunks


def is_organisation_label(label: str) -> bool:
    """"Kent Police" and "Office of the PCC" are group labels; "Chair" or a person is not."""
    words = clean(label).split()
    if not 1 <= len(words) <= 12 or section_label(label) is not None:
        return False
    return split_rank(label)[0] is None and not initials_at(label)


def split_entries(text: str, start: int, end: int) -> list[Span]:
    """Spans of the single entries in ``text[start:end]``.

    A list joined by semicolons may wrap over several lines, so semicolons win over lines;
    commas and "and" split only when every piece looks like a person (a role such as
    "Assistant Chief Constable, Local Policing" keeps its comma).

    >>> t = "CC Jo Bloggs (JB); Head of Legal Jane Doe (JD)"
    >>> [t[s.start:s.end] for s in split_entries(t, 0, len(t))]
    ['CC Jo Bloggs (JB)', 'Head of Legal Jane Doe (JD)']
    """
    body = text[start:end]
    if ";" in body:
        pieces = _split_at(text, start, end, re.compile(r";"))
    else:
        pieces = [trimmed(text, s, e) for s, e in line_bounds(text, start, end)]
    out: list[Span] = []
    for piece in pieces:
        if piece.end <= piece.start:
            continue
        piece = _without_bullet(text, piece)
        out.extend(_split_piece(text, piece))
    return [s for s in out if s.end > s.start]


def _split_at(text: str, start: int, end: int, sep: re.Pattern[str]) -> list[Span]:
    """Pieces between separators that are not inside brackets."""
    spans, pos = [], start
    for m in sep.finditer(text, start, end):
        if text.count("(", pos, m.start()) > text.count(")", pos, m.start()):
            continue
        spans.append(trimmed(text, pos, m.start()))
        pos = m.end()
    spans.append(trimmed(text, pos, end))
    return spans


def _without_bullet(text: str, span: Span) -> Span:
    m = _BULLET.match(text, span.start, span.end)
    return trimmed(text, m.end(), span.end) if m else span


def _split_piece(text: str, span: Span) -> list[Span]:
    """One line or semicolon piece: itself, its comma/"and" parts, or its run-on parts."""
    piece = text[span.start:span.end]
    if surname_first(piece) is not None:
        return [_strip_edges(text, span)]  # "Smith, Jane (Chair)": one person, surname first
    if not _DASH.search(piece):
        parts = [_strip_edges(text, s) for s in _split_at(text, span.start, span.end, _COMMA_OR_AND)]
        parts = [p for p in parts if p.end > p.start]
        if len(parts) > 1 and all(looks_like_person(text[p.start:p.end]) for p in parts):
            return parts
    if initials_at(piece) is None:
        run_on = _run_on_parts(text, span)
        if len(run_on) > 1:
            return run_on
    return [_strip_edges(text, span)]


def _strip_edges(text: str, span: Span) -> Span:
    """Leave out list punctuation and markup around an entry: "**Jo Bloggs,**" -> "Jo Bloggs"."""
    s, e = span.start, span.end
    while s < e and (text[s] in "*_|,;:." or text[s].isspace()):
        s += 1
    while e > s and (text[e - 1] in "*_|,;:" or text[e - 1].isspace()):
        e -= 1
    if e > s and text[e - 1] == "." and not re.search(r"\b[A-Z][a-z]{0,3}\.$", text[s:e]):
        e -= 1  # a full stop ends the list; "Supt." keeps its dot
    return Span(s, e)


def looks_like_person(entry: str) -> bool:
    """An entry that names one person: initials in brackets after a name, a rank and a name,
    or two to four capitalised words none of which is a role word.

    >>> [looks_like_person(e) for e in ("Jo Bloggs (JB)", "ACC Blake", "Head of Legal", "Treasurer")]
    [True, True, False, False]
    """
    entry = clean(entry)
    if initials_at(entry) is not None:
        return True
    words = clean(re.sub(r"\([^)]*\)", " ", entry)).split()
    rank, rest = split_rank(" ".join(words))
    names = rest.split()
    if rank is None and role_then_name(rest) is not None:
        return True  # "Chief Finance Officer Ann Lee"
    if not names or len(names) > 4 or (rank is None and len(names) < 2):
        return False
    if rank is None and any(is_role_word(w) for w in names):
        return False
    return all(is_name_word(w) for w in names)


@lru_cache(maxsize=256)
def _rank_at(words: tuple[str, ...]) -> int:
    """How many of ``words`` a leading rank takes, when a capitalised name follows (else 0)."""
    rank, rest = split_rank(" ".join(words))
    if rank is None or not rest or not rest[0].isupper():
        return 0
    return len(rank.split())


def _run_on_parts(text: str, span: Span) -> list[Span]:
    """Entries of a list written without separators, cut before each rank that starts a
    name and before the two-word name in front of a dash:
    "CC Fenner – Chair DCC Bissell Jo Lee – Analyst" -> "CC Fenner – Chair", "DCC Bissell",
    "Jo Lee – Analyst"."""
    words = [(m.group(), m.start(), m.end()) for m in _WORD.finditer(text, span.start, span.end)]
    tokens = tuple(w for w, _, _ in words)
    if len(words) < 2:
        return [span]
    starts = {0}
    skip_until = name_from = _rank_at(tokens[:6])  # name_from: where the current name begins
    for i in range(1, len(words)):
        if i < skip_until or tokens[i - 1] in {"–", "—", "-"}:
            continue  # inside a rank, or the word after a dash, which starts a role
        taken = _rank_at(tokens[i:i + 6])
        if taken and _previous_is_role_or_name(tokens, i):
            starts.add(i)
            skip_until = name_from = i + taken
            continue
        if tokens[i] in {"–", "—", "-"} and i - name_from > 2:
            name_start = i - 2
            if all(is_name_word(t) and not is_role_word(t) for t in tokens[name_start:i]):
                starts.add(name_start)
                name_from = name_start
    cuts = sorted(starts)
    parts = []
    for a, b in zip(cuts, [*cuts[1:], len(words)], strict=True):
        parts.append(_strip_edges(text, Span(words[a][1], words[b - 1][2])))
    if len(parts) > 1 and all(looks_like_person(_name_before_dash(text[p.start:p.end])) for p in parts):
        return parts
    return [span]


def _previous_is_role_or_name(tokens: tuple[str, ...], i: int) -> bool:
    """A rank inside a role ("Staff Officer to CC") does not start a new person."""
    return tokens[i - 1].lower() not in {"to", "of", "the", "for", "and", "&"}


def _name_before_dash(entry: str) -> str:
    return _DASH.split(entry, maxsplit=1)[0]


#: a bare heading over guests listed one per line: "By invitation", "Also present", "In attendance"
_GUEST_HEADING = re.compile(
    r"^[ \t*_]*(?:By invitation|In attendance|Also (?:present|in attendance|attending)|Guests?|Invited)"
    r"[ \t*_]*:?[ \t]*$", re.IGNORECASE | re.MULTILINE)


def find_guests(text: str, start: int = 0, end: int | None = None) -> list[Attendance]:
    """People listed one per line under a bare "By invitation" / "Also present" heading, each
    line read as an attendee entry; the list stops at the first line that names no one.

    >>> [a.name for a in find_guests("By invitation\\nDCS Jo Hale (item 3)(vc), Northvale Police\\nApologies")]
    ['Jo Hale']
    """
    end = len(text) if end is None else end
    people: list[Attendance] = []
    for m in _GUEST_HEADING.finditer(text, start, end):
        for ls, le in iter_line_bounds(text, m.end() + 1, min(end, m.end() + 3000)):
            found = parse_prose_attendees(text, ls, le) if text[ls:le].strip() else []
            if not found:
                break
            people.extend(found)
    return people
