"""The same input gives the same tables whichever runner parsed it: one process, local worker
processes, or a 2-worker Dask LocalCluster through Prefect's DaskTaskRunner."""

from __future__ import annotations

from pathlib import Path

import pytest

from flows.pipeline import run_plain
from flows.settings import SAMPLES_DIR, Settings
from tests.conftest import table_contents

pytestmark = pytest.mark.slow
RUN_SPECIFIC = ("runs", "document_versions", "quarantine")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """60 documents: the samples, each in several distinct copies (another meeting date each)."""
    out = tmp_path_factory.mktemp("corpus")
    texts = [p for p in SAMPLES_DIR.iterdir() if p.suffix in (".txt", ".html")]
    for copy in range(12):
        for p in texts:
            body = p.read_text(encoding="utf-8").replace("2026", str(2010 + copy)).replace("2025", str(2009 + copy))
            (out / f"{copy:02d}-{p.name}").write_text(body, encoding="utf-8")
    return out


def _tables(corpus: Path, tmp: Path, name: str, **kw) -> dict:
    s = Settings(source_dir=corpus, warehouse_dir=tmp / name, state_dir=tmp / f"{name}-state", batch_size=30, **kw)
    summary = run_plain(s, with_checks=False)
    assert summary.documents == 60 and summary.quarantined == 0
    return {k: v for k, v in table_contents(summary.db_path).items() if k not in RUN_SPECIFIC}


def test_worker_processes_and_dask_give_the_tables_of_one_process(tmp_path, corpus):
    one = _tables(corpus, tmp_path, "one", workers=1)
    assert len(one["meetings"]) == 60 and len(one["attendance"]) > 100
    assert _tables(corpus, tmp_path, "procs", workers=2) == one
    assert _tables(corpus, tmp_path, "dask", workers=2, task_runner="dask") == one
