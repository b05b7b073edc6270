"""PDF text extraction in a worker process with a memory cap and a time limit.

A small PDF can inflate to gigabytes or take minutes; pdfium would do that inside the pipeline's
own process. Here it runs in one long-lived worker process (started on first use, reused, so
a PDF costs no process start) with RLIMIT_AS, and each document gets ``timeout`` seconds. A worker
that runs out of memory or time is killed and replaced; the document gets a readable reason.
"""

from __future__ import annotations

import atexit
import resource
import threading
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool
from multiprocessing import get_context, util

from transforms.models import ExtractionError

MEMORY_LIMIT_BYTES = 2 * 1024**3
TIMEOUT_SECONDS = 60.0

_lock = threading.Lock()
_pool: ProcessPoolExecutor | None = None


def _limit_memory(limit: int) -> None:
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def _extract(data: bytes, max_pages: int) -> str:
    from transforms.extract.pdf_text import pdf_to_text

    return pdf_to_text(data, max_pages)


def _get_pool() -> ProcessPoolExecutor:
    global _pool
    if _pool is None:
        # "spawn": a clean interpreter, never a fork of a process with threads (Prefect's)
        _pool = ProcessPoolExecutor(max_workers=1, mp_context=get_context("spawn"),
                                    initializer=_limit_memory, initargs=(MEMORY_LIMIT_BYTES,))
    return _pool


def _discard_pool() -> None:
    global _pool
    if _pool is not None:
        for proc in list(getattr(_pool, "_processes", {}).values()):
            proc.kill()
        _pool.shutdown(wait=False, cancel_futures=True)
        _pool = None


# atexit covers the main process. A multiprocessing child (a pipeline worker that extracted a
# PDF) never runs atexit: on exit it joins its non-daemon children, and the sandbox worker would
# wait for work forever. A finalizer with an exit priority runs before that join.
atexit.register(_discard_pool)
util.Finalize(None, _discard_pool, exitpriority=10)


def pdf_to_text_sandboxed(data: bytes, max_pages: int, timeout: float = TIMEOUT_SECONDS) -> str:
    """Like pdf_text.pdf_to_text, in the worker. ExtractionError("pdf_too_expensive") when the
    worker exceeds its memory or time."""
    with _lock:  # one PDF at a time through the one worker
        future = _get_pool().submit(_extract, data, max_pages)
        try:
            return future.result(timeout=timeout)
        except ExtractionError:
            raise
        except FutureTimeout:
            _discard_pool()
            raise ExtractionError("pdf_too_expensive",
                                  f"PDF text extraction took longer than {timeout:.0f} s and was stopped") from None
        except (BrokenProcessPool, MemoryError):
            _discard_pool()
            raise ExtractionError("pdf_too_expensive",
                                  f"PDF text extraction needed more than {MEMORY_LIMIT_BYTES / 1024**3:.0f} GB "
                                  "of memory and was stopped") from None
