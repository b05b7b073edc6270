"""Skip regex searches that cannot succeed, for speed without changing any result.

Python's ``re`` tries a pattern at every character, which is slow for case-insensitive
patterns (no fast literal scan). Most layout markers hold plain words that every match must
contain ("Overview of Actions", "pdf icon"); ``str.__contains__`` finds (or rules out) those
many times faster. ``GuardedPattern.search`` looks for those words first and runs the regex
only when all of them are present, so its answer is always exactly ``pattern.search(text)``.

Case-insensitive words are looked for in ``fold(text)``: lower case, plus the four non-ASCII
letters that ``re.IGNORECASE`` treats as ASCII ones ("İ", "ı" as i, "ſ" as s, the Kelvin sign
as k; tests/test_literal_guard.py checks this set against ``re`` itself).

Example::

    >>> g = GuardedPattern(re.compile(r"(?i)overview\\s+of actions"))
    >>> g.needles, g.ignore_case
    (('overview', 'of actions'), True)
    >>> g.search("OVERVIEW of Actions").group()
    'OVERVIEW of Actions'
    >>> g.search("Minutes of the Panel") is None
    True
"""

from __future__ import annotations

import re
from re import _constants as sre_constants  # private, but the only way to read a parsed pattern
from re import _parser as sre_parser

#: needles shorter than this rule out too little to be worth a look
MIN_NEEDLE = 2


def fold(text: str) -> str:
    """``text`` lower-cased so that every case-insensitive match of an ASCII word becomes that
    word in lower case. "İ" is replaced first: its full lower case is two characters.

    >>> fold("DİSCUſſION ıtem")
    'discussion item'
    """
    return text.replace("\u0130", "i").lower().replace("\u0131", "i").replace("\u017f", "s")


def required_words(pattern: re.Pattern[str]) -> tuple[tuple[str, ...], bool]:
    """(the literal runs every match of ``pattern`` contains, whether they are case-insensitive).

    Only runs at the top level of the pattern count (inside a group, an alternative or a
    repeat a run may be skipped); under IGNORECASE only ASCII characters are kept in a run.
    A pattern that cannot be read gives no words, i.e. the regex always runs.

    >>> required_words(re.compile(r"^\\W*No\\.\\W+Item\\b"))
    (('No.', 'Item'), False)
    """
    if not isinstance(pattern.pattern, str):
        return (), False
    try:
        parsed = sre_parser.parse(pattern.pattern, pattern.flags)
    except Exception:  # noqa: BLE001 - an unreadable pattern is simply not guarded
        return (), False
    ignore = bool(parsed.state.flags & re.IGNORECASE)
    runs: list[str] = []
    run: list[str] = []
    for op, av in parsed.data:
        if op is sre_constants.LITERAL and (not ignore or av < 128):
            run.append(chr(av))
            continue
        runs.append("".join(run))
        run = []
    runs.append("".join(run))
    words = tuple(w.lower() if ignore else w for w in runs if len(w) >= MIN_NEEDLE)
    return words, ignore and bool(words)


class GuardedPattern:
    """A compiled pattern whose ``search`` first checks for the words every match holds."""

    def __init__(self, pattern: re.Pattern[str]):
        self.pattern = pattern
        self.needles, self.ignore_case = required_words(pattern)

    def could_match(self, text: str, folded: str | None = None) -> bool:
        """False only when ``pattern`` cannot match anywhere in ``text``. ``folded`` is
        ``fold(text)`` when the caller has it already (several patterns, one text)."""
        if not self.needles:
            return True
        if self.ignore_case:
            haystack = fold(text) if folded is None else folded
        else:
            haystack = text
        return all(n in haystack for n in self.needles)

    def search(self, text: str, folded: str | None = None) -> re.Match[str] | None:
        """Exactly ``self.pattern.search(text)``."""
        return self.pattern.search(text) if self.could_match(text, folded) else None


def finditer_in_lines(pattern: re.Pattern[str], text: str, word: str) -> list[re.Match[str]]:
    """Exactly ``list(pattern.finditer(text))`` for a pattern whose matches never hold a
    newline and always hold ``word`` (case as written): only the lines with ``word`` are searched.
    The pattern must not use anchors (``^``, ``$``) or look-arounds: the line's ends would hide
    what is beyond them (``\b`` is fine: a newline is no word character).

    >>> resigned = re.compile(r"[A-Z][a-z]+ resigned")
    >>> [m.group() for m in finditer_in_lines(resigned, "Al Bo.\\nCy Dee resigned", "resigned")]
    ['Dee resigned']
    """
    found: list[re.Match[str]] = []
    at = text.find(word)
    while at >= 0:
        line_start = text.rfind("\n", 0, at) + 1
        line_end = text.find("\n", at)
        line_end = len(text) if line_end < 0 else line_end
        found.extend(pattern.finditer(text, line_start, line_end))
        at = text.find(word, line_end)
    return found
