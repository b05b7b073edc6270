"""The steps of one run, shared by the Prefect flow and the plain loop.

Each step takes and returns small values (a batch of files, a Batch, counts, a summary), so the
flow can run it as a task and the plain loop can call it directly.
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor, wait
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cached_property
from pathlib import Path
from typing import Any, Protocol

from flows import runlog
from flows.faults import pause_point
from flows.parallel import Parser
from flows.parser_version import parser_version
from flows.stages import (
    PARSED_TABLES,
    Batch,
    SourceFile,
    apply_failures,
    extract_check_frame,
    facts_check_frames,
    utcnow,
)
from warehouse.arrow import rows_to_arrow
from warehouse.history import ChangeCounts, classify, version_rows
from warehouse.previous import PreviousWarehouse, load_previous
from warehouse.publish import DB_NAME, discard_tables, final_tables, swap_into_place, write_part, write_release


class RunFailed(Exception):
    """The run stopped before publishing; the previous warehouse is untouched."""


class Checks(Protocol):
    def prepare(self) -> None: ...
    def check_documents(self, df: Any) -> list[Any]: ...
    def check_facts(self, tables: dict[str, Any]) -> list[Any]: ...
    def check_final(self, tables: dict[str, Any]) -> list[Any]: ...
    def build_data_docs(self) -> Path | None: ...


@dataclass
class RunContext:
    """Where one run writes and what it knows before it starts. ``run_id`` sorts by start time."""

    warehouse_dir: Path
    state_dir: Path
    run_id: str
    started: datetime
    source: str
    files: list[SourceFile]
    previous: PreviousWarehouse
    parser_version: str
    changes: ChangeCounts
    checks: Checks | None = None
    parser: Parser | None = None  # set by flows.pipeline.parse_workers for the batch loop
    stage_seconds: dict[str, float] = field(default_factory=lambda: {"extract": 0.0, "normalise": 0.0,
                                                                     "stage": 0.0, "load": 0.0})

    @property
    def parts_dir(self) -> Path:
        return self.state_dir / "runs" / self.run_id / "parts"

    @property
    def release_dir(self) -> Path:
        return self.warehouse_dir / "releases" / self.run_id

    @cached_property  # built once: it is looked up for every document
    def reusable(self) -> dict[str, dict[str, Any]]:
        return self.previous.reusable(self.parser_version)

    @property
    def nothing_changed(self) -> bool:
        """The same documents at the same sources, all parsed by this parser version."""
        current = {(f.uri, f.document_id) for f in self.files}
        before = {(r["source_uri"], r["document_id"]) for r in self.previous.documents.values()}
        return bool(current) and current == before and all(f.document_id in self.reusable for f in self.files)


@dataclass
class BatchCounts:
    number: int
    documents: int
    loaded: int
    quarantined: int
    reused: frozenset[str]
    checks_failed: int


@dataclass
class RunSummary:
    run_id: str
    warehouse_dir: Path
    outcome: str  # published | unchanged
    documents: int
    loaded: int
    quarantined: int
    table_rows: dict[str, int]
    quarantine: list[dict[str, Any]]
    data_docs: Path | None
    seconds: float
    changes: ChangeCounts
    stage_seconds: dict[str, float]

    @property
    def db_path(self) -> Path:
        return self.warehouse_dir / DB_NAME


def new_run(warehouse_dir: Path, state_dir: Path, files: list[SourceFile], source: str) -> RunContext:
    now = datetime.now(UTC)
    started = now.replace(tzinfo=None, microsecond=0)
    run_id = runlog.new_run_id(now)
    warehouse_dir.mkdir(parents=True, exist_ok=True)
    previous = load_previous(warehouse_dir)
    current = {f.uri: f.document_id for f in files}
    ctx = RunContext(warehouse_dir, state_dir, run_id, started, source, files, previous, parser_version(),
                     classify(previous.versions, current))
    # Staging left by a killed run (the run lock guarantees no other run is using it).
    for stale in (state_dir / "runs").glob("*") if (state_dir / "runs").exists() else ():
        shutil.rmtree(stale, ignore_errors=True)
    ctx.parts_dir.mkdir(parents=True, exist_ok=True)
    return ctx


def _timed(ctx: RunContext, stage: str, started: float) -> None:
    ctx.stage_seconds[stage] += time.perf_counter() - started


def extract_arguments(ctx: RunContext, files: list[SourceFile], max_bytes: int, max_pdf_pages: int) -> dict[str, Any]:
    """What extract_batch needs besides the files: limits, parser version, and the previous
    warehouse's rows of documents that can be reused as they are."""
    return {"max_bytes": max_bytes, "max_pdf_pages": max_pdf_pages, "parser_version": ctx.parser_version,
            "reuse": {f.document_id: ctx.reusable[f.document_id] for f in files if f.document_id in ctx.reusable}}


