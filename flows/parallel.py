"""Where the extract and parse of a batch run, behind one interface (``Parser``): in this
process (``InProcess``), in local worker processes (``WorkerPool``, below) or on a Dask cluster
(``flows.dask_parse.DaskParser``). The batch loop (flows.pipeline.run_batches) neither knows nor
cares which; every one gives the same tables.

Local workers extract and parse batches across CPU cores, one batch ahead of the quality gates.
A batch is cut into one chunk per worker process. Each chunk is extracted *and* parsed in its
worker in one trip (the text goes to the worker once, not back and forth), with the same pure
functions as in one process (flows.stages.extract_batch / normalise_batch). The two results stay
apart: ``extract`` returns the extraction, the flow runs the after-extract quality gate on it, and
``normalise`` then takes the parse of only the documents that passed, so the tables are the same
as in one process. While the flow's process runs the gates and stages batch N, the workers are
already extracting and parsing batch N+1 (``upcoming``). The pool is started once per run
("spawn": a clean interpreter, safe beside Prefect's threads) and reused for every batch.
"""

from __future__ import annotations

import os
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import replace
from multiprocessing import get_context
from typing import Any, Protocol

from flows.stages import Batch, SourceFile, absorb, extract_batch, normalise_batch

MIN_CHUNK = 25  # below this a chunk costs more to ship than to parse
WORKER_NICENESS = 10

#: The next batch's files and extract arguments, which a parser may start on early.
Upcoming = tuple[list[SourceFile], dict[str, Any]]


class Parser(Protocol):
    """Extracts and parses batches for the batch loop, wherever that work runs."""

    def start(self, number: int, files: list[SourceFile], kw: dict[str, Any]) -> None:
        """Begin batch ``number`` now if this parser can work ahead (else a no-op)."""

    def extract(self, number: int, files: list[SourceFile], *, upcoming: Upcoming | None = None,
                **kw: Any) -> Batch:
        """Batch ``number`` extracted (flows.stages.extract_batch's result); ``kw`` its arguments."""

    def normalise(self, batch: Batch) -> Batch:
        """The documents still in ``batch`` after the extract gate, parsed (normalise_batch's result)."""

    def close(self) -> None:
        """Stop any workers; the parser is not used again."""


class InProcess:
    """The stages called here, in the flow's process: for runs too small to share out."""

    def start(self, number: int, files: list[SourceFile], kw: dict[str, Any]) -> None:
        pass

    def extract(self, number: int, files: list[SourceFile], *, upcoming: Upcoming | None = None,
                **kw: Any) -> Batch:
        return extract_batch(number, files, **kw)

    def normalise(self, batch: Batch) -> Batch:
        return normalise_batch(batch)

    def close(self) -> None:
        pass


def default_workers() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)


def chunk_slices(n: int, workers: int) -> list[slice]:
    """``n`` documents cut into at most one chunk per worker, none below MIN_CHUNK (bar the last).

    >>> chunk_slices(60, 2), chunk_slices(30, 2)
    ([slice(0, 30, None), slice(30, 60, None)], [slice(0, 30, None)])
    """
    parts = min(max(1, workers), max(1, n // MIN_CHUNK))
    size = -(-n // parts) if n else 0
    return [slice(i, i + size) for i in range(0, n, size)] if n else []


class WorkerPool:
    """Local worker processes (a Parser)."""

    def __init__(self, workers: int):
        self.workers = max(1, workers)
        self._pool: ProcessPoolExecutor | None = None
        self._ahead: dict[int, list[Future] | Batch] = {}  # batch number -> its chunks in flight
        self._parsed: dict[int, list[Batch]] = {}  # batch number -> its parsed chunks

    def _executor(self) -> ProcessPoolExecutor:
        if self._pool is None:
            self._pool = ProcessPoolExecutor(self.workers, mp_context=get_context("spawn"),
                                             initializer=_yield_cpu_to_the_flow)
        return self._pool

    def close(self) -> None:
        self._ahead.clear()
        self._parsed.clear()
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def __getstate__(self) -> dict[str, Any]:  # a pool does not travel to other processes
        return {"workers": self.workers, "_pool": None, "_ahead": {}, "_parsed": {}}

    def chunks(self, n: int) -> list[slice]:
        return chunk_slices(n, self.workers)

    def extract(self, number: int, files: list[SourceFile], *, upcoming: Upcoming | None = None,
                **kw: Any) -> Batch:
        """Batch ``number`` extracted (its parse kept for ``normalise``). ``upcoming``: the next
        batch's files and arguments, to start on while this one is checked and staged."""
        pending = self._ahead.pop(number, None) or self._submit(number, files, kw)
        if upcoming is not None and upcoming[0]:
            self.start(number + 1, *upcoming)
        if isinstance(pending, Batch):  # too small to share out: extracted here, parsed later here
            return pending
        results = [f.result() for f in pending]
        self._parsed[number] = [parsed for _, parsed in results]
        return merge(number, [extracted for extracted, _ in results])

    def start(self, number: int, files: list[SourceFile], kw: dict[str, Any]) -> None:
        """Set the workers on batch ``number`` now (a head start while the caller does other
        work); ``extract`` then collects it. A batch too small to share out is left for later."""
        if number not in self._ahead and len(self.chunks(len(files))) > 1:  # else parsed here, when needed
            self._ahead[number] = self._submit(number, files, kw)

    def normalise(self, batch: Batch) -> Batch:
        parsed = self._parsed.pop(batch.number, None)
        if parsed is None:
            return normalise_batch(batch)
        return absorb(batch, parsed, only=set(batch.texts))

    def _submit(self, number: int, files: list[SourceFile], kw: dict[str, Any]) -> list[Future] | Batch:
        cuts = self.chunks(len(files))
        if len(cuts) <= 1:
            return extract_batch(number, files, **kw)
        return [self._executor().submit(_extract_and_parse_chunk, number, files[c], kw) for c in cuts]


def _yield_cpu_to_the_flow() -> None:
    """Workers run at a lower CPU priority than the flow's process (and a temporary Prefect
    server starting beside it): they soak up spare cores; the quality gates, Prefect's calls and
    the server's start-up, which the whole run waits on, go first."""
    try:
        os.nice(WORKER_NICENESS)
    except OSError:  # not permitted here: same priority, same results
        pass


def _extract_and_parse_chunk(number: int, files: list[SourceFile], kw: dict[str, Any]) -> tuple[Batch, Batch]:
    """(the chunk extracted, the chunk parsed): what extract_batch and then normalise_batch
    would give, kept apart so that the after-extract gate still decides what is parsed."""
    extracted = extract_batch(number, files, **kw)
    parsed = normalise_batch(Batch(number, {d: replace(r) for d, r in extracted.records.items()},
                                   dict(extracted.texts)))
    parsed.texts = {}  # the extraction carries them
    return extracted, parsed


def merge(number: int, parts: list[Batch]) -> Batch:
    """Partial batches of consecutive chunks -> one batch (first occurrence of a document wins)."""
    out = Batch(number)
    for part in parts:
        for d, rec in part.records.items():
            if d in out.records:
                continue
            out.records[d] = rec
            if d in part.texts:
                out.texts[d] = part.texts[d]
        out.quarantine += [q for q in part.quarantine if q.document_id not in out.quarantined_ids]
        out.checks_failed += part.checks_failed
    return out
