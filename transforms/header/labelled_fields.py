"""Labelled header lines such as "Title: ...", "Date: ...", "Venue: ...", "Date & time: ...".

Returns each value with its span so meeting fields keep their provenance.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from transforms.models import Span
from transforms.text.spans import trimmed

#: a label at the start of a line, up to 30 characters, then a colon
_LABEL_LINE = re.compile(r"^[ \t*_]*(?P<label>[A-Za-z][A-Za-z &/]{0,29}?)[ \t*_]*:[ \t*_]*(?P<value>.*)$",
                         re.MULTILINE)

_NEXT_LINE = re.compile(r"\s*\n[ \t]*(?P<value>\S[^\n]*)")


@dataclass(frozen=True)
class Field:
    label: str  # lower-cased, white space folded: "date & time"
    value: str
    span: Span  # of the value


def labelled_fields(text: str, limit: int = 4000, *, value_below: bool = False) -> dict[str, Field]:
    """The first occurrence of each "Label: value" line within the first ``limit`` characters.
    Labels are lower-cased with white space folded. With ``value_below`` a label alone on its
    line takes the next non-blank line as its value, unless that line is a label itself
    ("Date and Time:" / "Tuesday 4 March 2031, 09:30-12:00")."""
    fields: dict[str, Field] = {}
    end = min(len(text), limit)
    for m in _LABEL_LINE.finditer(text, 0, end):
        label = " ".join(m.group("label").lower().split())
        value_span = trimmed(text, m.start("value"), m.end("value"))
        if value_span.start == value_span.end and value_below:
            value_span = _line_below(text, m.end(), end)
        value = text[value_span.start:value_span.end].strip("*_ \t")
        if label not in fields and value:
            fields[label] = Field(label, value, value_span)
    return fields


def _line_below(text: str, pos: int, end: int) -> Span:
    """The next non-blank line after ``pos`` (an empty span when it is a label line or absent)."""
    m = _NEXT_LINE.match(text, pos, end)
    if m is None or _LABEL_LINE.match(m.group("value")):
        return Span(pos, pos)
    return trimmed(text, m.start("value"), m.end("value"))
