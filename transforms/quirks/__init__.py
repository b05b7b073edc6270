"""Publisher quirks as data: word lists (rank abbreviations, attendee qualifiers, status words,
section labels). Each table is a CSV beside this file, declared in ``TABLES`` (its columns, the
columns no two rows may share, the values a column allows) and read through ``load_table``,
which refuses a table that does not match its declaration. Patterns and weights are code: they
live beside the Python that uses them.
"""

from __future__ import annotations

import csv
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

STATUSES = frozenset({"present", "apologies", "absent"})
ACTION_STATUSES = frozenset({"open", "closed", "carried_forward"})
#: the Attendance flags a label or qualifier may set ("" = none)
FLAGS = frozenset({"", "is_chair", "is_minute_taker", "is_observer", "is_representative", "remote", "partial"})


class QuirkTableError(ValueError):
    """A quirk table that does not match its declaration (raised when it is first loaded)."""


@dataclass(frozen=True)
class Table:
    columns: tuple[str, ...]
    #: no two rows share these columns' values (compared case-insensitively)
    key: tuple[str, ...]
    #: column -> the values it allows
    allowed: Mapping[str, frozenset[str]] = field(default_factory=dict)
    #: columns holding a whole number
    integers: tuple[str, ...] = ()


def _words(*columns: str, key: tuple[str, ...] | None = None, **allowed: frozenset[str]) -> Table:
    return Table(columns, key or columns[:1], allowed)


TABLES: dict[str, Table] = {
    "action_status_words": _words("word", "status", status=ACTION_STATUSES),
    "attendance_headings": _words("heading", "status", status=STATUSES),
    "attendee_sections": _words("label", "status", "flag", status=STATUSES, flag=FLAGS),
    "attendee_zone_ends": _words("line"),
    "binary_signatures": Table(("magic_hex", "offset", "what"), ("magic_hex", "offset"), integers=("offset",)),
    "decision_subjects": _words("subject"),
    "decision_words": _words("word", "meaning", meaning=frozenset({"decides", "narrates"})),
    "due_date_cues": _words("cue"),
    "item_title_ends": _words("phrase"),
    "layout_organisations": _words("layout", "organisation"),
    "meeting_bodies": _words("phrase", "note"),
    "nicknames": _words("formal", "short"),
    "no_apologies": _words("phrase"),
    "not_name_words": _words("word"),
    "organisation_words": _words("word", "note"),
    "post_nominals": _words("letters", "meaning"),
    "panel_attendance_labels": _words("label", "status", "flag", status=STATUSES, flag=FLAGS),
    "panel_titles": _words("title", "note"),
    "qualifiers": _words("word", "flag", "match", "keep_as_note", key=("word", "match"), flag=FLAGS - {""},
                         match=frozenset({"exact", "prefix", "role_prefix"}), keep_as_note=frozenset({"yes", "no"})),
    "ranks": _words("rank_code", "rank_name", "kind", "aliases",
                    kind=frozenset({"elected", "honorific", "officer", "staff"})),
    "role_nouns": _words("word", "note"),
    "role_words": _words("word"),
    "update_status_phrases": _words("phrase", "status", status=ACTION_STATUSES),
    "venue_words": _words("word", "note"),
}


def check_rows(name: str, header: list[str], rows: list[dict[str, str | None]]) -> tuple[dict[str, str], ...]:
    """``rows`` of table ``name`` (as ``csv.DictReader`` gives them) once they match the
    table's declaration; else QuirkTableError naming the table and the line."""
    spec = TABLES[name]
    if tuple(header) != spec.columns:
        raise QuirkTableError(f"{name}.csv: header {header} is not {list(spec.columns)}")
    seen: dict[tuple[str, ...], int] = {}
    for line, row in enumerate(rows, start=2):
        where = f"{name}.csv line {line}"
        if None in row or any(v is None for v in row.values()):
            raise QuirkTableError(f"{where}: {len(spec.columns)} values expected")
        key = tuple(str(row[c]).strip().lower() for c in spec.key)
        if not all(key):
            raise QuirkTableError(f"{where}: {', '.join(spec.key)} must not be empty")
        if key in seen:
            raise QuirkTableError(f"{where}: {', '.join(spec.key)} {key} already on line {seen[key]}")
        seen[key] = line
        for column, allowed in spec.allowed.items():
            if row[column] not in allowed:
                raise QuirkTableError(f"{where}: {column} {row[column]!r} is not one of {sorted(allowed)}")
        for column in spec.integers:
            if not str(row[column]).isdigit():
                raise QuirkTableError(f"{where}: {column} {row[column]!r} is not a whole number")
    return tuple({k: str(v) for k, v in row.items()} for row in rows)


@cache
def load_table(name: str) -> tuple[dict[str, str], ...]:
    """Rows of ``<name>.csv`` in this package, as dicts, checked against ``TABLES[name]``
    (cached; tables are small). An undeclared table is a KeyError."""
    if name not in TABLES:
        raise KeyError(f"quirk table {name!r} is not declared in transforms.quirks.TABLES")
    with resources.files(__package__).joinpath(f"{name}.csv").open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        rows = list(reader)
        return check_rows(name, list(reader.fieldnames or []), rows)


@cache
def attendance_labels() -> dict[str, str]:
    """Every attendance heading or label of the three label tables (``attendance_headings``,
    ``attendee_sections``, ``panel_attendance_labels``), lower case with single spaces, mapped
    to its status; the first table to name a label gives its status."""
    labels: dict[str, str] = {}
    for table in ("attendance_headings", "attendee_sections", "panel_attendance_labels"):
        for row in load_table(table):
            label = " ".join((row.get("heading") or row.get("label") or "").lower().split())
            if label:
                labels.setdefault(label, row["status"])
    return labels
