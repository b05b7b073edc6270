"""The schema is the single definition: DDL, Arrow schema and data dictionary agree with it."""

from __future__ import annotations

import duckdb

from tests.conftest import ROOT
from warehouse.schema import BY_NAME, TABLES, arrow_schema, create_table_sql, data_dictionary_markdown
from warehouse.views import VIEWS, create_view_sql

CONTRACT = {  # names ../shared/spec/warehouse-contract.md promises (never renamed)
    "documents": ["document_id", "source_uri", "meeting_id", "status"],
    "meetings": ["meeting_id", "document_id", "body", "organisation", "meeting_date", "start_time",
                 "end_time", "venue", "next_meeting_date", "char_start", "char_end"],
    "attendance": ["meeting_id", "person_id", "name", "rank", "role", "organisation", "status", "is_chair",
                   "is_minute_taker", "is_observer", "is_representative", "remote", "partial", "note",
                   "document_id", "char_start", "char_end"],
    "agenda_items": ["meeting_id", "item_number", "title", "document_id", "char_start", "char_end"],
    "actions": ["action_id", "meeting_id", "action_ref", "owner", "owner_person_id", "description", "due_date",
                "document_id", "char_start", "char_end"],
    "action_updates": ["meeting_id", "action_ref", "status", "status_as_written", "document_id", "char_start",
                       "char_end"],
    "decisions": ["decision_id", "meeting_id", "item_number", "kind", "text", "document_id", "char_start",
                  "char_end"],
    "quarantine": ["document_id", "source_uri", "stage", "check_name", "reason", "quarantined_at"],
}


def test_contract_columns_are_all_there():
    for table, cols in CONTRACT.items():
        missing = set(cols) - set(BY_NAME[table].column_names)
        assert not missing, f"{table} lacks contract columns {missing}"


def test_ddl_creates_every_table_with_comments_and_views():
    con = duckdb.connect()
    for t in TABLES:
        for stmt in create_table_sql(t):
            con.execute(stmt)
    for v in VIEWS:
        for stmt in create_view_sql(v):
            con.execute(stmt)
    cols = con.execute("SELECT table_name, column_name, data_type, comment FROM duckdb_columns()").fetchall()
    by_table = {}
    for table, col, dtype, comment in cols:
        by_table.setdefault(table, {})[col] = (dtype, comment)
    assert by_table["meetings"]["meeting_date"][0] == "DATE"
    assert by_table["attendance"]["is_chair"][0] == "BOOLEAN"
    assert all(comment for t in TABLES for _, comment in by_table[t.name].values())
    assert by_table["action_status"]["is_overdue"][1].startswith("not closed")


def test_arrow_schema_matches_ddl_types():
    s = arrow_schema(BY_NAME["actions"])
    assert str(s.field("due_date").type) == "date32[day]"
    assert s.field("action_id").nullable is False


def test_data_dictionary_in_docs_is_generated_from_the_schema():
    assert (ROOT / "docs" / "data-dictionary.md").read_text(encoding="utf-8") == data_dictionary_markdown() + "\n", \
        "docs/data-dictionary.md is stale: run `make dictionary`"
