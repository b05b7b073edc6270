"""Build, check, then swap.

A run writes per-batch Parquet parts into a build folder beside the published warehouse.
``build_release`` turns them into the final tables (one meeting row per meeting, rows of each
meeting's primary document only), writes one Parquet file per table and a DuckDB file loaded
from them (one statement per table), adds the views, and ``swap_into_place`` publishes the lot:
``minutes.duckdb`` by ``os.replace`` and ``parquet/`` / ``data-docs/`` as symlinks to the new
release, each switched atomically. A reader never sees a half-written warehouse; a failed run
leaves the previous one as it was.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from transforms.ranks import rank_table
from warehouse.arrow import rows_to_arrow, write_parquet_atomic
from warehouse.attendance_merge import merge_duplicate_attendance
from warehouse.people import apply_people
from warehouse.previous import PreviousWarehouse
from warehouse.schema import BY_NAME, FACT_TABLES, TABLES, create_table_sql
from warehouse.views import VIEWS, create_view_sql

DB_NAME = "minutes.duckdb"
KEEP_RELEASES = 2


def write_part(parts_dir: Path, table: str, batch_number: int, rows: list[dict[str, Any]]) -> None:
    """One batch's rows of one table as a Parquet part."""
    if rows:
        write_parquet_atomic(rows_to_arrow(table, rows), parts_dir / table / f"batch-{batch_number:06d}.parquet")


def _parts(parts_dir: Path, table: str) -> str | None:
    folder = parts_dir / table
    return str(folder / "*.parquet") if folder.is_dir() and any(folder.glob("*.parquet")) else None


def _select(con: duckdb.DuckDBPyConnection, table: str, sql: str) -> pa.Table:
    """Run ``sql`` and cast the result to the table's schema, ordered by its key."""
    t = BY_NAME[table]
    cols = ", ".join(f'"{c}"' for c in t.column_names)
    order = ", ".join(f'"{k}"' for k in t.key)
    arrow = con.sql(f"SELECT {cols} FROM ({sql}) ORDER BY {order}").to_arrow_table()
    return arrow.cast(rows_to_arrow(table, []).schema)


def _empty(table: str) -> str:
    t = BY_NAME[table]
    return "SELECT " + ", ".join(f'CAST(NULL AS {c.type}) AS "{c.name}"' for c in t.columns) + " WHERE FALSE"


def final_tables(parts_dir: Path, previous: PreviousWarehouse | None = None,
                 reused: frozenset[str] | set[str] = frozenset()) -> dict[str, pa.Table]:
    """The published tables, from the parts of every batch plus, for documents whose bytes did
    not change (``reused``), their rows in the previous warehouse."""
    con = duckdb.connect()
    src = {t.name: _parts(parts_dir, t.name) for t in TABLES}
    con.register("reused_ids", pa.table({"document_id": pa.array(sorted(reused), pa.string())}))

    def scan(name: str) -> str:
        # Files are opened through the relational API (no path is ever pasted into SQL: a
        # warehouse folder named "O'Brien's" must work) and queried as views by name.
        new = _empty(name)
        if src[name]:
            con.read_parquet(src[name]).create_view(f"new_{name}")
            new = f'SELECT * FROM "new_{name}"'
        old = previous.parquet(name) if previous is not None and reused else None
        if old is None or name == "documents":
            return f"({new})"
        con.read_parquet(old).create_view(f"old_{name}")
        return (f'({new} UNION ALL BY NAME SELECT * FROM "old_{name}" '
                f"WHERE document_id IN (SELECT document_id FROM reused_ids))")

    # The same bytes found twice (two paths) are one document; its first path names it.
    con.execute(f"""CREATE TEMP TABLE docs AS SELECT * FROM {scan('documents')}
                    QUALIFY row_number() OVER (PARTITION BY document_id ORDER BY source_uri) = 1""")
    # Several documents of one meeting: the newest supplies the rows (ties: the larger, then id).
    con.execute("""CREATE TEMP TABLE primary_docs AS SELECT document_id, meeting_id FROM docs
                   WHERE status = 'loaded' AND meeting_id IS NOT NULL
                   QUALIFY row_number() OVER (PARTITION BY meeting_id ORDER BY source_modified DESC NULLS LAST,
                                              char_count DESC, document_id) = 1""")
    out: dict[str, pa.Table] = {}
    out["documents"] = _select(con, "documents", """
        SELECT d.* REPLACE (p.document_id IS NOT NULL AS is_primary)
        FROM docs d LEFT JOIN primary_docs p USING (document_id)""")
    for table in FACT_TABLES:
        key = ", ".join(BY_NAME[table].key) if table != "meetings" else "meeting_id"
        out[table] = _select(con, table, f"""
            SELECT f.* FROM {scan(table)} f SEMI JOIN primary_docs p USING (document_id)
            QUALIFY row_number() OVER (PARTITION BY {key} ORDER BY document_id) = 1""")
    apply_people(out)
    con.register("merged_attendance", rows_to_arrow("rejected_rows", merge_duplicate_attendance(out)))
    out["document_text"] = _select(con, "document_text", f"""
        SELECT * FROM {scan('document_text')}
        WHERE document_id IN (SELECT document_id FROM docs WHERE status = 'loaded')
        QUALIFY row_number() OVER (PARTITION BY document_id) = 1""")
    out["parse_warnings"] = _select(con, "parse_warnings", f"""
        SELECT * FROM {scan('parse_warnings')}
        WHERE document_id IN (SELECT document_id FROM docs WHERE status = 'loaded')
        QUALIFY row_number() OVER (PARTITION BY document_id, warning_index) = 1""")
    out["ranks"] = rows_to_arrow("ranks", rank_table())
    out["quarantine"] = _select(con, "quarantine", f"""
        SELECT * FROM {scan('quarantine')}
        QUALIFY row_number() OVER (PARTITION BY document_id, stage, check_name ORDER BY quarantined_at) = 1""")
    out["rejected_rows"] = _select(con, "rejected_rows", f"""
        SELECT * FROM (SELECT * FROM {scan('rejected_rows')}
                       WHERE document_id IN (SELECT document_id FROM docs WHERE status = 'loaded')
                       UNION ALL BY NAME SELECT * FROM merged_attendance)
        QUALIFY row_number() OVER (PARTITION BY table_name, document_id, row_key, check_name) = 1""")
    con.close()
    for t in TABLES:  # tables filled by later steps (runs, document_versions) start empty
        out.setdefault(t.name, rows_to_arrow(t.name, []))
    return out


