"""A fingerprint of the code and tables that turn bytes into rows.

Stored on every documents row: a document whose bytes are unchanged is re-parsed only when
this changes (a parser fix re-reads everything; an unchanged nightly run re-reads nothing)."""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@cache
def parser_version() -> str:
    h = hashlib.sha256()
    files = sorted([*(ROOT / "transforms").rglob("*.py"), *(ROOT / "transforms").rglob("*.csv"),
                    ROOT / "warehouse" / "schema.py", ROOT / "flows" / "stages.py"])  # stages: parse -> rows
    for path in files:
        h.update(path.relative_to(ROOT).as_posix().encode())
        h.update(path.read_bytes())
    return h.hexdigest()[:16]
