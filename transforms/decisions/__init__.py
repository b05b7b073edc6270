"""Decisions: "Decision:" blocks, "RESOLVED" resolutions and decision sentences.

One entry point, ``find_decisions(page, strategies)``; the strategies:

* ``resolutions_and_blocks``: "RESOLVED that ..." resolutions and "Decision:" labels and
  blocks over the whole page, overlaps resolved (``resolutions_and_blocks``);
* ``decision_blocks``: "Decision(s)" / "Resolved" blocks from the body start (``blocks``);
* ``blocks_and_approvals``: blocks, and the sentences of commissioners' board notes that
  approve minutes or notices (``approval_sentences``);
* ``decision_sentences``: decisions told in a sentence, "The Board agreed to ...", "It was
  agreed that ...", "X was elected Chair", "The minutes ... were approved"
  (``decision_sentences``).

A strategy named after another adds only what does not overlap what the earlier ones found.

Item numbers are left None here: the layout runner numbers decisions by position.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from transforms.decisions.approval_sentences import find_blocks_and_approvals
from transforms.decisions.blocks import find_decision_blocks
from transforms.decisions.decision_sentences import find_decision_sentences
from transforms.decisions.resolutions_and_blocks import Spans, find_resolutions_and_blocks
from transforms.models import Decision
from transforms.page import Page, read_with

__all__ = ["STRATEGIES", "find_decisions"]

STRATEGIES: dict[str, Callable[[Page], list[Decision]]] = {
    "resolutions_and_blocks": lambda page: find_resolutions_and_blocks(page.text),
    "decision_blocks": lambda page: find_decision_blocks(page.text, page.body_start),
    "blocks_and_approvals": lambda page: find_blocks_and_approvals(page.text),
    "decision_sentences": lambda page: find_decision_sentences(page.text, page.body_start),
}


def find_decisions(page: Page, strategies: Sequence[str]) -> list[Decision]:
    """The decisions each named strategy finds, in the order the strategies are named; a later
    strategy's decision that overlaps an earlier one's is left out."""
    found: list[Decision] = []
    for name in strategies:
        taken = Spans(found)
        found.extend(d for d in read_with(STRATEGIES, page, (name,)) if not taken.overlap(d))
    return sorted(found, key=lambda d: d.span.start) if len(strategies) > 1 else found
