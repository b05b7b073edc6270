"""Which agenda item a fact sits under: the one lookup every field reader and layout shares."""

from __future__ import annotations

from collections.abc import Sequence

from transforms.models import AgendaItem


def item_at(items: Sequence[AgendaItem], pos: int) -> str | None:
    """The number of the last agenda item (in reading order) that starts at or before ``pos``;
    None before the first item.

    >>> from transforms.models import Span
    >>> items = [AgendaItem("1", "Welcome", Span(0, 9)), AgendaItem("2", "Finance", Span(40, 49))]
    >>> [item_at(items, p) for p in (0, 39, 45)]
    ['1', '1', '2']
    """
    number = None
    for item in items:
        if item.span.start <= pos:
            number = item.item_number
    return number
