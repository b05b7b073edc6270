"""Prefect's environment, set before Prefect is imported: state under the project's state
folder (never the user's home), no telemetry, quiet logs, room for a slow CI to start the
temporary local server."""

from __future__ import annotations

import os
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
