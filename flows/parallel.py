"""Extract and parse a batch across CPU cores.

A batch is cut into one chunk per worker process; each chunk runs the same pure functions
(flows.stages.extract_batch / normalise_batch) and the partial batches are merged back in file
order, so the result is the same as in one process. Quality checks and writing stay in the
flow's process. The pool is started once per run ("spawn": a clean interpreter, safe beside
Prefect's threads) and reused for every batch.
"""

from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from typing import Any

from flows.stages import Batch, SourceFile, absorb, extract_batch, normalise_batch, split

MIN_CHUNK = 25  # below this a chunk costs more to ship than to parse


def default_workers() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)


class WorkerPool:
    def __init__(self, workers: int):
        self.workers = max(1, workers)
        self._pool: ProcessPoolExecutor | None = None

    def _executor(self) -> ProcessPoolExecutor:
        if self._pool is None:
            self._pool = ProcessPoolExecutor(self.workers, mp_context=get_context("spawn"))
        return self._pool

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def __getstate__(self) -> dict[str, Any]:  # a pool does not travel to other processes
        return {"workers": self.workers, "_pool": None}

    def chunks(self, n: int) -> list[slice]:
        parts = min(self.workers, max(1, n // MIN_CHUNK))
        size = -(-n // parts) if n else 0
        return [slice(i, i + size) for i in range(0, n, size)] if n else []

    def extract(self, number: int, files: list[SourceFile], **kw: Any) -> Batch:
        cuts = self.chunks(len(files))
        if len(cuts) <= 1:
            return extract_batch(number, files, **kw)
        futures = [self._executor().submit(_extract_chunk, number, files[c], kw) for c in cuts]
        return merge(number, [f.result() for f in futures])

    def normalise(self, batch: Batch) -> Batch:
        cuts = self.chunks(len(batch.texts))
        if len(cuts) <= 1:
            return normalise_batch(batch)
        futures = [self._executor().submit(normalise_batch, part) for part in split(batch, cuts)]
        return absorb(batch, [f.result() for f in futures])


def _extract_chunk(number: int, files: list[SourceFile], kw: dict[str, Any]) -> Batch:
    return extract_batch(number, files, **kw)


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
