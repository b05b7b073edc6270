"""Run one command in a child process and measure it: wall time, peak memory, output.

Peak memory is the child's maximum resident set size as ``os.wait4`` reports it for that one
child (its own and that of the descendants it waited for), so each run is measured on its own.

    >>> import sys
    >>> r = run_measured([sys.executable, "-c", "print('hi')"])
    >>> r.returncode, r.stdout.strip(), r.peak_mb > 0
    (0, 'hi', True)
"""

from __future__ import annotations

import os
import re
import subprocess
import tempfile
import time
from dataclasses import dataclass

#: "stage seconds: extract=1.2 normalise=3.4 load=0.9" (printed by `minutes run`)
STAGE_LINE = re.compile(r"stage seconds:\s*(?P<pairs>.+)$", re.IGNORECASE | re.MULTILINE)


@dataclass
class Measured:
    command: list[str]
    returncode: int
    seconds: float
    peak_mb: float
    stdout: str
    stderr: str

    @property
    def stages(self) -> dict[str, float]:
        return stage_seconds(self.stdout)


def run_measured(command: list[str], cwd: str | None = None, env: dict | None = None) -> Measured:
    """Run ``command`` to completion; its output goes to temporary files (no pipe to fill)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        began = time.perf_counter()
        proc = subprocess.Popen(command, cwd=cwd, env=env, stdout=out, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - began
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return Measured(command, proc.returncode, seconds, usage.ru_maxrss / 1024,
                        out.read().decode(errors="replace"), err.read().decode(errors="replace"))


def stage_seconds(output: str) -> dict[str, float]:
    """Per-stage seconds from a run's output, or {} when it prints none.

    >>> stage_seconds("Done.\\nstage seconds: extract=1.5 normalise=2.25 load=0.5\\n")
    {'extract': 1.5, 'normalise': 2.25, 'load': 0.5}
    """
    found = STAGE_LINE.findall(output)
    if not found:
        return {}
    pairs = re.findall(r"(\w+)\s*=\s*([0-9.]+)", found[-1])
    return {k: float(v) for k, v in pairs}
