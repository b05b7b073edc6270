"""The parse stage on a Dask cluster, through Prefect's DaskTaskRunner.

``--task-runner dask --dask-address tcp://host:8786`` sends each batch's parsing to an existing
cluster; ``--task-runner dask --workers N`` starts a local cluster of N processes for the run.
Extraction, quality checks and publishing stay in the flow's process; only the pure parse
(flows.stages.normalise_batch on chunks of a batch) travels, so any runner gives the same tables.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from flows.parallel import WorkerPool
from flows.stages import Batch, SourceFile, absorb, extract_batch, split


@contextmanager
def dask_cluster(address: str | None, workers: int) -> Iterator[str]:
    """The scheduler address to use: the given one, or a local cluster's for the run."""
    if address:
        yield address
        return
    from distributed import LocalCluster

    with LocalCluster(n_workers=max(1, workers), threads_per_worker=1, processes=True,
                      dashboard_address=None, host="127.0.0.1") as cluster:
        yield cluster.scheduler_address


class DaskParser:
    """Stands where flows.parallel.WorkerPool does: extract here, parse on the cluster."""

    def __init__(self, address: str, chunks: int):
        self.address = address
        self._cutter = WorkerPool(chunks)

    def close(self) -> None:
        pass

    def extract(self, number: int, files: list[SourceFile], *, upcoming: Any = None, **kw: Any) -> Batch:
        return extract_batch(number, files, **kw)  # the next batch is not read ahead here

    def normalise(self, batch: Batch) -> Batch:
        from flows.prefect_flow import parse_on_dask

        return absorb(batch, parse_on_dask(self.address, split(batch, self._cutter.chunks(len(batch.texts)))))
