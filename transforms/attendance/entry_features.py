"""Candidate attendee entries of a page and layout-free features describing each one.

The text is cut into lines, then at semicolons, tabs, table separators (" | "), bullets and
capitalised attendance headings met mid-line, then before each title or rank that starts a
name when a line runs several people together ("Cllr Al Penn (Chair) Cllr Bo Rigg").
Each entry gets features that say nothing about a publisher: the share of capitalised,
function and role words, a title / rank / "(INI)" / post-nominal present, digits, length,
how far the last Present / Apologies / Absent heading is, and the same for its neighbours.

>>> [e.text for e in split_entries("Present:\\nCllr Al Penn (Chairman); Cllr Bo Rigg\\nJo Lee | Treasurer")]
['Present:', 'Cllr Al Penn (Chairman)', 'Cllr Bo Rigg', 'Jo Lee', 'Treasurer']
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from transforms.models import Span
from transforms.quirks import attendance_labels, load_table
from transforms.text.phrases import phrase_alternation
from transforms.text.spans import trimmed

#: characters of a page the recogniser reads: attendance lists open minutes
MAX_CHARS = 5000
#: characters of an entry its features read (a long entry is a paragraph, whatever it holds)
FEATURE_CHARS = 300
FEATURES = (
    "words", "cap_share", "func_share", "role_share", "org_word", "title_start", "titles", "initials_paren",
    "initial_token", "postnominal", "digit_share", "sentence", "dash", "caps_share", "since_heading",
    "heading_kind", "is_heading", "cells", "line_words", "offset", "name_run", "other_paren", "starts_lower",
    "chair_word", "colon", "past_tense",
    "prev_cap", "prev_func", "prev_personish", "next_cap", "next_func", "next_personish", "next_role",
    "same_cells_run", "common_share", "prose_before",
)
HEADING_KINDS = {"present": 1, "apologies": 2, "absent": 3}
_FUNCTION_WORDS = frozenset(
    "the of and to a an in for on was were is are be been that with by at it this as from had has have will "
    "would which there their they he she we not or but if all also any its our noted agreed".split())
_POSTNOMINALS = frozenset("qpm kpm obe mbe cbe bem dl jp frs kc qc mp mep".split())
_TITLE_WORDS = ("Cllr", "Councillor", "Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "Prof", "Professor", "Sir", "Dame",
                "Lord", "Lady", "Baroness", "Rev", "Revd", "Alderman", "Colonel")
_WORD = re.compile(r"[^\s|;•·▪●]+")
_INITIALS_PAREN = re.compile(r"\(\s*[A-Z][A-Za-z]{0,3}(?:-[A-Z])?\s*\)")
_OTHER_PAREN = re.compile(r"\([^)]{5,}\)")
_DASH = re.compile(r"\s[–—-]\s")
_SEPARATORS = re.compile(r";|\t|\s\|\s?|^\|\s?|\s?\|$|[•·▪●]")
#: words after which a rank belongs to a role ("Staff Officer to Chief Constable", "Deputy PCC")
_INSIDE_ROLE = re.compile(r"(?:\bto|\bof|\bthe|\bfor|&|/|\bdeputy|\bassistant)$")
_NAME_HEADER = re.compile(r"[ \t|]*(?:names?|attendees?)[ \t]*(?:\||\t).*$", re.IGNORECASE)
_LOWER_WORD = re.compile(r"(?<![\w'’])[a-z]{3,}\b")
_DIGIT = re.compile(r"\d")
_INITIAL = re.compile(r"[A-Z]\.?")
#: a short line that opens with a title or rank, holds "(INI)", or is "Name – Role"
_LIST_LINE = re.compile(
    r"^[ \t*•·▪●|\-–]*(?:(?:A|T)/)?(?:[A-Z][\w/.’']*\s){1,3}(?:\(\s*[A-Z][A-Za-z]{0,3}\s*\)|[–—-]\s)"
    r"|^[ \t*•·▪●|\-–]*(?:(?:A|T)/)?(?:Cllr|Councillor|Mr|Mrs|Ms|Miss|Dr|[A-Z]{2,4})\.?\s+[A-Z]", re.MULTILINE)
_SENTENCE = re.compile(r"\b(?:was|were|is|are|has|have|had|will|would|noted|agreed|said|welcomed)\b")
_CHAIR = re.compile(r"\bchair(?:man|person|woman)?\b", re.IGNORECASE)
_LINE_PREFIX = re.compile(r"[ \t*_#>\-–•·]*(?:(?:item\s+)?\(?\d{1,2}[.):]?\s*[:.\-–]?\s*)?", re.IGNORECASE)


@dataclass(frozen=True)
class Entry:
    """One candidate entry: its span and text, its line, its place among the line's pieces,
    and the status its own words give when it is an attendance heading ("Apologies:")."""

    span: Span
    text: str
    line: int
    cell: int
    cells: int
    heading: str | None = None


@lru_cache(maxsize=1)
def _headings() -> tuple[re.Pattern[str], dict[str, str]]:
    """Attendance headings of the quirk tables (label -> status), longest first, as a pattern."""
    labels = {label: status for label, status in attendance_labels().items()
              if status in HEADING_KINDS and label not in ("chair", "officers")}
    labels.setdefault("attendance", "present")
    alt = phrase_alternation(labels)
    return re.compile(rf"\b(?P<label>{alt})\b(?P<colon>[ \t]*:-?|[ \t]*[–—-](?=\s))?", re.IGNORECASE), labels


@lru_cache(maxsize=1)
def _title_pattern() -> re.Pattern[str]:
    """A title or rank at a word start, followed by a capitalised word (a name)."""
    words, caps = set(_TITLE_WORDS), set()
    for row in load_table("ranks"):
        for alias in [row["rank_code"], *row["aliases"].split("|")]:
            alias = alias.rstrip(".")
            if alias.isupper() and len(alias) > 1:
                caps.add(alias)
            elif alias[:1].isupper() and alias.lower() not in ("elected", "constable", "commissioner"):
                words.add(alias)
    alt = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words | caps, key=len, reverse=True))
    return re.compile(rf"(?<![\w/])(?:(?:A|T)/)?(?:{alt})\.?\s+(?=[A-Z])")


@lru_cache(maxsize=1)
def _word_sets() -> tuple[frozenset[str], frozenset[str]]:
    roles = frozenset(r["word"].lower() for r in load_table("role_words"))
    orgs = frozenset(r["word"].lower() for r in load_table("organisation_words"))
    return roles, orgs


def heading_at(line: str) -> tuple[re.Match[str], str] | None:
    """The attendance heading opening ``line`` (after a bullet or "ITEM 1:"), with its status,
    when it ends in a colon or dash, is written in capitals, or is the whole line."""
    pattern, labels = _headings()
    start = _LINE_PREFIX.match(line).end()  # type: ignore[union-attr]  # the prefix may be empty
    m = pattern.match(line, start)
    if m is None:
        return None
    label = m.group("label")
    rest = line[m.end():].strip(" \t*_")
    if m.group("colon") or label.isupper() or not rest or _title_pattern().match(rest):
        return m, labels[" ".join(label.lower().split())]
    return None


def _table_header(line: str) -> tuple[re.Match[str], str] | None:
    """A table's "Name | Role" header row opens a list of people, as "Present:" does."""
    m = _NAME_HEADER.match(line)
    return (m, "present") if m else None


