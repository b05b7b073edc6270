"""Numbered items of commissioners' board notes, in the numbering styles of the family:

"1. Welcome & Introduction", "353. APOLOGIES", "742a Data Centre – Report:",
"ITEM 2: Review of minutes Summary of Discussion: ...", "Ref 02/17/08/2022" with the title
on the next line ("ITEM 1:" too). Phrases that end a title on the same line are data
(``quirks/item_title_ends.csv``). On a page of running minute numbers ("599.", "600.") a list
that restarts at 1 inside an item is not items; numbered paragraphs ("1. The Board agreed
...") never are.
"""

from __future__ import annotations

import re
from functools import lru_cache

from transforms.agenda.numbered_items import narrates
from transforms.attendance.prose_entry import section_label
from transforms.models import AgendaItem, Span
from transforms.quirks import load_table
from transforms.text.spans import clean, trimmed

_ITEM_WORD = re.compile(r"^[ \t]*ITEM\s+(?P<num>\d{1,3}[a-z]?)\s*[:.\-–][ \t]*(?P<title>[^\n|]*)",
                        re.MULTILINE | re.IGNORECASE)
_REF = re.compile(r"^[ \t]*Ref\s*/?\s*(?P<num>\d{1,2}/\d{1,2}/\d{1,2}/\d{2,4})[ \t]*$",
                  re.MULTILINE | re.IGNORECASE)
#: "3. Finance", "580.MINUTES OF THE PREVIOUS MEETING" (no space after the dot)
_DOTTED = re.compile(r"^[ \t]*(?P<num>\d{1,3}[a-z]?)\.[ \t]*(?P<title>[A-Z][^\n]{0,150}?)[ \t]*$",
                     re.MULTILINE)
#: "715 Previous Minutes", "716a MTFP – Quarterly Update: MP gave an overview ..." (a discussion
#: run on after a colon is long; "683b Citizens in Policing: Cadet Programme" is one title)
_UNDOTTED = re.compile(r"^[ \t]*(?P<num>\d{2,4}[a-z]?)[ \t]+"
                       r"(?P<title>(?:[A-Z]|\d{2,4}[a-z]?\s[–-]\s)[^\n]{0,100}?)[ \t]*(?:$|:[ \t]+(?=[^\n]{60}))",
                       re.MULTILINE)
_YEAR = re.compile(r"^(?:19|20)\d\d$")
#: a running minute number, "580", "716a" (an item number of one or two digits is not one)
_MINUTE_NUMBER = re.compile(r"^\d{3,4}[a-z]?$")
#: the next line with text on it (a title written below its number)
_NEXT_LINE = re.compile(r"\S[^\n]*")
_SENTENCE_END = re.compile(r"\.(?:\s|$)|\s(?=The\s)")
MAX_TITLE_WORDS = 14


@lru_cache(maxsize=1)
def _title_ends() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(r"\s*\b" + re.escape(r["phrase"]) + r"\b", re.IGNORECASE)
                 for r in load_table("item_title_ends"))


def find_items(text: str) -> list[AgendaItem]:
    """Every numbered item heading in ``text``, in order of appearance.

    >>> [(i.item_number, i.title) for i in find_items("1. Welcome\\nText.\\n2. Finance\\n")]
    [('1', 'Welcome'), ('2', 'Finance')]
    """
    found: dict[int, AgendaItem] = {}
    for item in [*_item_word(text), *_refs(text), *_numbered(text)]:
        if all(not (s <= item.span.start < s_end) for s, s_end in
               ((i.span.start, i.span.end) for i in found.values())):
            found[item.span.start] = item
    return [found[k] for k in sorted(found)]


def _item(text: str, num: str, title_start: int, title_end: int, line_start: int) -> AgendaItem | None:
    title = clean(text[title_start:title_end]).strip(" .:*_|")
    if not title or len(title.split()) > MAX_TITLE_WORDS or narrates(title):
        return None  # "1. The Board agreed that ...": a numbered paragraph
    return AgendaItem(item_number=num, title=title, span=trimmed(text, line_start, title_end))


def _cut_title(text: str, start: int, end: int, *, sentence: bool) -> int:
    """Where the title on a heading line stops: before a boilerplate phrase, or (for titles
    run into their text) at the first sentence end."""
    stop = end
    for pattern in _title_ends():
        m = pattern.search(text, start, stop)
        if m:
            stop = m.start()
    if sentence and (m := _SENTENCE_END.search(text, start, stop)):
        stop = m.start()
    return stop


def _item_word(text: str) -> list[AgendaItem]:
    out = []
    for m in _ITEM_WORD.finditer(text):
        start, end = m.start("title"), m.end("title")
        if not text[start:end].strip():  # "ITEM 1:" alone, the title on the next line
            nxt = _NEXT_LINE.search(text, m.end())
            if nxt is None or _ITEM_WORD.match(text, text.rfind("\n", 0, nxt.start()) + 1):
                continue
            start, end = nxt.start(), nxt.end()
        stop = _cut_title(text, start, end, sentence=False)
        first = text[start:stop].split()[:1]
        if first and section_label(first[0]) is not None:
            stop = start + len(first[0])  # "ATTENDANCE CC Fenner - Chair" -> "ATTENDANCE"
        if (item := _item(text, m.group("num"), start, stop, m.start())) is not None:
            out.append(item)
    return out


def _refs(text: str) -> list[AgendaItem]:
    """"Ref 01/17/08/2022" lines; the title is the first non-empty line below."""
    out = []
    for m in _REF.finditer(text):
        nxt = _NEXT_LINE.search(text, m.end())
        if nxt is None or _REF.match(text, text.rfind("\n", 0, nxt.start()) + 1):
            continue
        stop = _cut_title(text, nxt.start(), nxt.end(), sentence=True)
        title = clean(text[nxt.start():stop]).strip(" .:")
        if title and len(title.split()) <= MAX_TITLE_WORDS * 2:
            out.append(AgendaItem(item_number=m.group("num"), title=title,
                                  span=Span(trimmed(text, m.start(), m.end()).start, stop)))
    return out


def _numbered(text: str) -> list[AgendaItem]:
    out = []
    for m in _DOTTED.finditer(text):
        stop = m.end("title")
        colon = text.find(": ", m.start("title"), stop)
        if colon > 0:
            stop = colon  # "1. Police and Crime Plan: WN advised ..."
        if (item := _item(text, m.group("num"), m.start("title"), stop, m.start())) is not None:
            out.append(item)
    bare = [m for m in _UNDOTTED.finditer(text)
            if not _YEAR.match(m.group("num")) and not m.group("title").rstrip().endswith(".")]
    if len(bare) >= 2:  # one stray number at a line start is not a numbering scheme
        for m in bare:
            if (item := _item(text, m.group("num"), m.start("title"), m.end("title"),
                              m.start())) is not None:
                out.append(item)
    return _in_minute_scheme(out)


def _in_minute_scheme(items: list[AgendaItem]) -> list[AgendaItem]:
    """On a page whose items carry running minute numbers ("599. APOLOGIES", "600. MINUTES"),
    "1. From Minute 590.4: ..." is an entry of a list inside an item, not an item."""
    minute_numbers = [_leading(a.item_number) for a in items if _MINUTE_NUMBER.match(a.item_number)]
    if len(minute_numbers) < 2:
        return items
    # a running number never falls back to a small one ("99. AOB" may sit beside "100.")
    floor = min(minute_numbers) // 2
    return [a for a in items if _leading(a.item_number) >= floor]


def _leading(number: str) -> int:
    return int(number.rstrip("abcdefghijklmnopqrstuvwxyz"))
