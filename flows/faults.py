"""Fault injection points for the reliability tests.

``MINUTES_FAULT_PAUSE=<point>`` makes a run stop at that point: it touches
``<state>/paused-at-<point>`` and sleeps, so a test can kill the process there (SIGKILL)
and check what a reader sees. Unset (always, in normal use), it does nothing.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

POINTS = ("extract", "normalise", "before_swap")


def pause_point(point: str, state_dir: Path) -> None:
    if os.environ.get("MINUTES_FAULT_PAUSE") != point:
        return
    marker = state_dir / f"paused-at-{point}"
    marker.parent.mkdir(parents=True, exist_ok=True)
    marker.touch()
    time.sleep(float(os.environ.get("MINUTES_FAULT_PAUSE_SECONDS", "60")))
