"""Reports on earlier actions, by reference.

"Action 22/24 - Ports EES. CLOSED", "2a. Action 3/24 ... update", "Action 16 Pending",
"Actions 4/24 and 5/24 - discharged" at a line start (after a bullet or an item number too);
"Action No(s)." anywhere in a sentence: "Members noted that Action Nos. 4 and 5 were completed."
Plain numbers ("Action 16", "Action Nos. 28, 29 and 32") are references like "22/24".

The status, first that applies:

1. the last status word after the references on the line ("... Ports EES. CLOSED"); for a
   reference inside a sentence, the rest of that sentence;
2. a sentence wrapped onto the next line: "Action No. 7 from the meeting held on 9 May\\nwas
   completed.";
3. the lead-in of the list the line is in: "the following actions were now completed:" followed
   by bulleted "Action No. 18 from ..." lines gives each of them "completed".

With none of these the action is being reported on and stays "open" (``status_as_written`` None).
Status words are data: ``quirks/action_status_words.csv``.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from transforms.actions.new_actions import ACTION_REF, action_status, find_new_actions
from transforms.models import ActionUpdate, Span
from transforms.text.spans import clean, trimmed

_REFS = rf"(?P<refs>{ACTION_REF}(?:[ \t]*(?:,|&|and)[ \t]*#?{ACTION_REF})*)\b"
_BULLET = r"[•·▪◦●*\-–]"
#: "Action 22/24 - CLOSED", "2a. Action 3/24 ...", "• Action Nos. 28, 29 and 32 from ..."
_UPDATE = re.compile(
    rf"^[ \t]*(?P<bullet>{_BULLET}[ \t]*)?(?:(?P<item>\d{{1,3}}[a-z]?)[.)][ \t]+)?Actions?[ \t]*"
    rf"(?:Nos?\.?[ \t]*|#[ \t]*)?{_REFS}(?P<rest>.*)$", re.IGNORECASE | re.MULTILINE)
#: "... noted that Action Nos. 4 and 5 were completed": numbered references inside a sentence
_NUMBERED_IN_SENTENCE = re.compile(rf"(?<![\w/])Actions?[ \t]+Nos?\.?[ \t]*{_REFS}", re.IGNORECASE)
_BULLET_LINE = re.compile(rf"[ \t]*{_BULLET}[ \t]+\S")
#: a "sentence" longer than this is a page without full stops: its status is not looked for further
MAX_SENTENCE = 600
#: where a sentence stops: a full stop (not in "No." or "22.5") and the like, then a space
_SENTENCE_END = re.compile(r"(?<!\bNo)(?<!\bNos)[.!?](?=\s|$)", re.IGNORECASE)


def find_action_updates(text: str, start: int = 0, end: int | None = None) -> list[ActionUpdate]:
    """Reports on earlier actions in text[start:end], in order of appearance.

    >>> [(u.action_ref, u.status, u.status_as_written) for u in
    ...  find_action_updates("Action 22/24 - Ports EES. CLOSED\\nAction 26/24 - carried forward")]
    [('22/24', 'closed', 'CLOSED'), ('26/24', 'carried_forward', 'carried forward')]
    >>> t = "The following actions were completed:\\n\\n- Action Nos. 28 and 32 from May."
    >>> [(u.action_ref, u.status, u.status_as_written) for u in find_action_updates(t)]
    [('28', 'closed', 'completed'), ('32', 'closed', 'completed')]

    Lines that raise new actions ("New action 9/24", numbered lines under a "New actions"
    heading) are not updates.
    """
    end = len(text) if end is None else min(end, len(text))
    raised = _Covered([a.span for a in find_new_actions(text, start, end)])
    leads = _LeadIns(text, start)
    found: list[tuple[int, list[ActionUpdate]]] = []
    line_starts: set[int] = set()
    for m in _UPDATE.finditer(text, start, end):
        line_starts.add(m.start())
        if raised.covers(m.start("refs")):
            continue
        rest = m.group("rest")
        status = (action_status(rest) or _wrapped_status(text, m.end(), end, rest)
                  or leads.status_before(m.start()))
        span = trimmed(text, m.end("bullet") if m.group("bullet") else m.start(), m.end())  # not the bullet
        found.append((m.start(), _updates(m.group("refs"), rest, status, span)))
    for m in _NUMBERED_IN_SENTENCE.finditer(text, start, end):
        line_start = text.rfind("\n", 0, m.start()) + 1
        if max(line_start, start) in line_starts or raised.covers(m.start("refs")):
            continue  # the line's own update, or an action being raised
        stop = _sentence_stop(text, m.end(), end)
        rest = text[m.end():stop]
        found.append((m.start(), _updates(m.group("refs"), rest, action_status(rest), trimmed(text, m.start(), stop))))
    return [u for _, updates in sorted(found, key=lambda f: f[0]) for u in updates]


class _Covered:
    """The positions inside any of some spans, asked in O(log n) (a long page raises hundreds of
    actions and reports on hundreds).

    >>> _Covered([Span(5, 9), Span(7, 12)]).covers(10), _Covered([Span(5, 9)]).covers(9)
    (True, False)
    """

    def __init__(self, spans: list[Span]):
        self.starts: list[int] = []
        self.ends: list[int] = []
        for span in sorted(spans, key=lambda s: s.start):
            if span.end <= span.start:
                continue
            if self.ends and span.start <= self.ends[-1]:
                self.ends[-1] = max(self.ends[-1], span.end)  # overlapping or touching: one run
            else:
                self.starts.append(span.start)
                self.ends.append(span.end)

    def covers(self, pos: int) -> bool:
        i = bisect_right(self.starts, pos) - 1
        return i >= 0 and pos < self.ends[i]


def _updates(refs: str, rest: str, status: tuple[str, str] | None, span: Span) -> list[ActionUpdate]:
    """One update per reference of ``refs``, all with the same status, note and span."""
    note = clean(rest).strip(" -–—:.,") or None
    if status and note and note.lower() == status[1].lower():
        note = None
    return [ActionUpdate(action_ref=re.sub(r"\s+", "", ref), status=status[0] if status else "open",
                         status_as_written=status[1] if status else None, span=span, note=note)
            for ref in re.findall(ACTION_REF, refs)]


def _wrapped_status(text: str, line_end: int, end: int, rest: str) -> tuple[str, str] | None:
    """The status words of a sentence that goes on, in lower case, on the next line."""
    if rest.rstrip().endswith((".", "!", "?", ":")) or line_end >= end:
        return None
    following = text[line_end + 1:line_end + 2]
    if not following.islower():
        return None
    return action_status(text[line_end + 1:_sentence_stop(text, line_end + 1, end)])


def _sentence_stop(text: str, pos: int, end: int) -> int:
    """Where the sentence running at ``pos`` stops: its full stop, a blank line, a line that
    does not go on in lower case, or ``MAX_SENTENCE`` characters on."""
    end = min(end, pos + MAX_SENTENCE)
    while True:
        line_end = text.find("\n", pos, end)
        line_end = end if line_end < 0 else line_end
        m = _SENTENCE_END.search(text, pos, line_end)
        if m is not None:
            return m.end()
        if line_end >= end or not text[line_end + 1:line_end + 2].islower():
            return line_end
        pos = line_end + 1


class _LeadIns:
    """The status a list's lead-in line gives its items ("... were completed:"), found walking
    back over blank lines and list items; the walk resumes where the previous one started so
    that a long list costs one pass."""

    def __init__(self, text: str, start: int):
        self.text, self.start = text, start
        self.walked_to: int | None = None  # the line start the previous walk began at
        self.found: tuple[str, str] | None = None

    def status_before(self, line_start: int) -> tuple[str, str] | None:
        text, pos = self.text, line_start
        while pos > self.start:
            prev_start = max(text.rfind("\n", 0, pos - 1) + 1, self.start)
            if prev_start == self.walked_to:
                break  # the lines above were walked already: the same lead-in holds
            line = text[prev_start:pos - 1 if text[pos - 1:pos] == "\n" else pos]
            if line.strip() and not (_BULLET_LINE.match(line) or _UPDATE.match(line)):
                self.found = action_status(line) if line.rstrip().endswith(":") else None
                break
            pos = prev_start
        else:
            self.found = None
        self.walked_to = line_start
        return self.found
