"""The run log: one JSON line per run in ``<warehouse>/runs.jsonl`` (published, unchanged,
failed or refused because another run held the warehouse).

The log lives beside the warehouse it describes, so two warehouses sharing a state folder never
see each other's runs. The warehouse's ``runs`` table is built from it at each publish; a run
that publishes nothing adds its row to the published DuckDB file in place (one INSERT: a
no-change run stays well under its 2-second budget, no rebuild), or, when a reader holds the file
at that moment, the row waits in the log for the next publish. ``minutes runs`` merges both.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
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


def new_run_id(now: datetime | None = None) -> str:
    """Start time to the microsecond: run ids sort in the order the runs started."""
    now = now or datetime.now(UTC)
    return now.strftime("%Y%m%dT%H%M%S") + f"-{now.microsecond:06d}"


def log_path(warehouse_dir: Path) -> Path:
    return warehouse_dir / "runs.jsonl"


def append(warehouse_dir: Path, record: RunRecord) -> None:
    """One line, written with one ``write`` in append mode (a run refused by the lock appends
    while the holder may append too)."""
    warehouse_dir.mkdir(parents=True, exist_ok=True)
    data = {k: (v.isoformat() if isinstance(v, datetime) else v) for k, v in record.row().items()}
    with log_path(warehouse_dir).open("a", encoding="utf-8") as fh:
        fh.write(json.dumps(data, sort_keys=True) + "\n")


def record_unpublished(warehouse_dir: Path, record: RunRecord) -> bool:
    """Log a run that publishes nothing and add it to the published ``runs`` table in place.
    False when the table could not take it now (no warehouse yet, or a reader holds the file):
    the next publish or ``minutes runs`` picks it up from the log."""
    from warehouse.runs import insert_run

    append(warehouse_dir, record)
    return insert_run(warehouse_dir, record.row())


def refused(warehouse_dir: Path, message: str, source: str | None = None) -> None:
    """Record a run the warehouse lock turned away."""
    now = datetime.now(UTC)
    at = now.replace(tzinfo=None, microsecond=0)
    record_unpublished(warehouse_dir, RunRecord(new_run_id(now), at, at, source, outcome="refused", message=message))


def read(warehouse_dir: Path) -> list[RunRecord]:
    """Every complete line of the log (a line cut by a crash is skipped), one per run id."""
    path = log_path(warehouse_dir)
    if not path.exists():
        return []
    records: dict[str, RunRecord] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        try:
            data = json.loads(line)
            for key in ("started_at", "finished_at"):
                data[key] = datetime.fromisoformat(data[key]) if data.get(key) else None
            records[data["run_id"]] = RunRecord(**data)
        except (ValueError, TypeError, KeyError):
            continue
    return sorted(records.values(), key=lambda r: r.run_id)
