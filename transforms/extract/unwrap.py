"""Hard-wrapped text (a PDF's text column) joined back into the lines its author wrote.

Text taken from a PDF breaks every line at the column's edge, so a name ("Cllr Dorothy" /
"Davison"), a list of members or a resolution runs over several lines, and a reader that takes
a line for an entry or a resolution for its line gets half of it. A page is read as
hard-wrapped when its long lines stop at about the same width (many of them within a quarter
of the column's width of it, hardly any much beyond). On such a page a line that the next
line's first word would have taken past the column, and that does not end a sentence, is
joined to the next line, unless that line starts something of
its own: a bullet, a numbered or lettered paragraph, a "Label:" or a line in capitals.
Table rows ("a | b |") are neither measured nor joined.
Pages whose lines were never wrapped (web pages, one paragraph a line) are left as they are.

Example::

    >>> unwrap_lines(["Present:",
    ...     "Cllr Ann Brook (Chair), Cllr Bill Carr, Cllr Cat Dale (Vice-Chair),",
    ...     "Mr Dan Eves, Cllr Eve Ford, Mrs Fay Gale and Cllr Gus Hart and Cllr",
    ...     "Ivy Jones (Substitute for Cllr Kay Lamb).",
    ...     "Apologies: Cllr Len Moss, Cllr Meg Nash, Cllr Ned Owen and Cllr Olive",
    ...     "Penn, and Mr Pat Quinn who sent his apologies for the whole meeting.",
    ...     "1. Minutes",
    ...     "RESOLVED that the minutes of the meeting held on 6 October 2030 be",
    ...     "agreed as a correct record, subject to the change set out at item 4."])[1:3]
    ['Cllr Ann Brook (Chair), Cllr Bill Carr, Cllr Cat Dale (Vice-Chair), Mr Dan Eves, Cllr Eve Ford, \
Mrs Fay Gale and Cllr Gus Hart and Cllr Ivy Jones (Substitute for Cllr Kay Lamb).', \
'Apologies: Cllr Len Moss, Cllr Meg Nash, Cllr Ned Owen and Cllr Olive Penn, and Mr Pat Quinn who \
sent his apologies for the whole meeting.']
"""

from __future__ import annotations

import re

#: a line this long or longer can have been wrapped
_LONG = 36
#: a hard-wrapped page has at least this many long lines
_MIN_LONG_LINES = 6
#: the widest column a PDF's text gives (characters)
_MAX_COLUMN = 130
#: share of the lines over half the column's width that reach three quarters of it
_FILLED_SHARE = 0.4
#: share of long lines allowed beyond the column (a flattened table row, a long address)
_BEYOND_SHARE = 0.03
#: a line ends a sentence or a heading
_ENDS = re.compile(r"[.:;!?]['\"”’)]?$")
#: the next line starts something of its own: a bullet, "1.", "(a)", "12)", "Label:", "RESOLVED"
_STARTS = re.compile(
    r"[ \t]*(?:[-•·▪◦●*>]|\(?\d{1,3}[.)](?:\s|$)|\(?[a-zA-Z][.)]\s|\(?[ivx]{1,4}[.)]\s|\d{1,3}(?:/\d{2,4})?\s+[A-Z]"
    r"|[A-Z][\w'’ -]{0,40}:(?:\s|$)|(?:RESOLVED|AGREED|DECISION|ACTION)\b)")


def _column(lengths: list[int]) -> int | None:
    """The column width when the long lines stop at about one width, else None."""
    long = sorted(n for n in lengths if n >= _LONG)
    if len(long) < _MIN_LONG_LINES:
        return None
    width = long[int(0.9 * (len(long) - 1))]
    if width > _MAX_COLUMN or sum(1 for n in long if n > width * 1.25) > _BEYOND_SHARE * len(long):
        return None
    reaching = [n for n in lengths if n >= 0.5 * width]
    filled = sum(1 for n in reaching if n >= 0.75 * width)
    return width if filled >= _FILLED_SHARE * len(reaching) else None


def _is_capitals(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 3 and all(c.isupper() for c in letters)


def unwrap_lines(lines: list[str]) -> list[str]:
    """``lines`` with hard-wrapped lines joined (see the module's docstring)."""
    width = _column([len(line) for line in lines if line.strip() and "|" not in line])
    if width is None:
        return lines
    out: list[str] = []
    last = ""  # the previous line as it was, before any joining
    for line in lines:
        if (line.strip() and last.strip() and "|" not in last and "|" not in line
                and len(last) >= 0.6 * width and len(last) + 1 + len(line.split()[0]) >= 0.9 * width
                and not _ENDS.search(last)
                and not _STARTS.match(line) and not _is_capitals(line)):
            head, nxt = out[-1].rstrip(), line.strip()
            if head.endswith("-") and head[-2:-1].isalpha():
                # "Commis-" / "sioner": a word split at the column; "Vice-" / "Chair" keeps its hyphen
                head = head[:-1] if nxt[:1].islower() else head
                out[-1] = head + nxt
            else:
                out[-1] = head + " " + nxt
        else:
            out.append(line)
        last = line
    return out
