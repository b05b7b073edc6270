"""One row per person per meeting: a page naming one person as present and with apologies
gives one attendance row (the later statement, flags combined); the merged row is on record."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from flows.pipeline import run_plain
from flows.settings import SAMPLES_DIR, Settings
from tests.conftest import table_rows

PRESENT = "DCC Owen Fairley | Deputy Chief Constable |"


@pytest.mark.slow
def test_a_person_present_and_with_apologies_has_one_attendance_row(tmp_path: Path):
    src = tmp_path / "src"
    src.mkdir()
    page = (SAMPLES_DIR / "kent-board-2026-01-20.txt").read_text(encoding="utf-8")
    assert PRESENT in page and "Apologies\nACC Neil Travers\n" in page
    page = page.replace(PRESENT, "DCC Owen Fairley (Teams) | Deputy Chief Constable |")
    (src / "board.txt").write_text(page.replace("Apologies\nACC Neil Travers\n",
                                                "Apologies\nACC Neil Travers\nDCC Owen Fairley\n"), encoding="utf-8")
    s = run_plain(Settings(source_dir=src, warehouse_dir=tmp_path / "wh", state_dir=tmp_path / "state", workers=1))
    db = s.db_path
    assert s.quarantined == 0
    assert table_rows(db, "SELECT count(*) FROM (SELECT meeting_id, person_id FROM attendance "
                          "GROUP BY ALL HAVING count(*) > 1)") == [(0,)]
    rows = table_rows(db, "SELECT status, rank, role, remote FROM attendance WHERE name = 'Owen Fairley'")
    # the later statement (apologies) wins; rank and role come from the earlier row; flags combined
    assert rows == [("apologies", "DCC", "Deputy Chief Constable", True)]
    assert table_rows(db, "SELECT appearances FROM people WHERE name = 'Owen Fairley'") == [(1,)]
    merged = table_rows(db, "SELECT table_name, check_name, reason, row_json FROM rejected_rows")
    assert len(merged) == 1
    table, check, reason, row_json = merged[0]
    assert (table, check) == ("attendance", "one_attendance_row_per_person_per_meeting")
    assert "Owen Fairley is named twice for this meeting (present here, apologies later" in reason
    assert json.loads(row_json)["status"] == "present"
    assert table_rows(db, "SELECT kind, stage, table_name FROM data_quality_issues") == [
        ("row rejected", "publish", "attendance")]
    # the dashboard's attendance grid and table now agree: no one is both present and absent
    assert table_rows(db, "SELECT apologies FROM meeting_summary") == [(2,)]