def extract_step(ctx: RunContext, number: int, files: list[SourceFile], max_bytes: int,
                 max_pdf_pages: int, upcoming: list[SourceFile] | None = None) -> Batch:
    """Extract a batch (with ``ctx.parser``) and run the after-extract gate. ``upcoming``: the next
    batch's files, which worker processes (when there are any) start on meanwhile."""
    t0 = time.perf_counter()
    kw = extract_arguments(ctx, files, max_bytes, max_pdf_pages)
    ahead = (upcoming, extract_arguments(ctx, upcoming, max_bytes, max_pdf_pages)) if upcoming else None
    batch = ctx.parser.extract(number, files, upcoming=ahead, **kw)
    if ctx.checks is not None and batch.texts:
        apply_failures(batch, ctx.checks.check_documents(extract_check_frame(batch)), "extract_check")
    pause_point("extract", ctx.state_dir)
    _timed(ctx, "extract", t0)
    return batch


def normalise_step(ctx: RunContext, batch: Batch) -> Batch:
    t0 = time.perf_counter()
    batch = ctx.parser.normalise(batch)
    if ctx.checks is not None and batch.texts:
        apply_failures(batch, ctx.checks.check_facts(facts_check_frames(batch)), "normalise_check")
    pause_point("normalise", ctx.state_dir)
    _timed(ctx, "normalise", t0)
    return batch


def stage_step(ctx: RunContext, batch: Batch) -> BatchCounts:
    """Write the batch's rows as Parquet parts in the run's staging folder."""
    t0 = time.perf_counter()
    bad = batch.quarantined_ids
    docs = [rec.row(rec.reused_status or ("quarantined" if d in bad else "loaded"))
            for d, rec in batch.records.items()]
    write_part(ctx.parts_dir, "documents", batch.number, docs)
    write_part(ctx.parts_dir, "document_text", batch.number,
               [{"document_id": d, "text": t.text} for d, t in batch.texts.items() if d not in bad])
    for table in PARSED_TABLES:
        write_part(ctx.parts_dir, table, batch.number, batch.rows[table])
    write_part(ctx.parts_dir, "rejected_rows", batch.number, [r for r in batch.rejected if r["document_id"] not in bad])
    write_part(ctx.parts_dir, "quarantine", batch.number, [
        q.row(ctx.previous.quarantine_times.get((q.document_id, q.stage, q.check_name), ctx.started))
        for q in batch.quarantine])
    _timed(ctx, "stage", t0)
    quarantined = sum(1 for d in docs if d["status"] == "quarantined")
    return BatchCounts(batch.number, len(docs), len(docs) - quarantined, quarantined,
                       frozenset(batch.reused_ids), batch.checks_failed)


def _run_record(ctx: RunContext, outcome: str, documents: int, quarantined: int, checks_failed: int,
                message: str | None) -> runlog.RunRecord:
    return runlog.RunRecord(ctx.run_id, ctx.started, utcnow(), ctx.source, documents, ctx.changes.new,
                            ctx.changes.changed, ctx.changes.unchanged, quarantined, checks_failed, outcome, message)


def record_failure(ctx: RunContext, message: str, checks_failed: int = 0) -> None:
    runlog.record_unpublished(ctx.warehouse_dir, _run_record(ctx, "failed", len(ctx.files), 0, checks_failed, message))


def unchanged_summary(ctx: RunContext) -> RunSummary:
    """Nothing to do: record the run and leave the published warehouse as it is."""
    docs = ctx.previous.documents.values()
    quarantined = sum(1 for d in docs if d["status"] == "quarantined")
    runlog.record_unpublished(ctx.warehouse_dir, _run_record(ctx, "unchanged", len(docs), quarantined, 0,
                                                             "nothing changed since the last run"))
    shutil.rmtree(ctx.parts_dir.parent, ignore_errors=True)
    return RunSummary(ctx.run_id, ctx.warehouse_dir, "unchanged", len(docs), len(docs) - quarantined,
                      quarantined, {}, [], None, (utcnow() - ctx.started).total_seconds(), ctx.changes,
                      ctx.stage_seconds)


