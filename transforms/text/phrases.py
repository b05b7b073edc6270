"""Word lists as regular-expression alternatives.

    >>> phrase_alternation(["in attendance", "present", "also in attendance"])
    'also\\\\s+in\\\\s+attendance|in\\\\s+attendance|present'
"""

from __future__ import annotations

import re
from collections.abc import Iterable


def phrase_alternation(phrases: Iterable[str], gap: str = r"\s+") -> str:
    """The phrases as one alternation, longest first (so "in attendance" is tried before
    "attendance"), each word escaped and the spaces between words matched by ``gap``."""
    return "|".join(gap.join(map(re.escape, p.split())) for p in sorted(phrases, key=len, reverse=True))
