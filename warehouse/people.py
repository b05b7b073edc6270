"""Apply people resolution to the final tables: attendance.person_id, actions.owner_person_id
and the people table. The rules live in transforms/people.py."""

from __future__ import annotations

from collections import defaultdict

import pyarrow as pa

from transforms.identity import person_key
from transforms.people import Attendee, Mention, resolve, resolve_owner
from transforms.ranks import normalise_rank
from warehouse.arrow import rows_to_arrow


def apply_people(tables: dict[str, pa.Table]) -> None:
    """Rewrite person ids in place in ``tables`` and add the ``people`` table."""
    meetings = {m["meeting_id"]: m for m in tables["meetings"].to_pylist()}
    attendance = tables["attendance"].to_pylist()
    mentions = [Mention(a["name"], a["organisation"] or (meetings.get(a["meeting_id"]) or {}).get("body") or "")
                for a in attendance]
    for row, pid in zip(attendance, resolve(mentions), strict=True):
        row["person_id"] = pid or person_key(row["name"])
    by_meeting: dict[str, list[Attendee]] = defaultdict(list)
    for a in attendance:
        rank = normalise_rank(a["rank"]) if a["rank"] else None
        by_meeting[a["meeting_id"]].append(Attendee(a["person_id"], a["name"], rank.name if rank else None, a["role"]))
    actions = tables["actions"].to_pylist()
    for row in actions:
        row["owner_person_id"] = resolve_owner(row["owner"], by_meeting.get(row["meeting_id"], []))
    tables["attendance"] = rows_to_arrow("attendance", attendance)
    tables["actions"] = rows_to_arrow("actions", actions)
    tables["people"] = rows_to_arrow("people", people_rows(attendance, meetings))


def people_rows(attendance: list[dict], meetings: dict[str, dict]) -> list[dict]:
    """One row per person: fullest name, rank at the latest meeting, appearances."""
    people: dict[str, dict] = {}
    for a in attendance:
        when = (meetings.get(a["meeting_id"]) or {}).get("meeting_date")
        p = people.setdefault(a["person_id"], {"person_id": a["person_id"], "name": a["name"],
                                               "latest_rank": a["rank"], "appearances": 0, "_when": when})
        p["appearances"] += 1
        if len(a["name"]) > len(p["name"]):
            p["name"] = a["name"]
        if when is not None and (p["_when"] is None or when > p["_when"]):
            p["latest_rank"], p["_when"] = a["rank"], when
    return sorted(people.values(), key=lambda p: p["person_id"])
