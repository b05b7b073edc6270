"""Prefect wrappers of the steps. Imported only after flows.prefect_env.configure()."""

from __future__ import annotations

import shutil

from prefect import flow, task
from prefect.cache_policies import NO_CACHE

from flows import steps
from flows.pipeline import Progress, _report, _start
from flows.settings import Settings

# Tasks pass Batch objects in memory; caching would hash them for nothing.
extract_task = task(steps.extract_step, name="extract", cache_policy=NO_CACHE)
normalise_task = task(steps.normalise_step, name="normalise", cache_policy=NO_CACHE)
stage_task = task(steps.stage_step, name="stage", cache_policy=NO_CACHE)
publish_task = task(steps.publish_step, name="load-and-publish", cache_policy=NO_CACHE)


@flow(name="minutes-pipeline", log_prints=False, validate_parameters=False)
def minutes_pipeline(settings: Settings, progress: Progress) -> steps.RunSummary:
    ctx, batches = _start(settings, with_checks=True)
    total = sum(len(b) for b in batches)
    totals = [0, 0]
    try:
        for number, paths in enumerate(batches):
            batch = extract_task(ctx, number, paths, settings.max_bytes, settings.max_pdf_pages)
            batch = normalise_task(ctx, batch)
            _report(progress, stage_task(ctx, batch), totals, total)
        progress("  load: building Parquet and DuckDB, checking, publishing")
        return publish_task(ctx)
    finally:
        shutil.rmtree(ctx.parts_dir.parent, ignore_errors=True)
