"""What the field readers of one document share while a layout reads it.

The runner (``transforms.adapters.reading``) fills a ``Page`` field by field, in a fixed
order: where the body starts, agenda items, the meeting header, attendance, then actions,
action updates and decisions. A strategy reads what the fields before it found (an action
owner is resolved against ``people``; a due date "by the next meeting" needs ``meeting``) and
may note a non-fatal oddity with ``warn``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from transforms.models import AgendaItem, Attendance, Meeting, ParseWarning, Span

T = TypeVar("T")


@dataclass
class Page:
    text: str
    #: the layout reading the page (a strategy may look up that layout's quirks by it)
    layout: str
    #: where the minutes' body starts: facts are looked for from here (0 = the whole text)
    body_start: int = 0
    items: list[AgendaItem] = field(default_factory=list)
    meeting: Meeting = field(default_factory=Meeting)
    people: list[Attendance] = field(default_factory=list)
    warnings: list[ParseWarning] = field(default_factory=list)

    def warn(self, code: str, message: str, span: Span | None = None) -> None:
        self.warnings.append(ParseWarning(code, message, span))


def read_with(registry: Mapping[str, Callable[[Page], list[T]]], page: Page, strategies: Sequence[str]) -> list[T]:
    """What each named strategy of a field's ``registry`` finds, in the order they are named
    (an unknown name raises KeyError: a layout naming a strategy that does not exist is a bug)."""
    return [found for name in strategies for found in registry[name](page)]
