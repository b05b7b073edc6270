"""Prefect wrappers of the steps. Imported only after flows.prefect_env.configure()."""

from __future__ import annotations

from pathlib import Path

from prefect import flow, task
from prefect.cache_policies import NO_CACHE
from prefect.utilities.annotations import quote

from flows import pipeline, steps
from flows.notify import run_notifying
from flows.settings import Settings
from flows.stages import Batch, normalise_batch

# Tasks pass batches in memory; caching would hash them for nothing. Retries only on network I/O.
plan_task = task(pipeline.plan_run, name="fetch-and-discover", cache_policy=NO_CACHE, retries=2,
                 retry_delay_seconds=[30, 120])
extract_task = task(steps.extract_step, name="extract", cache_policy=NO_CACHE)
normalise_task = task(steps.normalise_step, name="normalise", cache_policy=NO_CACHE)
stage_task = task(steps.stage_step, name="stage", cache_policy=NO_CACHE)
publish_task = task(steps.publish_step, name="load-and-publish", cache_policy=NO_CACHE)


@flow(name="minutes-pipeline", log_prints=False, validate_parameters=False)
def minutes_pipeline(settings: Settings, progress: pipeline.Progress,
                     planned: pipeline.PlannedRun | None = None) -> steps.RunSummary:
    """``planned``: a folder run already planned by the caller (flows.pipeline.run_with_prefect),
    its workers already parsing; without it the flow fetches (or reads) and plans as its first task."""
    ctx = planned.ctx if planned is not None else plan_task(settings, progress)
    if ctx.nothing_changed and not settings.force:
        return steps.unchanged_summary(ctx)
    pipeline.attach_checks(ctx)
    tally = pipeline.Tally(ctx, progress)
    # quote(): Prefect would otherwise walk every object inside a batch (tens of thousands of
    # rows) looking for upstream futures, at every task call; these arguments hold none.
    with pipeline.parse_workers(ctx, settings):
        with steps.failing_cleanly(ctx):
            batches = pipeline.batched(ctx.files, settings.batch_size)
            for number, files in enumerate(batches):
                batch = extract_task(quote(ctx), number, quote(files), settings.max_bytes, settings.max_pdf_pages,
                                     quote(batches[number + 1] if number + 1 < len(batches) else None))
                batch = normalise_task(quote(ctx), quote(batch))
                tally.add(stage_task(quote(ctx), quote(batch)))
    progress("  load: building Parquet and DuckDB, checking, publishing")
    return publish_task(quote(ctx), frozenset(tally.reused), tally.checks_failed)


@flow(name="minutes-nightly", log_prints=True)
def nightly(warehouse_dir: str = "warehouse-out", state_dir: str = "state", source_dir: str | None = None,
            sources_file: str | None = None) -> str:
    """The deployable entry point (JSON parameters): fetch the sources (or read a folder) and
    publish. Returns the run's outcome line; a failed run raises, leaving the warehouse as it was."""
    overrides = {"warehouse_dir": Path(warehouse_dir), "state_dir": Path(state_dir)}
    if source_dir:
        overrides["source_dir"] = Path(source_dir)
    else:
        overrides["fetch"] = True
        if sources_file:
            overrides["sources_file"] = Path(sources_file)
    settings = Settings.from_env(**overrides)
    summary = run_notifying(settings.warehouse_dir, settings.sources_file,
                            lambda: minutes_pipeline(settings, print))
    return (f"{summary.outcome}: {summary.documents} documents, {summary.loaded} loaded, "
            f"{summary.quarantined} quarantined")


parse_chunk_task = task(normalise_batch, name="parse-chunk", cache_policy=NO_CACHE)


def parse_on_dask(address: str, parts: list[Batch]) -> list[Batch]:
    """Parse chunks of a batch as tasks of a subflow running on the Dask cluster at ``address``."""
    from prefect_dask import DaskTaskRunner

    @flow(name="parse-on-dask", task_runner=DaskTaskRunner(address=address), validate_parameters=False)
    def parse_subflow(chunks: list[Batch]) -> list[Batch]:
        return [f.result() for f in parse_chunk_task.map(chunks)]

    return parse_subflow(parts)
