"""One settings object. Defaults < environment (MINUTES_*) < command-line flags."""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SAMPLES_DIR = PROJECT_ROOT / "samples"


@dataclass(frozen=True)
class Settings:
    source_dir: Path = SAMPLES_DIR
    warehouse_dir: Path = Path("warehouse-out")
    state_dir: Path = Path("state")
    batch_size: int = 2500  # a quality gate costs about the same for 10 rows as for 10,000
    workers: int = 0  # processes that extract and parse; 0 = one per CPU core
    task_runner: str = "local"  # "local" (worker processes) or "dask" (the parse stage on a Dask cluster)
    dask_address: str | None = None  # an existing scheduler; None with dask = a local cluster of `workers`
    max_bytes: int = 25 * 1024 * 1024
    max_pdf_pages: int = 500
    use_prefect: bool = True
    sources_file: Path = PROJECT_ROOT / "sources.toml"
    fetch: bool = False  # fetch the sources in sources_file instead of reading source_dir
    offline: bool = False  # with fetch: rebuild from the raw archive, no network
    force: bool = False  # publish even when nothing changed
    schedule_cron: str = "0 2 * * *"
    schedule_timezone: str = "Europe/London"

    @property
    def fetched_dir(self) -> Path:
        """Where fetched documents are materialised for the folder pipeline."""
        return self.state_dir / "fetched"

    @classmethod
    def from_env(cls, **overrides: object) -> Settings:
        env = os.environ
        base = cls(
            source_dir=Path(env.get("MINUTES_SOURCE_DIR", cls.source_dir)),
            warehouse_dir=Path(env.get("MINUTES_WAREHOUSE_DIR", cls.warehouse_dir)),
            state_dir=Path(env.get("MINUTES_STATE_DIR", cls.state_dir)),
            batch_size=int(env.get("MINUTES_BATCH_SIZE", cls.batch_size)),
            workers=int(env.get("MINUTES_WORKERS", cls.workers)),
            task_runner=env.get("MINUTES_TASK_RUNNER", cls.task_runner),
            dask_address=env.get("MINUTES_DASK_ADDRESS") or None,
            max_bytes=int(env.get("MINUTES_MAX_BYTES", cls.max_bytes)),
            sources_file=Path(env.get("MINUTES_SOURCES_FILE", cls.sources_file)),
            schedule_cron=env.get("MINUTES_SCHEDULE_CRON", cls.schedule_cron),
            schedule_timezone=env.get("MINUTES_SCHEDULE_TIMEZONE", cls.schedule_timezone),
        )
        return replace(base, **{k: v for k, v in overrides.items() if v is not None})
