"""Numbered agenda items: the item number and its title, with the span they were read from.

Layouts read (one per document; the first that yields items wins):

* ModernGov pages: the number alone on a line ("105." / "62/21" / "3(1)" / "7a" / "PCP" then
  "1/21"), the title on the next non-empty line;
* one-line items: "8a. Car Salary Sacrifice Scheme", "1. Welcome & Introduction",
  "PCP 1/21 Title", "Item 3: Title", and "1 Apologies for Absence" when such lines run in
  sequence.

Numbered discussion paragraphs ("1. The Commissioner introduced the report ...") are not
items: a title is short and is not a sentence.

Example::

    >>> [(a.item_number, a.title) for a in find_numbered_items("105.\\n\\nFuture work programme\\n")]
    [('105', 'Future work programme')]
"""

from __future__ import annotations

import re

from transforms.dates import MONTHS
from transforms.models import AgendaItem, Span

_NUMBER = r"\d{1,3}(?:[a-z]|\.\d{1,2}|\(\d{1,2}\)|/\d{2,4})?"
#: "105." / "62/21" / "3(1)" alone on a line
_LONE_NUMBER = re.compile(rf"^[ \t]*(?P<num>{_NUMBER})\.?[ \t]*$", re.MULTILINE)
#: a committee prefix alone on the line before the number: "PCP" / "1/21"
_PREFIX_LINE = re.compile(r"^[ \t]*(?P<prefix>[A-Z]{2,5})[ \t]*$", re.MULTILINE)
#: "8a. Title", "Item 3: Title", "PCP 1/21 Title", "1 Title"
_INLINE = re.compile(
    rf"^[ \t]*(?:(?P<label>Item|Agenda Item)\s+)?(?P<prefix>[A-Z]{{2,5}}\s+(?=\d+/))?(?P<num>{_NUMBER})"
    r"(?P<sep>[.:)]|\s+[-–]|(?=\s))[ \t]+(?P<title>\S[^\n]*?)[ \t|]*$",
    re.IGNORECASE | re.MULTILINE,
)
#: download furniture the extract stage may leave: "pdf icon PDF 50 KB", "Pdf Minutes (108Kb)"
_FURNITURE = re.compile(
    r"(?:\s*pdf icon)?\s*PDF\s+\d+(?:\.\d+)?\s*[KM]B\b|\s*\(\d+(?:\.\d+)?\s*[KM]b\)|^\s*Pdf\s+",
    re.IGNORECASE,
)
#: words that make a line a report of what happened rather than an item's title
_FINITE_VERB = re.compile(
    r"\b(?:was|were|is|are|had|has|have|did|noted|agreed|explained|asked|confirmed|received|"
    r"declared|reported|welcomed|advised|introduced|stated|thanked|requested)\b",
    re.IGNORECASE,
)
#: a one-line "title" that stops mid-phrase is a cut paragraph or a list entry, not an item
_OPEN_END = re.compile(r"(?:[;,]|\b(?:and|or|of|the|to|for|in|on|with|by|that|a|an))$", re.IGNORECASE)
_MONTH_START = re.compile(rf"^(?:{'|'.join(MONTHS)})\b", re.IGNORECASE)
_MAX_TITLE_WORDS = 30


def clean_title(raw: str) -> str:
    """The title without download furniture, table bars or a trailing ":-"."""
    title = _FURNITURE.sub("", raw)
    title = re.sub(r"[ \t|]+$", "", title)
    title = re.sub(r"\s*:-?\s*$", "", title)
    return " ".join(title.split())


def looks_like_title(line: str) -> bool:
    """A short heading, not a sentence: "Future work programme" yes; "The Commissioner
    introduced the report." or "There were none." no."""
    words = line.split()
    if not words or len(words) > _MAX_TITLE_WORDS or not line.strip()[0].isalnum():
        return False
    has_verb = bool(_FINITE_VERB.search(line))
    ends_sentence = line.rstrip().endswith((".", "?", "!"))
    if ends_sentence and (len(words) > 5 or has_verb):
        return False
    return not (has_verb and len(words) > 8)


def _lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out, pos = [], start
    while pos < end:
        nl = text.find("\n", pos, end)
        stop = end if nl == -1 else nl
        out.append((pos, stop))
        pos = stop + 1
    return out


def _non_empty_after(text: str, lines: list[tuple[int, int]], i: int) -> int | None:
    for j in range(i + 1, len(lines)):
        if text[lines[j][0]:lines[j][1]].strip():
            return j
    return None


def _non_empty_before(text: str, lines: list[tuple[int, int]], i: int) -> int | None:
    for j in range(i - 1, -1, -1):
        if text[lines[j][0]:lines[j][1]].strip():
            return j
    return None


def _lone_number_items(text: str, lines: list[tuple[int, int]]) -> list[AgendaItem]:
    items: list[AgendaItem] = []
    for i, (ls, le) in enumerate(lines):
        m = _LONE_NUMBER.match(text, ls, le)
        if m is None:
            continue
        j = _non_empty_after(text, lines, i)
        if j is None:
            continue
        raw = text[lines[j][0]:lines[j][1]]
        if _LONE_NUMBER.match(raw) or not looks_like_title(clean_title(raw)):
            continue
        number, begin = m.group("num"), m.start("num")
        k = _non_empty_before(text, lines, i)
        if k is not None and "/" in number:
            p = _PREFIX_LINE.match(text, lines[k][0], lines[k][1])
            if p:
                number, begin = f"{p.group('prefix')} {number}", p.start("prefix")
        title = clean_title(raw)
        if title:
            title_end = lines[j][0] + len(raw.rstrip())
            items.append(AgendaItem(item_number=number, title=title, span=Span(begin, title_end)))
    return items


def _leading_number(number: str) -> int:
    digits = re.match(r"\d+", number)
    return int(digits.group(0)) if digits else -1


def _inline_items(text: str, lines: list[tuple[int, int]]) -> list[AgendaItem]:
    found: list[tuple[AgendaItem, bool]] = []  # (item, written without a separator)
    for ls, le in lines:
        m = _INLINE.match(text, ls, le)
        if m is None:
            continue
        title = clean_title(m.group("title"))
        bare = not m.group("sep").strip() and not m.group("label") and not m.group("prefix")
        if not title or not looks_like_title(title) or _MONTH_START.match(title) or _OPEN_END.search(title):
            continue
        if bare and not title[0].isupper():
            continue
        number = m.group("num")
        if m.group("prefix"):
            number = f"{m.group('prefix').strip()} {number}"
        first = "label" if m.group("label") else "prefix" if m.group("prefix") else "num"
        span = Span(m.start(first), m.start("title") + len(m.group("title").rstrip(" \t|")))
        found.append((AgendaItem(item_number=number, title=title, span=span), bare))
    # "1 Apologies" without a dot is an item only when such lines run in sequence
    bare_numbers = [_leading_number(a.item_number) for a, bare in found if bare]
    keep_bare = len(bare_numbers) >= 2 and bare_numbers == sorted(bare_numbers)
    return [a for a, bare in found if keep_bare or not bare]


def find_numbered_items(text: str, start: int = 0, end: int | None = None) -> list[AgendaItem]:
    """Numbered agenda items in text[start:end], in order of appearance."""
    end = len(text) if end is None else min(end, len(text))
    if not text or start >= end:
        return []
    lines = _lines(text, start, end)
    return _lone_number_items(text, lines) or _inline_items(text, lines)
