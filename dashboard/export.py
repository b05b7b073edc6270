"""Every table and view of the published warehouse as files, for Excel, Power BI and friends.

>>> export_warehouse(Path("warehouse-out"), Path("export"), "csv")   # doctest: +SKIP
[PosixPath('export/documents.csv'), ..., PosixPath('export/data_quality_quarantine.csv')]

CSV is UTF-8 with a byte-order mark (so Excel reads accents correctly), comma-separated, dates as
``YYYY-MM-DD``, empty for NULL. Parquet keeps the warehouse's column types. Views are computed at
export time (``is_overdue`` is as of the export day).
"""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from dashboard.data import DB_NAME, WarehouseMissing, read_only_connection

FORMATS = ("csv", "parquet")


def relation_names(con) -> list[str]:
    """Tables first (schema order of creation), then views, as DuckDB lists them."""
    rows = con.execute("""SELECT table_name, table_type FROM information_schema.tables
                          WHERE table_schema = 'main' ORDER BY table_type = 'VIEW', table_name""").fetchall()
    return [name for name, _ in rows]


def _write_csv(table: pa.Table, path: Path) -> None:
    # ArrowDtype keeps integer columns with NULLs as integers (not 3.0) and dates as dates.
    frame = table.to_pandas(types_mapper=pd.ArrowDtype)
    frame.to_csv(path, index=False, encoding="utf-8-sig")


def export_to_uri(warehouse_dir: Path, uri: str, fmt: str) -> list[str]:
    """Like export_warehouse, to a filesystem URI pyarrow knows (``s3://bucket/prefix``,
    ``gs://…``, ``file:///…``); credentials come from the environment as pyarrow reads them.
    Each file is written under a temporary name and moved into place."""
    from pyarrow import fs as pafs

    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {FORMATS}, not {fmt!r}")
    db = Path(warehouse_dir) / DB_NAME
    if not db.exists():
        raise WarehouseMissing(f"no warehouse at {db}: run `minutes run` first")
    filesystem, root = pafs.FileSystem.from_uri(uri)
    filesystem.create_dir(root, recursive=True)
    written = []
    with read_only_connection(db) as con:
        for name in relation_names(con):
            table = con.sql(f'SELECT * FROM "{name}"').to_arrow_table()
            final, tmp = f"{root}/{name}.{fmt}", f"{root}/.{name}.{fmt}.tmp"
            if fmt == "csv":
                with filesystem.open_output_stream(tmp) as out:
                    out.write(table.to_pandas(types_mapper=pd.ArrowDtype).to_csv(index=False).encode("utf-8-sig"))
            else:
                pq.write_table(table, tmp, filesystem=filesystem)
            filesystem.move(tmp, final)
            written.append(final)
    return written


def export_warehouse(warehouse_dir: Path, out_dir: Path, fmt: str) -> list[Path]:
    """Write ``<out_dir>/<name>.<fmt>`` for every table and view; returns the files written.

    Each file is written beside its final name and renamed into place, so a reader never sees
    half a file."""
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {FORMATS}, not {fmt!r}")
    db = Path(warehouse_dir) / DB_NAME
    if not db.exists():
        raise WarehouseMissing(f"no warehouse at {db}: run `minutes run` first")
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    with read_only_connection(db) as con:
        for name in relation_names(con):
            table = con.sql(f'SELECT * FROM "{name}"').to_arrow_table()
            final = out_dir / f"{name}.{fmt}"
            tmp = final.with_name(f".{final.name}.tmp")
            if fmt == "csv":
                _write_csv(table, tmp)
            else:
                pq.write_table(table, tmp)
            os.replace(tmp, final)
            written.append(final)
    return written
