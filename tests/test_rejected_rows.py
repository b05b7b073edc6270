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


def test_an_ownerless_action_is_rejected_and_the_rest_of_the_page_loads(tmp_path: Path):
    src = tmp_path / "src"
    src.mkdir()
    page = (SAMPLES_DIR / "kent-board-2026-01-20.txt").read_text(encoding="utf-8")
    assert OWNED in page
    (src / "board.txt").write_text(page.replace(OWNED, OWNERLESS), encoding="utf-8")
    shutil.copy(SAMPLES_DIR / "panel-2025-10-07.html", src)  # a clean document beside it
    s = run_plain(Settings(source_dir=src, warehouse_dir=tmp_path / "wh", state_dir=tmp_path / "state", workers=1))
    db = s.db_path
    assert s.documents == s.loaded + s.quarantined == 2 and s.quarantined == 0
    doc = table_rows(db, "SELECT document_id, meeting_id FROM documents WHERE source_uri LIKE '%board.txt'")[0]
    # the meeting, its attendees and its other action loaded
    assert table_rows(db, f"SELECT count(*) FROM meetings WHERE meeting_id = '{doc[1]}'") == [(1,)]
    assert table_rows(db, f"SELECT count(*) FROM attendance WHERE document_id = '{doc[0]}'") == [(11,)]
    assert table_rows(db, f"SELECT action_ref, owner FROM actions WHERE document_id = '{doc[0]}'") == [
        ("3/26", "Daniel Okafor")]
    # the ownerless one is in rejected_rows, with its reason and the row itself
    rejected = table_rows(db, "SELECT table_name, document_id, check_name, reason, row_json FROM rejected_rows")
    assert len(rejected) == 1
    table, document_id, check, reason, row_json = rejected[0]
    assert (table, document_id, check) == ("actions", doc[0], "expect_column_values_to_not_be_null(owner)")
    assert reason == "Expected every action to name its owner, but this row has owner=null."
    row = json.loads(row_json)
    assert row["action_ref"] == "4/26" and row["owner"] is None and row["description"] == OWNERLESS
    # the data-quality view shows it; nothing was quarantined
    assert table_rows(db, "SELECT kind, table_name, check_name FROM data_quality_issues") == [
        ("row rejected", "actions", "expect_column_values_to_not_be_null(owner)")]
    assert table_rows(db, "SELECT count(*) FROM quarantine") == [(0,)]
