"""ParsedMinutes -> plain rows for each warehouse table (pure; no I/O).

The load stage gathers these rows from every batch, keeps the rows of each meeting's primary
document, resolves people across meetings and publishes them with ``warehouse.schema``.
"""

from __future__ import annotations

from typing import Any

from transforms.identity import meeting_id as make_meeting_id
from transforms.identity import person_key, short_hash
from transforms.models import CleanText, ParsedMinutes, Span
from transforms.ranks import normalise_rank, rank_code

Row = dict[str, Any]


def _prov(document_id: str, span: Span) -> Row:
    return {"document_id": document_id, "char_start": span.start, "char_end": span.end}


def fact_rows(doc: CleanText, parsed: ParsedMinutes) -> dict[str, list[Row]]:
    """Rows for meetings, attendance, agenda_items, actions, action_updates, decisions of one
    parsed document, keyed by table name."""
    did = doc.document_id
    m = parsed.meeting
    mid = make_meeting_id(m, did)
    out: dict[str, list[Row]] = {"meetings": [{
        "meeting_id": mid, "body": m.body, "organisation": m.organisation,
        "meeting_date": m.meeting_date, "start_time": m.start_time, "end_time": m.end_time,
        "venue": m.venue, "next_meeting_date": m.next_meeting_date, "body_missing": not m.body,
        "adapter": parsed.adapter, **_prov(did, m.span),
    }]}
    out["attendance"] = []
    for i, a in enumerate(parsed.attendance):
        rank = normalise_rank(a.rank) if a.rank else None
        out["attendance"].append({
            "attendance_id": short_hash(mid, did, "att", i, a.name), "meeting_id": mid,
            "person_id": person_key(a.name), "name": a.name, "rank": a.rank,
            "rank_code": rank_code(rank) if rank else None, "role": a.role, "organisation": a.organisation,
            "status": a.status, "is_chair": a.is_chair, "is_minute_taker": a.is_minute_taker,
            "is_observer": a.is_observer, "is_representative": a.is_representative, "remote": a.remote,
            "partial": a.partial, "note": a.note, **_prov(did, a.span),
        })
    out["agenda_items"] = [{
        "agenda_item_id": short_hash(mid, did, "item", i, it.item_number), "meeting_id": mid,
        "item_number": it.item_number, "title": it.title, **_prov(did, it.span),
    } for i, it in enumerate(parsed.agenda_items)]
    out["actions"] = [{
        "action_id": short_hash(mid, "action", ac.action_ref or f"{did}:{ac.span.start}"),
        "meeting_id": mid, "action_ref": ac.action_ref, "owner": ac.owner,
        "owner_person_id": None, "description": ac.description, "due_date": ac.due_date,
        "status_when_raised": ac.status, "item_number": ac.item_number, **_prov(did, ac.span),
    } for ac in parsed.actions]
    out["action_updates"] = [{
        "action_update_id": short_hash(mid, did, "update", i, u.action_ref), "meeting_id": mid,
        "action_ref": u.action_ref, "status": u.status, "status_as_written": u.status_as_written,
        **_prov(did, u.span),
    } for i, u in enumerate(parsed.action_updates)]
    out["decisions"] = [{
        "decision_id": short_hash(mid, did, "decision", i, d.text[:80]), "meeting_id": mid,
        "item_number": d.item_number, "kind": d.kind, "text": d.text, **_prov(did, d.span),
    } for i, d in enumerate(parsed.decisions)]
    return out
