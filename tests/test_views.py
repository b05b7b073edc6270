"""The analytical views on a tiny hand-built warehouse, checked against hand-computed values.

The fixture (all invented): the "Audit Board" of "Northshire Police" meets three times in
2024-Q1 (10 Jan, 14 Feb, 20 Mar) and once in Q2 (15 Apr); the "Ethics Panel" meets once (12 Jan).
"""

from __future__ import annotations

from datetime import date, datetime

import duckdb
import pytest

from warehouse.schema import BY_NAME, TABLES, create_table_sql
from warehouse.views import VIEWS, create_view_sql

BOARD, PANEL, ORG = "Audit Board", "Ethics Panel", "Northshire Police"
M1, M2, M3, M4, M5 = "audit/2024-01-10", "audit/2024-02-14", "audit/2024-03-20", "audit/2024-04-15", "ethics/2024-01-12"
_DEFAULTS = {"VARCHAR": "", "BOOLEAN": False, "INTEGER": 0, "BIGINT": 0}


def _insert(con: duckdb.DuckDBPyConnection, table: str, **values: object) -> None:
    """Insert one row; NOT NULL columns left out get a neutral default (False, 0, '')."""
    cols = [c for c in BY_NAME[table].columns if c.name in values or not c.nullable]
    row = [values.get(c.name, _DEFAULTS.get(c.type)) for c in cols]
    names = ", ".join(f'"{c.name}"' for c in cols)
    con.execute(f'INSERT INTO "{table}" ({names}) VALUES ({", ".join("?" * len(cols))})', row)


def _meetings(con) -> None:
    for i, (mid, body, day) in enumerate([(M1, BOARD, date(2024, 1, 10)), (M2, BOARD, date(2024, 2, 14)),
                                          (M3, BOARD, date(2024, 3, 20)), (M4, BOARD, date(2024, 4, 15)),
                                          (M5, PANEL, date(2024, 1, 12))], start=1):
        _insert(con, "documents", document_id=f"doc{i}", source_uri=f"https://example.org/m{i}.pdf",
                meeting_id=mid, status="loaded", format="pdf")
        _insert(con, "document_text", document_id=f"doc{i}", text=f"Minutes of meeting {i}.")
        _insert(con, "meetings", meeting_id=mid, body=body, organisation=ORG, meeting_date=day,
                document_id=f"doc{i}")


def _attendance(con) -> None:
    rows = [  # (meeting, person, status, flags)
        (M1, "jo", "present", {}), (M2, "jo", "present", {"remote": True}), (M3, "jo", "apologies", {}),
        (M4, "jo", "present", {}), (M5, "jo", "present", {}),
        (M3, "sam", "present", {"is_representative": True}),
        (M1, "ann", "absent", {}),
    ]
    for n, (mid, person, status, flags) in enumerate(rows):
        _insert(con, "attendance", attendance_id=f"att{n}", meeting_id=mid, person_id=f"person/{person}",
                name=person.title(), status=status, document_id="doc1", **flags)
    for person, name in [("jo", "Jo Bloggs"), ("sam", "Sam Rep"), ("ann", "Ann Absent")]:
        _insert(con, "people", person_id=f"person/{person}", name=name, appearances=1)


def _actions(con) -> None:
    _insert(con, "actions", action_id="a1", meeting_id=M1, action_ref="1/24", owner="Jo Bloggs",
            owner_person_id="person/jo", description="Review the budget.", due_date=date(2024, 2, 1),
            item_number="3", document_id="doc1", char_start=100, char_end=140)
    _insert(con, "actions", action_id="a2", meeting_id=M2, action_ref="2/24", owner="Head of Estates",
            description="Survey the stations.", due_date=date(2024, 3, 1), document_id="doc2",
            char_start=200, char_end=230)
    _insert(con, "actions", action_id="a3", meeting_id=M3, action_ref="3/24", owner="Sam Rep",
            description="Write to the panel.", document_id="doc3", char_start=50, char_end=70)
    updates = [  # (meeting, ref, status, document, start)
        (M2, "1/24", "carried_forward", "doc2", 10), (M3, "1/24", "closed", "doc3", 20),
        (M1, "8/23", "open", "doc1", 30), (M2, "8/23", "carried_forward", "doc2", 40),
        (M5, "1/24", "closed", "doc5", 5),  # the same reference at another body is another action
    ]
    for n, (mid, ref, status, doc, start) in enumerate(updates):
        _insert(con, "action_updates", action_update_id=f"u{n}", meeting_id=mid, action_ref=ref, status=status,
                document_id=doc, char_start=start, char_end=start + 9)


def _decisions(con) -> None:
    _insert(con, "agenda_items", agenda_item_id="i1", meeting_id=M1, item_number="3", title="Budget",
            document_id="doc1")
    _insert(con, "decisions", decision_id="d1", meeting_id=M1, item_number="3", kind="decision",
            text="The board approved the budget.", document_id="doc1", char_start=300, char_end=330)
    _insert(con, "decisions", decision_id="d2", meeting_id=M3, kind="resolution",
            text="RESOLVED that the report be noted.", document_id="doc3", char_start=400, char_end=434)


