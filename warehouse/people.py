"""Apply people resolution to the final tables: attendance.person_id, actions.owner_person_id
and the people table. The rules live in transforms/people.py."""

from __future__ import annotations

from collections import defaultdict

import pyarrow as pa

from transforms.identity import person_key
from transforms.people import Attendee, Mention, resolve, resolve_owner
from transforms.ranks import normalise_rank
from warehouse.arrow import rows_to_arrow


def _columns(table: pa.Table, *names: str) -> list[list]:
    return [table.column(n).to_pylist() for n in names]


def _replace_column(table: pa.Table, name: str, values: list) -> pa.Table:
    i = table.schema.get_field_index(name)
    return table.set_column(i, table.schema.field(i), pa.array(values, table.schema.field(i).type))


def apply_people(tables: dict[str, pa.Table]) -> None:
    """Rewrite person ids in place in ``tables`` and add the ``people`` table."""
    meeting_ids, bodies, dates = _columns(tables["meetings"], "meeting_id", "body", "meeting_date")
    body_of, date_of = dict(zip(meeting_ids, bodies, strict=True)), dict(zip(meeting_ids, dates, strict=True))
    att = tables["attendance"]
    names, organisations, att_meetings, ranks, roles = _columns(att, "name", "organisation", "meeting_id",
                                                                "rank", "role")
    mentions = [Mention(n, o or body_of.get(m) or "", o or "")
                for n, o, m in zip(names, organisations, att_meetings, strict=True)]
    person_ids = [pid or person_key(n) for pid, n in zip(resolve(mentions), names, strict=True)]
    rank_names: dict[str, str | None] = {}  # a few dozen ways of writing ranks among thousands of rows
    by_meeting: dict[str, list[Attendee]] = defaultdict(list)
    for pid, name, meeting, written, role in zip(person_ids, names, att_meetings, ranks, roles, strict=True):
        if written and written not in rank_names:
            rank = normalise_rank(written)
            rank_names[written] = rank.name if rank else None
        by_meeting[meeting].append(Attendee(pid, name, rank_names.get(written or ""), role))
    owners, action_meetings = _columns(tables["actions"], "owner", "meeting_id")
    owner_ids = [resolve_owner(o, by_meeting.get(m, [])) for o, m in zip(owners, action_meetings, strict=True)]
    tables["attendance"] = _replace_column(att, "person_id", person_ids)
    tables["actions"] = _replace_column(tables["actions"], "owner_person_id", owner_ids)
    tables["people"] = rows_to_arrow("people", people_rows(
        zip(person_ids, names, ranks, (date_of.get(m) for m in att_meetings), strict=True)))


def people_rows(appearances) -> list[dict]:
    """One row per person from (person_id, name, rank, meeting date) per attendance row:
    fullest name, rank at the latest meeting, appearances."""
    people: dict[str, dict] = {}
    latest: dict[str, object] = {}  # person_id -> date of the meeting latest_rank comes from
    for pid, name, rank, when in appearances:
        p = people.get(pid)
        if p is None:
            p = people[pid] = {"person_id": pid, "name": name, "latest_rank": rank, "appearances": 0}
            latest[pid] = when
        p["appearances"] += 1
        if len(name) > len(p["name"]):
            p["name"] = name
        if when is not None and (latest[pid] is None or when > latest[pid]):
            p["latest_rank"], latest[pid] = rank, when
    return sorted(people.values(), key=lambda p: p["person_id"])
