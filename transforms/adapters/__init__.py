"""Registry of layout adapters. Adding a publisher layout = one module + one line here.

The adapter with the highest ``detect`` score parses the document; the generic adapter
scores a constant floor so that every document is parsed by something.
"""

from __future__ import annotations

from transforms.action_log import with_action_log
from transforms.adapters import generic, kent_board, moderngov, pcc_notes
from transforms.adapters.base import Adapter
from transforms.models import CleanText, ParsedMinutes

REGISTRY: dict[str, Adapter] = {
    kent_board.ADAPTER.name: kent_board.ADAPTER,
    pcc_notes.ADAPTER.name: pcc_notes.ADAPTER,
    moderngov.ADAPTER.name: moderngov.ADAPTER,
    generic.ADAPTER.name: generic.ADAPTER,
}


def choose_adapter(text: str) -> Adapter:
    """The best-scoring adapter for ``text`` (ties go to registry order)."""
    best, best_score = REGISTRY[generic.ADAPTER.name], -1.0
    for adapter in REGISTRY.values():
        score = adapter.detect(text)
        if score > best_score:
            best, best_score = adapter, score
    return best


def parse_document(doc: CleanText) -> ParsedMinutes:
    """Pick the layout adapter for ``doc`` and parse it; then the shared strategies that hold
    for any layout add what the adapter's own did not find."""
    return parse_with(choose_adapter(doc.text), doc)


def parse_with(adapter: Adapter, doc: CleanText) -> ParsedMinutes:
    """``adapter``'s reading of ``doc``, completed by the strategies every layout shares."""
    return with_action_log(doc.text, adapter.parse(doc))
