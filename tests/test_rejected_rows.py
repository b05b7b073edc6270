"""Row-level rejects: one bad row goes to `rejected_rows`, the rest of its document loads."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from flows.pipeline import run_plain
from flows.settings import SAMPLES_DIR, Settings
from tests.conftest import table_rows

pytestmark = pytest.mark.slow

OWNED = "DCO Priya Raman to review the estates disposal schedule with the OPCC."
OWNERLESS = "Review the estates disposal schedule with the OPCC."
BAD_DUE = "DCO Priya Raman to review the estates disposal schedule with the OPCC by 3 May 2095."


def _run_with(tmp_path: Path, replacement: str):
    src = tmp_path / "src"
    src.mkdir()
    page = (SAMPLES_DIR / "kent-board-2026-01-20.txt").read_text(encoding="utf-8")
    assert OWNED in page
    (src / "board.txt").write_text(page.replace(OWNED, replacement), encoding="utf-8")
    shutil.copy(SAMPLES_DIR / "panel-2025-10-07.html", src)  # a clean document beside it
    s = run_plain(Settings(source_dir=src, warehouse_dir=tmp_path / "wh", state_dir=tmp_path / "state", workers=1))
    assert s.documents == s.loaded + s.quarantined == 2 and s.quarantined == 0
    doc = table_rows(s.db_path, "SELECT document_id, meeting_id FROM documents WHERE source_uri LIKE '%board.txt'")[0]
    return s.db_path, doc


def test_an_ownerless_action_loads_flagged_by_its_null_owner(tmp_path: Path):
    db, doc = _run_with(tmp_path, OWNERLESS)
    # the text does not say who owns it: owner NULL, the action and the rest of the page load
    assert table_rows(db, f"SELECT action_ref, owner FROM actions WHERE document_id = '{doc[0]}' ORDER BY 1") == [
        ("3/26", "Daniel Okafor"), ("4/26", None)]
    assert table_rows(db, "SELECT count(*) FROM rejected_rows WHERE table_name = 'actions'") == [(0,)]
    assert table_rows(db, "SELECT count(*) FROM quarantine") == [(0,)]


def test_a_bad_row_is_rejected_and_the_rest_of_the_page_loads(tmp_path: Path):
    db, doc = _run_with(tmp_path, BAD_DUE)
    # the meeting, its attendees and its other action loaded
    assert table_rows(db, f"SELECT count(*) FROM meetings WHERE meeting_id = '{doc[1]}'") == [(1,)]
    assert table_rows(db, f"SELECT count(*) FROM attendance WHERE document_id = '{doc[0]}'") == [(11,)]
    assert table_rows(db, f"SELECT action_ref, owner FROM actions WHERE document_id = '{doc[0]}'") == [
        ("3/26", "Daniel Okafor")]
    # the one with a due date seventy years on is in rejected_rows, with its reason and the row itself
    rejected = table_rows(db, "SELECT table_name, document_id, check_name, reason, row_json FROM rejected_rows")
    assert len(rejected) == 1
    table, document_id, check, reason, row_json = rejected[0]
    assert (table, document_id) == ("actions", doc[0]) and check.startswith("expect_column_values_to_be_between")
    assert "due_date" in reason and "2095" in reason
    row = json.loads(row_json)
    assert row["action_ref"] == "4/26" and row["owner"] == "Priya Raman" and row["due_date"].startswith("2095")
    # the data-quality view shows it; nothing was quarantined
    assert table_rows(db, "SELECT kind, table_name FROM data_quality_issues") == [("row rejected", "actions")]
    assert table_rows(db, "SELECT count(*) FROM quarantine") == [(0,)]
