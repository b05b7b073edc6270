"""Agenda items: numbers and titles, each with its span.

One entry point, ``find_agenda_items(page, strategies)``; the strategies:

* ``numbered_items``: "105." alone on its line then the title, "3. Title" lines, "Item 4 -",
  "| No. | Item |" tables, numbers kept in sequence (``numbered_items``);
* ``titled_numbers``: numbered title lines from the body start, prose sentences skipped
  (``board_titles``);
* ``notes_items``: "ITEM 1:", "Ref 01/17/08/2022", "1. Welcome" sections of commissioners'
  board notes (``notes_items``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from transforms.agenda.board_titles import find_titled_numbers
from transforms.agenda.notes_items import find_items
from transforms.agenda.numbered_items import find_numbered_items
from transforms.models import AgendaItem
from transforms.page import Page, read_with

__all__ = ["STRATEGIES", "find_agenda_items"]

STRATEGIES: dict[str, Callable[[Page], list[AgendaItem]]] = {
    "numbered_items": lambda page: find_numbered_items(page.text),
    "titled_numbers": lambda page: find_titled_numbers(page.text, page.body_start),
    "notes_items": lambda page: find_items(page.text),
}


def find_agenda_items(page: Page, strategies: Sequence[str]) -> list[AgendaItem]:
    """The items each named strategy finds, in the order the strategies are named."""
    return read_with(STRATEGIES, page, strategies)
