"""Faults: killed runs, concurrent runs, readers during a publish, a full disk. The previous
warehouse always stays readable and unchanged; the next run converges; nothing is lost."""

from __future__ import annotations

import os
import resource
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from flows.lock import WarehouseLocked, run_lock
from flows.pipeline import run_plain
from flows.settings import SAMPLES_DIR, Settings
from tests.conftest import ROOT, table_contents, table_rows

pytestmark = pytest.mark.slow

# run-specific tables: the run log, first-seen run ids, first-quarantined times
RUN_SPECIFIC = ("runs", "document_versions", "quarantine")


def core(db: Path) -> dict:
    return {k: v for k, v in table_contents(db).items() if k not in RUN_SPECIFIC}


def cli(*args: str, env: dict | None = None, **kw) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "flows.cli", *args], cwd=ROOT, env={**os.environ, **(env or {})},
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, **kw)


def accounting_holds(db: Path) -> None:
    (seen, loaded, quarantined), = table_rows(db, """
        SELECT count(*), count(*) FILTER (WHERE status = 'loaded'), count(*) FILTER (WHERE status = 'quarantined')
        FROM documents""")
    assert seen == loaded + quarantined
    missing = table_rows(db, """SELECT count(*) FROM documents d WHERE status = 'quarantined'
                                AND NOT EXISTS (SELECT 1 FROM quarantine q WHERE q.document_id = d.document_id)""")
    assert missing == [(0,)]


@pytest.fixture
def src(tmp_path: Path) -> Path:
    dst = tmp_path / "src"
    shutil.copytree(SAMPLES_DIR, dst)
    return dst


def _add_document(src: Path, n: int = 1) -> None:
    (src / f"extra-{n}.txt").write_text(
        f"Police and Crime Panel\nMinutes of the meeting held on Friday {n + 5} March 2026\n"
        f"RESOLVED that the Panel note extra report {n}.\n", encoding="utf-8")


@pytest.mark.parametrize("point", ["extract", "normalise", "before_swap"])
def test_killed_run_leaves_previous_warehouse_and_next_run_converges(tmp_path, src, point):
    wh, state = tmp_path / "wh", tmp_path / "state"
    run_plain(Settings(source_dir=src, warehouse_dir=wh, state_dir=state))
    before = table_contents(wh / "minutes.duckdb")
    _add_document(src)
    proc = cli("run", "--plain", "--source", str(src), "--warehouse", str(wh), "--state", str(state),
               env={"MINUTES_FAULT_PAUSE": point})
    marker = state / f"paused-at-{point}"
    deadline = time.monotonic() + 180
    while not marker.exists() and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert marker.exists(), proc.stdout.read() if proc.poll() is not None else "timed out"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert table_contents(wh / "minutes.duckdb") == before  # unchanged and readable
    accounting_holds(wh / "minutes.duckdb")
    # the next run gets the lock (the kernel released the dead run's) and converges
    after = run_plain(Settings(source_dir=src, warehouse_dir=wh, state_dir=state))
    assert after.outcome == "published"
    fresh = run_plain(Settings(source_dir=src, warehouse_dir=tmp_path / "fresh", state_dir=tmp_path / "s2"))
    assert core(after.db_path) == core(fresh.db_path)
    accounting_holds(after.db_path)
    assert not list((state / "runs").glob("*")), "staging left behind"


def test_a_second_run_is_refused_while_one_holds_the_warehouse(tmp_path, src):
    wh = tmp_path / "wh"
    with run_lock(wh):
        with pytest.raises(WarehouseLocked, match="another run is already using"):
            with run_lock(wh):
                pass
        r = subprocess.run([sys.executable, "-m", "flows.cli", "run", "--plain", "--source", str(src),
                            "--warehouse", str(wh), "--state", str(tmp_path / "state")],
                           cwd=ROOT, capture_output=True, text=True)
        assert r.returncode == 2
        assert r.stderr.startswith("minutes: another run is already using") and f"pid {os.getpid()}" in r.stderr
    with run_lock(wh):  # released on exit
        pass


