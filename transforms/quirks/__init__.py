"""Publisher quirks as data: rank abbreviations, attendee qualifiers, status words,
site furniture. Each table is a CSV beside this file; code reads them through here."""

from __future__ import annotations

import csv
from functools import cache
from importlib import resources


@cache
def load_table(name: str) -> tuple[dict[str, str], ...]:
    """Rows of ``<name>.csv`` in this package, as dicts (cached; tables are small)."""
    with resources.files(__package__).joinpath(f"{name}.csv").open(encoding="utf-8") as fh:
        return tuple(dict(row) for row in csv.DictReader(fh))