def worth_reading(text: str, limit: int = MAX_CHARS) -> bool:
    """Whether the top of the page has what a list of people looks like: an attendance
    heading on a line, or two short lines that open like a person's entry. A cheap look that
    spares pages of prose (apologies in a sentence, a report) the whole reading."""
    top = text[:limit]
    short = 0
    for m in _LIST_LINE.finditer(top):
        line_end = top.find("\n", m.start())
        line = top[m.start():line_end if line_end >= 0 else len(top)]
        if len(line) <= 160 or ";" in line or "\t" in line or " | " in line:
            short += 1
            if short >= 2:
                return True
    return any(heading_at(line) for line in top.splitlines() if len(line) <= 200 and _headings()[0].search(line))


def split_entries(text: str, limit: int = MAX_CHARS) -> list[Entry]:
    """The candidate entries of ``text[:limit]`` in order (see the module doc)."""
    entries: list[Entry] = []
    pos, line_no, end = 0, 0, min(len(text), limit)
    while pos < end:
        nl = text.find("\n", pos, end)
        line_end = end if nl < 0 else nl
        if text[pos:line_end].strip():
            entries.extend(_line_entries(text, pos, line_end, line_no))
            line_no += 1
        pos = line_end + 1
    return entries


def _line_entries(text: str, start: int, end: int, line_no: int) -> list[Entry]:
    line = text[start:end]
    spans: list[tuple[Span, str | None]] = []
    found = heading_at(line) or _table_header(line)
    if found is not None:
        m, status = found
        spans.append((trimmed(text, start, start + m.end()), status))
        start += m.end()
    pieces = _cut(text, start, end, _SEPARATORS)
    for piece in pieces:
        spans.extend(_inline_headings(text, piece))
    spans = [(s, h) for s, h in spans if s.end > s.start]
    out = []
    for i, (span, heading) in enumerate(spans):
        out.append(Entry(span, text[span.start:span.end], line_no, i, len(spans), heading))
    return out


