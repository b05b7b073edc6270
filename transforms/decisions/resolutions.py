"""Formal resolutions as minutes write them: "RESOLVED that ...", "Resolved – That ...",
"UNANIMOUSLY RESOLVED that ...", "The Committee resolved that ...", "It was resolved to ...",
"AGREED that ...", "RESOLVED:" or "AGREED:" alone with the words on the next lines, "Agreed: ..." as a label, and the
bare "That X be appointed ..." paragraph that is an item's resolution. A "DECISION: ..." label
in a panel page gives a Decision of kind "decision" (its words without the label).

A resolution runs to the end of its line. When that line introduces a list ("RESOLVED that
the Panel:" / "RESOLVED that:-"), the lettered, numbered or bulleted lines that follow belong
to it and make one resolution, as the labelling rules read them. A line that stops on a
connective ("... of the Westshire Police and") continues on the next non-empty line.

Example::

    >>> [d.text for d in find_resolutions("Minutes:\\nRESOLVED that the report be noted.\\n")]
    ['RESOLVED that the report be noted.']
"""

from __future__ import annotations

import re

from transforms.models import Decision, Span
from transforms.text.lines import line_bounds, next_non_empty, prev_non_empty
from transforms.text.literal_guard import fold

#: "RESOLVED" in capitals anywhere; "Resolved" at a line start (after a paragraph number or
#: "Minutes:"); "The Panel resolved that", "It was resolved to"; "AGREED that" in capitals.
#: Each opener comes with the words a line must hold for it to match (case-blind ones in lower
#: case), so that most lines cost no regex at all; a tuple of patterns is one opener whose
#: alternatives are tried in turn (the first that matches counts).
_OPENERS: tuple[tuple[tuple[re.Pattern[str], ...], tuple[str, ...], tuple[str, ...]], ...] = (
    ((re.compile(r"(?<![\w-])(?:UNANIMOUSLY\s+)?RESOLVED\b"),), ("RESOLVED",), ()),
    ((re.compile(r"^[ \t]*(?:\(?\d{1,2}[.)]|\(?[a-z][.)])?[ \t]*(?P<start>(?:Unanimously\s+)?Resolved\b)",
                 re.IGNORECASE),
      # "... Minutes: Resolved": apart, so that a long line without "minutes:" is not scanned
      re.compile(r"^.*?\bMinutes:[ \t]*(?P<start>(?:Unanimously\s+)?Resolved\b)", re.IGNORECASE)),
     (), ("resolved",)),
    ((re.compile(r"^[ \t]*(?P<start>(?:It\s+was\s+(?:[a-z]+\s+)?resolved|(?:The\s+)?(?:Panel|Committee|Board|"
                 r"Authority|Sub-Committee|Members)\s+(?:unanimously\s+)?resolved))(?=\s*(?:that\b|to\b|[:,–-]|$))",
                 re.IGNORECASE),), (), ("resolved",)),
    ((re.compile(r"(?<![\w-])AGREED\b(?=\s*(?:[:,–-]|that\b|to\b|That\b|To\b|$))"),), ("AGREED",), ()),
    # "Agreed: that the report be noted" / "Agreed – to defer": the label at a line start
    ((re.compile(r"^[ \t]*(?:\(?\d{1,2}[.)])?[ \t]*(?P<start>Agreed)[ \t]*(?::|[–—-][ \t])"),), ("Agreed",), ()),
)
#: a word one of the openers (or the decision label) needs: a line without it opens nothing
_OPENER_WORD = re.compile(r"(?i:resolved)|AGREED|Agreed|DECISION|Decision")
#: "DECISION: That ..." / "Decision – the Panel approved ...": a labelled decision in a panel page
_DECISION_LABEL = re.compile(r"^[ \t]*(?:\(?\d{1,2}[.)]|\(?[a-z][.)])?[ \t]*(?P<start>(?:DECISION|Decision)S?)"
                             r"[ \t]*[:–-][ \t]*(?=\S|$)", re.MULTILINE)
