"""Numbered agenda items: the item number and its title, with the span they were read from.

Layouts read (one per document; the first that yields items wins):

* ModernGov pages: the number alone on a line ("105." / "62/21" / "3(1)" / "7a" / "PCP" then
  "1/21"), the title on the next non-empty line; sub-items written inline under one
  ("5." / "Questions" / "5.1 Question from ...") join it;
* one-line items: "8a. Fleet Replacement Plan", "1. Welcome & Introduction",
  "PCP 1/21 Title", "Item 3: Title", and "1 Apologies for Absence" when such lines run in
  sequence.

Numbered discussion paragraphs ("1. The Commissioner introduced the report ...") are not
items: a title is short and is not a sentence, and "4.2" is a paragraph when "4.1" is. Nor
are the entries of a list of papers ("Supplementary papers:" / "1 Response to question 1").

Example::

    >>> [(a.item_number, a.title) for a in find_numbered_items("305.\\n\\nForward plan of reports\\n")]
    [('305', 'Forward plan of reports')]
"""

from __future__ import annotations

import re

from transforms.models import AgendaItem, Span
from transforms.text.dates import MONTHS
from transforms.text.lines import line_bounds, next_non_empty, prev_non_empty

_NUMBER = r"\d{1,3}(?:[a-z]|\.\d{1,2}|\(\d{1,2}\)|\([a-z]\)|/\d{2,4})?"
#: a committee's own reference: "PCP/21/05", "PCP 21/05", "PCP/5/21"
_REFERENCE = r"[A-Z]{2,6}(?:/\d{1,4}/\d{1,4}|[ \t]+\d{1,3}/\d{2,4})"
#: "Item 5" / "Agenda Item No. 5" before a number
_ITEM_LABEL = r"(?:(?P<label>(?i:(?:Agenda[ \t]+)?Item))[ \t]+(?i:No\.?[ \t]*)?)?"
#: "105." / "62/21" / "3(1)" / "(5)" / "Item 5" / "PCP/21/05" alone on a line
_LONE_NUMBER = re.compile(
    rf"^[ \t]*{_ITEM_LABEL}(?:(?P<ref>{_REFERENCE})|(?P<open>\()?(?P<num>{_NUMBER})(?(open)\)))\.?[ \t]*$",
    re.MULTILINE)
