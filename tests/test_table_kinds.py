"""Names derived from the schema: each table says what it is, the fact-table list and the
Parquet file names come from ``warehouse/schema.py`` and nowhere else, and rows that do not
have exactly the declared columns fail loudly instead of loading NULLs or dropping a key."""

from __future__ import annotations

import pytest

from warehouse.arrow import RowShapeError, rows_to_arrow
from warehouse.publish import write_part
from warehouse.schema import AUDIT, BY_NAME, FACT, FACT_TABLES, KINDS, REFERENCE, TABLES, Column, Table, tables_of


def test_every_table_says_what_it_is():
    assert all(t.kind in KINDS for t in TABLES)
    assert FACT_TABLES == ("meetings", "attendance", "agenda_items", "actions", "action_updates", "decisions")
    assert tables_of(REFERENCE) == ("people", "ranks")
    assert {"documents", "quarantine", "runs", "parse_warnings"} <= set(tables_of(AUDIT))
    assert set(tables_of(FACT)) | set(tables_of(REFERENCE)) | set(tables_of(AUDIT)) == set(BY_NAME)
    with pytest.raises(ValueError, match="kind 'facts' is not one of"):
        Table("x", "a table", (Column("a", "VARCHAR", "a"),), ("a",), "facts")


def test_the_fact_table_list_is_the_schemas_everywhere():
    """Not retyped: the stages, the quality suites and the load step use the schema's tuple."""
    import expectations.suites
    import flows.stages
    import warehouse.publish

    for module in (flows.stages, expectations.suites, warehouse.publish):
        assert module.FACT_TABLES is FACT_TABLES, module.__name__
    assert flows.stages.PARSED_TABLES == (*FACT_TABLES, "parse_warnings")
    assert BY_NAME["meetings"].parquet_file == "meetings/meetings.parquet"


def _decision(**changes):
    row = {"decision_id": "d1", "meeting_id": "m1", "item_number": "3", "kind": "resolution",
           "text": "RESOLVED that the report be noted.", "document_id": "doc", "char_start": 0, "char_end": 34}
    row.update(changes)
    return row


def test_rows_with_exactly_the_declared_columns_load():
    table = rows_to_arrow("decisions", [_decision(), _decision(decision_id="d2", item_number=None)])
    assert table.column("item_number").to_pylist() == ["3", None]
    assert table.schema.names == BY_NAME["decisions"].column_names


def test_a_row_missing_a_declared_column_fails_loudly(tmp_path):
    row = _decision()
    del row["item_number"]  # even a nullable column must be given (as None), not forgotten
    with pytest.raises(RowShapeError, match=r"decisions row 1: missing declared columns \['item_number'\]"):
        rows_to_arrow("decisions", [_decision(), row])
    with pytest.raises(RowShapeError):
        write_part(tmp_path, "decisions", 0, [row])
    assert not (tmp_path / "decisions").exists()


def test_a_row_with_an_undeclared_key_fails_loudly(tmp_path):
    with pytest.raises(RowShapeError, match=r"undeclared keys \['decision_text'\]"):
        write_part(tmp_path, "decisions", 0, [_decision(decision_text="misspelt column")])
    with pytest.raises(RowShapeError, match=r"undeclared keys \['_when'\]"):
        rows_to_arrow("people", [{"person_id": "p", "name": "Jo Bloggs", "latest_rank": None,
                                  "appearances": 1, "_when": None}])
