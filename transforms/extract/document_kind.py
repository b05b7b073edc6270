"""What kind of document a text is, and the cue that says so.

The kinds: ``minutes`` (minutes or notes of a meeting), ``agenda`` (an agenda without
minutes: still parsed, its header and items are facts), ``listing`` (an index page of
meetings or documents: kept as a document, yields no meeting facts) and ``not_minutes``
(data files such as JSON, CSV, XML, source code, or text with no sign of a meeting record:
quarantined). The classifier is deliberately cautious: a text is refused only on a plain
cue, and every real minutes document in the reference corpus is kept.

    >>> classify('{"meeting": {"date": "2024-05-01"}}').kind
    'not_minutes'
    >>> classify('{"meeting": {"date": "2024-05-01"}}').reason
    'JSON data, not meeting minutes'
    >>> classify("Police and Crime Panel\\nMinutes of the meeting held on 1 May 2024\\nPresent: Cllr A Jones").kind
    'minutes'
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from transforms.extract.sniff import looks_like_html

MINUTES, AGENDA, LISTING, NOT_MINUTES = "minutes", "agenda", "listing", "not_minutes"

#: words that only a meeting record (or its agenda) uses; two different ones are a sign of one.
#: The look-ahead holds the words' first letters: re then passes most word starts with one test
#: instead of trying every word (the same matches, about twice as fast)
_MEETING_CUES = re.compile(
    r"\b(?=[mpaicrbdhn])(minutes|meeting|present|apologies|attend(?:ance|ees|ed|ing)|agenda|chair(?:man|person|ed)?"
    r"|resolved|actions?|panel|board|committee|commissioner|councillors?|cllr|decisions?|item"
    r"|notes? of|held (?:on|at))\b",
    re.IGNORECASE,
)
#: what only minutes (not an agenda or a listing) record: who came, what was resolved or done
_RECORD_CUES = re.compile(
    r"^\s*(?:present|apologies|attendees|in attendance|members present|also present|attendance)\b"
    r"|\bresolved\b|\bapologies (?:for absence )?(?:were )?received\b|\baction(?:s)? (?:log|arising|points?)\b",
    re.IGNORECASE | re.MULTILINE,
)
_DATE = re.compile(
    r"\b\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{4}\b"
    r"|\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b",
    re.IGNORECASE,
)
_DOC_WORD = re.compile(r"\b(minutes|agenda|meeting|pdf|kb|mb|download)\b", re.IGNORECASE)
_JSON_START = re.compile(r'^\s*(?:\{\s*"|\[\s*(?:[\[{"\d-]|true|false|null|\]))')
_XML_START = re.compile(r"^\s*<(?:\?xml|[A-Za-z][\w:.-]*(?:\s[^<>]*)?>\s*<[A-Za-z])")
_CODE_LINE = re.compile(
    r"^\s*(?:def |class \w+|import \w|from [\w.]+ import|function\b|var |const |let |#include|package \w"
    r"|public |private |return\b|if \(|for \(|while \()|[;{}]\s*$"
)


@dataclass(frozen=True)
class DocumentKind:
    """A kind and the cue it was judged by (``reason`` is the sentence for a refusal)."""

    kind: str
    cue: str

    @property
    def reason(self) -> str:
        return self.cue


def _lines(text: str, limit: int = 200) -> list[str]:
    """The first ``limit`` non-blank lines of ``text`` (as ``str.splitlines`` cuts them), split
    from a growing prefix rather than the whole text."""
    size = 8192
    while True:
        complete = size >= len(text)
        pieces = text[:size].splitlines()
        if not complete:
            pieces.pop()  # may be cut short; every line before it is whole
        out = [line for line in pieces if line.strip()][:limit]
        if complete or len(out) >= limit:
            return out
        size *= 4


def data_file_kind(text: str) -> str | None:
    """"JSON data" / "CSV data" / "XML data" / "source code" when ``text`` is plainly one."""
    head = text[:65536].lstrip("\ufeff")
    if _JSON_START.match(head):
        try:
            json.loads(text.lstrip("\ufeff"))
            return "JSON data"
        except ValueError:
            if head.lstrip().startswith(('{"', "[{")) or head.lstrip().startswith("{\n"):
                return "JSON data"
    if _XML_START.match(head) and not looks_like_html(head):
        return "XML data"
    lines = _lines(head, 50)
    if len(lines) >= 3:
        for sep in (",", "\t", ";"):
            counts = [line.count(sep) for line in lines]
            if counts[0] >= 2 and sum(c == counts[0] for c in counts) >= 0.9 * len(counts):
                if not _MEETING_CUES.search(lines[0]) or sep != ",":
                    return "CSV data" if sep != "\t" else "tab-separated data"
        if len(lines) >= 5 and _mostly_code(lines):
            return "source code"
    return None


def _mostly_code(lines: list[str]) -> bool:
    """At least 60% of ``lines`` read as source code (stops once too many do not)."""
    enough = 0.6 * len(lines)
    prose = 0
    for line in lines:
        if not _CODE_LINE.search(line):
            prose += 1
            if len(lines) - prose < enough:
                return False
    return True


def _listing_cue(lines: list[str]) -> str | None:
    """An index of meetings: many short lines each naming a document and a date."""
    dated = [line for line in lines if _DATE.search(line) and _DOC_WORD.search(line) and len(line) < 160]
    dates = {_DATE.search(line).group(0).lower() for line in dated}  # type: ignore[union-attr]
    if len(dated) >= 8 and len(dates) >= 6 and len(dated) >= 0.4 * len(lines):
        return f"a listing of {len(dates)} dated meetings or documents, not one meeting's record"
    return None


def _cues(text: str) -> tuple[set[str], re.Match[str] | None]:
    """The meeting cues and the first record cue, read from the top of the text first: most
    minutes show two cues and a record cue early, and the rest need not be read."""
    for limit in (20000, 200000):
        head = text[:limit]
        cues = {m.group(1).lower() for m in _MEETING_CUES.finditer(head)}
        record = _RECORD_CUES.search(head)
        if (len(cues) >= 2 and record is not None) or limit >= len(text):
            break
    return cues, record


def classify(text: str) -> DocumentKind:
    """The kind of a decoded text (before or after HTML is turned into text), with its cue."""
    data = data_file_kind(text)
    if data:
        return DocumentKind(NOT_MINUTES, f"{data}, not meeting minutes")
    cues, record = _cues(text)
    if len(cues) < 2 and record is None:
        shown = f" (only '{next(iter(cues))}')" if cues else ""
        return DocumentKind(NOT_MINUTES, f"no sign of a meeting record{shown}: not meeting minutes")
    if record is None:
        listing = _listing_cue(_lines(text, 400))
        if listing:
            return DocumentKind(LISTING, listing)
        if "agenda" in cues:
            return DocumentKind(AGENDA, "an agenda: no attendance, resolutions or actions recorded")
    return DocumentKind(MINUTES, f"meeting record cues: {', '.join(sorted(cues)[:5])}")
