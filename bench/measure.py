"""Run one command in a child process and measure it: wall time, peak memory, output.

Memory figures: ``peak_mb``, the largest single process (``ru_maxrss`` from ``os.wait4``:
the child's own and that of the descendants it waited for), and ``peak_tree_mb``, the most the
child and all its descendants (worker processes, a temporary Prefect server) held at once,
sampled from /proc every 0.1 s by proportional set size (0 where /proc is absent);
``peak_tree_rss_mb`` is the same with resident sizes summed, which counts shared pages once per
process.

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
import threading
import time
from collections.abc import Iterator
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
    peak_tree_mb: float = 0.0  # all processes at once, by PSS (see TreeSampler)
    peak_tree_rss_mb: float = 0.0  # all processes at once, RSS summed (counts shared pages per process)
    all_seconds: tuple[float, ...] = ()  # wall times of every repetition when this is their median

    @property
    def stages(self) -> dict[str, float]:
        return stage_seconds(self.stdout)


def run_measured(command: list[str], cwd: str | None = None, env: dict | None = None) -> Measured:
    """Run ``command`` to completion; its output goes to temporary files (no pipe to fill)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        began = time.perf_counter()
        proc = subprocess.Popen(command, cwd=cwd, env=env, stdout=out, stderr=err)
        sampler = TreeSampler(proc.pid)
        sampler.start()
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - began
        sampler.stop()
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        # a run shorter than one sampling interval on a busy machine may end before the sampler
        # reads the tree: the child's own peak (ru_maxrss, resident bytes) stands in for both
        own = usage.ru_maxrss * 1024
        return Measured(command, proc.returncode, seconds, usage.ru_maxrss / 1024,
                        out.read().decode(errors="replace"), err.read().decode(errors="replace"),
                        (sampler.peak_bytes or own) / 1024**2,
                        peak_tree_rss_mb=(sampler.peak_rss_bytes or own) / 1024**2)


def proc_stats() -> Iterator[tuple[int, list[bytes]]]:
    """(pid, the fields of /proc/PID/stat after the command name) of every process now; none
    where /proc is absent. Field 1 is the parent's pid, 11 and 12 user and system CPU ticks,
    21 the resident pages."""
    for entry in os.listdir("/proc") if os.path.isdir("/proc") else ():
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as fh:
                yield int(entry), fh.read().rsplit(b")", 1)[1].split()
        except OSError:
            continue


class TreeSampler(threading.Thread):
    """The most memory a process and its descendants held at once, sampled: ``peak_bytes`` by
    proportional set size (PSS: a page shared by n processes, such as the Python binary and
    libraries every worker maps, counts 1/n in each, so the sum is what the tree occupies), and
    ``peak_rss_bytes`` as the plain sum of resident sizes (shared pages counted once per process,
    so it overstates). Where PSS cannot be read, both are the RSS sum."""

    def __init__(self, pid: int, every: float = 0.1):
        super().__init__(daemon=True)
        self.pid, self.every, self.peak_bytes, self.peak_rss_bytes = pid, every, 0, 0
        self._done = threading.Event()
        self._page = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096

    def run(self) -> None:
        while not self._done.wait(self.every):
            rss, pss = self._tree_memory()
            self.peak_rss_bytes = max(self.peak_rss_bytes, rss)
            self.peak_bytes = max(self.peak_bytes, pss)

    def stop(self) -> None:
        self._done.set()
        self.join()

    def _tree_memory(self) -> tuple[int, int]:
        """(RSS sum, PSS sum) of the process tree now."""
        parents: dict[int, int] = {}
        rss: dict[int, int] = {}
        for pid, fields in proc_stats():
            parents[pid] = int(fields[1])
            rss[pid] = int(fields[21]) * self._page
        tree, frontier = {self.pid}, [self.pid]
        while frontier:
            parent = frontier.pop()
            children = [p for p, pp in parents.items() if pp == parent and p not in tree]
            tree.update(children)
            frontier += children
        rss_sum = sum(rss.get(p, 0) for p in tree)
        pss = [_pss(p) for p in tree]
        return rss_sum, sum(v if v is not None else rss.get(p, 0) for p, v in zip(tree, pss, strict=True))


def _pss(pid: int) -> int | None:
    """Proportional set size of a process in bytes (/proc/PID/smaps_rollup), None if unreadable."""
    try:
        with open(f"/proc/{pid}/smaps_rollup", "rb") as fh:
            for line in fh:
                if line.startswith(b"Pss:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError):
        return None
    return None


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
