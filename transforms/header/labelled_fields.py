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


@dataclass(frozen=True)
class Field:
    label: str  # lower-cased, white space folded: "date & time"
    value: str
    span: Span  # of the value


def labelled_fields(text: str, limit: int = 4000) -> dict[str, Field]:
    """The first occurrence of each "Label: value" line within the first ``limit`` characters.
    Labels are lower-cased with white space folded."""
    fields: dict[str, Field] = {}
    for m in _LABEL_LINE.finditer(text, 0, min(len(text), limit)):
        label = " ".join(m.group("label").lower().split())
        value_span = trimmed(text, m.start("value"), m.end("value"))
        value = text[value_span.start:value_span.end].strip("*_ \t")
        if label not in fields and value:
            fields[label] = Field(label, value, value_span)
    return fields
