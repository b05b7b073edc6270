"""Gold labels in the format of ``../shared/gold/README.md``, built alongside the text.

    >>> attendee("Jo Penwick", rank="ACC", role="Local Policing Directorate", remote=True)
    {'name': 'Jo Penwick', 'rank': 'ACC', 'role': 'Local Policing Directorate', 'status': 'present', 'remote': True}
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

_FLAGS = ("is_chair", "is_minute_taker", "is_observer", "is_representative", "remote", "partial")


def meeting(body: str | None = None, organisation: str | None = None, meeting_date: date | None = None,
            start_time: str | None = None, end_time: str | None = None, venue: str | None = None,
            next_meeting_date: date | None = None) -> dict:
    return {"body": body, "organisation": organisation, "meeting_date": _iso(meeting_date),
            "start_time": start_time, "end_time": end_time, "venue": venue,
            "next_meeting_date": _iso(next_meeting_date)}


def attendee(name: str, *, rank: str | None = None, role: str | None = None, organisation: str | None = None,
             status: str = "present", note: str | None = None, **flags: bool) -> dict:
    """One attendance label; flags left false are left out, as the gold files do."""
    unknown = set(flags) - set(_FLAGS)
    if unknown:
        raise ValueError(f"unknown attendance flags: {sorted(unknown)}")
    row: dict = {"name": name, "rank": rank}
    if role:
        row["role"] = role
    if organisation:
        row["organisation"] = organisation
    row["status"] = status
    row.update({f: True for f in _FLAGS if flags.get(f)})
    if note:
        row["note"] = note
    return row


def action(description: str, *, ref: str | None = None, owner: str | None = None,
           due_date: date | None = None) -> dict:
    return {"ref": ref, "owner": owner, "description": description, "due_date": _iso(due_date)}


def action_update(ref: str, status: str, as_written: str) -> dict:
    return {"ref": ref, "status": status, "status_as_written": as_written}


def decision(text: str, kind: str = "decision", explicit: bool = True, item: str | None = None) -> dict:
    row = {"text": text, "kind": kind, "explicit": explicit}
    if item is not None:
        row = {"item": item, **row}
    return row


def agenda_item(item: str, title: str) -> dict:
    return {"item": item, "title": title}


def gold_document(document: str, meeting_: dict, *, attendance=(), agenda_items=(), actions=(),
                  action_updates=(), decisions=()) -> dict:
    return {"document": document, "meeting": meeting_, "attendance": list(attendance),
            "agenda_items": list(agenda_items), "actions": list(actions),
            "action_updates": list(action_updates), "decisions": list(decisions)}


def write_gold(gold: dict, gold_dir: Path) -> Path:
    """``gold_dir/<document stem>.json`` (stable key order, so the bytes repeat for a seed)."""
    path = gold_dir / (Path(gold["document"]).stem + ".json")
    path.write_text(json.dumps(gold, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None
