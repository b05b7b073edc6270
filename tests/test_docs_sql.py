"""Docs that run: every ```sql block in README.md and docs/*.md, statement by statement, against
a warehouse built from samples/ (placeholder paths point at it)."""

from __future__ import annotations

import re
from pathlib import Path

import duckdb
import pytest

from flows.pipeline import run_plain
from flows.settings import SAMPLES_DIR, Settings
from tests.conftest import ROOT

pytestmark = pytest.mark.slow

SQL_BLOCK = re.compile(r"^```sql\n(.*?)^```", re.DOTALL | re.MULTILINE)
#: how the docs write the warehouse folder
PLACEHOLDERS = ("/absolute/path/to/warehouse-out", "warehouse-out")


def sql_statements() -> list[tuple[str, str]]:
    """(where, statement) for every statement of every SQL block."""
    found = []
    for doc in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]:
        for block in SQL_BLOCK.findall(doc.read_text(encoding="utf-8")):
            for n, stmt in enumerate(s for s in block.split(";") if re.sub(r"--[^\n]*", "", s).strip()):
                found.append((f"{doc.relative_to(ROOT)}#{n + 1}", stmt.strip()))
    return found


STATEMENTS = sql_statements()


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("docs-sql")
    run_plain(Settings(source_dir=SAMPLES_DIR, warehouse_dir=tmp / "warehouse-out", state_dir=tmp / "state",
                       workers=1), with_checks=False)
    return tmp / "warehouse-out"


def test_the_docs_have_sql_to_run():
    assert len(STATEMENTS) >= 6 and any(w.startswith("README.md") for w, _ in STATEMENTS)


@pytest.mark.parametrize("where, statement", STATEMENTS, ids=[w for w, _ in STATEMENTS])
def test_every_sql_block_in_the_docs_runs(warehouse: Path, where: str, statement: str):
    for placeholder in PLACEHOLDERS:
        if placeholder in statement:
            statement = statement.replace(placeholder, str(warehouse))
            break
    with duckdb.connect(str(warehouse / "minutes.duckdb"), read_only=True) as con:
        rows = con.execute(statement).fetchall()
    # the examples are about the samples' facts: the decisions, attendance, runs and files show rows
    if re.search(r"FROM (decisions|attendance|runs|read_parquet)\b", statement):
        assert rows, f"{where} returned nothing on the samples"
