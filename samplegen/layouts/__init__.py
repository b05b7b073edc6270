"""One writer per layout. Each ``*Series`` is one body's run of meetings: it keeps the body's
cast and open actions from meeting to meeting and writes each meeting as a ``Written``
(file name, content, gold label).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Written:
    """One document: ``content`` is text (``.txt``/``.html``) or lines to lay out as a PDF."""

    name: str
    content: str
    gold: dict
    pdf: bool = False
