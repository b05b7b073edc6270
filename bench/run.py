"""Benchmark the pipeline at scale on generated corpora.

    .venv/bin/python bench/run.py [--sizes 1000,10000] [--out docs/benchmarks.md] [--modes prefect,plain,rerun]

For each size: write a corpus (fixed seed), then in child processes run the full Prefect flow
(``minutes run``) with no Prefect server configured (Prefect starts a temporary one: the cold
start a first-time user gets), the same with a Prefect database left by an earlier run (a later
run without a standing server), the same flow against a local Prefect server that is already
running (as under a scheduler: ``prefect server start``, started here for the benchmark), the
plain loop (``minutes run --plain``) and the flow command again on the unchanged folder and
warehouse (a no-change rerun); score the plain loop's warehouse with ``../shared/eval/score.py``
against the generated labels. Prints a table and writes Markdown.
"""

from __future__ import annotations

import argparse
import json
import os
import shlex
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.machine import describe  # noqa: E402
from bench.measure import Measured, run_measured  # noqa: E402
from bench.report import SizeResult, render_markdown, render_text  # noqa: E402
from flows.settings import SAMPLES_DIR  # noqa: E402
from samplegen.corpus import write_corpus  # noqa: E402

SCORER = ROOT.parent / "shared" / "eval" / "score.py"
MODES = ("prefect", "prefect-warm", "prefect-server", "plain", "rerun")
SEED = 2024


def minutes_command(docs: Path, warehouse: Path, state: Path, plain: bool) -> list[str]:
    cmd = [sys.executable, "-m", "flows.cli", "run", "--source", str(docs), "--warehouse", str(warehouse),
           "--state", str(state)]
    return cmd + (["--plain"] if plain else [])


