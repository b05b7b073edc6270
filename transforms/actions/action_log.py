"""Action logs in the shapes boards and panels use for them, wherever the page puts them:

* numbered action points raised at the meeting: "Action Point 1: CC to review the plan",
  "AP4 - DCC to report on recruitment", "Action 12/2019/P: Supt Rowe to report back"
  (an owner, then "to"/"will" and a verb; a line ending in a status word is a report, not a
  new action);
* references listed in a sentence with their status: "the following actions can be closed as
  completed: 20, 33, 34 and 52", "Actions 7 and 17 remain open", "Action 12 was discharged";
* a schedule of earlier actions, one row per action, a status cell in the row: table rows
  ("12/2019/P | Review the estates strategy | CC | Discharged") anywhere, and, after an
  "Action log" / "Outstanding actions" / "Matters arising" heading, plain lines that start with
  a reference and end in a status word ("14/2030 Review of custody provision Ongoing").

References may carry a year and a letter ("12/2019/P"), a hash ("#555") or an "AP" prefix.
Status words are data: ``quirks/action_status_words.csv`` (read by ``actions.action_status``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from transforms.actions.new_actions import OWNER_CLAUSE, action_status, make_action
from transforms.actions.owners import owner_names
from transforms.models import Action, ActionUpdate, Attendance, Span
from transforms.text.lines import iter_line_bounds
from transforms.text.literal_guard import fold
from transforms.text.spans import clean, trimmed

#: "35/24", "12/2019/P", "716a", a plain "16"
LOG_REF = r"\d{1,4}(?:[ \t]*/[ \t]*\d{2,4}){0,2}(?:/[A-Z]{1,4})?[a-z]?"
_REF_LIST = rf"(?P<refs>#?{LOG_REF}(?:[ \t]*(?:,|&|\band\b)[ \t]*#?{LOG_REF})*)"
#: "Action Point 1:", "AP4 -", "Action 12/2019/P:" at a line start
_ACTION_POINT = re.compile(
    rf"^[ \t]*(?:[•·*\-–][ \t]*)?(?P<label>Action[ \t]+Point|AP|Action)[ \t]*(?:No\.?[ \t]*)?#?(?P<ref>{LOG_REF})"
    r"[ \t]*[:\-–—.)][ \t]*(?P<rest>\S.*)$", re.IGNORECASE | re.MULTILINE)
#: "the following actions can be closed as completed: 20, 33 and 52"
_LEAD_THEN_REFS = re.compile(rf"\bactions\b(?P<lead>[^.:\n]{{0,120}}):[ \t]*{_REF_LIST}", re.IGNORECASE)
#: "Actions 7 and 17 remain open", "Action 12 was discharged", "Action No. 9 is complete"
_REFS_THEN_STATUS = re.compile(
    rf"\bactions?[ \t]+(?:Nos?\.?[ \t]*)?{_REF_LIST}[ \t]+(?P<verb>were|was|are|is|remains?|have been|has been|"
    r"can be|to be|had been|will be)\b(?P<rest>[^.\n]{0,80})", re.IGNORECASE)
#: a table row: cells between " | " or tabs
_CELL_SPLIT = re.compile(r"[ \t]*\|[ \t]*|\t+")
_REF_CELL = re.compile(rf"^(?:Action(?:[ \t]+Point)?[ \t]*|AP[ \t]*|#)?(?P<ref>{LOG_REF})\.?$", re.IGNORECASE)
#: headings that open an action log, also shared with the minutes: "2. Minutes and action log"
_LOG_HEADING = re.compile(
    r"^[ \t]*(?:\d{1,3}[.)]?[ \t]+)?"
    r"(?:(?:(?:the[ \t]+)?(?:previous[ \t]+)?minutes|matters arising)[ \t]+(?:and|&)[ \t]+)?"
    r"(?:(?:review of |update on )?(?:the )?(?:action(?:s)?[ \t]+(?:log|schedule|tracker|"
    r"register|sheet|update|updates|arising|from (?:the )?(?:previous|last) meeting)|outstanding actions|"
    r"matters arising))\b", re.IGNORECASE | re.MULTILINE)
#: a plain line in an action log: a reference, the action, a status word at the end
_LOG_LINE = re.compile(rf"^[ \t]*(?:Action[ \t]+|AP[ \t]*|#)?(?P<ref>{LOG_REF})[.)]?[ \t]+(?P<rest>\S.*\S)[ \t]*$",
                       re.IGNORECASE | re.MULTILINE)


def complete_action_log(text: str, actions: Sequence[Action], updates: Sequence[ActionUpdate], *,
                        people: Sequence[Attendance] = (), meeting_date: date | None = None
                        ) -> tuple[list[Action], list[ActionUpdate]]:
    """``actions`` and ``updates`` plus the action points and log updates the layout's own
    strategies did not read: nothing found is replaced, a reference is not added twice, and a
    line read as a new action is not also an update. Run once after any layout."""
    actions, updates = list(actions), list(updates)
    taken = [a.span for a in actions]
    refs = {a.action_ref for a in actions}
    added = [a for a in find_action_points(text, people=people, meeting_date=meeting_date)
             if not _overlaps(a.span, taken) and a.action_ref not in refs]
    taken += [a.span for a in added]
    known = {u.action_ref for u in updates} | {a.action_ref for a in actions + added if a.action_ref}
    more = [u for u in find_log_updates(text) if u.action_ref not in known and not _overlaps(u.span, taken)]
    if added:
        actions = sorted(actions + added, key=lambda a: a.span.start)
        # "Action 3: TR will brief the Board" raises action 3; the layout's reading of it as a
        # report on action 3 goes
        updates = [u for u in updates if not _overlaps(u.span, [a.span for a in added])]
    if more:
        updates = sorted(updates + more, key=lambda u: u.span.start)
    return actions, updates


def _overlaps(span: Span, spans: list[Span]) -> bool:
    return any(s.start < span.end and span.start < s.end for s in spans)


def find_action_points(text: str, start: int = 0, end: int | None = None, *,
                       people: Sequence[Attendance] = (), meeting_date: date | None = None) -> list[Action]:
    """Numbered action points raised at the meeting.

    >>> [(a.action_ref, a.owner) for a in find_action_points("Action Point 1: CC to review the plan.")]
    [('1', 'CC')]
    """
    end = len(text) if end is None else end
    found = []
    for m in _ACTION_POINT.finditer(text, start, end):
        rest = m.group("rest")
        who = OWNER_CLAUSE.match(rest)  # an owner and a verb: "CC to review", "Jo Hale will report"
        if who is None or action_status(rest[-30:]) is not None:
            continue
        desc = trimmed(text, m.start("rest"), m.end("rest"))
        found.append(make_action(text, m.start(), desc, m.group("ref"), people, meeting_date,
                                  owner=owner_names(who.group("who"), people)))
    return found


def find_log_updates(text: str, start: int = 0, end: int | None = None) -> list[ActionUpdate]:
    """Reports on earlier actions in sentences, schedule tables and action-log lines."""
    end = len(text) if end is None else end
    found: list[ActionUpdate] = []
    # the sentence patterns and the log headings all hold "action" (or "matters arising"): a page
    # without the word is not searched with them (case folded as re.IGNORECASE reads it)
    folded = fold(text[start:end])
    if "action" in folded:
        for m in _LEAD_THEN_REFS.finditer(text, start, end):
            status = action_status(m.group("lead"))
            if status:
                found.extend(_each(m.group("refs"), status, trimmed(text, m.start(), m.end())))
        for m in _REFS_THEN_STATUS.finditer(text, start, end):
            status = action_status(m.group("verb") + m.group("rest"))
            if status:
                found.extend(_each(m.group("refs"), status, trimmed(text, m.start(), m.end())))
    found.extend(_schedule_rows(text, start, end))
    if "action" in folded or "arising" in folded:
        found.extend(_log_lines(text, start, end))
    return _first_per_ref(found)


def _each(refs: str, status: tuple[str, str], span: Span, note: str | None = None) -> list[ActionUpdate]:
    return [ActionUpdate(action_ref=re.sub(r"\s+", "", ref), status=status[0], status_as_written=status[1],
                         span=span, note=note)
            for ref in re.findall(LOG_REF, refs)]


def _schedule_rows(text: str, start: int, end: int) -> list[ActionUpdate]:
    """Table rows whose first cell is a reference and one of whose cells opens with a status."""
    found: list[ActionUpdate] = []
    if "|" not in text[start:end] and "\t" not in text[start:end]:
        return found  # no table: most pages
    for line_start, line_end in iter_line_bounds(text, start, end):
        line = text[line_start:line_end]
        if "|" not in line and "\t" not in line:
            continue
        cells = [c for c in _CELL_SPLIT.split(line.strip(" \t|")) if c]
        ref = _REF_CELL.match(cells[0]) if len(cells) >= 3 else None
        status = next((s for c in cells[2:] if (s := _cell_status(c))), None) if ref else None
        if ref and status:
            found.extend(_each(ref.group("ref"), status, trimmed(text, line_start, line_end), clean(cells[1]) or None))
    return found


def _cell_status(cell: str) -> tuple[str, str] | None:
    """The status a cell states when it opens with its status word: "Discharged", "Ongoing -
    update in May"; a sentence that merely contains "open" is not a status cell."""
    status = action_status(cell[:25])
    if status is None or not cell.lower().startswith(status[1].lower().split()[0]):
        return None
    return status


def _log_lines(text: str, start: int, end: int) -> list[ActionUpdate]:
    """Plain lines after an action-log heading: "<ref> <action text> <status>"."""
    heading = _LOG_HEADING.search(text, start, end)
    if heading is None:
        return []
    found = []
    for m in _LOG_LINE.finditer(text, heading.end(), end):
        if "|" in m.group(0) or "\t" in m.group(0):
            continue  # a table row: read by _schedule_rows
        rest = m.group("rest")
        status = action_status(rest[-30:])
        if status is None or not rest.lower().endswith(status[1].lower()):
            continue
        note = clean(rest[: len(rest) - len(status[1])]).strip(" -–:") or None
        found.extend(_each(m.group("ref"), status, trimmed(text, m.start(), m.end()), note))
    return found


def _first_per_ref(updates: list[ActionUpdate]) -> list[ActionUpdate]:
    seen: set[str] = set()
    out = []
    for u in sorted(updates, key=lambda u: u.span.start):
        if u.action_ref not in seen:
            seen.add(u.action_ref)
            out.append(u)
    return out
