"""``minutes runs --warehouse DIR``: every run of one warehouse, oldest first.

The published ``runs`` table merged with the run log beside it (``flows/runlog.py``), so a run
that could not add itself to the table (a reader held the file) is listed too.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from flows import runlog


def runs_of(warehouse_dir: Path) -> list[dict]:
    from warehouse.runs import all_runs

    return all_runs(warehouse_dir, [r.row() for r in runlog.read(warehouse_dir)])


def cmd_runs(args: argparse.Namespace) -> int:
    warehouse_dir = Path(args.warehouse)
    rows = runs_of(warehouse_dir)
    if not rows:
        print(f"no runs recorded for {warehouse_dir}")
        return 0
    print(f"{'run_id':<23} {'outcome':<9} {'documents':>9} {'quarantined':>11}  message")
    for r in rows[-args.last:] if args.last else rows:
        print(f"{r['run_id']:<23} {r['outcome']:<9} {r['documents_seen']:>9} {r['documents_quarantined']:>11}  "
              f"{r['message'] or ''}")
    return 0


def add_runs_command(sub: argparse._SubParsersAction) -> None:
    runs = sub.add_parser("runs", help="list every run of a warehouse (published, unchanged, failed, refused)")
    runs.add_argument("--warehouse", default="warehouse-out", help="warehouse folder (default: ./warehouse-out)")
    runs.add_argument("--last", type=int, help="only the last N runs")
    runs.set_defaults(func=cmd_runs)