#: a committee prefix alone on the line before the number: "PCP" / "1/21"
_PREFIX_LINE = re.compile(r"^[ \t]*(?P<prefix>[A-Z]{2,5})[ \t]*$", re.MULTILINE)
#: "8a. Title", "Item 3: Title", "(5) Title", "PCP 1/21 Title", "PCP/21/05 - Title", "1 Title"
_INLINE = re.compile(
    rf"^[ \t]*{_ITEM_LABEL}(?:(?P<ref>{_REFERENCE})|(?P<open>\()?(?P<num>{_NUMBER})(?(open)\)))"
    r"(?P<sep>[.:)]|\s+[-–]|(?=\s))[ \t]+(?P<title>\S[^\n]*?)[ \t|]*$",
    re.MULTILINE,
)
#: download furniture the extract stage may leave: "pdf icon PDF 50 KB", "Pdf Minutes (108Kb)"
_FURNITURE = re.compile(
    r"(?:\s*pdf icon)?\s*PDF\s+\d+(?:\.\d+)?\s*[KM]B\b|\s*\(\d+(?:\.\d+)?\s*[KM]b\)|^\s*Pdf\s+|\s*pdf icon\b.*$",
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
#: a numbered paragraph: "The Panel proposed ...", "Mr Dorsey presented ...", "Members discussed ..."
_NARRATION = re.compile(r"^(?:The|A|An|Mr|Mrs|Ms|Miss|Dr|Cllr|Councillor|Members?|He|She|They|It|We)\b"
                        r"(?:\s+[A-Z][\w'’.-]*){0,3}\s+(?:[a-z]+ed|was|were|had|has|said|gave|took|made)\b")


#: a heading may end with a full stop ("Urgent Items."); a longer stopped line is a sentence
_MAX_STOPPED_TITLE_WORDS = 12
#: an agenda's instruction, "To confirm the minutes of the meeting on 7 June 2030.", may run longer
_INSTRUCTION = re.compile(r"^\s*To\s+[a-z]+\b")
#: a bracketed note inside a title: "(such declarations are to be made ...)"
_BRACKETED = re.compile(r"\([^()\n]*\)")
#: a linked document's file name ("1a.pdf", "Appendix_B.docx"): an attachment, not an item
_FILE_NAME = re.compile(r"^\s*\S+\.(?:pdf|docx?|xlsx?|pptx?|odt|rtf|csv)\s*$", re.IGNORECASE)
#: "<subject> be <participle>": the words of a resolution, never a title
_SUBJUNCTIVE = re.compile(r"^[A-Z][^.;:]{2,160}?\s(?<!\bto\s)(?<!\bwill\s)(?<!\bnot\s)be\s+[a-z]+(?:ed|en|wn)\b")


def clean_title(raw: str) -> str:
    """The title without download furniture, table bars or a trailing ":-"."""
    title = _FURNITURE.sub("", raw)
    title = re.sub(r"[ \t|]+$", "", title)
    title = re.sub(r"\s*:-?\s*$", "", title)
    return " ".join(title.split())


def narrates(line: str) -> bool:
    """A numbered paragraph telling what happened: "The Board agreed that ...", "Mr Dorsey
    presented ..."."""
    return bool(_NARRATION.match(line.strip()))


def looks_like_title(line: str) -> bool:
    """A short heading, not a sentence: "Forward plan of reports" yes, and with a full stop
    ("Exclusion of the Press and Public."); "The Commissioner introduced the report.",
    "There were none." or a file name ("2a.pdf") no. A bracketed note inside a title
    ("Declarations of Interest (to be made under the Code of Conduct)") is not its sentence."""
    words = line.split()
    if not words or len(words) > _MAX_TITLE_WORDS or not line.strip()[0].isalnum() or _FILE_NAME.match(line):
        return False
    if _SUBJUNCTIVE.search(line):
        return False  # "Further information be provided": a resolution's words
    heading = _BRACKETED.sub(" ", line)
    words = heading.split()
    has_verb = bool(_FINITE_VERB.search(heading))
    ends_sentence = heading.rstrip().endswith((".", "?", "!"))
    too_long = len(words) > _MAX_STOPPED_TITLE_WORDS and not _INSTRUCTION.match(heading)
    if ends_sentence and (too_long or has_verb or _NARRATION.match(heading)):
        return False
    return not (has_verb and len(words) > 8)


def _cut_by_the_end(text: str, title_end: int, title: str) -> bool:
    """A title that runs to the very end of a text without a line break may be cut short;
    one followed by download furniture ("... pdf icon PDF") was not."""
    if title_end < len(text.rstrip(" \t|")) or text.endswith("\n"):
        return False
    return " ".join(text[:title_end].split()).endswith(title)


def _number_of(m: re.Match[str]) -> tuple[str, int]:
    """The item number as written (without brackets around a lone number) and where it starts."""
    group = "ref" if m.group("ref") else "num"
    return " ".join(m.group(group).split()), m.start(group)


def _lone_number_items(text: str, lines: list[tuple[int, int]]) -> list[AgendaItem]:
    items: list[AgendaItem] = []
    for i, (ls, le) in enumerate(lines):
        m = _LONE_NUMBER.match(text, ls, le)
        if m is None:
            continue
        j = next_non_empty(text, lines, i)
        if j is None:
            continue
        raw = text[lines[j][0]:lines[j][1]]
        if _LONE_NUMBER.match(raw) or not looks_like_title(clean_title(raw)) or _NARRATION.match(raw.strip()):
            continue
        number, begin = _number_of(m)
        if not number.strip("0"):
            continue  # "0" alone on a line is a web page's counter (shares, downloads), not an item
        if m.group("label"):
            begin = m.start("label")
        k = prev_non_empty(text, lines, i)
        if k is not None and "/" in number and not m.group("ref"):
            p = _PREFIX_LINE.match(text, lines[k][0], lines[k][1])
            if p:
                number, begin = f"{p.group('prefix')} {number}", p.start("prefix")
        title = clean_title(raw)
        title_end = lines[j][0] + len(raw.rstrip())
        if title and not _cut_by_the_end(text, title_end, title):
            items.append(AgendaItem(item_number=number, title=title, span=Span(begin, title_end)))
    return items


def _leading_number(number: str) -> int:
    digits = re.search(r"\d+", number)
    return int(digits.group(0)) if digits else -1


def _in_sequence(items: list[AgendaItem], labelled: list[bool]) -> list[AgendaItem]:
    """The labelled items ("Item 3: ...") and the longest run of the others whose numbers
    never go down: numbered paragraphs inside an item ("1. The Chair welcomed ...") restart
    at 1 and drop out."""
    numbers = [_leading_number(a.item_number) for a in items]
    best: list[list[int]] = []
    for i, n in enumerate(numbers):
        if labelled[i]:
            best.append([])
            continue
        before = [chain for chain in best if chain and numbers[chain[-1]] <= n]
        best.append([*max(before, key=len, default=[]), i])
    keep = set(max(best, key=len, default=[]))
    return [a for i, a in enumerate(items) if i in keep or labelled[i]]


#: a label over a list of papers: "Supplementary papers:", "Responses to questions asked :"
_PAPERS_LABEL = re.compile(r"\b(?:documents?|papers?|appendi(?:x|ces)|attachments?|enclosures?|responses?|"
                           r"questions?)\b[^\n]*:[ \t]*$", re.IGNORECASE)
_ITEMS_WORD = re.compile(r"\b(?:agenda|items?)\b", re.IGNORECASE)
_SUB_NUMBER = re.compile(r"^(?P<parent>\d{1,3})\.\d{1,2}$")
_SUB_LINE = re.compile(r"[ \t]*\d{1,3}\.\d")

Candidate = tuple[AgendaItem, bool, bool]  # (item, written without a separator, labelled)


def _papers_label(line: str) -> bool:
    """A label whose list names papers or questions, not items of business."""
    return bool(_PAPERS_LABEL.search(line)) and not _ITEMS_WORD.search(line)


def _parent(number: str) -> str | None:
    """"4" for a paragraph or sub-item number "4.2"."""
    m = _SUB_NUMBER.match(number)
    return m.group("parent") if m else None


def _inline_candidates(text: str, lines: list[tuple[int, int]]) -> list[Candidate]:
    """Every "3. Title" line that reads as a title, except the entries of a list of papers
    ("Supplementary papers:" / "1 Response to question 2", numbered from 1) and numbered
    paragraphs: when "4.1 The Committee received the report." is a sentence, "4.2 The
    following guests attended:" is a paragraph too."""
    found: list[Candidate] = []
    prose_parents: set[str] = set()
    papers_next: int | None = None  # the number the next entry of a list of papers has
    for ls, le in lines:
        m = _INLINE.match(text, ls, le)
        if m is None:
            line = text[ls:le].strip()
            if line:
                papers_next = 1 if line.endswith(":") and _papers_label(line) else None
            continue
        number, begin = _number_of(m)
        if papers_next is not None and _leading_number(number) == papers_next:
            papers_next += 1
            continue
        papers_next = None
        title = clean_title(m.group("title"))
        bare = not m.group("sep").strip() and not (m.group("label") or m.group("ref") or m.group("open"))
        if not title or not looks_like_title(title) or _MONTH_START.match(title) or _OPEN_END.search(title) \
                or _NARRATION.match(title):
            if (parent := _parent(number)) is not None:
                prose_parents.add(parent)
            continue
        if bare and not title[0].isupper():
            continue
        title_end = m.start("title") + len(m.group("title").rstrip(" \t|"))
        if _cut_by_the_end(text, title_end, title):
            continue
        if m.group("label"):
            begin = m.start("label")
        labelled = bool(m.group("label") or m.group("ref"))
        found.append((AgendaItem(item_number=number, title=title, span=Span(begin, title_end)), bare, labelled))
    return [c for c in found if _parent(c[0].item_number) not in prose_parents]


def _inline_items(found: list[Candidate]) -> list[AgendaItem]:
    # "1 Apologies" without a dot is an item only when such lines run in sequence
    bare_numbers = [_leading_number(a.item_number) for a, bare, _ in found if bare]
    keep_bare = len(bare_numbers) >= 2 and bare_numbers == sorted(bare_numbers)
    kept = [(a, labelled) for a, bare, labelled in found if keep_bare or not bare]
    return _in_sequence([a for a, _ in kept], [labelled for _, labelled in kept])


def _with_sub_items(lone: list[AgendaItem], found: list[Candidate]) -> list[AgendaItem]:
    """The lone-number items and, under item "5.", its sub-items written inline: "5.1 Question
    from a member"."""
    subs = []
    for a, _, _ in found:
        parent = _parent(a.item_number)
        owner = [o for o in lone if o.span.start < a.span.start][-1:]
        if parent is not None and owner and owner[0].item_number == parent:
            subs.append(a)
    return sorted([*lone, *subs], key=lambda a: a.span.start) if subs else lone


def find_numbered_items(text: str, start: int = 0, end: int | None = None) -> list[AgendaItem]:
    """Numbered agenda items in text[start:end], in order of appearance."""
    end = len(text) if end is None else min(end, len(text))
    if not text or start >= end:
        return []
    lines = line_bounds(text, start, end)
    lone = _lone_number_items(text, lines)
    if len(lone) >= 4:  # a lone-number page: only "5.1 ..." sub-item lines can add to it
        return _with_sub_items(lone, _inline_candidates(text, [b for b in lines if _SUB_LINE.match(text, *b)]))
    found = _inline_candidates(text, lines)
    inline = _inline_items(found)
    return _with_sub_items(lone, found) if len(lone) >= len(inline) else inline