def _quality(con) -> None:
    for run_id, start, outcome in [("r1", datetime(2024, 5, 1, 10), "published"),
                                   ("r2", datetime(2024, 5, 2, 10), "failed"),
                                   ("r3", datetime(2024, 5, 3, 10), "unchanged")]:
        _insert(con, "runs", run_id=run_id, started_at=start, finished_at=start.replace(second=30),
                outcome=outcome)
    for doc, uri in [("qa", "https://example.org/broken.pdf"), ("qb", "/data/empty.txt")]:
        _insert(con, "documents", document_id=doc, source_uri=uri, status="quarantined", byte_size=7)
    for doc, stage, check, reason, at in [
            ("qa", "extract", "readable", "no text layer", datetime(2024, 5, 2, 10)),
            ("qa", "normalise_check", "has_date", "no meeting date", datetime(2024, 5, 2, 10, 0, 5)),
            ("qb", "extract", "not_empty", "the file is empty", datetime(2024, 5, 1, 10, 0, 1))]:
        _insert(con, "quarantine", document_id=doc, source_uri="", stage=stage, check_name=check, reason=reason,
                quarantined_at=at)


@pytest.fixture(scope="module")
def con():
    con = duckdb.connect()
    for t in TABLES:
        for stmt in create_table_sql(t):
            con.execute(stmt)
    for fill in (_meetings, _attendance, _actions, _decisions, _quality):
        fill(con)
    for v in VIEWS:
        for stmt in create_view_sql(v):
            con.execute(stmt)
    yield con
    con.close()


def _rows(con, sql: str) -> list[dict]:
    cur = con.execute(sql)
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r, strict=True)) for r in cur.fetchall()]


def test_every_view_has_exactly_its_documented_columns(con):
    for v in VIEWS:
        cols = [d[0] for d in con.execute(f'SELECT * FROM "{v.name}" LIMIT 0').description]
        assert cols == [name for name, _ in v.columns], v.name
        comments = con.execute("SELECT count(*) FROM duckdb_columns() WHERE table_name = ? AND comment IS NOT NULL",
                               [v.name]).fetchone()[0]
        assert comments == len(v.columns), v.name


def test_attendance_rate_is_attended_over_meetings_held_by_the_body_in_the_quarter(con):
    rows = {(r["name"], r["body"], r["quarter"]): r for r in _rows(con, "SELECT * FROM attendance_summary")}
    jo_q1 = rows[("Jo Bloggs", BOARD, "2024-Q1")]
    # Jo: present 10 Jan, present remotely 14 Feb, apologies 20 Mar -> 2 of 3
    assert (jo_q1["meetings_held"], jo_q1["meetings_listed"], jo_q1["attended"], jo_q1["attended_remotely"],
            jo_q1["apologies"], jo_q1["attendance_rate"]) == (3, 3, 2, 1, 1, 0.667)
    assert jo_q1["quarter_start"] == date(2024, 1, 1)
    jo_q2 = rows[("Jo Bloggs", BOARD, "2024-Q2")]
    assert (jo_q2["attended"], jo_q2["attendance_rate"]) == (1, 1.0)
    assert rows[("Jo Bloggs", PANEL, "2024-Q1")]["meetings_held"] == 1  # the panel's meetings, not the board's
    sam = rows[("Sam Rep", BOARD, "2024-Q1")]
    assert (sam["meetings_listed"], sam["attended"], sam["attended_as_representative"], sam["attendance_rate"]) \
        == (1, 1, 1, 0.333)
    ann = rows[("Ann Absent", BOARD, "2024-Q1")]
    assert (ann["attended"], ann["absent"], ann["attendance_rate"]) == (0, 1, 0.0)
    assert len(rows) == 5


def test_action_register_status_overdue_and_source_span(con):
    rows = {(r["body"], r["action_ref"]): r for r in _rows(con, "SELECT * FROM action_register")}
    assert len(rows) == 5  # three raised, 8/23 reported only, the panel's 1/24 reported only
    a1 = rows[(BOARD, "1/24")]  # raised 10 Jan, carried forward 14 Feb, closed 20 Mar 2024
    assert (a1["latest_status"], a1["closed_on"], a1["days_open"], a1["is_overdue"], a1["days_overdue"]) \
        == ("closed", date(2024, 3, 20), 70, False, None)
    assert (a1["owner"], a1["item_number"], a1["updates"], a1["source_kind"]) == ("Jo Bloggs", "3", 2, "raised")
    assert (a1["document_id"], a1["char_start"], a1["char_end"], a1["source_uri"]) \
        == ("doc1", 100, 140, "https://example.org/m1.pdf")
    a2 = rows[(BOARD, "2/24")]  # due 1 Mar 2024, never reported
    today = con.execute("SELECT current_date").fetchone()[0]
    assert (a2["latest_status"], a2["is_overdue"]) == ("open", True)
    assert a2["days_overdue"] == (today - date(2024, 3, 1)).days
    assert a2["days_open"] == (today - date(2024, 2, 14)).days
    a3 = rows[(BOARD, "3/24")]  # no due date: open but never overdue
    assert (a3["is_overdue"], a3["days_overdue"]) == (False, None)
    old = rows[(BOARD, "8/23")]  # reported open (10 Jan) then carried forward (14 Feb): source = latest report
    assert (old["raised_in_warehouse"], old["latest_status"], old["source_kind"], old["source_meeting_id"],
            old["document_id"], old["char_start"]) == (False, "carried_forward", "reported", M2, "doc2", 40)
    panel = rows[(PANEL, "1/24")]
    assert (panel["latest_status"], panel["action_id"], panel["document_id"]) == ("closed", None, "doc5")


