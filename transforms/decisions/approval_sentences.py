"""Decisions in commissioners' board notes: "Decision: ..." and "RESOLVED: ..." blocks, and the
sentences that approve minutes, notices and proposals ("The minutes ... were approved")."""

from __future__ import annotations

import re
from functools import lru_cache

from transforms.decisions.blocks import find_decision_blocks
from transforms.models import Decision
from transforms.quirks import load_table
from transforms.text.spans import clean, trimmed


@lru_cache(maxsize=1)
def _subjects() -> re.Pattern[str]:
    words = "|".join(re.escape(r["subject"]) for r in load_table("decision_subjects"))
    return re.compile(rf"\b(?:{words})\b.*\b(?:was|were)\b.*?"
                      rf"\b(?:approved|agreed|accurate record|not supported)\b", re.IGNORECASE)


#: a clause: up to a full stop, or a colon or bar that ends a heading run into the text
_CLAUSE = re.compile(r"[^.:|\n]+(?:\.(?=\s|$))?")


def find_blocks_and_approvals(text: str) -> list[Decision]:
    """"Decision:" blocks and resolutions (``transforms.decisions.blocks``), and the sentences
    that approve minutes, notices and proposals ("The minutes ... were approved"). Item numbers
    are left to the caller (the layout runner numbers by position)."""
    out = find_decision_blocks(text)
    taken = [(d.span.start, d.span.end) for d in out]
    for m in _CLAUSE.finditer(text):
        if not _subjects().search(m.group()):
            continue
        span = trimmed(text, m.start(), m.end())
        if any(s <= span.start < e or span.start <= s < span.end for s, e in taken):
            continue
        out.append(Decision(text=clean(text[span.start:span.end]), kind="decision", span=span))
    return sorted(out, key=lambda d: d.span.start)
