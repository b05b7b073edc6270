"""`minutes serve`: run the pipeline nightly.

With a Prefect server configured (PREFECT_API_URL), it serves the `minutes-nightly` deployment on a
cron schedule in the configured time zone (Europe/London by default), so the server's scheduler
starts the runs and the UI shows them. Without one, it keeps its own schedule: it sleeps until the
next cron time in that zone and runs the same flow (a temporary local Prefect server per run).
Every run is recorded in the warehouse's run log (<warehouse>/runs.jsonl) and its `runs` table.
"""

from __future__ import annotations

import os
import sys
import time
from datetime import datetime
from zoneinfo import ZoneInfo

from cronsim import CronSim

from flows.settings import Settings


def next_fire(cron: str, timezone: str, after: datetime | None = None) -> datetime:
    """The next time the cron fires, in ``timezone`` (daylight saving handled by the zone)."""
    zone = ZoneInfo(timezone)
    start = (after or datetime.now(zone)).astimezone(zone)
    return next(CronSim(cron, start))


def _run_once(settings: Settings) -> int:
    from flows.lock import WarehouseLocked
    from flows.notify import run_notifying
    from flows.prefect_run import run_with_prefect
    from flows.steps import RunFailed

    try:
        summary = run_notifying(settings.warehouse_dir, settings.sources_file,
                                lambda: run_with_prefect(settings, progress=print))
    except WarehouseLocked as exc:
        print(f"minutes serve: skipped: {exc}", file=sys.stderr)
        return 1
    except RunFailed as exc:
        print(f"minutes serve: run failed, the published warehouse is unchanged: {exc}", file=sys.stderr)
        return 1
    print(f"minutes serve: {summary.outcome}: {summary.documents} documents, {summary.loaded} loaded, "
          f"{summary.quarantined} quarantined")
    return 0


def serve(settings: Settings, *, once: bool = False) -> int:
    next_fire(settings.schedule_cron, settings.schedule_timezone)  # a bad cron or zone fails now, not at 2am
    if once:
        return _run_once(settings)
    if os.environ.get("PREFECT_API_URL"):
        return _serve_deployment(settings)
    print(f"minutes serve: no Prefect server configured; running on my own schedule "
          f"'{settings.schedule_cron}' ({settings.schedule_timezone}). Ctrl-C stops.")
    while True:
        when = next_fire(settings.schedule_cron, settings.schedule_timezone)
        print(f"minutes serve: next run at {when.isoformat()}")
        time.sleep(max(0.0, (when - datetime.now(when.tzinfo)).total_seconds()))
        _run_once(settings)


def _serve_deployment(settings: Settings) -> int:
    from flows.prefect_env import configure

    configure(settings.state_dir)
    from prefect.schedules import Cron

    from flows.prefect_flow import nightly

    params = {"warehouse_dir": str(settings.warehouse_dir.absolute()), "state_dir": str(settings.state_dir.absolute())}
    if not settings.fetch:
        params["source_dir"] = str(settings.source_dir.absolute())
    else:
        params["sources_file"] = str(settings.sources_file.absolute())
    nightly.serve(name="nightly", schedules=[Cron(settings.schedule_cron, timezone=settings.schedule_timezone)],
                  parameters=params, description="Nightly minutes fetch, parse and publish.")
    return 0
