"""Every run on record, per warehouse: published, unchanged, failed and refused runs all appear
in that warehouse's `runs`, never a run of another warehouse sharing the state folder."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from flows.lock import WarehouseLocked, run_lock
from flows.pipeline import run_plain
from flows.settings import SAMPLES_DIR, Settings
from flows.steps import RunFailed
from tests.conftest import ROOT, table_rows

pytestmark = pytest.mark.slow


def _outcomes(db: Path) -> list[str]:
    return [r[0] for r in table_rows(db, "SELECT outcome FROM runs ORDER BY run_id")]


def test_two_warehouses_sharing_a_state_folder_each_list_exactly_their_own_runs(tmp_path, monkeypatch):
    src = tmp_path / "src"
    shutil.copytree(SAMPLES_DIR, src)
    state = tmp_path / "state"
    a = Settings(source_dir=src, warehouse_dir=tmp_path / "a", state_dir=state, workers=1)
    b = Settings(source_dir=src, warehouse_dir=tmp_path / "b", state_dir=state, workers=1)
    first = run_plain(a)
    assert run_plain(b).outcome == "published"
    started = time.perf_counter()
    unchanged = run_plain(a)
    assert unchanged.outcome == "unchanged" and time.perf_counter() - started < 2.0
    # the no-change run is in A's runs at once, with no rebuild; B's run is not
    assert _outcomes(first.db_path) == ["published", "unchanged"]
    assert _outcomes(tmp_path / "b" / "minutes.duckdb") == ["published"]
    # a run refused by the lock is on record too
    with run_lock(a.warehouse_dir), pytest.raises(WarehouseLocked):
        run_plain(a)
    assert _outcomes(first.db_path) == ["published", "unchanged", "refused"]
    # a failed run (the publish step breaks) is on record, and the next publish keeps them all
    (src / "extra.txt").write_text("Police and Crime Panel\nMinutes of the meeting held on Friday 6 March 2026\n"
                                   "RESOLVED that the Panel note the extra report.\n", encoding="utf-8")

    def broken(*_a, **_k):
        raise OSError(28, "No space left on device", "minutes.duckdb")

    monkeypatch.setattr("flows.steps.write_release", broken)
    with pytest.raises(RunFailed):
        run_plain(a, with_checks=False)
    assert _outcomes(first.db_path) == ["published", "unchanged", "refused", "failed"]
    monkeypatch.undo()
    again = run_plain(a, with_checks=False)
    assert _outcomes(again.db_path) == ["published", "unchanged", "refused", "failed", "published"]
    assert _outcomes(tmp_path / "b" / "minutes.duckdb") == ["published"]
    # and the command lists them
    out = subprocess.run([sys.executable, "-m", "flows.cli", "runs", "--warehouse", str(a.warehouse_dir)],
                         cwd=ROOT, capture_output=True, text=True, check=True).stdout
    listed = [line.split()[1] for line in out.splitlines()[1:]]
    assert listed == ["published", "unchanged", "refused", "failed", "published"]