def write_release(tables: dict[str, pa.Table], release_dir: Path) -> Path:
    """Parquet per table under ``release_dir/parquet/`` (``Table.parquet_file``) and a DuckDB file
    loaded from them, with column comments and the views. Returns the DuckDB path."""
    for name, table in tables.items():
        write_parquet_atomic(table, release_dir / "parquet" / BY_NAME[name].parquet_file)
    db_path = release_dir / DB_NAME
    if db_path.exists():
        db_path.unlink()
    # Readable by DuckDB 1.4+ too (BI drivers often bundle an older DuckDB than this one). One
    # thread and a commit per statement: the file is a build that is only published whole (by
    # swap_into_place), and this way DuckDB holds one table's rows at a time, not all of them
    # (about 90 MB less at 10,000 documents, in the same time; it runs beside the table checks).
    con = duckdb.connect(str(db_path), config={"storage_compatibility_version": "v1.4.0", "threads": 1})
    try:
        for t in TABLES:
            for stmt in create_table_sql(t):
                con.execute(stmt)
            parquet = release_dir / "parquet" / t.parquet_file
            con.execute(f'INSERT INTO "{t.name}" SELECT * FROM read_parquet(?)', [str(parquet)])
        for v in VIEWS:
            for stmt in create_view_sql(v):
                con.execute(stmt)
        con.execute("CHECKPOINT")
    finally:
        con.close()
    return db_path


def discard_tables(release_dir: Path) -> None:
    """Remove what ``write_release`` wrote into ``release_dir`` (a release that will not be published)."""
    shutil.rmtree(release_dir / "parquet", ignore_errors=True)
    (release_dir / DB_NAME).unlink(missing_ok=True)


def _switch_symlink(link: Path, target: Path) -> None:
    tmp = link.with_name(f".{link.name}.new")
    if tmp.is_symlink() or tmp.exists():
        tmp.unlink()
    tmp.symlink_to(os.path.relpath(target, link.parent))
    if link.exists() and not link.is_symlink():  # a real folder from an older layout
        shutil.rmtree(link)
    os.replace(tmp, link)


def swap_into_place(release_dir: Path, warehouse_dir: Path) -> None:
    """Publish a checked release: each switch is one atomic rename."""
    _switch_symlink(warehouse_dir / "parquet", release_dir / "parquet")
    if (release_dir / "data-docs").exists():
        _switch_symlink(warehouse_dir / "data-docs", release_dir / "data-docs")
    # The DuckDB file is renamed into place last: a reader opening minutes.duckdb gets the new
    # release only once all of it is there; one holding the old file open keeps reading it.
    os.replace(release_dir / DB_NAME, warehouse_dir / DB_NAME)
    prune_releases(warehouse_dir / "releases", keep=release_dir.name)


def prune_releases(releases: Path, keep: str) -> None:
    """Keep the newest few releases (readers of parquet/ may still hold the previous one)."""
    if not releases.exists():
        return
    old = sorted((p for p in releases.iterdir() if p.is_dir() and p.name != keep), key=lambda p: p.name)
    for p in old[: max(0, len(old) - (KEEP_RELEASES - 1))]:
        shutil.rmtree(p, ignore_errors=True)
