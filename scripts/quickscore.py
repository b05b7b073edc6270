"""Developer tool: build a warehouse from a folder with the plain loop (no Prefect, no quality
gates, so it is quick) and score it against gold labels with ../shared/eval/score.py.

    .venv/bin/python scripts/quickscore.py ../shared/seeds ../shared/gold/seeds [--quiet]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from flows.pipeline import run_plain  # noqa: E402
from flows.settings import Settings  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("source")
    ap.add_argument("gold")
    ap.add_argument("--quiet", action="store_true")
    ap.add_argument("--keep", help="build the warehouse here instead of a temporary folder")
    a = ap.parse_args()
    out = Path(a.keep) if a.keep else Path(tempfile.mkdtemp(prefix="quickscore-"))
    summary = run_plain(Settings(source_dir=Path(a.source), warehouse_dir=out / "wh", state_dir=out / "state"),
                        with_checks=False)
    for q in summary.quarantine:
        print(f"quarantined: {q['source_uri']}: {q['check_name']}: {q['reason']}")
    score = ROOT.parent / "shared" / "eval" / "score.py"
    cmd = [sys.executable, str(score), str(summary.db_path), a.gold] + (["--quiet"] if a.quiet else [])
    return subprocess.call(cmd)


if __name__ == "__main__":
    sys.exit(main())
