"""What a failed expectation means for a person and for the quarantine table.

GX results are dicts of counts and example values; ``failure_from_result`` turns one failed
result into a ``Failure``: a stable check name, one readable sentence and the documents whose
rows failed.

>>> describe_value(float("nan")), describe_value("  "), describe_value(pd.Timestamp("1999-05-01"))
('null', "'  '", '1999-05-01')
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import pandas as pd

from expectations.suites import Check

SHORT_ID = 12  # document ids are sha256 hex; the first 12 digits name one in a sentence


@dataclass(frozen=True)
class RejectedRow:
    """One row a row check turned away: its document, its key value and why (the row itself
    is still in the batch; the pipeline moves it to ``rejected_rows``)."""

    document_id: str
    row_key: str
    reason: str


@dataclass(frozen=True)
class Failure:
    """One failed check of one table.

    ``document_ids`` are the documents whose rows failed, sorted; empty for a table-level
    failure (a row count, a check that could not run, any failure after publish checks).
    """

    suite: str  # "extract" | "normalise" | "publish"
    table: str
    check_name: str  # e.g. "expect_column_values_to_match_regex(action_ref)"
    reason: str
    document_ids: tuple[str, ...]
    #: set instead of ``document_ids`` by a check that rejects rows (``Check.rejects_row``)
    rejected_rows: tuple[RejectedRow, ...] = ()


def describe_value(value: Any) -> str:
    """A value as a person would want to read it in a sentence: nulls as ``null``, dates as
    ISO dates, long strings shortened."""
    if isinstance(value, tuple):
        return "(" + ", ".join(describe_value(v) for v in value) + ")"
    if isinstance(value, Mapping):
        return ", ".join(f"{k}={describe_value(v)}" for k, v in value.items())
    if value is None or value is pd.NaT or (isinstance(value, float) and math.isnan(value)):
        return "null"
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat() if value == value.normalize() else value.isoformat()
    if hasattr(value, "item") and not isinstance(value, str):  # numpy scalars
        return describe_value(value.item())
    if isinstance(value, str):
        return repr(value if len(value) <= 60 else value[:57] + "...")
    return str(value)


def _exception_messages(info: Any) -> list[str]:
    """GX reports errors either flat or keyed by metric; collect the messages of both shapes."""
    if not isinstance(info, Mapping):
        return []
    if "raised_exception" in info:
        return [str(info.get("exception_message"))] if info.get("raised_exception") else []
    return [m for sub in info.values() for m in _exception_messages(sub)]


def _example(result: Mapping[str, Any], check: Check) -> tuple[str, str | None]:
    """(description of the first failing value, the document it came from)."""
    rows = result.get("unexpected_index_list") or []
    if rows and isinstance(rows[0], Mapping):
        first = rows[0]
        values = {c: first[c] for c in check.columns if c in first}
        document_id = first.get("document_id")
        return describe_value(values), str(document_id) if document_id is not None else None
    values = result.get("partial_unexpected_list") or result.get("unexpected_list") or []
    if values:
        shown = describe_value(values[0])
        return (f"{check.columns[0]}={shown}" if len(check.columns) == 1 else shown), None
    return "", None


def failing_document_ids(result: Mapping[str, Any]) -> tuple[str, ...]:
    """Sorted distinct document ids of the failing rows (needs result_format COMPLETE with
    ``unexpected_index_column_names=["document_id"]``)."""
    ids = {row.get("document_id") for row in result.get("unexpected_index_list") or []
           if isinstance(row, Mapping)}
    return tuple(sorted(str(i) for i in ids if i is not None and not pd.isna(i)))


def reason_for(check: Check, table: str, result: Mapping[str, Any], exception_info: Any = None,
               expected: Any = None) -> str:
    """One sentence: what was expected, what was found, one example."""
    errors = _exception_messages(exception_info)
    if errors:
        return f"Could not check {table}: {errors[0]} (expected {check.meaning})."
    if "unexpected_count" in result:
        example, document_id = _example(result, check)
        where = f" in document {document_id[:SHORT_ID]}" if document_id else ""
        counted = f"{result['unexpected_count']} of {result.get('element_count', '?')} rows of {table}"
        return f"Expected {check.meaning}, but {counted} fail, e.g. {example}{where}."
    if "observed_value" in result:
        wanted = f" instead of {describe_value(expected)}" if expected is not None else ""
        return f"Expected {check.meaning}, but found {describe_value(result['observed_value'])}{wanted}."
    return f"Expected {check.meaning}, but the check failed on {table} (a column may be missing)."


def rejected_rows(check: Check, result: Mapping[str, Any], key: str) -> tuple[RejectedRow, ...]:
    """The failing rows of a row check, each with its own sentence (needs ``key`` among the
    ``unexpected_index_column_names``)."""
    out = []
    for row in result.get("unexpected_index_list") or []:
        if not isinstance(row, Mapping) or row.get("document_id") is None or row.get(key) is None:
            continue
        found = describe_value({c: row[c] for c in check.columns if c in row})
        out.append(RejectedRow(str(row["document_id"]), str(row[key]),
                               f"Expected {check.meaning}, but this row has {found or 'no value'}."))
    return tuple(out)


def failure_from_result(stage: str, table: str, check: Check, result: Mapping[str, Any],
                        exception_info: Any = None, *, row_level: bool, expected: Any = None,
                        row_key: str | None = None) -> Failure:
    """The ``Failure`` for one failed GX result; ``row_level`` False keeps document_ids empty.
    A check that rejects rows (with the table's ``row_key`` in the result) names rows instead
    of documents, when it can name every failing row."""
    ids = failing_document_ids(result) if row_level and not _exception_messages(exception_info) else ()
    reason = reason_for(check, table, result, exception_info, expected)
    if ids and check.rejects_row and row_key is not None:
        rows = rejected_rows(check, result, row_key)
        if rows and len(rows) == result.get("unexpected_count"):
            return Failure(stage, table, check.name, reason, (), rows)
    return Failure(stage, table, check.name, reason, ids)