def test_overdue_count_matches_action_status(con):
    assert con.execute("SELECT count(*) FROM action_register WHERE is_overdue").fetchone()[0] == \
        con.execute("SELECT count(*) FROM action_status WHERE is_overdue").fetchone()[0] == 1


def test_decision_log_carries_meeting_item_and_provenance(con):
    rows = {r["decision_id"]: r for r in _rows(con, "SELECT * FROM decision_log")}
    d1 = rows["d1"]
    assert (d1["meeting_date"], d1["quarter"], d1["body"], d1["organisation"], d1["item_number"], d1["item_title"],
            d1["kind"]) == (date(2024, 1, 10), "2024-Q1", BOARD, ORG, "3", "Budget", "decision")
    assert (d1["document_id"], d1["char_start"], d1["char_end"], d1["source_uri"]) \
        == ("doc1", 300, 330, "https://example.org/m1.pdf")
    d2 = rows["d2"]
    assert (d2["kind"], d2["item_number"], d2["item_title"], d2["meeting_date"]) == ("resolution", None, None,
                                                                                     date(2024, 3, 20))


def test_meeting_summary_counts_per_meeting(con):
    rows = {r["meeting_id"]: r for r in _rows(con, "SELECT * FROM meeting_summary")}
    keys = ("attendees", "remote", "representatives", "apologies", "absent", "agenda_items", "actions_raised",
            "action_updates", "actions_closed", "decisions")
    assert tuple(rows[M1][k] for k in keys) == (1, 0, 0, 0, 1, 1, 1, 1, 0, 1)
    assert tuple(rows[M2][k] for k in keys) == (1, 1, 0, 0, 0, 0, 1, 2, 0, 0)
    assert tuple(rows[M3][k] for k in keys) == (1, 0, 1, 1, 0, 0, 1, 1, 1, 1)
    assert tuple(rows[M5][k] for k in keys) == (1, 0, 0, 0, 0, 0, 0, 1, 1, 0)
    assert (rows[M3]["quarter"], rows[M4]["quarter"], rows[M3]["source_uri"]) == ("2024-Q1", "2024-Q2",
                                                                                  "https://example.org/m3.pdf")


def test_data_quality_runs_marks_the_latest_and_latest_published(con):
    rows = {r["run_id"]: r for r in _rows(con, "SELECT * FROM data_quality_runs")}
    assert [(k, rows[k]["is_latest"], rows[k]["is_latest_published"]) for k in sorted(rows)] == [
        ("r1", False, True), ("r2", False, False), ("r3", True, False)]
    assert rows["r1"]["duration_seconds"] == 30.0


def test_data_quality_quarantine_is_one_row_per_document_with_every_reason(con):
    rows = {r["document_id"]: r for r in _rows(con, "SELECT * FROM data_quality_quarantine")}
    qa = rows["qa"]
    assert (qa["checks_failed"], qa["stages"], qa["check_names"], qa["first_quarantined_run_id"]) \
        == (2, "extract, normalise_check", "readable, has_date", "r2")
    assert qa["reasons"] == "extract/readable: no text layer; normalise_check/has_date: no meeting date"
    assert (rows["qb"]["checks_failed"], rows["qb"]["first_quarantined_run_id"], rows["qb"]["byte_size"]) \
        == (1, "r1", 7)


def test_people_review_offers_near_identical_spellings_without_merging(con):
    for pid, name in [("pete-varnham", "Pete Varnham"), ("pete-varnam", "Pete Varnam"),
                      ("jo-blogs", "Jo Blogs"), ("tom-reed", "Tom Reed")]:
        _insert(con, "people", person_id=f"person/{pid}", name=name, appearances=1)
    _insert(con, "attendance", attendance_id="att-r1", meeting_id=M1, person_id="person/jo-blogs",
            name="Jo Blogs", status="present", document_id="doc1")
    rows = con.execute("SELECT name_a, name_b, shared_meetings FROM people_review ORDER BY name_a").fetchall()
    # "Jo Bloggs" and "Jo Blogs" both attended M1: offered, with the shared meeting that says two people
    assert rows == [("Jo Bloggs", "Jo Blogs", 1), ("Pete Varnam", "Pete Varnham", 0)]
    assert con.execute("SELECT count(*) FROM people WHERE name LIKE 'Pete%'").fetchone()[0] == 2