def publish_step(ctx: RunContext, reused: frozenset[str], checks_failed: int) -> RunSummary:
    """Final tables -> table-level checks -> Parquet + DuckDB release -> atomic swap."""
    t0 = time.perf_counter()
    tables = final_tables(ctx.parts_dir, ctx.previous, reused)
    docs = tables["documents"].to_pylist()
    quarantined = sum(1 for d in docs if d["status"] == "quarantined")
    current = {d["source_uri"]: d["document_id"] for d in docs}
    tables["document_versions"] = rows_to_arrow("document_versions",
                                                version_rows(ctx.previous.versions, current, ctx.run_id))
    this_run = _run_record(ctx, "published", len(docs), quarantined, checks_failed, None)
    tables["runs"] = rows_to_arrow("runs", [r.row() for r in runlog.read(ctx.warehouse_dir)] + [this_run.row()])
    # The release is built (Parquet, DuckDB: native code, mostly off the GIL) in a thread while
    # the table checks and Data Docs are done here; it is swapped in only when all succeed.
    builder = ThreadPoolExecutor(1, thread_name_prefix="write-release")
    built = builder.submit(write_release, tables, ctx.release_dir)
    try:
        failures = ctx.checks.check_final({n: t.to_pandas() for n, t in tables.items()}) if ctx.checks else []
        if failures:
            wait([built])
            discard_tables(ctx.release_dir)  # its Data Docs stay: the failure message points to them
        else:
            data_docs = ctx.checks.build_data_docs() if ctx.checks is not None else None
            built.result()
            pause_point("before_swap", ctx.state_dir)
            swap_into_place(ctx.release_dir, ctx.warehouse_dir)
    except Exception as exc:  # disk full, permissions...: fail cleanly, the old warehouse stays
        wait([built])
        shutil.rmtree(ctx.release_dir, ignore_errors=True)
        detail = f"{exc.strerror} ({exc.filename})" if isinstance(exc, OSError) and exc.strerror else str(exc)
        message = f"publishing failed, nothing published: {detail}"[:500]
        record_failure(ctx, message, checks_failed)
        raise RunFailed(message) from exc
    except BaseException:
        wait([built])
        shutil.rmtree(ctx.release_dir, ignore_errors=True)
        raise
    finally:
        builder.shutdown(wait=True)
        shutil.rmtree(ctx.parts_dir.parent, ignore_errors=True)
    if failures:
        data_docs = ctx.checks.build_data_docs()
        reasons = "; ".join(f"{f.table}: {f.reason}" for f in failures[:5])
        message = f"table checks failed, nothing published ({reasons})"
        message += f"; see {data_docs}" if data_docs else ""
        record_failure(ctx, message, checks_failed + len(failures))
        raise RunFailed(message)
    runlog.append(ctx.warehouse_dir, this_run)
    _timed(ctx, "load", t0)
    return RunSummary(
        ctx.run_id, ctx.warehouse_dir, "published", len(docs), len(docs) - quarantined, quarantined,
        {name: t.num_rows for name, t in tables.items()}, tables["quarantine"].to_pylist(),
        (ctx.warehouse_dir / "data-docs" / data_docs.relative_to(ctx.release_dir / "data-docs"))
        if data_docs else None,
        (utcnow() - ctx.started).total_seconds(), ctx.changes, ctx.stage_seconds)


@contextmanager
def failing_cleanly(ctx: RunContext) -> Iterator[None]:
    """Around the batch loop: an OS error (disk full, a folder made read-only) ends the run with
    one readable message; the staging folder goes, the published warehouse is untouched."""
    try:
        yield
    except OSError as exc:
        shutil.rmtree(ctx.parts_dir.parent, ignore_errors=True)
        message = f"run failed while staging, nothing published: {exc.strerror or exc}"
        message += f" ({exc.filename})" if exc.filename else ""
        record_failure(ctx, message)
        raise RunFailed(message) from exc
