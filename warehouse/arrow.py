"""Rows -> Arrow tables and Parquet files typed by ``warehouse.schema``."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from warehouse.schema import BY_NAME, arrow_schema

ROW_GROUP_SIZE = 64_000


class RowShapeError(ValueError):
    """Rows whose keys are not exactly the table's declared columns: a column the code forgot, or
    a key the schema does not declare (a misspelt or renamed column would otherwise be dropped or
    loaded as NULL without a word)."""


def check_row_keys(table: str, rows: list[dict[str, Any]]) -> None:
    """Raise RowShapeError unless every row has exactly the columns ``warehouse.schema`` declares."""
    declared = BY_NAME[table].column_names
    expected = set(declared)
    for i, row in enumerate(rows):
        if row.keys() != expected:
            missing = [c for c in declared if c not in row]
            extra = sorted(k for k in row if k not in expected)
            raise RowShapeError(f"{table} row {i}: missing declared columns {missing}, undeclared keys {extra}")


def rows_to_arrow(table: str, rows: list[dict[str, Any]]) -> pa.Table:
    """Rows (dicts with exactly the schema's columns) -> an Arrow table with its columns and types."""
    check_row_keys(table, rows)
    schema = arrow_schema(BY_NAME[table])
    columns = {name: [r[name] for r in rows] for name in schema.names}
    return pa.Table.from_pydict(columns, schema=schema)


def rows_to_frame(table: str, rows: list[dict[str, Any]]):
    """Rows -> a pandas DataFrame with the schema's columns (for quality checks)."""
    return rows_to_arrow(table, rows).to_pandas()


def write_parquet_atomic(table: pa.Table, path: Path) -> None:
    """Write to a temporary name, then rename: a crash never leaves a truncated file under
    the real name. Settings are fixed so that the same rows give byte-identical files."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    pq.write_table(table, tmp, compression="zstd", row_group_size=ROW_GROUP_SIZE,
                   write_statistics=True, use_dictionary=True)
    os.replace(tmp, path)
