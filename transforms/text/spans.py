"""Helpers for the (char_start, char_end) spans every fact carries."""

from __future__ import annotations

from transforms.models import Span


def trimmed(text: str, start: int, end: int) -> Span:
    """The span [start, end) of ``text`` with surrounding white space left out."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end)


def clean(fragment: str) -> str:
    """White space folded to single spaces, ends stripped."""
    return " ".join(fragment.split())