@contextmanager
def local_prefect_server(home: Path) -> Iterator[str]:
    """A Prefect server on 127.0.0.1 for the length of the block (its database under ``home``);
    yields its API URL."""
    home.mkdir(parents=True, exist_ok=True)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {**os.environ, "PREFECT_HOME": str(home), "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
           "PREFECT_UI_ENABLED": "false", "DO_NOT_TRACK": "1",
           "PREFECT_API_DATABASE_CONNECTION_URL": f"sqlite+aiosqlite:///{home / 'prefect.db'}"}
    server = subprocess.Popen([sys.executable, "-m", "prefect", "server", "start", "--host", "127.0.0.1",
                               "--port", str(port)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/api"
    try:
        deadline = time.monotonic() + 180
        while True:
            try:
                if httpx.get(f"{url}/health", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if server.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("the local Prefect server did not start")
            time.sleep(0.5)
        yield url
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()


def score(warehouse: Path, gold: Path, work: Path) -> dict | None:
    """score.py's JSON report for ``warehouse``, or None when the scorer is not beside the clone."""
    if not SCORER.exists() or not (warehouse / "minutes.duckdb").exists():
        return None
    out = work / "score.json"
    run_measured([sys.executable, str(SCORER), str(warehouse / "minutes.duckdb"), str(gold),
                  "--quiet", "--json", str(out)], cwd=str(ROOT))
    return json.loads(out.read_text()) if out.exists() else None


def bench_size(size: int, modes: list[str], work: Path, seed: int = SEED, with_score: bool = True,
               progress=print, repeat: int = 1) -> SizeResult:
    """Generate ``size`` documents under ``work`` and measure each mode on them, ``repeat``
    times each (every time on a new warehouse and state folder); the run of median wall time
    is reported, with the range of all."""
    info = write_corpus(size, work / "corpus", seed)
    progress(f"[{size}] generated {size} documents in {info.seconds:.1f} s")
    runs: dict[str, Measured] = {}
    for mode in modes:
        measured = []
        for i in range(1 if mode == "rerun" else repeat):
            measured.append(m := _measure_mode(mode, info.docs_dir, work, "" if i == 0 else f"-{i + 1}"))
            progress(f"[{size}] {mode}: {m.seconds:.1f} s, peak {m.peak_mb:.0f} MB, exit {m.returncode}")
            if m.returncode != 0:
                progress(m.stderr[-2000:])
        runs[mode] = median_run(measured)
    scores = None
    if with_score:
        # the plain loop's warehouse when there is one (the flow's is the same data)
        scores = score(work / "wh-plain", info.gold_dir, work) or score(work / "wh-prefect", info.gold_dir, work)
    return SizeResult(size, info.seconds, runs, scores)


def _measure_mode(mode: str, docs: Path, work: Path, suffix: str) -> Measured:
    # the rerun repeats the flow's command on the flow's (first) warehouse and state
    name = "prefect" if mode == "rerun" else mode
    cmd = minutes_command(docs, work / f"wh-{name}{suffix}", work / f"state-{name}{suffix}", mode == "plain")
    if mode == "prefect-server":
        with local_prefect_server(work / f"prefect-server{suffix}") as api_url:
            return run_measured(cmd, cwd=str(ROOT), env={**os.environ, "PREFECT_API_URL": api_url})
    if mode == "prefect-warm":  # an earlier run (the bundled samples) created the Prefect database
        earlier = minutes_command(SAMPLES_DIR, work / f"wh-{name}{suffix}-earlier", work / f"state-{name}{suffix}",
                                  plain=False)
        subprocess.run(earlier, cwd=str(ROOT), check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return run_measured(cmd, cwd=str(ROOT))


def median_run(measured: list[Measured]) -> Measured:
    """The run of median wall time (the lower middle one of an even count), carrying every
    run's wall time; its memory figures are the highest of all the runs."""
    ordered = sorted(measured, key=lambda m: m.seconds)
    return replace(ordered[(len(ordered) - 1) // 2], all_seconds=tuple(m.seconds for m in measured),
                   peak_mb=max(m.peak_mb for m in measured), peak_tree_mb=max(m.peak_tree_mb for m in measured),
                   peak_tree_rss_mb=max(m.peak_tree_rss_mb for m in measured))


def run_benchmark(sizes: list[int], modes: list[str], work: Path, seed: int = SEED, with_score: bool = True,
                  progress=print, repeat: int = 1) -> list[SizeResult]:
    results = []
    for size in sizes:
        folder = work / f"n{size}"
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        results.append(bench_size(size, modes, folder, seed, with_score, progress, repeat))
    return results


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="1000,10000", help="comma-separated corpus sizes (default 1000,10000)")
    ap.add_argument("--out", default=str(ROOT / "docs" / "benchmarks.md"), help="Markdown report ('-': none)")
    ap.add_argument("--modes", default=",".join(MODES), help=f"which runs (default {','.join(MODES)})")
    ap.add_argument("--seed", type=int, default=SEED)
    ap.add_argument("--work", help="keep corpora and warehouses here (default: a temporary folder)")
    ap.add_argument("--no-score", action="store_true", help="skip scoring with ../shared/eval/score.py")
    ap.add_argument("--repeat", type=int, default=1,
                    help="runs of each mode (not the rerun) per size; the median is reported (default 1)")
    a = ap.parse_args(argv)
    sizes = [int(s) for s in a.sizes.split(",") if s.strip()]
    modes = [m for m in a.modes.split(",") if m.strip()]
    if unknown := set(modes) - set(MODES):
        ap.error(f"unknown modes: {', '.join(sorted(unknown))}")
    work = Path(a.work) if a.work else Path(tempfile.mkdtemp(prefix="minutes-bench-"))
    try:
        results = run_benchmark(sizes, modes, work, a.seed, not a.no_score, repeat=max(1, a.repeat))
    finally:
        if not a.work:
            shutil.rmtree(work, ignore_errors=True)
    print()
    print(render_text(results))
    if a.out != "-":
        command = "python bench/run.py " + shlex.join(argv if argv is not None else sys.argv[1:])
        Path(a.out).write_text(render_markdown(results, describe(), command.strip(),
                                               datetime.now().strftime("%Y-%m-%d %H:%M")) + "\n")
        print(f"\nwrote {a.out}")
    return 0 if all(m.returncode == 0 for r in results for m in r.runs.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