def _cut(text: str, start: int, end: int, sep: re.Pattern[str]) -> list[Span]:
    """Pieces between separators outside brackets ("Jo Lee (Chair; Finance); Al Penn" is two)."""
    cuts, depth, last = [start], 0, start
    for m in sep.finditer(text, start, end):
        depth += text.count("(", last, m.start()) - text.count(")", last, m.start())
        last = m.start()
        if depth <= 0:
            cuts.extend((m.start(), m.end()))
    cuts.append(end)
    pieces = (trimmed(text, a, b) for a, b in zip(cuts[::2], cuts[1::2], strict=True))
    return [s for s in pieces if s.end > s.start]


def _inline_headings(text: str, piece: Span) -> list[tuple[Span, str | None]]:
    """A piece cut at capitalised headings inside it ("... DCC Bisset APOLOGIES T/ACC Fox"),
    then at titles that start another person."""
    pattern, labels = _headings()
    out: list[tuple[Span, str | None]] = []
    pos = piece.start
    for m in pattern.finditer(text, piece.start, piece.end):
        label = m.group("label")
        loud = label.isupper() and len(label) > 4
        if m.start() == piece.start or not (loud or label[0].isupper() and (
                m.group("colon") or _title_pattern().match(text, m.end() + 1, piece.end))):
            continue
        out.extend((s, None) for s in _title_cuts(text, Span(pos, m.start())))
        out.append((trimmed(text, m.start(), m.end()), labels[" ".join(m.group("label").lower().split())]))
        pos = m.end()
    out.extend((s, None) for s in _title_cuts(text, Span(pos, piece.end)))
    return out


def _title_cuts(text: str, span: Span) -> list[Span]:
    """Cut a piece that opens with a title before each further title or rank that starts a name,
    leaving out a comma or "and" before it: "Cllr A Penn, Cllr B Rigg and Mr C Dunn"."""
    span = trimmed(text, span.start, span.end)
    # a rank right before another title is the last person's role: "Mr A Penn Chief Constable Mr B Rigg"
    found = [m.start() for m in _title_pattern().finditer(text, span.start, span.end)
             if m.group().split()[0].rstrip(".") in _TITLE_WORDS or not _title_pattern().match(text, m.end())]
    if not found or found[0] != span.start:
        return [span]  # "Moved by Cllr Hale and seconded by Cllr Pryce" is a sentence, not a list
    cuts = [span.start]
    for at in found:
        before = text[max(span.start, at - 6):at].rstrip().lower()
        lone_title = (t := _title_pattern().match(text, cuts[-1], at + 1)) is not None and t.end() == at
        if at > cuts[-1] + 2 and not lone_title and not _INSIDE_ROLE.search(before):
            cuts.append(at)
    if len(cuts) < 2:
        return [span]
    cuts.append(span.end)
    out = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        s = trimmed(text, a, b)
        e = s.end
        while e > s.start and text[e - 1] in ",":
            e -= 1
        if text[s.start:e].endswith(" and"):
            e -= 4
        out.append(trimmed(text, s.start, e))
    return [s for s in out if s.end > s.start]


