"""The `minutes-pipeline` run: (fetch) -> discover -> extract -> normalise -> load, with quality
gates between stages. One task per stage per batch of documents (never one task per document).

Read top to bottom, this is the whole run; each step's code is one import away in
flows/steps.py (and through it transforms/, expectations/, warehouse/).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager, nullcontext
from pathlib import Path

from flows.lock import run_lock
from flows.settings import Settings
from flows.stages import SourceFile, batched, discover, scan_sources
from flows.steps import (
    BatchCounts,
    RunContext,
    RunSummary,
    extract_arguments,
    extract_step,
    failing_cleanly,
    new_run,
    normalise_step,
    publish_step,
    stage_step,
    unchanged_summary,
)

Progress = Callable[[str], None]
#: Batches the workers start on before the run's own start-up is done (imports, a temporary
#: Prefect server: tens of seconds on a new database); later batches are read one ahead.
HEAD_START_BATCHES = 2


def _quiet(_: str) -> None:
    pass


def fetch_sources(settings: Settings, progress: Progress = _quiet) -> tuple[Path, dict[Path, str], list[SourceFile]]:
    """Sync the sources in sources.toml into the raw archive (skipped offline) and materialise
    the latest version of every document. Returns the folder, file -> URL, and failed fetches
    as files to quarantine."""
    from flows.fetch import Archive, ClientSettings, load_sources, materialise, sync_sources
    from flows.fetch.materialise import manifest_urls

    archive = Archive.in_state(settings.state_dir)
    failed: list[SourceFile] = []
    if not settings.offline:
        report = sync_sources(load_sources(settings.sources_file), archive,
                              ClientSettings.load(settings.sources_file), progress=progress)
        progress(f"  fetch: {report.summary()}")
        # A page that could not be fetched has no bytes: it is quarantined under the hash of its URL.
        failed = [SourceFile(Path(f.url), f.url, hashlib.sha256(f.url.encode()).hexdigest(), 0, None,
                             f.reason, f.check, "fetch") for f in report.failures]
    materialise(archive, settings.fetched_dir)
    return settings.fetched_dir, manifest_urls(settings.fetched_dir), failed


def fetched_charsets(settings: Settings) -> dict[Path, str]:
    """Fetched file -> the charset of the Content-Type header it was served with."""
    from flows.fetch.materialise import manifest_urls

    return manifest_urls(settings.fetched_dir, "charset")


def plan_run(settings: Settings, progress: Progress = _quiet, *, fetch: bool | None = None) -> RunContext:
    """Find (and fetch) the documents, hash them, and compare with the published warehouse."""
    if settings.fetch if fetch is None else fetch:
        folder, uris, failed = fetch_sources(settings, progress)
        source = f"{settings.sources_file}" + (" (offline, from the archive)" if settings.offline else "")
    else:
        folder, uris, failed, source = settings.source_dir, {}, [], str(settings.source_dir)
    charsets = fetched_charsets(settings) if uris else {}
    files = scan_sources(discover(folder), uris, charsets) + failed
    ctx = new_run(settings.warehouse_dir, settings.state_dir, files, source)
    c = ctx.changes
    progress(f"  found {len(files)} documents: {c.new} new, {c.changed} changed, {c.unchanged} unchanged")
    return ctx


@contextmanager
def parse_workers(ctx: RunContext, settings: Settings) -> Iterator[None]:
    """Extract and parse across processes for the length of the block: local worker processes,
    or a Dask cluster. Local workers start on the first batches at once, while the caller goes on
    (importing Great Expectations and Prefect takes seconds, a temporary Prefect server more).

    Blocks nest: an inner block uses the workers the outer one started (early, for that head
    start) and the workers stop when the first block ends, so they do not sit in memory while
    the tables are loaded."""
    with ExitStack() as stack:
        if ctx.pool is None:
            ctx.pool = _start_workers(ctx, settings, stack)
        try:
            yield
        finally:
            if ctx.pool is not None:
                ctx.pool.close()
                ctx.pool = None


def _start_workers(ctx: RunContext, settings: Settings, stack: ExitStack):
    """A WorkerPool started on the first batches, a DaskParser on a cluster kept open by ``stack``, or
    None when the run is too small to share out."""
    from flows.parallel import WorkerPool, default_workers

    workers = settings.workers or default_workers()
    if settings.task_runner == "dask":
        from flows.dask_parse import DaskParser, dask_cluster
        from flows.prefect_env import configure

        configure(settings.state_dir)  # the parse subflow is a Prefect flow, also from the plain loop
        return DaskParser(stack.enter_context(dask_cluster(settings.dask_address, workers)), workers)
    if workers < 2 or len(ctx.files) < 50:
        return None
    pool = WorkerPool(workers)
    for number, files in enumerate(batched(ctx.files, settings.batch_size)[:HEAD_START_BATCHES]):
        pool.start(number, files, extract_arguments(ctx, files, settings.max_bytes, settings.max_pdf_pages))
    return pool


def attach_checks(ctx: RunContext) -> None:
    from expectations import Checker  # imports Great Expectations: once per run

    ctx.checks = Checker(ctx.release_dir / "data-docs")
    ctx.checks.prepare()


class Tally:
    """Progress across batches, and what the publish step needs from them."""

    def __init__(self, ctx: RunContext, progress: Progress):
        self.total, self.progress = len(ctx.files), progress
        self.done = self.quarantined = self.checks_failed = 0
        self.reused: set[str] = set()

    def add(self, counts: BatchCounts) -> None:
        self.done += counts.documents
        self.quarantined += counts.quarantined
        self.checks_failed += counts.checks_failed
        self.reused |= counts.reused
        self.progress(f"  batch {counts.number + 1}: extracted, normalised, checked and staged "
                      f"{self.done}/{self.total} documents ({self.quarantined} quarantined, "
                      f"{len(self.reused)} unchanged and not re-parsed)")


def run_batches(ctx: RunContext, settings: Settings, progress: Progress) -> RunSummary:
    """The plain loop over batches, then the publish step."""
    tally = Tally(ctx, progress)
    with parse_workers(ctx, settings), failing_cleanly(ctx):
        batches = batched(ctx.files, settings.batch_size)
        for number, files in enumerate(batches):
            batch = extract_step(ctx, number, files, settings.max_bytes, settings.max_pdf_pages,
                                 batches[number + 1] if number + 1 < len(batches) else None)
            batch = normalise_step(ctx, batch)
            tally.add(stage_step(ctx, batch))
    progress("  load: building Parquet and DuckDB, checking, publishing")
    return publish_step(ctx, frozenset(tally.reused), tally.checks_failed)


def run_plain(settings: Settings, progress: Progress = _quiet, with_checks: bool = True) -> RunSummary:
    """The same steps in a plain loop, in this process, without Prefect."""
    with run_lock(settings.warehouse_dir):
        ctx = plan_run(settings, progress)
        if ctx.nothing_changed and not settings.force:
            return unchanged_summary(ctx)
        with parse_workers(ctx, settings):  # the workers start on the first batches meanwhile
            if with_checks:
                attach_checks(ctx)
            return run_batches(ctx, settings, progress)


class PlannedRun:
    """A folder run planned before its Prefect flow starts, its worker processes already on the
    first batches. Handed to the flow as a parameter that Prefect neither stores nor walks (no
    ``__dict__``, not iterable: the flow run records it as ``<PlannedRun>``)."""

    __slots__ = ("ctx",)

    def __init__(self, ctx: RunContext):
        self.ctx = ctx


def run_with_prefect(settings: Settings, progress: Progress = _quiet) -> RunSummary:
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
