"""The parse stage on a Dask cluster, through Prefect's DaskTaskRunner (a flows.parallel.Parser).

``--task-runner dask --dask-address tcp://host:8786`` sends each batch's parsing to an existing
cluster; ``--task-runner dask --workers N`` starts a local cluster of N processes for the run.
Extraction, quality checks and publishing stay in the flow's process; only the pure parse
(flows.stages.normalise_batch on chunks of a batch) travels, so any runner gives the same tables.
Prefect is imported when the first batch is parsed (flows.prefect_env.configure() comes first).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from typing import Any

from flows.parallel import Upcoming, chunk_slices
from flows.stages import Batch, SourceFile, absorb, extract_batch, normalise_batch, split


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
    """Extract here, parse on the cluster: chunks of each batch as tasks of a subflow."""

    def __init__(self, address: str, chunks: int):
        self.address = address
        self.chunks = chunks

    def start(self, number: int, files: list[SourceFile], kw: dict[str, Any]) -> None:
        pass  # the next batch is not read ahead here

    def close(self) -> None:
        pass

    def extract(self, number: int, files: list[SourceFile], *, upcoming: Upcoming | None = None,
                **kw: Any) -> Batch:
        return extract_batch(number, files, **kw)

    def normalise(self, batch: Batch) -> Batch:
        return absorb(batch, parse_on_dask(self.address, split(batch, chunk_slices(len(batch.texts), self.chunks))))


@cache
def _parse_chunk_task() -> Any:
    from prefect import task
    from prefect.cache_policies import NO_CACHE

    return task(normalise_batch, name="parse-chunk", cache_policy=NO_CACHE)


def parse_on_dask(address: str, parts: list[Batch]) -> list[Batch]:
    """Parse chunks of a batch as tasks of a subflow running on the Dask cluster at ``address``."""
    from prefect import flow
    from prefect_dask import DaskTaskRunner

    parse_chunk = _parse_chunk_task()

    @flow(name="parse-on-dask", task_runner=DaskTaskRunner(address=address), validate_parameters=False)
    def parse_subflow(chunks: list[Batch]) -> list[Batch]:
        return [f.result() for f in parse_chunk.map(chunks)]

    return parse_subflow(parts)
