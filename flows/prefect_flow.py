"""Prefect wrappers of the steps. Imported only after flows.prefect_env.configure().

The flow does not have a loop of its own: it runs flows.pipeline's batch loop with each step
wrapped as a task (``TASKS``), one task per stage per batch.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from prefect import flow, task
from prefect.cache_policies import NO_CACHE
from prefect.utilities.annotations import quote

from flows import pipeline, steps
from flows.notify import run_notifying
from flows.settings import Settings


def as_task(fn: Callable[..., Any], name: str) -> Callable[..., Any]:
    """``fn`` as a Prefect task (no caching: tasks pass batches in memory, and caching would hash
    them for nothing; no retries: these steps do no network I/O), called with every argument
    quote()d: Prefect would otherwise walk every object inside a batch (tens of thousands of
    rows) looking for upstream futures, at every call; these arguments hold none."""
    wrapped = task(fn, name=name, cache_policy=NO_CACHE)

    def call(*args: Any) -> Any:
        return wrapped(*(quote(a) for a in args))

    return call


TASKS = pipeline.Steps(
    extract=as_task(steps.extract_step, "extract"),
    normalise=as_task(steps.normalise_step, "normalise"),
    stage=as_task(steps.stage_step, "stage"),
    publish=as_task(steps.publish_step, "load-and-publish"),
)
# Fetching is network I/O: retried.
plan_task = task(pipeline.plan_run, name="fetch-and-discover", cache_policy=NO_CACHE, retries=2,
                 retry_delay_seconds=[30, 120])


@flow(name="minutes-pipeline", log_prints=False, validate_parameters=False)
def minutes_pipeline(settings: Settings, progress: pipeline.Progress,
                     planned: pipeline.PlannedRun | None = None) -> steps.RunSummary:
    """``planned``: a folder run already planned by the caller (flows.prefect_run.run_with_prefect),
    its workers already parsing; without it the flow fetches (or reads) and plans as its first task."""
    ctx = planned.ctx if planned is not None else plan_task(settings, progress)
    return pipeline.run_planned(ctx, settings, progress, TASKS)


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
