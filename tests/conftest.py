"""Shared test helpers: where ../shared is, building warehouses, reading tables."""

from __future__ import annotations

import os
from pathlib import Path

import duckdb
import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
FIXTURES = Path(__file__).resolve().parent / "fixtures"

os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")
os.environ.setdefault("TQDM_DISABLE", "1")


@pytest.fixture
def shared() -> Path:
    if not (SHARED / "seeds").is_dir():
        pytest.skip("../shared is not beside the project")
    return SHARED


def table_rows(db: Path, sql: str) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql).fetchall()


def table_contents(db: Path) -> dict[str, list[tuple]]:
    """Every base table's rows in key order (for comparing two warehouses)."""
    from warehouse.schema import TABLES

    out = {}
    with duckdb.connect(str(db), read_only=True) as con:
        for t in TABLES:
            order = ", ".join(t.key)
            out[t.name] = con.execute(f'SELECT * FROM "{t.name}" ORDER BY {order}').fetchall()
    return out


@pytest.fixture
def samples_copy(tmp_path: Path) -> Path:
    """A copy of the bundled samples/ folder to add files to."""
    import shutil

    from flows.settings import SAMPLES_DIR

    dst = tmp_path / "src"
    shutil.copytree(SAMPLES_DIR, dst)
    return dst
