"""The ``runs`` table of a published warehouse, read and appended to in place.

A run that publishes nothing (no change, failed, refused) adds its one row here instead of
rebuilding the warehouse; see ``flows/runlog.py``. Values are bound parameters, never pasted.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import duckdb

from warehouse.schema import BY_NAME

DB_NAME = "minutes.duckdb"
COLUMNS = BY_NAME["runs"].column_names


def insert_run(warehouse_dir: Path, row: dict[str, Any]) -> bool:
    """Add ``row`` to the published ``runs`` table (replacing a row of the same run id).
    False when there is no published warehouse or its file is busy."""
    db = warehouse_dir / DB_NAME
    if not db.exists():
        return False
    cols = ", ".join(f'"{c}"' for c in COLUMNS)
    try:
        con = duckdb.connect(str(db))
    except duckdb.Error:  # busy (a reader or writer holds it) or not a warehouse file
        return False
    try:
        con.execute("BEGIN")
        con.execute('DELETE FROM "runs" WHERE run_id = ?', [row["run_id"]])
        con.execute(f'INSERT INTO "runs" ({cols}) VALUES ({", ".join("?" for _ in COLUMNS)})',
                    [row[c] for c in COLUMNS])
        con.execute("COMMIT")
    except duckdb.Error:
        return False
    finally:
        con.close()
    return True


def published_runs(warehouse_dir: Path) -> list[dict[str, Any]]:
    """The rows of the published ``runs`` table (empty without a warehouse)."""
    db = warehouse_dir / DB_NAME
    if not db.exists():
        return []
    with duckdb.connect(str(db), read_only=True) as con:
        cur = con.execute(f'SELECT {", ".join(COLUMNS)} FROM "runs" ORDER BY run_id')
        return [dict(zip(COLUMNS, r, strict=True)) for r in cur.fetchall()]


def all_runs(warehouse_dir: Path, logged: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The published table and the run log merged (the log wins for a run in both), by run id."""
    by_id = {r["run_id"]: r for r in published_runs(warehouse_dir)}
    by_id.update({r["run_id"]: r for r in logged})
    return [by_id[k] for k in sorted(by_id)]
