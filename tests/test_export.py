"""`minutes export`: every table and view of the sample warehouse as CSV or Parquet."""

from __future__ import annotations

import csv
import shutil

import duckdb
import pyarrow.parquet as pq
import pytest

from dashboard.cli import main
from dashboard.data import WarehouseMissing
from dashboard.export import export_warehouse
from flows.pipeline import run_plain
from flows.settings import SAMPLES_DIR, Settings
from warehouse.schema import TABLES
from warehouse.views import VIEWS

NAMES = [t.name for t in TABLES] + [v.name for v in VIEWS]


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("export")
    shutil.copytree(SAMPLES_DIR, tmp / "src")
    return run_plain(Settings(source_dir=tmp / "src", warehouse_dir=tmp / "wh", state_dir=tmp / "state"),
                     with_checks=False).warehouse_dir


def _count(warehouse, name: str) -> int:
    with duckdb.connect(str(warehouse / "minutes.duckdb"), read_only=True) as con:
        return con.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0]


def test_csv_export_writes_every_table_and_view_excel_friendly(warehouse, tmp_path):
    files = export_warehouse(warehouse, tmp_path, "csv")
    assert sorted(f.stem for f in files) == sorted(NAMES)
    for name in NAMES:
        raw = (tmp_path / f"{name}.csv").read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf"), name  # the BOM tells Excel it is UTF-8
        with open(tmp_path / f"{name}.csv", encoding="utf-8-sig", newline="") as f:
            rows = list(csv.DictReader(f))
        assert len(rows) == _count(warehouse, name), name
    with open(tmp_path / "action_register.csv", encoding="utf-8-sig", newline="") as f:
        register = list(csv.DictReader(f))
    days = [r["days_open"] for r in register if r["days_open"]]
    assert days and all(d.isdigit() for d in days)  # integers with NULLs stay integers, not 14.0
    assert all(r["raised_on"] == "" or len(r["raised_on"]) == 10 for r in register)  # YYYY-MM-DD
    assert not list(tmp_path.glob(".*.tmp"))


def test_parquet_export_keeps_types(warehouse, tmp_path):
    export_warehouse(warehouse, tmp_path, "parquet")
    assert sorted(p.stem for p in tmp_path.glob("*.parquet")) == sorted(NAMES)
    meetings = pq.read_table(tmp_path / "meetings.parquet")
    assert str(meetings.schema.field("meeting_date").type) == "date32[day]"
    assert meetings.num_rows == _count(warehouse, "meetings")
    summary = pq.read_table(tmp_path / "attendance_summary.parquet")
    assert str(summary.schema.field("attendance_rate").type) == "double"


def test_export_command_line(warehouse, tmp_path, capsys):
    assert main(["export", "--format", "csv", "--warehouse", str(warehouse), "--out", str(tmp_path / "out")]) == 0
    assert f"wrote {len(NAMES)} csv files" in capsys.readouterr().out
    assert main(["export", "--format", "csv", "--warehouse", str(tmp_path / "none"), "--out", str(tmp_path)]) == 2
    with pytest.raises(WarehouseMissing):
        export_warehouse(tmp_path / "none", tmp_path, "parquet")


def test_export_to_a_filesystem_uri(tmp_path):
    """Object storage goes through pyarrow's filesystems; a file:// URI exercises the same path."""
    import pyarrow.parquet as pq

    from dashboard.export import export_to_uri
    from flows.pipeline import run_plain
    from flows.settings import SAMPLES_DIR, Settings

    summary = run_plain(Settings(source_dir=SAMPLES_DIR, warehouse_dir=tmp_path / "wh", state_dir=tmp_path / "st"),
                        with_checks=False)
    written = export_to_uri(tmp_path / "wh", f"file://{tmp_path}/bucket/minutes", "parquet")
    assert f"{tmp_path}/bucket/minutes/meetings.parquet" in written
    meetings = pq.read_table(tmp_path / "bucket" / "minutes" / "meetings.parquet")
    assert meetings.num_rows == summary.table_rows["meetings"]
    assert not list((tmp_path / "bucket" / "minutes").glob(".*.tmp"))


def test_the_cli_names_the_warehouse_file_and_variable_as_the_dashboard_does():
    import dashboard.cli
    import dashboard.data

    assert dashboard.cli.DB_NAME == dashboard.data.DB_NAME
    assert dashboard.cli.ENV_WAREHOUSE == dashboard.data.ENV_WAREHOUSE
