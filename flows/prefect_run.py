"""Start the `minutes-pipeline` Prefect flow (flows/prefect_flow.py) from the command line or
the nightly schedule, its parser already at work while Prefect starts."""

from __future__ import annotations

from contextlib import nullcontext

from flows.lock import run_lock
from flows.pipeline import PlannedRun, Progress, parse_workers, plan_run, quiet
from flows.settings import Settings
from flows.steps import RunSummary, unchanged_summary


def run_with_prefect(settings: Settings, progress: Progress = quiet) -> RunSummary:
    """Run the `minutes-pipeline` Prefect flow (a temporary local server when none is set).

    A folder run is planned first: with nothing changed it is answered before Prefect starts;
    otherwise the worker processes start on the first batches while Prefect (and its temporary
    server) and Great Expectations load, and the flow takes the plan as it is. A fetch run
    plans inside the flow (fetching is its first task, with retries)."""
    with run_lock(settings.warehouse_dir):
        ctx = None if settings.fetch else plan_run(settings, progress)
        if ctx is not None and ctx.nothing_changed and not settings.force:
            return unchanged_summary(ctx)
        with parse_workers(ctx, settings) if ctx is not None else nullcontext():
            from flows.prefect_env import configure, warm_start

            configure(settings.state_dir)
            warm_start(_imports_for_the_flow)
            from flows.prefect_flow import minutes_pipeline

            return minutes_pipeline(settings, progress, PlannedRun(ctx) if ctx is not None else None)


def _imports_for_the_flow() -> None:
    """What the flow imports anyway (Great Expectations alone takes seconds), done while
    Prefect's server starts."""
    import flows.prefect_flow  # noqa: F401
    from expectations.gx_context import import_gx

    import_gx()
