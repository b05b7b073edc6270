"""The `minutes-pipeline` flow: discover -> extract -> normalise -> load, with quality gates
between stages. One task per stage per batch of documents (never one task per document).

Read top to bottom, this is the whole run; each step's code is one import away in
flows/steps.py (and through it transforms/, expectations/, warehouse/).
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

from flows.settings import Settings
from flows.stages import batched, discover
from flows.steps import (
    BatchCounts,
    RunContext,
    RunSummary,
    extract_step,
    new_run,
    normalise_step,
    publish_step,
    stage_step,
)

Progress = Callable[[str], None]


def _quiet(_: str) -> None:
    pass


def _start(settings: Settings, with_checks: bool) -> tuple[RunContext, list[list[Path]]]:
    paths = discover(settings.source_dir)
    ctx = new_run(settings.warehouse_dir, settings.state_dir, None)
    if with_checks:
        from expectations import Checker  # imports Great Expectations: once per run

        ctx.checks = Checker(ctx.release_dir / "data-docs")
    return ctx, batched(paths, settings.batch_size)


def _report(progress: Progress, done: BatchCounts, totals: list[int], total_docs: int) -> None:
    totals[0] += done.documents
    totals[1] += done.quarantined
    progress(f"  batch {done.number + 1}: extracted, normalised, checked and staged "
             f"{totals[0]}/{total_docs} documents ({totals[1]} quarantined so far)")


def run_plain(settings: Settings, progress: Progress = _quiet, with_checks: bool = True) -> RunSummary:
    """The same steps in a plain loop, in this process, without Prefect."""
    ctx, batches = _start(settings, with_checks)
    total = sum(len(b) for b in batches)
    totals = [0, 0]
    try:
        for number, paths in enumerate(batches):
            batch = extract_step(ctx, number, paths, settings.max_bytes, settings.max_pdf_pages)
            batch = normalise_step(ctx, batch)
            _report(progress, stage_step(ctx, batch), totals, total)
        progress("  load: building Parquet and DuckDB, checking, publishing")
        return publish_step(ctx)
    finally:
        shutil.rmtree(ctx.parts_dir.parent, ignore_errors=True)


def run_with_prefect(settings: Settings, progress: Progress = _quiet) -> RunSummary:
    """Run the `minutes-pipeline` Prefect flow (a temporary local server when none is set)."""
    from flows.prefect_env import configure

    configure(settings.state_dir)
    from flows.prefect_flow import minutes_pipeline

    return minutes_pipeline(settings, progress)