#: an opener with nothing after it on its line ("RESOLVED:", "Resolved –", "AGREED that:-"):
#: the resolution's words are on the lines that follow
_BARE_OPENER = re.compile(r"[\s:,;.–—-]*(?:that|to)?[\s:,;.–—-]*", re.IGNORECASE)
#: "That X be appointed ...": a paragraph of its own that starts with "That".
_BARE_THAT = re.compile(r"^[ \t]*That\s+\S.*\b(?:be|is|are)\b", re.IGNORECASE)
#: "1. The presentation be received.": a numbered paragraph in the subjunctive of a resolution
#: whose "RESOLVED that:-" line is not in the text ("be" with no "to", "will", "not" or other
#: modal before it)
_NUMBERED_SUBJUNCTIVE = re.compile(
    r"^[ \t]*\(?\d{1,2}[.)][ \t]+(?:That\s+)?(?P<subject>[A-Z][^.,;:\n]{2,160}?)\s+be\s+[a-z]+(?:ed|en|wn)\b")
_NOT_SUBJUNCTIVE = re.compile(r"\b(?:to|will|would|shall|should|may|might|must|can|could|not|also|cannot)$|"
                              r"\bthat\b", re.IGNORECASE)
#: a line that continues a list introduced by the resolution: "(a)", "1)", "2.", "ii.", "-", "•"
_LIST_ITEM = re.compile(r"^[ \t]*(?:\(?(?:\d{1,2}|[a-z]|[ivx]{1,4})[.)]|[-•·▪◦●]|\u2022)[ \t]*\S")
#: the extract stage may leave the "... view the full minutes text for item 106." marker
_TRUNCATION = re.compile(r"\s*(?:\.\.\.|…)?\s*view the full minutes text for item\s*\S*", re.IGNORECASE)
#: a line ending on one of these words goes on
_CONNECTIVE_END = re.compile(r"\b(?:and|or|of|the|to|for|in|on|with|by|that|a|an|be|from|at)$",
                             re.IGNORECASE)
_INTRODUCES_LIST = re.compile(r"(?::-?|–|—|\s-|following)$")
#: labels that start the agenda description/minutes of an item rather than a resolution
_ITEM_LABEL = re.compile(r"^[ \t]*(?:Additional documents|Minutes|Supporting documents)\s*:", re.IGNORECASE)
_MOTION_MOVED = re.compile(r"\b(?:moved|seconded)\b.*[-–—]\s*$", re.IGNORECASE)
_CARRIED = re.compile(r"^\s*(?:motion\s+|amendment\s+)?carried\b", re.IGNORECASE)
_TABLE_TAIL = re.compile(r"[\s|]+$")


def _opening(line: str, pos: int = 0) -> tuple[int, int, str] | None:
    """(start, end of the opening words, kind) of the first resolution or labelled decision in
    ``line`` at or after ``pos``, or None."""
    if pos >= len(line) or _OPENER_WORD.search(line, pos) is None:  # most lines: one quick look
        return None
    folded: str | None = None
    best: tuple[int, int, str] | None = None
    for patterns, words, blind_words in _OPENERS:
        if any(line.find(w, pos) < 0 for w in words):
            continue
        if blind_words:
            folded = fold(line) if folded is None else folded  # as long as ``line``
            if any(folded.find(w, pos) < 0 for w in blind_words):
                continue
        m = next((m for p in patterns if (m := p.search(line, pos)) is not None), None)
        if m is None:
            continue
        group = "start" if "start" in m.re.groupindex else 0
        found = (m.start(group), m.end(group), "resolution")
        best = found if best is None or found < best else best
    if line.find("DECISION", pos) >= 0 or line.find("Decision", pos) >= 0:
        m = _DECISION_LABEL.search(line, pos)
        if m is not None and (best is None or m.start("start") < best[0]):
            best = (m.end(), m.end(), "decision")  # the decision's words, without the label
    return best


def _is_bare_that_resolution(text: str, lines: list[tuple[int, int]], i: int) -> bool:
    """A "That ..." line is a resolution unless it is agenda text (a "Minutes:" or
    "Additional documents:" label follows) or a motion that was not carried."""
    line = text[lines[i][0]:lines[i][1]]
    numbered = _NUMBERED_SUBJUNCTIVE.match(line)
    if numbered and not _NOT_SUBJUNCTIVE.search(numbered.group("subject")) and len(line.split()) <= 60:
        return True
    if line.lstrip()[:4] != "That" or not _BARE_THAT.match(line):
        return False
    following = next_non_empty(text, lines, i)
    if following is not None and _ITEM_LABEL.match(text[lines[following][0]:lines[following][1]]):
        return False
    before = prev_non_empty(text, lines, i)
    if before is not None and _MOTION_MOVED.search(text[lines[before][0]:lines[before][1]]):
        # "Moved by X and seconded by Y -" / "That ...": a motion; it stands only if carried
        return following is not None and bool(
            _CARRIED.match(text[lines[following][0]:lines[following][1]]))
    return True


