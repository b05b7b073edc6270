"""Reading the published warehouse: read-only, short-lived connections, cached per file version.

The publisher replaces ``minutes.duckdb`` with ``os.replace``: the path then names a new file
(new inode). A reader that opened the old file keeps reading it; the next query opens the new
one. Results are cached under the file's identity (inode, mtime, size), so they are reused until
a new warehouse is published and never outlive it.

>>> reader = WarehouseReader(Path("warehouse-out"))        # doctest: +SKIP
>>> reader.query("SELECT count(*) AS n FROM action_register WHERE is_overdue").n[0]  # doctest: +SKIP
3
"""

from __future__ import annotations

import os
import threading
from collections import OrderedDict
from collections.abc import Sequence
from pathlib import Path

import duckdb
import pandas as pd

DB_NAME = "minutes.duckdb"  # same name as warehouse.publish.DB_NAME (not imported: keeps this light)
ENV_WAREHOUSE = "MINUTES_WAREHOUSE_DIR"
DEFAULT_WAREHOUSE = Path("warehouse-out")

# No file system access beyond the database file, no extensions fetched, and a query cannot
# switch that back on.
READ_ONLY_CONFIG = {
    "enable_external_access": False,
    "autoinstall_known_extensions": False,
    "autoload_known_extensions": False,
    "lock_configuration": True,
}

Version = tuple[int, int, int]


class WarehouseMissing(Exception):
    """No published warehouse at the expected place yet."""


def warehouse_dir_from_env() -> Path:
    """The warehouse folder the app serves: $MINUTES_WAREHOUSE_DIR or ./warehouse-out."""
    return Path(os.environ.get(ENV_WAREHOUSE) or DEFAULT_WAREHOUSE).absolute()


def file_version(path: Path) -> Version:
    """Identity of the file now at ``path``: changes whenever a new warehouse is published.

    >>> import tempfile; p = Path(tempfile.mkdtemp()) / "f"; _ = p.write_text("x")
    >>> file_version(p) == file_version(p)
    True
    """
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise WarehouseMissing(f"no warehouse at {path}: run `minutes run` first") from None
    return (st.st_ino, st.st_mtime_ns, st.st_size)


def read_only_connection(path: Path) -> duckdb.DuckDBPyConnection:
    return duckdb.connect(str(path), read_only=True, config=dict(READ_ONLY_CONFIG))


class WarehouseReader:
    """Runs queries on one warehouse folder; one instance is shared by every browser session."""

    def __init__(self, warehouse_dir: Path, max_entries: int = 256) -> None:
        self.warehouse_dir = Path(warehouse_dir)
        self.db_path = self.warehouse_dir / DB_NAME
        self._cache: OrderedDict[tuple, pd.DataFrame] = OrderedDict()
        self._max_entries = max_entries
        self._lock = threading.Lock()

    def version(self) -> Version:
        return file_version(self.db_path)

    def query(self, sql: str, params: Sequence[object] = ()) -> pd.DataFrame:
        """The result of ``sql`` on the warehouse as published now (a copy: callers may modify it)."""
        params = tuple(params)
        for _ in range(5):
            before = self.version()
            key = (before, sql, params)
            with self._lock:
                if key in self._cache:
                    self._cache.move_to_end(key)
                    return self._cache[key].copy()
            with read_only_connection(self.db_path) as con:
                df = con.execute(sql, list(params)).df()
            # Only cache what was read from the file the key names: a publish may have swapped
            # the file between the stat and the connect.
            if self.version() == before:
                self._remember(key, df)
                return df.copy()
        return df

    def _remember(self, key: tuple, df: pd.DataFrame) -> None:
        with self._lock:
            self._cache[key] = df
            while len(self._cache) > self._max_entries:
                self._cache.popitem(last=False)
            # Results of earlier versions are never asked for again.
            for old in [k for k in self._cache if k[0] != key[0]]:
                del self._cache[old]

    def scalar(self, sql: str, params: Sequence[object] = ()) -> object:
        df = self.query(sql, params)
        return None if df.empty else df.iat[0, 0]
