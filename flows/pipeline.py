"""The `minutes-pipeline` run: (fetch) -> discover -> extract -> normalise -> load, with quality
gates between stages. One task per stage per batch of documents (never one task per document).

Read top to bottom, this is the whole run; each step's code is one import away in
flows/steps.py (and through it transforms/, expectations/, warehouse/). ``run_plain`` runs it in
this process; flows/prefect_flow.py runs the same batch loop (``run_batches``) with the steps
wrapped as Prefect tasks, started by flows/prefect_run.py. Nothing here imports Prefect.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from flows.lock import run_lock
from flows.parallel import Parser
from flows.settings import Settings
from flows.stages import Batch, SourceFile, batched, discover, scan_sources
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


def quiet(_: str) -> None:
    pass


def fetch_sources(settings: Settings, progress: Progress = quiet
                  ) -> tuple[Path, dict[Path, str], dict[Path, str], list[SourceFile]]:
    """Sync the sources in sources.toml into the raw archive (skipped offline) and materialise
    the latest version of every document. Returns the folder, file -> URL, file -> the charset
    of the Content-Type header it was served with, and failed fetches as files to quarantine."""
    from flows.fetch import Archive, ClientSettings, load_sources, materialise, sync_sources
    from flows.fetch.materialise import manifest_fields

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
    uris, charsets = manifest_fields(settings.fetched_dir, "url", "charset")
    return settings.fetched_dir, uris, charsets, failed


def plan_run(settings: Settings, progress: Progress = quiet, *, fetch: bool | None = None) -> RunContext:
    """Find (and fetch) the documents, hash them, and compare with the published warehouse."""
    if settings.fetch if fetch is None else fetch:
        folder, uris, charsets, failed = fetch_sources(settings, progress)
        source = f"{settings.sources_file}" + (" (offline, from the archive)" if settings.offline else "")
        # hosts that were down, failing or over budget: their pages wait for the next run (runs.source says so)
        deferred = sorted({urlsplit(f.uri).netloc for f in failed if f.error_check == "host_deferred"})
        source += f"; deferred to the next run: {', '.join(deferred)}" if deferred else ""
    else:
        folder, uris, charsets, failed, source = settings.source_dir, {}, {}, [], str(settings.source_dir)
    files = scan_sources(discover(folder), uris, charsets) + failed
    ctx = new_run(settings.warehouse_dir, settings.state_dir, files, source)
    c = ctx.changes
    progress(f"  found {len(files)} documents: {c.new} new, {c.changed} changed, {c.unchanged} unchanged")
    return ctx


@contextmanager
def parse_workers(ctx: RunContext, settings: Settings) -> Iterator[None]:
    """Extract and parse with ``ctx.parser`` for the length of the block: local worker
    processes, a Dask cluster, or this process for a small run. Local workers start on the first
    batches at once, while the caller goes on (importing Great Expectations and Prefect takes
    seconds, a temporary Prefect server more).

    Blocks nest: an inner block uses the parser the outer one started (early, for that head
    start) and the parser stops when the first block ends, so workers do not sit in memory while
    the tables are loaded."""
    with ExitStack() as stack:
        if ctx.parser is None:
            ctx.parser = start_parser(ctx, settings, stack)
        try:
            yield
        finally:
            if ctx.parser is not None:
                ctx.parser.close()
                ctx.parser = None


def start_parser(ctx: RunContext, settings: Settings, stack: ExitStack) -> Parser:
    """The Parser for this run: a DaskParser on a cluster kept open by ``stack``, a WorkerPool
    already on the first batches, or InProcess when the run is too small to share out."""
    from flows.parallel import InProcess, WorkerPool, default_workers

    workers = settings.workers or default_workers()
    if settings.task_runner == "dask":
        from flows.dask_parse import DaskParser, dask_cluster
        from flows.prefect_env import configure

        configure(settings.state_dir)  # the parse subflow is a Prefect flow, also from the plain loop
        return DaskParser(stack.enter_context(dask_cluster(settings.dask_address, workers)), workers)
    if workers < 2 or len(ctx.files) < 50:
        return InProcess()
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


@dataclass(frozen=True)
class Steps:
    """What the batch loop calls for each step: the step functions themselves (the plain loop),
    or Prefect tasks wrapping them (flows.prefect_flow.TASKS). Same arguments, same results."""

    extract: Callable[..., Batch] = extract_step
    normalise: Callable[..., Batch] = normalise_step
    stage: Callable[..., BatchCounts] = stage_step
    publish: Callable[..., RunSummary] = publish_step


PLAIN_STEPS = Steps()


def run_batches(ctx: RunContext, settings: Settings, progress: Progress,
                steps: Steps = PLAIN_STEPS) -> RunSummary:
    """The batch loop, the one both run paths use: extract, normalise and stage each batch, then
    the publish step."""
    tally = Tally(ctx, progress)
    with parse_workers(ctx, settings), failing_cleanly(ctx):
        batches = batched(ctx.files, settings.batch_size)
        for number, files in enumerate(batches):
            batch = steps.extract(ctx, number, files, settings.max_bytes, settings.max_pdf_pages,
                                  batches[number + 1] if number + 1 < len(batches) else None)
            batch = steps.normalise(ctx, batch)
            tally.add(steps.stage(ctx, batch))
    progress("  load: building Parquet and DuckDB, checking, publishing")
    return steps.publish(ctx, frozenset(tally.reused), tally.checks_failed)


def run_planned(ctx: RunContext, settings: Settings, progress: Progress, steps: Steps = PLAIN_STEPS,
                with_checks: bool = True) -> RunSummary:
    """A planned run: answered at once when nothing changed; otherwise the parser starts on the
    first batches while Great Expectations loads, then the batch loop."""
    if ctx.nothing_changed and not settings.force:
        return unchanged_summary(ctx)
    with parse_workers(ctx, settings):
        if with_checks:
            attach_checks(ctx)
        return run_batches(ctx, settings, progress, steps)


def run_plain(settings: Settings, progress: Progress = quiet, with_checks: bool = True) -> RunSummary:
    """The run in this process, without Prefect (flows.prefect_run.run_with_prefect runs the same
    steps as tasks of a Prefect flow)."""
    with run_lock(settings.warehouse_dir):
        return run_planned(plan_run(settings, progress), settings, progress, with_checks=with_checks)


class PlannedRun:
    """A folder run planned before its Prefect flow starts, its parser already on the first
    batches. Handed to the flow as a parameter that Prefect neither stores nor walks (no
    ``__dict__``, not iterable: the flow run records it as ``<PlannedRun>``)."""

    __slots__ = ("ctx",)

    def __init__(self, ctx: RunContext):
        self.ctx = ctx