def _extend(text: str, lines: list[tuple[int, int]], i: int, first_text: str, bare: bool = False) -> int:
    """Index of the last line that belongs to the resolution starting on line ``i``. A ``bare``
    opener ("RESOLVED:" alone) takes the next non-empty line whatever it is."""
    last, current = i, first_text.rstrip()
    lead: str | None = None
    while True:
        j = next_non_empty(text, lines, last)
        if j is None:
            return last
        nxt = text[lines[j][0]:lines[j][1]]
        if _opening(nxt) is not None or _ITEM_LABEL.match(nxt):
            return last
        if bare:
            bare = False
            lead = nxt.split()[0] if nxt.split() and nxt.split()[0] in ("That", "To") else None
        elif lead is not None and nxt.split()[0] == lead:
            pass  # "RESOLVED:" / "That A." / "That B.": paragraphs of one resolution
        elif _INTRODUCES_LIST.search(current) or (_LIST_ITEM.match(nxt) and _LIST_ITEM.match(current)):
            if not _LIST_ITEM.match(nxt) or (_LIST_ITEM.match(current) and _marker(nxt) != _marker(current)):
                return last  # "(b) To ask ..." then "7. Annual report": the next agenda item
        elif not _CONNECTIVE_END.search(current):
            return last
        last, current = j, _TABLE_TAIL.sub("", nxt).rstrip()


def _marker(line: str) -> tuple[str, str]:
    """The style of a list line's marker: "(a)" and "(ii)" -> ("(", "a"); "7." -> ("", "1")."""
    m = re.match(r"[ \t]*(\(?)(\d+|[a-z]+)?([.)]?)", line)
    if m is None or m.group(2) is None:
        return ("", "•")
    return (m.group(1) + m.group(3), "1" if m.group(2).isdigit() else "a")


def _block_text(text: str, start: int, end: int) -> str:
    """The resolution as written: lines stripped, blank lines dropped, joined by newlines."""
    parts = [_TABLE_TAIL.sub("", ln).strip() for ln in text[start:end].split("\n")]
    return "\n".join(p for p in parts if p)


def find_resolutions(text: str, start: int = 0, end: int | None = None) -> list[Decision]:
    """Every resolution in text[start:end], in order, each a Decision of kind "resolution"
    whose span covers the resolution as written (item_number is left to the caller)."""
    end = len(text) if end is None else min(end, len(text))
    if not text or start >= end:
        return []
    lines = line_bounds(text, start, end)
    found: list[Decision] = []
    i = 0
    while i < len(lines):
        ls, le = lines[i]
        line = text[ls:le]
        opened = _opening(line)
        if opened is None and _is_bare_that_resolution(text, lines, i):
            numbered = _NUMBERED_SUBJUNCTIVE.match(line)
            at = numbered.start("subject") if numbered else len(line) - len(line.lstrip())
            opened = (at, at + 4, "resolution")
        if opened is None:
            i += 1
            continue
        at = opened[0]
        # a second opener later on the same line starts another resolution
        second = _opening(line, opened[1])
        again = None if second is None else second[0] - at - 1
        line_end = ls + second[0] if second is not None else le
        bare = second is None and bool(_BARE_OPENER.fullmatch(line, opened[1]))
        last = i if second is not None else _extend(text, lines, i, line[at:], bare)
        block_end = line_end if last == i else lines[last][1]
        body = text[ls + at:block_end]
        cut = _TRUNCATION.search(body)
        if cut:
            block_end = ls + at + cut.start()
        block_end = ls + at + len(_TABLE_TAIL.sub("", text[ls + at:block_end]))
        words = _block_text(text, ls + at, block_end)
        if len(words.split()) >= 2:
            found.append(Decision(text=words, kind=opened[2], span=Span(ls + at, block_end)))
        if again is not None:
            # re-read the same line from the second opener
            text_line_start = ls + at + 1 + again
            lines[i] = (text_line_start, le)
            continue
        i = last + 1
    return found
