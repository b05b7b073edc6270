"""Page breaks in text taken from a PDF: page numbers, protective markings and running
headers or footers, with the blank lines around them, come out, so that a list or a paragraph
cut by a page break reads as one again.

A page-number line ("Page 3 of 7", "Page 3", "- 3 -", "3 | Page", "3 of 7") and a protective
marking on a line of its own ("OFFICIAL", "OFFICIAL - SENSITIVE", "NOT PROTECTIVELY MARKED")
are furniture wherever they are. A line that stands next to page breaks with the same words
at least twice, and beside at least half of the page's breaks (a running header such as
"Police and Crime Panel 12 March 2030"), is furniture where it stands next to one. A bare
number is left alone: ModernGov pages number their items that way.

Example::

    >>> print(drop_page_breaks(["Present:", "Cllr A Brown", "", "Page 1 of 2", "", "OFFICIAL",
    ...                         "", "Cllr C Dunn", "Apologies: none"]))
    ['Present:', 'Cllr A Brown', 'Cllr C Dunn', 'Apologies: none']
"""

from __future__ import annotations

import re
from collections import Counter

#: a page number on a line of its own
_PAGE_NUMBER = re.compile(
    r"(?:page[ \t]*\d{1,3}(?:[ \t]*(?:of|/)[ \t]*\d{1,3})?|-[ \t]*\d{1,3}[ \t]*-|\d{1,3}[ \t]*\|[ \t]*page"
    r"|page[ \t]*\|[ \t]*\d{1,3}|\d{1,3}[ \t]+of[ \t]+\d{1,3})",
    re.IGNORECASE)
#: a government protective marking on a line of its own
_MARKING = re.compile(
    r"(?:official(?:[ \t]*[-–:][ \t]*(?:sensitive|public))?|official[ \t]+sensitive|not[ \t]+protectively[ \t]+marked"
    r"|unclassified|restricted)",
    re.IGNORECASE)
#: a cheap look: a line that can be a page number or marking holds one of these
_CUE = re.compile(r"(?i:page|official|marked|classified|restricted)|^[ \t]*-?[ \t]*\d")
#: how far (in non-blank lines other than page numbers and markings) from a page break a
#: running header or footer stands: next to it
_NEAR = 1
#: a running header is short
_HEADER_MAX = 120


def _is_break(line: str) -> bool:
    core = line.strip()
    return bool(core) and len(core) <= 40 and _CUE.search(core) is not None and (
        _PAGE_NUMBER.fullmatch(core) is not None or _MARKING.fullmatch(core) is not None)


def _neighbours(lines: list[str], at: int) -> list[int]:
    """Indices of up to ``_NEAR`` non-blank, non-break lines on each side of line ``at``."""
    found: list[int] = []
    for step in (-1, 1):
        i, seen = at + step, 0
        while 0 <= i < len(lines) and seen < _NEAR:
            if lines[i].strip():
                if not _is_break(lines[i]):
                    found.append(i)
                    seen += 1
            i += step
    return found


def drop_page_breaks(lines: list[str]) -> list[str]:
    """``lines`` without page-break furniture and without the blank lines beside it."""
    breaks = [i for i, line in enumerate(lines) if _is_break(line)]
    if not breaks:
        return lines
    near = {i: lines[i].strip() for b in breaks for i in _neighbours(lines, b)}
    counts = Counter(t for t in near.values() if len(t) <= _HEADER_MAX)
    # a running header stands beside at least half of the page breaks (a break being a run of
    # page numbers and markings with only blank lines between them)
    clusters = sum(1 for n, b in enumerate(breaks)
                   if n == 0 or any(lines[i].strip() for i in range(breaks[n - 1] + 1, b)))
    drop = set(breaks) | {i for i, t in near.items() if counts[t] >= max(2, (clusters + 1) // 2)}
    kept: list[str] = []
    skipping_blanks = False
    for i, line in enumerate(lines):
        if i in drop:
            while kept and not kept[-1].strip():
                kept.pop()
            skipping_blanks = True
            continue
        if skipping_blanks and not line.strip():
            continue
        skipping_blanks = False
        kept.append(line)
    return kept
