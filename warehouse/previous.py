"""What the published warehouse already holds, read once at the start of a run.

Used to carry over rows of documents whose bytes have not changed (no re-parsing), the first
time each document was quarantined, and the history of document versions.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import duckdb

from warehouse.schema import BY_NAME

DB_NAME = "minutes.duckdb"


@dataclass
class PreviousWarehouse:
    parquet_dir: Path | None = None  # the release's parquet folder (resolved: it stays put)
    documents: dict[str, dict[str, Any]] = field(default_factory=dict)
    versions: list[dict[str, Any]] = field(default_factory=list)
    quarantine_times: dict[tuple[str, str, str], datetime] = field(default_factory=dict)

    def reusable(self, parser_version: str) -> dict[str, dict[str, Any]]:
        """Documents whose rows can be carried over as they are."""
        return {d: row for d, row in self.documents.items() if row.get("parser_version") == parser_version}

    def parquet(self, table: str) -> str | None:
        if self.parquet_dir is None:
            return None
        path = self.parquet_dir / BY_NAME[table].parquet_file
        return str(path) if path.exists() else None


def _rows(con: duckdb.DuckDBPyConnection, sql: str) -> list[dict[str, Any]]:
    cur = con.execute(sql)
    cols = [c[0] for c in cur.description]
    return [dict(zip(cols, r, strict=True)) for r in cur.fetchall()]


def load_previous(warehouse_dir: Path) -> PreviousWarehouse:
    """The published warehouse's state, or an empty one when there is none (or it is unreadable:
    then everything is simply processed again)."""
    db = warehouse_dir / DB_NAME
    if not db.exists():
        return PreviousWarehouse()
    prev = PreviousWarehouse()
    link = warehouse_dir / "parquet"
    if link.exists():
        prev.parquet_dir = Path(os.path.realpath(link))
    try:
        with duckdb.connect(str(db), read_only=True) as con:
            cols = {r[0] for r in con.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_name = 'documents'").fetchall()}
            if "parser_version" in cols:
                prev.documents = {r["document_id"]: r for r in _rows(con, "SELECT * FROM documents")}
            tables = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
            if "document_versions" in tables:
                prev.versions = _rows(con, "SELECT * FROM document_versions")
            prev.quarantine_times = {(r["document_id"], r["stage"], r["check_name"]): r["quarantined_at"]
                                     for r in _rows(con, "SELECT * FROM quarantine")}
    except duckdb.Error:
        return PreviousWarehouse()
    return prev