def test_a_lock_left_by_a_killed_run_is_recovered(tmp_path, src):
    wh, state = tmp_path / "wh", tmp_path / "state"
    proc = cli("run", "--plain", "--source", str(src), "--warehouse", str(wh), "--state", str(state),
               env={"MINUTES_FAULT_PAUSE": "extract"})
    while not (state / "paused-at-extract").exists() and proc.poll() is None:
        time.sleep(0.05)
    with pytest.raises(WarehouseLocked):
        with run_lock(wh):
            pass
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert (wh / ".minutes.lock").exists()  # the file stays; the lock on it died with the process
    summary = run_plain(Settings(source_dir=src, warehouse_dir=wh, state_dir=state))
    assert summary.outcome == "published"


def test_a_reader_holding_the_warehouse_never_blocks_a_publish_nor_sees_a_mix(tmp_path, src):
    wh, state = tmp_path / "wh", tmp_path / "state"
    first = run_plain(Settings(source_dir=src, warehouse_dir=wh, state_dir=state))
    reader = duckdb.connect(str(first.db_path), read_only=True)
    old_counts = reader.execute("SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM decisions)").fetchone()
    _add_document(src)
    second = run_plain(Settings(source_dir=src, warehouse_dir=wh, state_dir=state))  # publishes while it reads
    assert second.outcome == "published"
    # the open reader still sees the old release, whole and consistent
    assert reader.execute("SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM decisions)").fetchone() \
        == old_counts
    reader.close()
    new = duckdb.connect(str(second.db_path), read_only=True)
    assert new.execute("SELECT count(*) FROM documents").fetchone()[0] == old_counts[0] + 1
    new.close()


def _limit_file_size() -> None:
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # writes past the limit fail with EFBIG instead
    resource.setrlimit(resource.RLIMIT_FSIZE, (200_000, 200_000))


def test_a_full_disk_fails_the_run_cleanly(tmp_path, src):
    wh, state = tmp_path / "wh", tmp_path / "state"
    run_plain(Settings(source_dir=src, warehouse_dir=wh, state_dir=state))
    before = table_contents(wh / "minutes.duckdb")
    _add_document(src)
    # every file the run writes may hold at most 200 kB: the DuckDB file cannot be written
    r = subprocess.run([sys.executable, "-m", "flows.cli", "run", "--plain", "--source", str(src),
                        "--warehouse", str(wh), "--state", str(state)], cwd=ROOT, capture_output=True, text=True,
                       preexec_fn=_limit_file_size)
    assert r.returncode == 1, r.stdout + r.stderr
    assert "Traceback" not in r.stderr
    assert "run failed" in r.stderr and "nothing published" in r.stderr
    after = table_contents(wh / "minutes.duckdb")
    # the failed run is on record (in the runs table when the full disk let it be added, in the
    # warehouse's run log in any case); every other table is as it was
    assert after.pop("runs")[:1] == before.pop("runs")
    assert after == before
    assert not list((wh / "releases").glob("*/minutes.duckdb")), "half-written release left behind"
    from flows import runlog
    assert runlog.read(wh)[-1].outcome == "failed"


def test_five_runs_give_byte_identical_parquet_and_identical_tables(tmp_path, src):
    wh, state = tmp_path / "wh", tmp_path / "state"
    digests, checksums = [], []
    for i in range(5):
        s = run_plain(Settings(source_dir=src, warehouse_dir=wh, state_dir=state, force=True), with_checks=i == 0)
        parquet = (wh / "parquet").glob("*/*.parquet")
        digests.append({p.name: p.read_bytes() for p in parquet if p.name != "runs.parquet"})
        checksums.append({t: table_rows(s.db_path, f'SELECT bit_xor(hash(x)) FROM (SELECT * FROM "{t}") x')
                          for t in core(s.db_path)})
        accounting_holds(s.db_path)
    assert all(d == digests[0] for d in digests)
    assert all(c == checksums[0] for c in checksums)
