"""The same input gives the same tables whichever runner parsed it: one process, local worker
processes, or a 2-worker Dask LocalCluster through Prefect's DaskTaskRunner."""

from __future__ import annotations

from pathlib import Path

import pytest

from flows.pipeline import run_plain
from flows.prefect_run import run_with_prefect
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


def test_read_ahead_workers_keep_the_gates_decisions(tmp_path, corpus):
    """Worker processes extract and parse a batch in one trip, two batches ahead at the start
    and one ahead after that; the
    after-extract gate still decides what is parsed: an error page among the documents is
    quarantined at extract with no rows, exactly as in one process."""
    source = tmp_path / "source"
    source.mkdir()
    for p in corpus.iterdir():
        (source / p.name).write_bytes(p.read_bytes())
        (source / f"again-{p.name}").write_text(p.read_text(encoding="utf-8") + "\nReissued.\n", encoding="utf-8")
    for i in range(3):
        (source / f"gone-{i}.html").write_text(
            f"<html><body><h1>Page not found</h1><p>Sorry, the page {i} you asked for could not be found."
            "</p></body></html>", encoding="utf-8")
    results = {}
    for workers, run in ((1, run_plain), (2, run_plain), ("2 under Prefect", run_with_prefect)):
        s = Settings(source_dir=source, warehouse_dir=tmp_path / f"w{workers}", state_dir=tmp_path / f"s{workers}",
                     batch_size=61, workers=2 if workers != 1 else 1)
        summary = run(s)
        assert (summary.documents, summary.quarantined) == (123, 3)
        tables = table_contents(summary.db_path)
        quarantine = sorted((q[0], q[2], q[3]) for q in tables.pop("quarantine"))
        results[workers] = ({k: v for k, v in tables.items() if k not in RUN_SPECIFIC}, quarantine)
    assert results[2] == results[1]
    # under Prefect the run is planned, and the workers started, before the flow: same tables
    assert results["2 under Prefect"] == results[1]
    quarantined_stages = {stage for _, stage, _ in results[1][1]}
    assert quarantined_stages == {"extract_check"}


def test_workers_run_at_a_lower_cpu_priority_than_the_flow():
    """Parse workers yield the CPU to the flow's process (gates, Prefect, a starting server)."""
    import os

    from flows.parallel import WORKER_NICENESS, WorkerPool

    pool = WorkerPool(2)
    try:
        niceness = pool._executor().submit(os.nice, 0).result(timeout=60)
    finally:
        pool.close()
    assert niceness == min(19, os.nice(0) + WORKER_NICENESS)
