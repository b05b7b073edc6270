"""Action-log tables ("Overview of Actions") read into ``Action`` rows.

The table is tab- or ``|``-separated with a header row naming its columns in any order:

    <description>\tStatus\tOwner\tDue date
    Update on internal inspection\tOpen\tChief Constable\t27/09/2017

The description column may have an empty header or one such as "Action"; a "Ref"/"No."
column gives ``action_ref``. Statuses are normalised with ``quirks/action_status_words.csv``.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from transforms.models import Action
from transforms.quirks import load_table
from transforms.text.dates import parse_date
from transforms.text.lines import line_bounds
from transforms.text.spans import clean, trimmed

_RULE = re.compile(r"^[\s|:\-–—+]+$")
_COLUMN_PATTERNS = (
    ("status", re.compile(r"^(?:status|rag|rag status|progress)$", re.IGNORECASE)),
    ("owner", re.compile(r"^(?:owner|action owner|lead|responsible|by whom|who|officer)$", re.IGNORECASE)),
    ("due", re.compile(r"^(?:due(?: date)?|date due|deadline|target date|by when|timescale|date)$",
                       re.IGNORECASE)),
    ("ref", re.compile(r"^(?:ref\.?|reference|no\.?|number|#|action (?:no\.?|ref\.?|number))$",
                       re.IGNORECASE)),
    ("description", re.compile(r"^(?:action|actions|description|action description|item|detail|"
                               r"update|summary)$", re.IGNORECASE)),
)
#: "27/09" without a year
_DAY_MONTH = re.compile(r"^\s*(?P<day>[0-3]?\d)[/.](?P<month>[01]?\d)\s*$")


def parse_actions_table(text: str, start: int, end: int, meeting_date: date | None) -> list[Action]:
    """The rows of the first action table in ``text[start:end]``.

    >>> t = "\\tStatus\\tOwner\\tDue date\\nWrite the plan\\tOpen\\tChief Constable\\t27/09/2017\\n"
    >>> [(a.description, a.status, a.owner, a.due_date) for a in parse_actions_table(t, 0, len(t), None)]
    [('Write the plan', 'open', 'Chief Constable', datetime.date(2017, 9, 27))]
    """
    columns: dict[str, int] | None = None
    sep = "\t"
    actions: list[Action] = []
    for line_start, line_end in line_bounds(text, start, end):
        line = text[line_start:line_end]
        if columns is None:
            found = _header(line)
            if found is not None:
                columns, sep = found
            continue
        if not line.strip():
            if actions:
                break  # a blank line after rows ends the table
            continue
        if _RULE.match(line):
            continue
        if sep not in line:
            break
        action = _row(text, line_start, line_end, columns, sep, meeting_date)
        if action is not None:
            actions.append(action)
    return actions


def _cells(line: str, sep: str) -> list[str]:
    body = line.rstrip("\r\n")
    if sep == "|":
        body = body.strip()
        body = body[1:] if body.startswith("|") else body
        body = body[:-1] if body.endswith("|") else body
    return [clean(c).strip("*_ ") for c in body.split(sep)]


def _header(line: str) -> tuple[dict[str, int], str] | None:
    """Column positions when ``line`` is a header naming at least status/owner/due twice."""
    for sep in ("\t", "|"):
        if sep not in line:
            continue
        cells = _cells(line, sep)
        columns: dict[str, int] = {}
        for i, cell in enumerate(cells):
            for name, pattern in _COLUMN_PATTERNS:
                if name not in columns and pattern.match(cell):
                    columns[name] = i
                    break
        if len({"status", "owner", "due"} & columns.keys()) < 2:
            continue
        if "description" not in columns:
            blanks = [i for i, c in enumerate(cells) if not c and i not in columns.values()]
            free = [i for i in range(len(cells)) if i not in columns.values()]
            if blanks or free:
                columns["description"] = (blanks or free)[0]
        return columns, sep
    return None


def _row(text: str, start: int, end: int, columns: dict[str, int], sep: str,
         meeting_date: date | None) -> Action | None:
    cells = _cells(text[start:end], sep)

    def cell(name: str) -> str | None:
        i = columns.get(name)
        return cells[i] if i is not None and i < len(cells) and cells[i] else None

    description = cell("description")
    if not description:
        return None
    status = cell("status")
    return Action(description=description, span=trimmed(text, start, end), action_ref=cell("ref"),
                  owner=cell("owner"), due_date=_due(cell("due"), meeting_date),
                  status=normalise_status(status) if status else None)


def _due(value: str | None, meeting_date: date | None) -> date | None:
    """A full date, or "27/09" completed with the year that puts it after the meeting."""
    if not value:
        return None
    full = parse_date(value)
    if full is not None or meeting_date is None:
        return full
    m = _DAY_MONTH.match(value)
    if m is None:
        return None
    for year in (meeting_date.year, meeting_date.year + 1):
        try:
            candidate = date(year, int(m.group("month")), int(m.group("day")))
        except ValueError:
            return None
        if candidate >= meeting_date:
            return candidate
    return None


@lru_cache(maxsize=1)
def _status_words() -> tuple[tuple[str, str], ...]:
    rows = [(r["word"].lower(), r["status"]) for r in load_table("action_status_words")]
    return tuple(sorted(rows, key=lambda r: len(r[0]), reverse=True))


def normalise_status(written: str) -> str:
    """"Open" -> "open", "Complete" -> "closed", "C/F" -> "carried_forward"; unknown words
    are kept lower-cased as written."""
    low = clean(written).lower()
    for word, status in _status_words():
        if low == word or re.search(rf"(?<!\w){re.escape(word)}(?!\w)", low):
            return status
    return low
