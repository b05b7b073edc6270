"""Document versions across runs: a corrected page or approved minutes replacing a draft is a
new version of the same source; earlier versions stay in ``document_versions``."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class ChangeCounts:
    new: int
    changed: int
    unchanged: int


def classify(previous_versions: list[dict[str, Any]], current: dict[str, str]) -> ChangeCounts:
    """``current`` maps source_uri -> document_id. A source never seen is new; one whose current
    version had other bytes is changed; the rest are unchanged."""
    before = {r["source_uri"]: r["document_id"] for r in previous_versions if r["is_current"]}
    known = {r["source_uri"] for r in previous_versions}
    new = sum(1 for uri in current if uri not in known)
    unchanged = sum(1 for uri, doc in current.items() if before.get(uri) == doc)
    return ChangeCounts(new, len(current) - new - unchanged, unchanged)


def version_rows(previous_versions: list[dict[str, Any]], current: dict[str, str], run_id: str) -> list[dict]:
    """The new document_versions table: every (source, version) ever seen, the current ones flagged."""
    rows = {(r["source_uri"], r["document_id"]): dict(r, is_current=False) for r in previous_versions}
    for uri, doc in current.items():
        row = rows.setdefault((uri, doc), {"source_uri": uri, "document_id": doc, "first_seen_run": run_id})
        row["is_current"] = True
    return [rows[k] for k in sorted(rows)]
