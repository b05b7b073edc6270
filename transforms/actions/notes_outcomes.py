"""Actions and action updates in commissioners' board notes.

New actions: "ACTION: JW to provide ...", "Action – LS to arrange ...", "Action SN send ...",
bullets under an "Actions" heading ("- **Force: update at next meeting on ...**") and the rows
of an "Overview of Actions" table; an action both bulleted and tabled is one action (the row).
Updates: "Action 496 Work is in progress.", "Action #617 – ... Closed.", and "Reference –
17/2022, 18/2022" under "actions were agreed as completed". (Their decisions are read by
``transforms.decisions.approval_sentences``.)
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from transforms.actions.new_actions import due_date
from transforms.actions.owners import COLLECTIVE_OWNER, owner_after, owner_names_all_or_none
from transforms.actions.table import normalise_status, parse_actions_table
from transforms.models import Action, ActionUpdate, AgendaItem, Attendance, Meeting, Span
from transforms.quirks import load_table
from transforms.text.positions import item_at
from transforms.text.spans import clean, trimmed

_NEW_CAPS = re.compile(r"\bACTION\b(?:\s*[:–—-]\s*|\s+(?!LOG\b)(?=[A-Z]{2,}\b))(?P<body>[^\n|]+)")
_NEW_LINE = re.compile(r"^[ \t•*\-]*(?:\d{1,2}[.)][ \t]+)?Action\s*(?:[:–—-]\s*|\s+(?=[A-Z]{2,}\b))(?P<body>[^\n|]+)",
                       re.MULTILINE)

#: "Action 436 ...", "ACTION #617 – ..." at a line start
_UPDATE = re.compile(r"^[ \t•*\-]*Action\s*(?:No\.?\s*)?#?(?P<ref>\d+(?:/\d+)?[a-z]?)\b(?P<rest>[^\n|]*)",
                     re.MULTILINE | re.IGNORECASE)
#: "Summary of Discussion: Action 515 – ..." run into a line; "See Action 683a." is a
#: cross-reference, so a mid-line update needs the dash or colon after its number
_UPDATE_INLINE = re.compile(r"(?<=[:.]\s)Action\s*#?(?P<ref>\d+(?:/\d+)?[a-z]?)(?=\s*[–:-])"
                            r"(?P<rest>[^\n|]*)", re.IGNORECASE)
_REF_LIST = re.compile(r"^[ \t]*Ref(?:erence)?s?\s*[–:-]\s*(?P<refs>\d+/\d+(?:\s*,\s*\d+/\d+)*)",
                       re.MULTILINE | re.IGNORECASE)
_ACTIONS_HEADING = re.compile(r"^[ \t*_#]*Actions?[ \t*_:]*$", re.MULTILINE)
_BULLET_LINE = re.compile(r"[ \t]*[-•*▪]\s+(?P<body>[^\n]+)")
_CONNECTORS = {"of", "and", "the", "for", "&"}
#: what follows an owner: "to", "will", "is to", "are to", "should", "must"
_OWNER_VERB = re.compile(r"(?:(?:is|are)\s+)?(?:to|will|shall|should|must)\b", re.IGNORECASE)
#: initials, one owner or several: "SN", "NA/SM"
_INITIALS = re.compile(r"[A-Z]{2,4}(?:/[A-Z]{2,4})*")


@lru_cache(maxsize=1)
def _status_phrases() -> tuple[tuple[str, str], ...]:
    rows = [(r["phrase"], r["status"]) for r in load_table("update_status_phrases")]
    rows += [(r["word"], r["status"]) for r in load_table("action_status_words")]
    return tuple(sorted(rows, key=lambda r: len(r[0]), reverse=True))


def written_status(text: str) -> tuple[str, str | None]:
    """The last status phrase in ``text``: "Work is in progress." -> ("open", "in progress");
    nothing stated -> ("open", None)."""
    found = [(m.start(), m.end(), status, m.group()) for phrase, status in _status_phrases()
             for m in re.finditer(rf"(?<!\w){re.escape(phrase)}(?!\w)", text, re.IGNORECASE)]
    # "not complete" holds "complete": a phrase inside a longer one does not count
    outer = [f for f in found if not any(o[0] <= f[0] and f[1] <= o[1] and o[1] - o[0] > f[1] - f[0]
                                         for o in found)]
    if not outer:
        return "open", None
    last = max(outer, key=lambda f: (f[0], f[1] - f[0]))
    return last[2], last[3]


def find_action_updates(text: str) -> list[ActionUpdate]:
    updates = []
    for m in sorted([*_UPDATE.finditer(text), *_UPDATE_INLINE.finditer(text)], key=lambda m: m.start()):
        if any(u.span.start <= m.start("ref") < u.span.end for u in updates):
            continue
        status, written = written_status(m.group("rest"))
        updates.append(ActionUpdate(action_ref=m.group("ref"), status=status, status_as_written=written,
                                    span=trimmed(text, m.start(), m.end()),
                                    note=clean(m.group("rest")).strip(" –-") or None))
    for m in _REF_LIST.finditer(text):
        before = text[max(0, m.start() - 300):m.start()]
        paragraphs = [p for p in re.split(r"\n\s*\n", before) if p.strip()]
        status, written = written_status(paragraphs[-1] if paragraphs else "")
        if written is None:
            continue
        for ref in re.finditer(r"\d+/\d+", m.group("refs")):
            start = m.start("refs") + ref.start()
            updates.append(ActionUpdate(action_ref=ref.group(), status=status,
                                        status_as_written=written.split()[-1],
                                        span=Span(start, start + len(ref.group()))))
    return updates


def find_actions(text: str, items: list[AgendaItem], people: list[Attendance],
                 meeting: Meeting) -> list[Action]:
    """New actions; table rows replace the bullets and lines they repeat."""
    raised = _action_lines(text, items, people, meeting) + _action_bullets(text, items, meeting)
    table = parse_actions_table(text, 0, len(text), meeting.meeting_date)
    kept = [a for a in raised if not any(_same_action(a, row) for row in table)]
    merged = [replace(row, item_number=row.item_number or _item_of_twin(row, raised)) for row in table]
    return sorted(kept + merged, key=lambda a: a.span.start)


def _item_of_twin(row: Action, raised: list[Action]) -> str | None:
    return next((a.item_number for a in raised if _same_action(a, row)), None)


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", text.lower()) if len(w) > 2}


def _same_action(a: Action, b: Action) -> bool:
    wa, wb = _words(a.description), _words(b.description)
    return bool(wa and wb) and len(wa & wb) / min(len(wa), len(wb)) >= 0.6


def _action_lines(text: str, items: list[AgendaItem], people: list[Attendance],
                  meeting: Meeting) -> list[Action]:
    found: dict[int, Action] = {}
    for m in [*_NEW_CAPS.finditer(text), *_NEW_LINE.finditer(text)]:
        body = clean(m.group("body")).strip(" *|")
        if not body or body[0].isdigit() or body.startswith("#") or m.start("body") in found:
            continue
        body, owner = owner_after(body)
        owner = owner or _owner(body)
        found[m.start("body")] = Action(
            description=body, span=trimmed(text, m.start(), m.end()),
            owner=owner_names_all_or_none(owner, people, text) if owner else None,
            due_date=_due(body, meeting), item_number=item_at(items, m.start()))
    return list(found.values())


def _owner(body: str) -> str | None:
    """The leading name, initials or role of an action, when a verb of doing follows it ("JW to
    provide" -> "JW"; "Head of Corporate Development to be requested" -> "Head of Corporate
    Development"; "SN send ..." -> "SN") or it is "the <group>" ("the force will consult" ->
    "the force"); "The Safer Streets element of the paper needs ..." names no owner."""
    if collective := COLLECTIVE_OWNER.match(body):
        return collective.group("who")
    words, labelled = [], False
    for word in body.split():
        if word[0].isupper() or word.lower() in _CONNECTORS and words:
            words.append(word.rstrip(":,"))
            if word.endswith((":", ",")):
                labelled = word.endswith(":")
                break
            continue
        break
    while words and words[-1].lower() in _CONNECTORS:
        words.pop()
    rest = body.split()[len(words):]
    initials = len(words) == 1 and _INITIALS.fullmatch(words[0])
    if not words or not (labelled or initials or (rest and _OWNER_VERB.match(" ".join(rest[:2])))):
        return None
    if words[0].lower() in {"the", "a", "an"}:
        words = words[1:]
    return " ".join(words) or None if len(words) <= 6 else None


def _due(body: str, meeting: Meeting) -> object:
    if re.search(r"\bnext meeting\b", body, re.IGNORECASE) and meeting.next_meeting_date:
        return meeting.next_meeting_date
    return due_date(body, meeting.meeting_date)


def _action_bullets(text: str, items: list[AgendaItem], meeting: Meeting) -> list[Action]:
    """Bullets under an "Actions" heading: "- **Force: update at next meeting on X.**"."""
    out = []
    for heading in _ACTIONS_HEADING.finditer(text):
        pos = heading.end()
        while (m := re.compile(r"\s*").match(text, pos)) and (b := _BULLET_LINE.match(text, m.end())):
            body = clean(b.group("body")).strip(" *_")
            owner, _, rest = body.partition(":")
            if not rest or len(owner.split()) > 5:
                owner, rest = "", body
            out.append(Action(description=rest.strip(" *_"), span=trimmed(text, b.start(), b.end()),
                              owner=owner.strip(" *_") or None, due_date=_due(body, meeting),
                              item_number=item_at(items, b.start())))
            pos = b.end()
    return out


__all__ = ["find_action_updates", "find_actions", "normalise_status", "written_status"]
