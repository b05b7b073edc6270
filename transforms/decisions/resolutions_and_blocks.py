"""Resolutions ("RESOLVED that ...") and labelled decisions ("Decision: ...") of one page,
with a "Decision:" block read over several lines preferred to the one-line reading of the
same label, and a resolution preferred to a block that overlaps it."""

from __future__ import annotations

from bisect import bisect_left
from itertools import accumulate

from transforms.decisions.blocks import find_decision_blocks
from transforms.decisions.resolutions import find_resolutions
from transforms.models import Decision


class Spans:
    """Decisions' spans, asked "does any overlap this one?" in O(log n): by start, with the
    furthest end so far (a long page holds hundreds of resolutions and blocks).

    >>> from transforms.models import Span
    >>> Spans([Decision("a", "decision", Span(5, 9))]).overlap(Decision("b", "decision", Span(8, 20)))
    True
    """

    def __init__(self, decisions: list[Decision]):
        spans = sorted((d.span.start, d.span.end) for d in decisions)
        self.starts = [s for s, _ in spans]
        self.furthest = list(accumulate((e for _, e in spans), max))

    def overlap(self, d: Decision) -> bool:
        before_end = bisect_left(self.starts, d.span.end)  # the spans that start before d ends
        return before_end > 0 and self.furthest[before_end - 1] > d.span.start


def find_resolutions_and_blocks(text: str) -> list[Decision]:
    """Resolutions and labelled decisions, in order (see the module doc for which reading wins)."""
    found = find_resolutions(text)
    resolutions = [d for d in found if d.kind == "resolution"]
    # resolutions are read here; the block reader gives only what sits under "Decision" labels
    resolution_spans = Spans(resolutions)
    blocks = [b for b in find_decision_blocks(text) if b.kind == "decision" and not resolution_spans.overlap(b)]
    block_spans = Spans(blocks)
    labelled = [d for d in found if d.kind == "decision" and not block_spans.overlap(d)]
    return sorted([*resolutions, *labelled, *blocks], key=lambda d: d.span.start)
