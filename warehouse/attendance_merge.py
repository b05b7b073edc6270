"""One row per person per meeting.

A document may name the same person twice for one meeting: in the list of those present and
again under apologies, or twice in a members' table. The rule (documented in the data
dictionary and docs/architecture.md): the rows are merged into the **later statement** in the
document (minutes are written top to bottom: "Apologies: ..." or "left after item 4" corrects
a list above it), its details completed from the earlier row where it has none (rank, role,
organisation, note: the merged row is the most specific), and the flags combined (chair,
minute taker, observer, representative, remote, partial: any row saying so). Each row merged
away is kept in ``rejected_rows`` with the reason, so nothing is dropped in silence.

    >>> rows = [{"attendance_id": "a1", "meeting_id": "m", "person_id": "p", "name": "Jo Bloggs",
    ...          "status": "present", "char_start": 10, "rank": "CC", "is_chair": True},
    ...         {"attendance_id": "a2", "meeting_id": "m", "person_id": "p", "name": "Jo Bloggs",
    ...          "status": "apologies", "char_start": 90, "rank": None, "is_chair": False}]
    >>> kept, merged = merge_rows(rows)
    >>> [(r["attendance_id"], r["status"], r["rank"], r["is_chair"]) for r in kept], [m["row_key"] for m in merged]
    ([('a2', 'apologies', 'CC', True)], ['a1'])
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from typing import Any

import pyarrow as pa

from warehouse.arrow import rows_to_arrow

CHECK = "one_attendance_row_per_person_per_meeting"
FLAGS = ("is_chair", "is_minute_taker", "is_observer", "is_representative", "remote", "partial")
DETAILS = ("rank", "rank_code", "role", "organisation", "note")


def merge_rows(rows: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """``(kept rows, rejected_rows rows for those merged away)``, by the rule above."""
    groups: dict[tuple[Any, Any], list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        groups[(row["meeting_id"], row["person_id"])].append(row)
    kept, merged = [], []
    for group in groups.values():
        group.sort(key=lambda r: (r.get("char_start") or 0, r["attendance_id"]))
        winner = dict(group[-1])
        for earlier in group[:-1]:
            for flag in FLAGS:
                if flag in winner:
                    winner[flag] = bool(winner[flag] or earlier.get(flag))
            for detail in DETAILS:
                if detail in winner and winner[detail] is None:
                    winner[detail] = earlier.get(detail)
            merged.append({
                "table_name": "attendance", "document_id": earlier.get("document_id"),
                "row_key": earlier["attendance_id"], "check_name": CHECK,
                "reason": (f"{earlier['name']} is named twice for this meeting ({earlier['status']} here, "
                           f"{winner['status']} later in the document): merged into attendance "
                           f"{winner['attendance_id']}, the later statement kept and the flags combined."),
                "row_json": json.dumps(earlier, default=str, sort_keys=True)})
        kept.append(winner)
    return sorted(kept, key=lambda r: r["attendance_id"]), merged


def merge_duplicate_attendance(tables: dict[str, pa.Table]) -> list[dict[str, Any]]:
    """Merge duplicate (meeting, person) rows of ``tables["attendance"]`` in place (and recount
    ``people.appearances``); returns the rejected_rows rows of the rows merged away."""
    attendance = tables["attendance"]
    pairs = Counter(zip(attendance.column("meeting_id").to_pylist(), attendance.column("person_id").to_pylist(),
                        strict=True))
    if all(n == 1 for n in pairs.values()):
        return []
    kept, merged = merge_rows(attendance.to_pylist())
    tables["attendance"] = rows_to_arrow("attendance", kept)
    if "people" in tables:
        counts = Counter(r["person_id"] for r in kept)
        people = [dict(p, appearances=counts.get(p["person_id"], 0)) for p in tables["people"].to_pylist()]
        tables["people"] = rows_to_arrow("people", people)
    return merged
