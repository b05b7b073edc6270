"""Normalise extracted text and strip site furniture (cookie banners, exit buttons, icons).

The furniture itself is data: ``quirks/furniture.csv`` lists regular expressions, each
either a whole ``line`` (the line is dropped) or an ``inline`` phrase (cut out of the line).

Example::

    >>> clean_text("We use some essential cookies to make our website work.\\r\\n"
    ...            "Venue: Council Chamber. View directions\\r\\n\\r\\n\\r\\nMinutes pdf icon PDF 50 KB ")
    'Venue: Council Chamber\\n\\nMinutes'
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from transforms.quirks import load_table

#: white space that should read as a plain space (no-break, narrow no-break, figure, thin ...)
_ODD_SPACES = re.compile(r"[\u00a0\u2007\u202f\u2000-\u200a\u3000]")
#: invisible characters that only get in the way of matching (zero-width, BOM, soft hyphen,
#: control characters PDF text layers leave behind)
_INVISIBLE = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\ufffe\u00ad\x00-\x08\x0e-\x1f\x7f]")
#: bullets and dashes in front of a navigation label ("• Share this item")
_LEADING_BULLETS = " \t•·▪*-–>|"
#: the source tells us it cut the text short (ModernGov "...  view the full minutes text")
_TRUNCATION_CUE = re.compile(r"view the full (?:minutes )?text for item", re.IGNORECASE)


@dataclass(frozen=True)
class FurnitureRule:
    contains: str  # a lower-case literal every match contains: a cheap test before the regex
    pattern: re.Pattern[str]


@dataclass(frozen=True)
class FurnitureRules:
    whole_line: tuple[FurnitureRule, ...]  # matched against a whole line (bullets stripped)
    inline: tuple[FurnitureRule, ...]  # cut out wherever found
    #: any rule's literal, in one pattern: most lines hold none and are passed in one search
    whole_line_literals: re.Pattern[str] = re.compile(r"(?!)")
    inline_literals: re.Pattern[str] = re.compile(r"(?!)")


def _any_of(rules: list[FurnitureRule]) -> re.Pattern[str]:
    return re.compile("|".join(re.escape(r.contains) for r in rules) or r"(?!)")


@lru_cache(maxsize=1)
def furniture_rules() -> FurnitureRules:
    """The rows of ``quirks/furniture.csv``, compiled case-insensitively."""
    lines: list[FurnitureRule] = []
    inlines: list[FurnitureRule] = []
    for row in load_table("furniture"):
        rule = FurnitureRule(row["contains"].lower(), re.compile(row["pattern"], re.IGNORECASE))
        (lines if row["match"].strip() == "line" else inlines).append(rule)
    return FurnitureRules(tuple(lines), tuple(inlines), _any_of(lines), _any_of(inlines))


def normalise_text(text: str) -> str:
    """Line ends to ``\\n``, odd spaces to spaces, invisible characters out, trailing spaces
    stripped. Nothing is reflowed. ``"a\\u00a0b \\r\\nc"`` -> ``"a b\\nc"``."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x0b", "\n").replace("\x0c", "\n")
    text = _ODD_SPACES.sub(" ", _INVISIBLE.sub("", text))
    return "\n".join(line.rstrip() for line in text.split("\n"))


def is_furniture_line(line: str) -> bool:
    """True when the whole line is site furniture. ``"• Share this item"`` -> True."""
    core = line.lstrip(_LEADING_BULLETS).rstrip()
    lowered = core.lower()
    rules = furniture_rules()
    if not rules.whole_line_literals.search(lowered):
        return False
    return any(rule.contains in lowered and rule.pattern.fullmatch(core) for rule in rules.whole_line)


def strip_inline_furniture(line: str) -> str:
    """The line with furniture phrases cut out.
    ``"Minutes pdf icon PDF 50 KB"`` -> ``"Minutes"``."""
    lowered = line.lower()
    rules = furniture_rules()
    if not rules.inline_literals.search(lowered):
        return line.rstrip()
    for rule in rules.inline:
        if rule.contains in lowered:
            line = rule.pattern.sub("", line)
    return line.rstrip()


def says_truncated(text: str) -> bool:
    """True when the text says part of it was cut ("view the full minutes text for item 6")."""
    return _TRUNCATION_CUE.search(text) is not None


def collapse_blank_lines(lines: list[str]) -> list[str]:
    """Runs of blank lines become one; blank lines at the start and the end go."""
    kept: list[str] = []
    for line in lines:
        if line.strip() or (kept and kept[-1].strip()):
            kept.append(line if line.strip() else "")
    while kept and not kept[-1].strip():
        kept.pop()
    return kept


def clean_text(text: str) -> str:
    """Normalised text without furniture lines or phrases, blank runs collapsed."""
    kept: list[str] = []
    for line in normalise_text(text).split("\n"):
        if is_furniture_line(line):
            continue
        stripped = strip_inline_furniture(line)
        # a line that was only furniture phrases ("pdf icon PDF 20 KB") goes too
        if line.strip() and not stripped.strip():
            continue
        kept.append(stripped)
    return "\n".join(collapse_blank_lines(kept))
