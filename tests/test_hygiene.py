"""Nightly hygiene: no path is pasted into SQL (a warehouse folder with an apostrophe works), and
a failed or degraded run POSTs a notification to the configured webhook (a real receiver on
127.0.0.1)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from flows.notify import run_notifying
from flows.pipeline import run_plain
from flows.settings import Settings
from flows.steps import RunFailed
from tests.conftest import ROOT, table_rows

pytestmark = pytest.mark.slow


class Receiver:
    """A webhook receiver on 127.0.0.1: every POSTed JSON body, in order."""

    def __init__(self) -> None:
        received = self.received = []

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802
                body = self.rfile.read(int(self.headers.get("content-length", 0)))
                received.append(json.loads(body))
                self.send_response(204)
                self.end_headers()

            def log_message(self, *_: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hook"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    r = Receiver()
    yield r
    r.close()


@pytest.fixture
def src(samples_copy: Path) -> Path:
    return samples_copy


def test_a_warehouse_path_with_an_apostrophe_works(tmp_path, src):
    wh = tmp_path / "O'Brien's warehouse"
    settings = Settings(source_dir=src, warehouse_dir=wh, state_dir=tmp_path / "st'ate", workers=1)
    first = run_plain(settings, with_checks=False)
    assert first.outcome == "published" and first.quarantined == 0
    # a second run reads the first's Parquet for the unchanged documents
    (src / "extra.txt").write_text("Police and Crime Panel\nMinutes of the meeting held on Friday 6 March 2026\n"
                                   "RESOLVED that the Panel note the extra report.\n", encoding="utf-8")
    second = run_plain(settings, with_checks=False)
    assert second.changes.unchanged == first.documents and second.documents == first.documents + 1
    assert table_rows(second.db_path, "SELECT count(*) FROM meetings") == [(first.table_rows["meetings"] + 1,)]


def _sources_toml(tmp_path: Path, url: str, share: float) -> Path:
    path = tmp_path / "sources.toml"
    path.write_text(f'[notify]\nwebhook_url = "{url}"\nmax_quarantine_share = {share}\n', encoding="utf-8")
    return path


def test_a_degraded_run_notifies_the_webhook_from_the_command_line(tmp_path, src, receiver):
    for i in range(4):  # 4 of 11 documents are not minutes: 36% quarantined
        (src / f"label-{i}.json").write_text(json.dumps({"meeting": {"venue": f"Hall {i}"}}), encoding="utf-8")
    env = dict(os.environ, MINUTES_SOURCES_FILE=str(_sources_toml(tmp_path, receiver.url, 0.3)))
    r = subprocess.run([sys.executable, "-m", "flows.cli", "run", "--plain", "--source", str(src),
                        "--warehouse", str(tmp_path / "wh"), "--state", str(tmp_path / "state")],
                       cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stdout + r.stderr
    assert len(receiver.received) == 1, r.stdout + r.stderr
    note = receiver.received[0]
    assert note["event"] == "run_degraded" and note["documents"] == 11 and note["quarantined"] == 4
    assert "over the 30% threshold" in note["message"] and note["warehouse"] == str(tmp_path / "wh")


def test_a_failed_run_notifies_and_a_clean_one_does_not(tmp_path, src, receiver, monkeypatch):
    sources = _sources_toml(tmp_path, receiver.url, 0.3)
    settings = Settings(source_dir=src, warehouse_dir=tmp_path / "wh", state_dir=tmp_path / "state", workers=1)
    clean = run_notifying(settings.warehouse_dir, sources, lambda: run_plain(settings, with_checks=False))
    assert clean.outcome == "published" and receiver.received == []

    def full_disk(*_a, **_k):
        raise OSError(28, "No space left on device", "minutes.duckdb")

    monkeypatch.setattr("flows.steps.write_release", full_disk)
    with pytest.raises(RunFailed):
        run_notifying(settings.warehouse_dir, sources,
                      lambda: run_plain(Settings(**{**settings.__dict__, "force": True}), with_checks=False))
    assert [n["event"] for n in receiver.received] == ["run_failed"]
    assert "No space left on device" in receiver.received[0]["message"]
    assert receiver.received[0]["run_id"] > clean.run_id