def _base(entry: Entry, vocabulary: frozenset[str]) -> dict[str, float]:
    roles, orgs = _word_sets()
    text = entry.text[:FEATURE_CHARS]
    words = _WORD.findall(text)
    n = max(1, len(words))
    low = [w.lower().strip(",.:;()\"'") for w in words]
    alpha = [w for w in words if w[:1].isalpha()]
    run = best = 0
    for w, lw in zip(words, low, strict=False):
        run = run + 1 if w[:1].isupper() and lw not in roles and lw not in orgs else 0
        best = max(best, run)
    titles = len(_title_pattern().findall(text))
    capitalised = [w for w, lw in zip(words, low, strict=True) if w[:1].isupper() and len(lw) > 2]
    return {
        "common_share": sum(w.lower().strip(",.:;()") in vocabulary for w in capitalised) / max(1, len(capitalised)),
        "words": min(len(words), 30),
        "cap_share": sum(w[:1].isupper() for w in alpha) / max(1, len(alpha)),
        "func_share": sum(w in _FUNCTION_WORDS for w in low) / n,
        "role_share": sum(w in roles for w in low) / n,
        "org_word": float(any(w in orgs for w in low)),
        "title_start": float(_title_pattern().match(text) is not None),
        "titles": min(titles, 4),
        "initials_paren": float(_INITIALS_PAREN.search(text) is not None),
        "initial_token": float(any(_INITIAL.fullmatch(w) for w in words)),
        "postnominal": float(any(w in _POSTNOMINALS for w in low)),
        "digit_share": len(_DIGIT.findall(text)) / max(1, len(text)),
        "sentence": float(_SENTENCE.search(text) is not None),  # a finite verb; "Mr I Fisher, Secretary." is none
        "dash": float(_DASH.search(text) is not None),
        "caps_share": sum(w.isupper() and len(w) > 1 for w in words) / n,
        "name_run": min(best, 6),
        "other_paren": float(_OTHER_PAREN.search(text) is not None),
        "starts_lower": float(text[:1].islower()),
        "chair_word": float(_CHAIR.search(text) is not None),
        "colon": float(":" in text),
        "past_tense": float(any(len(w) > 4 and w.endswith("ed") and w.islower() for w in words)),
        "is_heading": float(entry.heading is not None),
    }


def _personish(f: dict[str, float]) -> float:
    return f["title_start"] + f["initials_paren"] + (f["name_run"] >= 2) - f["sentence"]


def _same_cells_runs(entries: list[Entry]) -> dict[int, int]:
    """Per line: how many lines in a row around it have the same number of pieces (a table, a
    column of "Name – Role" lines), capped at 8."""
    cells = {e.line: e.cells for e in entries}
    lines = sorted(cells)
    out: dict[int, int] = {}
    i = 0
    while i < len(lines):
        j = i
        while j + 1 < len(lines) and cells[lines[j + 1]] == cells[lines[i]] and lines[j + 1] == lines[j] + 1:
            j += 1
        for line in lines[i:j + 1]:
            out[line] = min(j - i + 1, 8)
        i = j + 1
    return out


def features(entries: list[Entry], text: str) -> list[list[float]]:
    """One feature vector (in ``FEATURES`` order) per entry."""
    # words the page also writes in lower case are ordinary words, not names ("Public Forum")
    vocabulary = frozenset(_LOWER_WORD.findall(text[:MAX_CHARS]))
    base = [_base(e, vocabulary) for e in entries]
    line_words: dict[int, int] = {}
    for e, f in zip(entries, base, strict=True):
        line_words[e.line] = line_words.get(e.line, 0) + int(f["words"])
    runs = _same_cells_runs(entries)
    rows: list[list[float]] = []
    kind, heading_line, prose = 0, None, 0
    for i, (e, f) in enumerate(zip(entries, base, strict=True)):
        if e.heading is not None:
            kind, heading_line, prose = HEADING_KINDS[e.heading], e.line, 0
        elif f["sentence"] and f["words"] > 12:
            prose += 1  # paragraphs since the last heading: a list after them is seldom attendance
        prev = base[i - 1] if i > 0 else None
        nxt = base[i + 1] if i + 1 < len(base) else None
        row = dict(f)
        row.update({
            "since_heading": min(e.line - heading_line, 40) if heading_line is not None else 40,
            "heading_kind": kind,
            "cells": min(e.cells, 8),
            "line_words": min(line_words[e.line], 60),
            "offset": min(e.span.start / 1000, 8.0),
            "prev_cap": prev["cap_share"] if prev else -1, "prev_func": prev["func_share"] if prev else -1,
            "prev_personish": _personish(prev) if prev else -1,
            "next_cap": nxt["cap_share"] if nxt else -1, "next_func": nxt["func_share"] if nxt else -1,
            "next_personish": _personish(nxt) if nxt else -1,
            "next_role": nxt["role_share"] if nxt else -1,
            "same_cells_run": runs[e.line],
            "prose_before": min(prose, 10),
        })
        rows.append([float(row[k]) for k in FEATURES])
    return rows
