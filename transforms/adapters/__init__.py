"""Registry of layout adapters. Adding a publisher layout = one module with a ``LAYOUT`` +
one line here (see docs/adding-a-publisher.md).

The layout with the highest ``detect`` score parses the document; the generic layout scores
a constant floor so that every document is parsed by something.
"""

from __future__ import annotations

from transforms.adapters import generic, kent_board, moderngov, pcc_notes
from transforms.adapters.layout import Layout
from transforms.models import CleanText, ParsedMinutes

REGISTRY: dict[str, Layout] = {
    layout.name: layout
    for layout in (kent_board.LAYOUT, pcc_notes.LAYOUT, moderngov.LAYOUT, generic.LAYOUT)
}


def choose_adapter(text: str) -> Layout:
    """The best-scoring layout for ``text`` (ties go to registry order)."""
    best, best_score = REGISTRY[generic.LAYOUT.name], -1.0
    for layout in REGISTRY.values():
        score = layout.detect(text)
        if score > best_score:
            best, best_score = layout, score
    return best


def parse_document(doc: CleanText) -> ParsedMinutes:
    """Pick the layout for ``doc`` and parse it."""
    return choose_adapter(doc.text).parse(doc)
