"""Lines of a text as offsets into it, so that every reader keeps exact source spans."""

from __future__ import annotations

from collections.abc import Iterator


def iter_line_bounds(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int]]:
    """(start, end) of each line of ``text[start:end]``, newline excluded; lazily, for readers
    that look at only a few lines after a heading.

    >>> list(iter_line_bounds("ab\\n\\ncd", 0, 6))
    [(0, 2), (3, 3), (4, 6)]
    """
    end = len(text) if end is None else end
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        stop = end if nl < 0 else nl
        yield pos, stop
        pos = stop + 1


def line_bounds(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """(start, end) of each line of ``text[start:end]``, newline excluded."""
    return list(iter_line_bounds(text, start, end))


def next_non_empty(text: str, lines: list[tuple[int, int]], i: int) -> int | None:
    """The index of the first line after ``lines[i]`` with any text on it."""
    for j in range(i + 1, len(lines)):
        if text[lines[j][0]:lines[j][1]].strip():
            return j
    return None


def prev_non_empty(text: str, lines: list[tuple[int, int]], i: int) -> int | None:
    """The index of the last line before ``lines[i]`` with any text on it."""
    for j in range(i - 1, -1, -1):
        if text[lines[j][0]:lines[j][1]].strip():
            return j
    return None


def non_empty_line_bounds(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """(start, end) of each line of ``text[start:end]`` that has any text on it."""
    return [(s, e) for s, e in iter_line_bounds(text, start, end) if text[s:e].strip()]
