"""Decisions written under a "Decision:" / "Decisions:" / "Decision" heading, and resolutions
("RESOLVED that ...", "Resolved:" over "(a) That ..." lines).

Each line of the block is one decision (or resolution). Pages converted from HTML often have no blank line
between paragraphs, so a block also ends at the first later line that reads like the start of
the next item's narrative ("ACC X presented ..."), or has no decision word in it at all.
Which words mean "decides" or "narrates" is data: ``quirks/decision_words.csv``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from transforms.models import Decision, Span
from transforms.quirks import load_table
from transforms.text.dates import find_dates
from transforms.text.lines import iter_line_bounds
from transforms.text.phrases import phrase_alternation
from transforms.text.spans import clean, trimmed

#: "Decision", "Decisions:", "Decision(s):", "**Decision:** text", "Decisions made:", "DECISIONS",
#: "Resolved:", "RESOLVED that:" (its resolutions on the lines below)
_HEADING = re.compile(
    r"^[ \t*_#]*(?P<word>Decision(?:s|\(s\))?(?:\s+made)?|DECISIONS?|Resolved|RESOLVED|Resolutions?|RESOLUTIONS?)"
    r"(?:[ \t]+(?:that|to))?[ \t*_]*(?P<colon>:)?[ \t*_]*(?P<rest>.*?)[ \t]*$", re.MULTILINE)
#: a resolution written on one line: "RESOLVED that the plan be approved.", "AGREED to ..."
_RESOLUTION_LINE = re.compile(
    r"^[ \t•*\-]*(?P<text>(?:RESOLVED|AGREED|Resolved)[ \t]*(?:that|to)\b(?![ \t]*:?[ \t]*$)[^\n]*?)[ \t]*$",
    re.MULTILINE)
#: a line that is one resolution of a "Resolved:" block: "(a) That the report be noted."
_THAT = re.compile(r"^That\s", re.IGNORECASE)
_NOTHING = re.compile(r"^(?:there\s+were\s+)?(?:no\b.*\bdecisions?\b|none\b|nil\b|n/a\b)", re.IGNORECASE)
_BULLET = re.compile(r"^(?:[•·▪\-–—*]|\(?[a-z0-9]{1,2}[.)])\s+")
#: lines that end a block: new actions, action updates, numbered agenda items
_BLOCK_END = re.compile(
    r"^(?:New\s+actions?\b|(?:\d{1,3}[a-z]?[.)]\s+)?Actions?\s*(?:No\.?\s*|#\s*)?\d|ACTION\s*[:\-–—]"
    r"|Apologies\b|Present\b|Attendees\b|.*\|)", re.IGNORECASE)
#: "8a. Car Salary Sacrifice Scheme" (the next item) unless it reads as a numbered decision
_NUMBERED = re.compile(r"^\d{1,3}[a-z]?[.)]?\s+[A-Z]")
#: "<who> to <verb>": an instruction recorded as a decision ("ACC Hale to ensure ...")
_INSTRUCTION = re.compile(r"^(?:\S+\s+){1,5}to\s+[a-z]+\b")


@lru_cache(maxsize=1)
def _words() -> dict[str, re.Pattern[str]]:
    by_meaning: dict[str, list[str]] = {}
    for row in load_table("decision_words"):
        by_meaning.setdefault(row["meaning"], []).append(row["word"])
    return {meaning: re.compile(rf"\b(?:{phrase_alternation(words)})\b", re.IGNORECASE)
            for meaning, words in by_meaning.items()}


def _is_date_line(line: str) -> bool:
    dates = find_dates(line)
    return bool(dates) and len(line.strip(" .")) - (dates[0][2] - dates[0][1]) < 12


def _ends_block(line: str) -> bool:
    numbered_item = _NUMBERED.match(line) and not (line.endswith(".") and _reads_as_decision(line))
    return bool(_BLOCK_END.match(line) or _is_heading(_HEADING.match(line)) or numbered_item
                or _is_date_line(line) or _NOTHING.match(line))


def _is_heading(m: re.Match[str] | None) -> bool:
    return m is not None and (not m.group("rest") or m.group("colon") is not None)


def _reads_as_decision(line: str) -> bool:
    words = _words()
    if "narrates" in words and words["narrates"].search(line):
        return False
    return bool(words["decides"].search(line) or _INSTRUCTION.match(line))


def _decision(text: str, span: Span, kind: str = "decision") -> Decision:
    line = text[span.start:span.end]
    bullet = _BULLET.match(line)
    start = span.start + (bullet.end() if bullet else 0)
    return Decision(text=clean(text[start:span.end]), kind=kind, span=Span(start, span.end))


def _kind(heading: re.Match[str]) -> str:
    return "resolution" if heading.group("word").lower().startswith("resol") else "decision"


def find_decision_blocks(text: str, start: int = 0, end: int | None = None) -> list[Decision]:
    """One decision per line under each Decision heading in text[start:end].

    >>> t = "Decisions:\\nChief officers approved the plan.\\nACC Jo Bloggs to brief staff.\\n"
    >>> t += "Supt Al Smith presented the next paper.\\nRESOLVED that the fleet plan be approved."
    >>> [(d.kind, d.text) for d in find_decision_blocks(t)]  # doctest: +NORMALIZE_WHITESPACE
    [('decision', 'Chief officers approved the plan.'), ('decision', 'ACC Jo Bloggs to brief staff.'),
     ('resolution', 'RESOLVED that the fleet plan be approved.')]
    """
    end = len(text) if end is None else end
    found: list[Decision] = []
    for m in _HEADING.finditer(text, start, end):
        if not _is_heading(m):
            continue
        kind = _kind(m)
        if m.group("rest"):
            if _NOTHING.match(m.group("rest")):
                continue
            # "RESOLVED: text" keeps its word, as written; "Decision: text" is the text
            first = trimmed(text, m.start("word") if kind == "resolution" else m.start("rest"), m.end("rest"))
            found.append(_decision(text, first, kind))
        found.extend(_block(text, m.end() + 1, end, bool(m.group("rest")), kind))
    for m in _RESOLUTION_LINE.finditer(text, start, end):
        found.append(Decision(text=clean(m.group("text")), kind="resolution",
                              span=trimmed(text, m.start("text"), m.end("text"))))
    return sorted(found, key=lambda d: d.span.start)


def _block(text: str, pos: int, end: int, have_first: bool, kind: str) -> list[Decision]:
    """The decision lines that follow a heading, up to the end of the block."""
    found: list[Decision] = []
    for span in (trimmed(text, s, e) for s, e in iter_line_bounds(text, pos, end)):
        line = text[span.start:span.end]
        if not line:
            if found or have_first:
                break
            continue  # blank lines between the heading and its first decision
        if _ends_block(line) or ((found or have_first) and not _belongs(line, kind, have_first)):
            break
        found.append(_decision(text, span, kind))
    return found


def _belongs(line: str, kind: str, after_inline: bool) -> bool:
    """A later line of a block: a decision sentence, or for resolutions any "(b) That ..." line.
    After a one-line "Decision: text" only a bulleted line continues it: the sentences below
    are the minutes going on."""
    bullet = _BULLET.match(line)
    if kind == "resolution" and (bullet or _THAT.match(line)):
        return True
    if after_inline and not bullet:
        return False
    return _reads_as_decision(line)
