"""Agenda items of a management-board page: numbered titles that stand on their own line,
"8a. Car Salary Sacrifice Scheme mileage rate", among paragraphs that are not numbered."""

from __future__ import annotations

import re

from transforms.models import AgendaItem
from transforms.text.spans import clean, trimmed

#: "8a. Car Salary Sacrifice Scheme mileage rate" (a title, not a numbered sentence)
_AGENDA_ITEM = re.compile(r"^[ \t]*(?P<num>\d{1,3}[a-z]?)[.)][ \t]+(?P<title>[A-Z][^\n|]{2,150}?)[ \t]*$",
                          re.MULTILINE)


def find_titled_numbers(text: str, start: int = 0) -> list[AgendaItem]:
    """Numbered title lines from ``start``; a numbered sentence of prose is not an item."""
    items = []
    for m in _AGENDA_ITEM.finditer(text, start):
        title = clean(m.group("title"))
        words = len(title.split())
        if words > 15 or re.search(r"[.!?]\s+\S", title) or (title.endswith(".") and words > 8):
            continue  # a numbered sentence of prose, not an item title
        items.append(AgendaItem(m.group("num"), title.rstrip(" ."), trimmed(text, m.start(), m.end())))
    return items
