"""One run at a time per warehouse.

An exclusive ``flock`` on ``<warehouse>/.minutes.lock``: the kernel drops it when the holder dies,
so a lock left by a killed run (SIGKILL, reboot) is never stale — the next run simply gets it.
The holder's pid and start time are written in the file for the refusal message.
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from flows import runlog


class WarehouseLocked(Exception):
    """Another run holds the warehouse."""


@contextmanager
def run_lock(warehouse_dir: Path) -> Iterator[None]:
    warehouse_dir.mkdir(parents=True, exist_ok=True)
    path = warehouse_dir / ".minutes.lock"
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 200, 0).decode("utf-8", "replace").strip() or "another process"
            message = f"another run is already using {warehouse_dir} ({holder}); try again when it has finished"
            runlog.refused(warehouse_dir, message)  # on record too, in this warehouse's runs
            raise WarehouseLocked(message) from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"pid {os.getpid()}, started {datetime.now(UTC):%Y-%m-%d %H:%M:%S} UTC".encode(), 0)
        yield
    finally:
        os.close(fd)  # closing releases the lock
