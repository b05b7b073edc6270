"""The steps of one run, shared by the Prefect flow and the plain loop.

Each step takes and returns small values (paths, a Batch, a summary), so the flow can run it
as a task and the plain loop can call it directly.
"""

from __future__ import annotations

import shutil
import time
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Protocol

from flows.faults import pause_point
from flows.stages import (
    FACT_TABLES,
    Batch,
    apply_failures,
    extract_batch,
    extract_check_frame,
    facts_check_frames,
    normalise_batch,
    utcnow,
)
from warehouse.publish import (
    DB_NAME,
    final_tables,
    previous_quarantine_times,
    swap_into_place,
    write_part,
    write_release,
)


class RunFailed(Exception):
    """The run stopped before publishing; the previous warehouse is untouched."""


class Checks(Protocol):
    def check_documents(self, df: Any) -> list[Any]: ...
    def check_facts(self, tables: dict[str, Any]) -> list[Any]: ...
    def check_final(self, tables: dict[str, Any]) -> list[Any]: ...
    def build_data_docs(self) -> Path | None: ...


@dataclass
class RunContext:
    """Where one run writes. ``run_id`` sorts by start time."""

    warehouse_dir: Path
    state_dir: Path
    run_id: str
    started: datetime
    checks: Checks | None
    quarantine_times: dict[tuple[str, str, str], datetime] = field(default_factory=dict)

    @property
    def parts_dir(self) -> Path:
        return self.state_dir / "runs" / self.run_id / "parts"

    @property
    def release_dir(self) -> Path:
        return self.warehouse_dir / "releases" / self.run_id


@dataclass
class BatchCounts:
    number: int
    documents: int
    loaded: int
    quarantined: int


@dataclass
class RunSummary:
    run_id: str
    warehouse_dir: Path
    documents: int
    loaded: int
    quarantined: int
    table_rows: dict[str, int]
    quarantine: list[dict[str, Any]]
    data_docs: Path | None
    seconds: float

    @property
    def db_path(self) -> Path:
        return self.warehouse_dir / DB_NAME


def new_run(warehouse_dir: Path, state_dir: Path, checks: Checks | None) -> RunContext:
    started = utcnow()
    run_id = started.strftime("%Y%m%dT%H%M%S") + f"-{time.monotonic_ns() % 1_000_000:06d}"
    warehouse_dir.mkdir(parents=True, exist_ok=True)
    ctx = RunContext(warehouse_dir, state_dir, run_id, started, checks,
                     previous_quarantine_times(warehouse_dir))
    ctx.parts_dir.mkdir(parents=True, exist_ok=True)
    return ctx


def extract_step(ctx: RunContext, number: int, paths: list[Path], max_bytes: int, max_pdf_pages: int) -> Batch:
    batch = extract_batch(number, paths, max_bytes=max_bytes, max_pdf_pages=max_pdf_pages)
    pause_point("extract", ctx.state_dir)
    if ctx.checks is not None and batch.texts:
        apply_failures(batch, ctx.checks.check_documents(extract_check_frame(batch)), "extract_check")
    return batch


def normalise_step(ctx: RunContext, batch: Batch) -> Batch:
    normalise_batch(batch)
    pause_point("normalise", ctx.state_dir)
    if ctx.checks is not None and batch.texts:
        apply_failures(batch, ctx.checks.check_facts(facts_check_frames(batch)), "normalise_check")
    return batch


def stage_step(ctx: RunContext, batch: Batch) -> BatchCounts:
    """Write the batch's rows as Parquet parts in the run's staging folder."""
    bad = batch.quarantined_ids
    docs = [rec.row("quarantined" if d in bad else "loaded") for d, rec in batch.records.items()]
    write_part(ctx.parts_dir, "documents", batch.number, docs)
    write_part(ctx.parts_dir, "document_text", batch.number,
               [{"document_id": d, "text": t.text} for d, t in batch.texts.items() if d not in bad])
    for table in FACT_TABLES:
        write_part(ctx.parts_dir, table, batch.number, batch.rows[table])
    write_part(ctx.parts_dir, "quarantine", batch.number, [
        q.row(ctx.quarantine_times.get((q.document_id, q.stage, q.check_name), ctx.started))
        for q in batch.quarantine])
    return BatchCounts(batch.number, len(docs), len(docs) - len(bad), len(bad))


def publish_step(ctx: RunContext) -> RunSummary:
    """Final tables -> table-level checks -> Parquet + DuckDB release -> atomic swap."""
    tables = final_tables(ctx.parts_dir)
    if ctx.checks is not None:
        failures = ctx.checks.check_final({name: t.to_pandas() for name, t in tables.items()})
        if failures:
            docs = ctx.checks.build_data_docs()
            reasons = "; ".join(f"{f.table}: {f.reason}" for f in failures[:5])
            raise RunFailed(f"table checks failed, nothing published ({reasons})"
                            + (f"; see {docs}" if docs else ""))
    try:
        write_release(tables, ctx.release_dir)
        data_docs = ctx.checks.build_data_docs() if ctx.checks is not None else None
        pause_point("before_swap", ctx.state_dir)
        swap_into_place(ctx.release_dir, ctx.warehouse_dir)
    except BaseException:
        shutil.rmtree(ctx.release_dir, ignore_errors=True)
        raise
    finally:
        shutil.rmtree(ctx.parts_dir.parent, ignore_errors=True)
    docs = tables["documents"].to_pylist()
    quarantine = tables["quarantine"].to_pylist()
    loaded = sum(1 for d in docs if d["status"] == "loaded")
    return RunSummary(
        ctx.run_id, ctx.warehouse_dir, len(docs), loaded, len(docs) - loaded,
        {name: t.num_rows for name, t in tables.items()}, quarantine,
        (ctx.warehouse_dir / "data-docs" / data_docs.relative_to(ctx.release_dir / "data-docs"))
        if data_docs else None,
        (utcnow() - ctx.started).total_seconds())
