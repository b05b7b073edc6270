"""The run log: one JSON line per run in ``<state>/runs.jsonl`` (published, unchanged or failed).

The warehouse's ``runs`` table is built from it at each publish, so failed runs (which publish
nothing) still show there after the next successful one.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path
from typing import Any


@dataclass
class RunRecord:
    run_id: str
    started_at: datetime
    finished_at: datetime | None = None
    source: str | None = None
    documents_seen: int = 0
    documents_new: int = 0
    documents_changed: int = 0
    documents_unchanged: int = 0
    documents_quarantined: int = 0
    checks_failed: int = 0
    outcome: str = "running"
    message: str | None = None

    def row(self) -> dict[str, Any]:
        return asdict(self)


def log_path(state_dir: Path) -> Path:
    return state_dir / "runs.jsonl"


def append(state_dir: Path, record: RunRecord) -> None:
    state_dir.mkdir(parents=True, exist_ok=True)
    data = {k: (v.isoformat() if isinstance(v, datetime) else v) for k, v in record.row().items()}
    with log_path(state_dir).open("a", encoding="utf-8") as fh:
        fh.write(json.dumps(data, sort_keys=True) + "\n")


def read(state_dir: Path) -> list[RunRecord]:
    """Every complete line of the log (a line cut by a crash is skipped)."""
    path = log_path(state_dir)
    if not path.exists():
        return []
    records = []
    for line in path.read_text(encoding="utf-8").splitlines():
        try:
            data = json.loads(line)
            for key in ("started_at", "finished_at"):
                data[key] = datetime.fromisoformat(data[key]) if data.get(key) else None
            records.append(RunRecord(**data))
        except (ValueError, TypeError):
            continue
    return records
