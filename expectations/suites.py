"""The data-quality suites, written as code: one ``TableSuite`` per stage and table.

A suite is plain data (no Great Expectations import here): each ``Check`` names a GX
expectation class and its arguments, plus one sentence saying what a pass means. The runner
turns them into GX suites once per run. Columns a check needs that the pipeline does not
produce (``body_or_body_missing``, ``meeting_id_in_meetings``...) are derived in pandas by the
suite's ``derive`` function just before validation.

>>> [c.name for c in normalise_suites(date(2025, 6, 1))["actions"].checks][:2]
['expect_column_values_to_not_be_null(action_id)', 'expect_column_values_to_not_be_null(meeting_id)']
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

import pandas as pd

from warehouse.schema import BY_NAME, FACT_TABLES

STAGES = ("extract", "normalise", "publish")
FORMATS = ("text", "html", "pdf", "docx")
MIN_CHARS = 40  # fewer characters than a one-line heading: nothing worth parsing was read
MAX_REPLACEMENT_SHARE = 0.02  # above this the bytes were decoded with the wrong charset
EARLIEST_DATE = date(2000, 1, 1)

# A published action reference: "35/24", "17/2022", "683a", "PCP 1/21", "A12", "3.2".
# An optional short prefix word, a number with an optional suffix letter, up to two more
# numeric parts. Anchored, so a sentence that merely contains a reference fails. The syntax
# is shared by Python re and RE2 (pandas' pyarrow strings use RE2).
ACTION_REF_PATTERN = r"^(?:[A-Za-z]{1,6}[ .-]?)?[0-9]{1,4}[A-Za-z]?(?:[/.-][0-9]{1,4}[A-Za-z]?){0,2}$"

Derive = Callable[[pd.DataFrame, Mapping[str, pd.DataFrame]], pd.DataFrame]


def _snake(class_name: str) -> str:
    """"ExpectColumnValuesToNotBeNull" -> "expect_column_values_to_not_be_null"."""
    return re.sub(r"(?<!^)(?=[A-Z])", "_", class_name).lower()


@dataclass(frozen=True)
class Check:
    """One expectation: the GX class name, its arguments and what a pass means.

    >>> Check("ExpectColumnValuesToBeUnique", {"column": "action_id"}, "action ids are unique").name
    'expect_column_values_to_be_unique(action_id)'
    """

    expectation: str
    kwargs: Mapping[str, Any]
    meaning: str  # completes "Expected ...": a person reads it in reasons and Data Docs
    label: str | None = None  # replaces the columns in `name` when two checks share them
    #: a failing row goes to ``rejected_rows`` and the rest of its document loads (after
    #: normalise only); otherwise the failing row's document is quarantined
    rejects_row: bool = False

    @property
    def columns(self) -> tuple[str, ...]:
        kw = self.kwargs
        if "column" in kw:
            return (kw["column"],)
        if "column_list" in kw:
            return tuple(kw["column_list"])
        if "column_A" in kw:
            return (kw["column_A"], kw["column_B"])
        return ()

    @property
    def name(self) -> str:
        """Short, stable and readable: the quarantine table keys on it."""
        return f"{_snake(self.expectation)}({self.label or ','.join(self.columns)})"


@dataclass(frozen=True)
class TableSuite:
    """The checks of one table at one stage; ``derive`` adds the derived columns they read."""

    stage: str
    table: str
    checks: tuple[Check, ...]
    derive: Derive | None = None
    derived_columns: tuple[str, ...] = field(default=())

    @property
    def name(self) -> str:
        """GX suite name; Data Docs files it under ``<stage>/<table>``."""
        return f"{self.stage}.{self.table}"

    @property
    def input_columns(self) -> tuple[str, ...]:
        """Columns the pipeline supplies: the schema's (after extract there is no schema
        table yet) and any other column a check reads. Derived columns are not among them."""
        wanted = [c.name for c in BY_NAME[self.table].columns] if self.stage != "extract" else []
        for check in self.checks:
            wanted += [c for c in check.columns if c not in self.derived_columns]
        return tuple(dict.fromkeys(wanted))


# --- building blocks -------------------------------------------------------------------------

def not_null(column: str, meaning: str | None = None) -> Check:
    return Check("ExpectColumnValuesToNotBeNull", {"column": column},
                 meaning or f"{column} to be present in every row")


def unique(column: str) -> Check:
    return Check("ExpectColumnValuesToBeUnique", {"column": column}, f"every {column} to be unique")


def in_set(column: str, values: tuple[Any, ...], meaning: str, label: str | None = None) -> Check:
    return Check("ExpectColumnValuesToBeInSet", {"column": column, "value_set": list(values)}, meaning, label)


def required_columns(table: str) -> tuple[Check, ...]:
    """Not-null checks for every NOT NULL column of ``warehouse/schema.py``."""
    return tuple(not_null(c.name) for c in BY_NAME[table].columns if not c.nullable)


def key_checks(table: str) -> tuple[Check, ...]:
    """Uniqueness of the schema key (compound keys checked together)."""
    key = BY_NAME[table].key
    if len(key) == 1:
        return (unique(key[0]),)
    return (Check("ExpectCompoundColumnsToBeUnique", {"column_list": list(key)},
                  f"every ({', '.join(key)}) to be unique"),)


def span_checks() -> tuple[Check, ...]:
    return (
        Check("ExpectColumnValuesToBeBetween", {"column": "char_start", "min_value": 0},
              "every source span to start at offset 0 or later"),
        Check("ExpectColumnPairValuesAToBeGreaterThanB",
              {"column_A": "char_end", "column_B": "char_start", "or_equal": True},
              "every source span to end at or after its start"),
    )


def date_range(column: str, latest: date) -> Check:
    return Check("ExpectColumnValuesToBeBetween",
                 {"column": column, "min_value": datetime.combine(EARLIEST_DATE, datetime.min.time()),
                  "max_value": datetime.combine(latest, datetime.min.time())},
                 f"every {column} to fall between {EARLIEST_DATE} and {latest}")


def has_text(column: str, what: str) -> Check:
    """Not empty and not only spaces (nulls are the not-null check's business)."""
    return Check("ExpectColumnValuesToMatchRegex", {"column": column, "regex": r"\S"},
                 f"every {what} to be non-blank", label=f"{column} not blank")


def action_ref(column: str = "action_ref") -> Check:
    return Check("ExpectColumnValuesToMatchRegex", {"column": column, "regex": ACTION_REF_PATTERN},
                 "every action reference to look like 35/24, 17/2022, 683a or PCP 1/21", rejects_row=True)


def rejecting_row(check: Check) -> Check:
    """The same check, failing rows only (see ``Check.rejects_row``)."""
    return Check(check.expectation, check.kwargs, check.meaning, check.label, rejects_row=True)


# --- derived columns -------------------------------------------------------------------------

def _body_or_flag(df: pd.DataFrame, _: Mapping[str, pd.DataFrame]) -> pd.DataFrame:
    body = df["body"].astype("string").str.strip().fillna("")
    flagged = df["body_missing"].astype("boolean").fillna(False)
    return df.assign(body_or_body_missing=((body != "") | flagged).astype(bool))


def _meeting_known(df: pd.DataFrame, tables: Mapping[str, pd.DataFrame]) -> pd.DataFrame:
    meetings = tables.get("meetings")
    known = set() if meetings is None or "meeting_id" not in meetings else set(meetings["meeting_id"])
    return df.assign(meeting_id_in_meetings=df["meeting_id"].isin(known).astype(bool))


def _quarantine_explained(df: pd.DataFrame, tables: Mapping[str, pd.DataFrame]) -> pd.DataFrame:
    quarantine = tables.get("quarantine")
    has_rows = quarantine is not None and "document_id" in quarantine
    explained = set(quarantine["document_id"]) if has_rows else set()
    ok = (df["status"] != "quarantined") | df["document_id"].isin(explained)
    return df.assign(quarantine_explained=ok.astype(bool))


# --- the suites ------------------------------------------------------------------------------

def extract_suites() -> dict[str, TableSuite]:
    """After extract: one row per document (document_id, source_uri, format, char_count,
    error_page_reason, replacement_char_share)."""
    checks = (
        not_null("document_id"),
        not_null("char_count", "every document to yield text"),
        Check("ExpectColumnValuesToBeBetween", {"column": "char_count", "min_value": 1},
              "every document to yield some text", label="char_count not empty"),
        Check("ExpectColumnValuesToBeBetween", {"column": "char_count", "min_value": MIN_CHARS},
              f"every document to yield at least {MIN_CHARS} characters of text",
              label=f"char_count>={MIN_CHARS}"),
        Check("ExpectColumnValuesToBeNull", {"column": "error_page_reason"},
              "no document to be an error page (not found, access denied, ...)"),
        Check("ExpectColumnValuesToBeBetween",
              {"column": "replacement_char_share", "min_value": 0.0, "max_value": MAX_REPLACEMENT_SHARE},
              f"at most {MAX_REPLACEMENT_SHARE:.0%} of each text to be undecodable characters (U+FFFD)"),
        in_set("format", FORMATS, "every format to be one of " + ", ".join(FORMATS)),
    )
    return {"documents": TableSuite("extract", "documents", checks)}


def normalise_suites(today: date) -> dict[str, TableSuite]:
    """After normalise, on one batch of documents' fact rows."""
    latest = date(today.year + 1, 12, 31)
    common = {t: required_columns(t) + span_checks() for t in FACT_TABLES}
    extra: dict[str, tuple[Check, ...]] = {
        # Two documents of one meeting give two meeting rows in a batch: one per document.
        "meetings": (
            Check("ExpectCompoundColumnsToBeUnique", {"column_list": ["meeting_id", "document_id"]},
                  "no document to describe the same meeting twice"),
            date_range("meeting_date", latest), date_range("next_meeting_date", latest),
            in_set("body_or_body_missing", (True,), "every meeting to name its body or set body_missing"),
        ),
        "attendance": (unique("attendance_id"),
                       in_set("status", ("present", "apologies", "absent"),
                              "every attendance status to be present, apologies or absent")),
        "agenda_items": (unique("agenda_item_id"),),
        # An action's id is stable across documents of its meeting (a corrected page keeps it), so
        # within a batch it is unique per document; the final tables keep one document per meeting.
        "actions": (Check("ExpectCompoundColumnsToBeUnique", {"column_list": ["action_id", "document_id"]},
                          "no document to raise the same action twice"), action_ref(),
                    # an action whose owner the text does not state loads with owner NULL ("the text
                    # does not say", never a guess): flagged by the NULL, not rejected; a blank owner is
                    *map(rejecting_row, (has_text("owner", "action owner"),
                                         has_text("description", "action description"),
                                         date_range("due_date", latest)))),
        "action_updates": (unique("action_update_id"), action_ref(),
                           in_set("status", ("open", "closed", "carried_forward"),
                                  "every action update status to be open, closed or carried_forward")),
        "decisions": (unique("decision_id"),
                      in_set("kind", ("decision", "resolution"),
                             "every decision kind to be decision or resolution")),
    }
    derive: dict[str, tuple[Derive, tuple[str, ...]]] = {
        "meetings": (_body_or_flag, ("body_or_body_missing",)),
    }
    return {t: TableSuite("normalise", t, common[t] + extra[t], *derive.get(t, (None, ())))
            for t in FACT_TABLES}


def publish_suites() -> dict[str, TableSuite]:
    """On the final tables: keys, required columns, statuses and references between tables."""
    suites = {}
    for table in BY_NAME:
        checks = required_columns(table) + key_checks(table)
        derive: tuple[Derive | None, tuple[str, ...]] = (None, ())
        if table in FACT_TABLES and table != "meetings":
            checks += (in_set("meeting_id_in_meetings", (True,),
                              "every row's meeting_id to exist in meetings"),)
            derive = (_meeting_known, ("meeting_id_in_meetings",))
        if table == "attendance":  # duplicates are merged before this (warehouse/attendance_merge.py)
            checks += (Check("ExpectCompoundColumnsToBeUnique", {"column_list": ["meeting_id", "person_id"]},
                             "one attendance row per person per meeting"),)
        if table == "documents":
            checks += (
                in_set("status", ("loaded", "quarantined"),
                       "every document status to be loaded or quarantined"),
                Check("ExpectTableRowCountToEqual", {"value": {"$PARAMETER": "expected_documents"}},
                      "one documents row per loaded or quarantined document", label="documents"),
                in_set("quarantine_explained", (True,),
                       "every quarantined document to have a quarantine row"),
            )
            derive = (_quarantine_explained, ("quarantine_explained",))
        suites[table] = TableSuite("publish", table, checks, *derive)
    return suites
