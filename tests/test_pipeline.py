"""End-to-end runs of the pipeline: real files, real Parquet, real DuckDB, real GX checks."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

import pytest

from flows.pipeline import run_plain
from flows.settings import SAMPLES_DIR, Settings
from tests.conftest import ROOT, table_contents, table_rows

pytestmark = pytest.mark.slow


def _settings(src: Path, tmp: Path, name: str = "wh") -> Settings:
    return Settings(source_dir=src, warehouse_dir=tmp / name, state_dir=tmp / "state")


@pytest.fixture
def sample_copy(tmp_path: Path) -> Path:
    dst = tmp_path / "src"
    shutil.copytree(SAMPLES_DIR, dst)
    return dst


def test_samples_publish_every_table(tmp_path, sample_copy):
    s = run_plain(_settings(sample_copy, tmp_path))
    n_files = sum(1 for p in sample_copy.rglob("*") if p.is_file())
    assert s.documents == n_files == s.loaded + s.quarantined
    assert s.quarantined == 0, s.quarantine
    db = s.db_path
    for table in ("meetings", "attendance", "actions", "action_updates", "decisions", "agenda_items"):
        assert table_rows(db, f"SELECT count(*) FROM {table}")[0][0] > 0, table
    # every fact points at a span of its document's text that says what the row says
    for name, start, end, text in table_rows(db, """
            SELECT a.name, a.char_start, a.char_end, t.text
            FROM attendance a JOIN document_text t USING (document_id)"""):
        assert name.split()[-1] in text[start:end]
    assert (tmp_path / "wh" / "parquet" / "attendance").is_dir()
    assert list((tmp_path / "wh" / "parquet" / "attendance").glob("*.parquet"))


def _bad_inputs(folder: Path) -> dict[str, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    files = {
        "empty": folder / "empty.txt",
        "binary": folder / "binary.txt",
        "cut_html": folder / "cut.html",
        "huge": folder / "huge.txt",
        "cp1252": folder / "cp1252.txt",
        "fake_pdf": folder / "fake.pdf",
    }
    files["empty"].write_bytes(b"")
    files["binary"].write_bytes(bytes(range(256)) * 64)
    files["cut_html"].write_bytes(
        b"<html><body><h1>Police and Crime Panel</h1><p>Minutes of the meeting held on Tuesday 3 March 2026</p>"
        b"<p>1. Apologies</p><p>RESOLVED that the minutes of the last meeting be approved as a correct record.</p>"
        b"<p>2. Budget</p><p>RESOLVED that the Panel note the report.</p><ta")
    with files["huge"].open("wb") as fh:
        line = b"Minutes of a very long meeting. The Panel noted the report and moved on.\n"
        for _ in range(50 * 1024 * 1024 // len(line) + 1):
            fh.write(line)
    files["cp1252"].write_bytes(
        "Police and Crime Panel\nMinutes of the meeting held on Monday 9 February 2026\n"
        "1. Precept\nThe Commissioner\u2019s proposed precept of \u00a312.50 was discussed.\n"
        "RESOLVED that the Panel support the Commissioner\u2019s precept of \u00a312.50.\n".encode("cp1252"))
    files["fake_pdf"].write_bytes(b"%PDF-1.7\n" + os.urandom(4000))
    return files


def test_bad_input_is_loaded_or_quarantined_and_the_rest_publish(tmp_path, sample_copy):
    bad = _bad_inputs(sample_copy / "bad")
    s = run_plain(_settings(sample_copy, tmp_path))
    n_files = sum(1 for p in sample_copy.rglob("*") if p.is_file())
    assert s.documents == n_files == s.loaded + s.quarantined
    status = dict(table_rows(s.db_path, "SELECT source_uri, status FROM documents"))
    reasons = {uri: (check, reason) for uri, check, reason in
               table_rows(s.db_path, "SELECT source_uri, check_name, reason FROM quarantine")}
    for key in ("empty", "binary", "huge", "fake_pdf"):
        uri = str(bad[key])
        assert status[uri] == "quarantined", key
        assert len(reasons[uri][1]) > 10, reasons[uri]
    assert "MB" in reasons[str(bad["huge"])][1]
    # the cut-off page and the Windows-1252 page are readable minutes: loaded, text intact
    assert status[str(bad["cut_html"])] == "loaded"
    assert status[str(bad["cp1252"])] == "loaded"
    texts = dict(table_rows(s.db_path, "SELECT d.source_uri, t.text FROM documents d "
                                       "JOIN document_text t USING (document_id)"))
    assert "\u00a312.50" in texts[str(bad["cp1252"])] and "Commissioner\u2019s" in texts[str(bad["cp1252"])]
    assert "RESOLVED that the Panel note the report." in texts[str(bad["cut_html"])]
    # the good documents all published
    good = [u for u in status if "/bad/" not in u]
    assert good and all(status[u] == "loaded" for u in good)


def test_running_twice_gives_identical_tables(tmp_path, sample_copy):
    first = run_plain(_settings(sample_copy, tmp_path))
    before = table_contents(first.db_path)
    parquet_before = {p.name: p.read_bytes() for p in (tmp_path / "wh" / "parquet").glob("*/*.parquet")}
    # --force: parse and publish everything again, even though nothing changed
    second = run_plain(replace(_settings(sample_copy, tmp_path), force=True))
    assert second.outcome == "published" and second.changes.unchanged == first.documents
    after = table_contents(second.db_path)
    assert [r[-2] for r in after.pop("runs")] == ["published", "published"]  # the run log grows...
    before.pop("runs")
    assert after == before  # ...every other table is identical
    parquet_after = {p.name: p.read_bytes() for p in (tmp_path / "wh" / "parquet").glob("*/*.parquet")}
    parquet_after.pop("runs.parquet"), parquet_before.pop("runs.parquet")
    assert parquet_after == parquet_before  # byte for byte


def _minutes_cmd(*args: str) -> list[str]:
    return [sys.executable, "-m", "flows.cli", *args]


def test_killed_during_load_leaves_previous_warehouse(tmp_path, sample_copy):
    wh, state = tmp_path / "wh", tmp_path / "state"
    first = run_plain(Settings(source_dir=sample_copy, warehouse_dir=wh, state_dir=state))
    before = table_contents(first.db_path)
    (sample_copy / "extra.txt").write_text(
        "Police and Crime Panel\nMinutes of the meeting held on Friday 6 March 2026\n"
        "RESOLVED that the Panel note the extra report.\n", encoding="utf-8")
    env = dict(os.environ, MINUTES_FAULT_PAUSE="before_swap", MINUTES_FAULT_PAUSE_SECONDS="120")
    proc = subprocess.Popen(_minutes_cmd("run", "--plain", "--source", str(sample_copy), "--warehouse", str(wh),
                                         "--state", str(state)), cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    marker = state / "paused-at-before_swap"
    deadline = time.monotonic() + 120
    while not marker.exists() and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    output = proc.stdout.read() if proc.poll() is not None else ""
    assert marker.exists(), f"the run never reached the publish step: {output}"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    # the new release was fully built but never swapped in: readers still see the old warehouse
    assert table_contents(wh / "minutes.duckdb") == before
    # and the next run completes and converges on the new input
    again = run_plain(Settings(source_dir=sample_copy, warehouse_dir=wh, state_dir=state))
    assert again.documents == first.documents + 1


def test_cli_errors_are_one_line(tmp_path):
    r = subprocess.run(_minutes_cmd("run", "--source", str(tmp_path / "nope")), cwd=ROOT,
                       capture_output=True, text=True)
    assert r.returncode == 2
    assert r.stderr.strip() == f"minutes: source folder not found: {tmp_path / 'nope'}"
    (tmp_path / "ro").mkdir()
    (tmp_path / "ro").chmod(0o500)
    r = subprocess.run(_minutes_cmd("run", "--source", str(SAMPLES_DIR), "--warehouse", str(tmp_path / "ro" / "wh")),
                       cwd=ROOT, capture_output=True, text=True)
    if os.geteuid() != 0:  # root may write anywhere
        assert r.returncode == 2 and "Traceback" not in r.stderr and len(r.stderr.strip().splitlines()) == 1


def test_prefect_flow_on_the_seeds_meets_the_score_floors(tmp_path, shared):
    """The real flow (Prefect, GX gates) on ../shared/seeds, scored by ../shared/eval/score.py."""
    wh = tmp_path / "wh"
    r = subprocess.run(_minutes_cmd("run", "--source", str(shared / "seeds"), "--warehouse", str(wh),
                                    "--state", str(tmp_path / "state")), cwd=ROOT, capture_output=True, text=True,
                       timeout=600)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "Traceback" not in r.stdout + r.stderr
    assert "Rows per table:" in r.stdout
    out = tmp_path / "score.json"
    subprocess.run([sys.executable, str(shared / "eval" / "score.py"), str(wh / "minutes.duckdb"),
                    str(shared / "gold" / "seeds"), "--quiet", "--json", str(out)], check=True)
    report = json.loads(out.read_text())
    for entity in ("attendance", "agenda_items", "actions", "action_updates", "decisions"):
        assert report[entity]["f1"] >= 0.95, (entity, report[entity])
    assert report["meeting"]["field_accuracy"] >= 0.95, report["meeting"]
    assert report["overall"]["mean_attribute_accuracy"] >= 0.90, report["overall"]
    assert (wh / "data-docs" / "index.html").exists()
