"""The one shape of a publisher-layout adapter: how to recognise the layout, and which named
strategy of each field package reads it (with what options).

An adapter module holds one ``LAYOUT = Layout(...)`` and nothing that parses; the runner
(``transforms.adapters.reading``) does the reading, the same way for every layout.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from transforms.adapters.reading import read_minutes
from transforms.models import CleanText, ParsedMinutes


@dataclass(frozen=True)
class Use:
    """The strategies one field is read with, in order, and the field's options."""

    strategies: tuple[str, ...] = ()
    options: Mapping[str, object] = field(default_factory=dict)


def use(*strategies: str, **options: object) -> Use:
    """``use("panel_blocks", "apology_sentences", merge=True)``."""
    return Use(tuple(strategies), dict(options))


@dataclass(frozen=True)
class Layout:
    """One publisher layout. ``detect`` scores how well a cleaned text fits it (0.0 = not at
    all, 1.0 = certainly) and must never raise on odd text. ``header`` names one strategy
    (a page has one header); the other fields name any number, run in order. ``body_start``
    names where facts are looked for from (``transforms.header.BODY_STARTS``).
    ``number_by_position`` lists the fields ("actions", "decisions") whose facts without an
    item number take the number of the agenda item they sit under."""

    name: str
    detect: Callable[[str], float]
    header: Use
    agenda: Use
    attendance: Use
    actions: Use = Use()
    action_updates: Use = Use()
    decisions: Use = Use()
    body_start: str = "text_start"
    number_by_position: tuple[str, ...] = ("actions", "decisions")
    #: note a page where no one is found as attending (``no_attendees``)
    expect_attendees: bool = False

    def parse(self, doc: CleanText) -> ParsedMinutes:
        """Everything the layout's strategies find in ``doc``. A bug that raises is not caught
        here: the normalise stage quarantines the document as ``parser_crashed``."""
        return read_minutes(self, doc)
