"""Prefect's environment, set before Prefect is imported: state under the project's state
folder (never the user's home), no telemetry, quiet logs, room for a slow CI to start the
temporary local server."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from pathlib import Path


def configure(state_dir: Path) -> None:
    home = (state_dir / "prefect").resolve()
    home.mkdir(parents=True, exist_ok=True)
    defaults = {
        "PREFECT_HOME": str(home),
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        "DO_NOT_TRACK": "1",
        "PREFECT_LOGGING_LEVEL": "WARNING",
        "PREFECT_LOGGING_TO_API_ENABLED": "false",
        "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "120",
        "PREFECT_UI_ENABLED": "false",
        "GX_ANALYTICS_ENABLED": "false",
        "TQDM_DISABLE": "1",
    }
    for key, value in defaults.items():
        os.environ.setdefault(key, value)
    # A database path inside the state folder even when PREFECT_HOME was set by the user.
    os.environ.setdefault("PREFECT_API_DATABASE_CONNECTION_URL",
                          f"sqlite+aiosqlite:///{home / 'prefect.db'}")


def warm_start(prepare: Callable[[], object]) -> None:
    """Start Prefect's temporary local server (when no API is configured) in a background thread
    and run ``prepare`` meanwhile: the server's start-up (seconds, tens of seconds on a new
    database) overlaps the run's own start-up work (imports, worker processes) instead of
    adding to it. Returns once both are done; the flow then finds the server running."""
    from prefect.settings import PREFECT_API_URL, PREFECT_SERVER_EPHEMERAL_ENABLED

    if PREFECT_API_URL.value() or not PREFECT_SERVER_EPHEMERAL_ENABLED.value():
        prepare()
        return
    from prefect.server.api.server import SubprocessASGIServer

    failed: list[BaseException] = []

    def start() -> None:
        try:
            SubprocessASGIServer().start()
        except BaseException as exc:  # noqa: BLE001 - re-raised in the caller's thread
            failed.append(exc)

    thread = threading.Thread(target=start, name="prefect-server-start", daemon=True)
    thread.start()
    try:
        prepare()
    finally:
        thread.join()
    if failed:
        raise failed[0]
