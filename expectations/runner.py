"""``Checker``: runs the suites of ``expectations.suites`` with Great Expectations.

One Checker per pipeline run. It imports GX once, keeps one in-memory context, builds each
GX suite the first time its table is checked and validates whole tables of a batch at once
(never one document at a time: a validation costs about the same for 10 rows as for 10,000).

>>> checker = Checker(Path("build/data-docs"), today=date(2025, 6, 1))   # doctest: +SKIP
>>> failures = checker.check_facts({"actions": actions_df, "meetings": meetings_df})  # doctest: +SKIP
>>> [(f.check_name, f.document_ids) for f in failures]                  # doctest: +SKIP
[('expect_column_values_to_match_regex(owner not blank)', ('3fa2...',))]
>>> checker.build_data_docs()                                           # doctest: +SKIP
PosixPath('build/data-docs/index.html')
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pandas as pd

from expectations.data_docs import ValidationRun, make_readable_offline
from expectations.failures import Failure, failure_from_result
from expectations.gx_context import DATA_DOCS_SITE, ephemeral_context, import_gx
from expectations.suites import TableSuite, extract_suites, normalise_suites, publish_suites
from warehouse.schema import BY_NAME

ROW_LEVEL = {"result_format": "COMPLETE", "unexpected_index_column_names": ["document_id"]}
TABLE_LEVEL = {"result_format": "SUMMARY"}
#: The first pass: pass or fail only, which GX computes in about half the time of the detailed
#: formats. Only a suite that fails is validated again in detail (rows, observed values).
FIRST_PASS = {"result_format": "BOOLEAN_ONLY"}


def prepare_frame(suite: TableSuite, df: pd.DataFrame | None,
                  tables: Mapping[str, pd.DataFrame]) -> pd.DataFrame:
    """The frame GX validates: an empty or absent table gets its columns (a batch with no
    actions passes), DATE columns become datetime64 (GX compares them with datetime bounds),
    and the suite's derived columns are added. The caller's frame is not modified."""
    if df is None or (len(df) == 0 and not set(suite.input_columns) <= set(df.columns)):
        df = pd.DataFrame({c: pd.Series(dtype=object) for c in suite.input_columns})
    df = df.copy()
    schema = BY_NAME.get(suite.table)
    for column in (c.name for c in (schema.columns if schema else ()) if c.type == "DATE"):
        if column in df:
            df[column] = pd.to_datetime(df[column], errors="coerce")
    if suite.derive is not None and set(suite.input_columns) <= set(df.columns):
        df = suite.derive(df, tables)
    return df


class Checker:
    """The pipeline's quality gates (see the module docstring)."""

    def __init__(self, data_docs_dir: Path | None = None, *, today: date | None = None):
        self.data_docs_dir = Path(data_docs_dir) if data_docs_dir is not None else None
        self.today = today or date.today()
        self._gx = import_gx()
        import great_expectations.expectations as gxe

        self._gxe = gxe
        self._context = ephemeral_context(self._gx, self.data_docs_dir)
        self._datasource = self._context.data_sources.add_pandas("minutes")
        self._suites = {"extract": extract_suites(), "normalise": normalise_suites(self.today),
                        "publish": publish_suites()}
        self._validations: dict[str, Any] = {}  # suite name -> gx.ValidationDefinition, made once
        self._runs: list[ValidationRun] = []
        self._run_numbers = itertools.count(1)

    def prepare(self) -> None:
        """Build every GX suite and validation definition now (they are otherwise built at first
        use): a run calls this while its worker processes parse the first batch."""
        for suites in self._suites.values():
            for suite in suites.values():
                self._validation_of(suite)

    # --- the three gates ---------------------------------------------------------------------

    def check_documents(self, df: pd.DataFrame) -> list[Failure]:
        """After extract, one row per document. Failures name the documents to quarantine."""
        return self._check("extract", {"documents": df}, row_level=True)

    def check_facts(self, tables: Mapping[str, pd.DataFrame]) -> list[Failure]:
        """After normalise, the fact tables of one batch (meetings, attendance, agenda_items,
        actions, action_updates, decisions; a missing table counts as empty)."""
        return self._check("normalise", tables, row_level=True)

    def check_final(self, tables: Mapping[str, pd.DataFrame], *,
                    expected_documents: int | None = None) -> list[Failure]:
        """The final tables before publishing. Every failure is table-level and should stop
        the publish. ``expected_documents`` defaults to loaded + quarantined documents."""
        documents = tables.get("documents")
        if expected_documents is None and documents is not None and "status" in documents:
            expected_documents = int(documents["status"].isin(["loaded", "quarantined"]).sum())
        parameters = {"expected_documents": expected_documents if expected_documents is not None else 0}
        present = {name: df for name, df in tables.items() if name in BY_NAME}
        return self._check("publish", present, row_level=False, parameters=parameters, only=tuple(present))

    def build_data_docs(self) -> Path | None:
        """Write GX Data Docs for every validation so far into ``data_docs_dir``; the index
        page gets a plain summary so it reads offline too. None without a data_docs_dir."""
        if self.data_docs_dir is None:
            return None
        self._context.build_data_docs(site_names=[DATA_DOCS_SITE])
        index = self.data_docs_dir / "index.html"
        make_readable_offline(self.data_docs_dir, self._runs)
        return index

    # --- the machinery -----------------------------------------------------------------------

    def _check(self, stage: str, tables: Mapping[str, pd.DataFrame], *, row_level: bool,
               parameters: dict[str, Any] | None = None,
               only: tuple[str, ...] | None = None) -> list[Failure]:
        run_name = f"{stage}-{next(self._run_numbers):04d}"
        failures: list[Failure] = []
        for table, suite in self._suites[stage].items():
            if only is not None and table not in only:
                continue
            frame = prepare_frame(suite, tables.get(table), tables)
            failures += self._validate(suite, frame, run_name, row_level, parameters or {})
        return failures

    def _validation_of(self, suite: TableSuite) -> Any:
        """The GX validation definition of a suite (suite, asset, batch), made on first use."""
        if suite.name not in self._validations:
            gx, gxe = self._gx, self._gxe
            gx_suite = self._context.suites.add(gx.ExpectationSuite(name=suite.name))
            for check in suite.checks:
                expectation = getattr(gxe, check.expectation)(
                    **check.kwargs, description=f"Expect {check.meaning}. ({check.name})",
                    meta={"check_name": check.name})
                gx_suite.add_expectation(expectation)
            asset = self._datasource.add_dataframe_asset(name=suite.name)
            batch = asset.add_batch_definition_whole_dataframe("batch")
            self._validations[suite.name] = self._context.validation_definitions.add(
                gx.ValidationDefinition(name=suite.name, data=batch, suite=gx_suite))
        return self._validations[suite.name]

    def _validate(self, suite: TableSuite, frame: pd.DataFrame, run_name: str, row_level: bool,
                  parameters: dict[str, Any]) -> list[Failure]:
        from great_expectations.core.run_identifier import RunIdentifier

        validation = self._validation_of(suite)
        by_name = {c.name: c for c in suite.checks}
        row_level = row_level and "document_id" in frame.columns
        run_id = RunIdentifier(run_name=run_name, run_time=datetime.now(UTC))
        summary = ValidationRun(suite.name, run_name, False, len(frame), len(suite.checks),
                                run_time_key=run_id.to_tuple()[1])
        def run(result_format: dict[str, Any]) -> Any:
            return validation.run(batch_parameters={"dataframe": frame}, expectation_parameters=parameters,
                                  result_format=result_format, run_id=run_id)

        row_key = _row_key(suite, frame) if row_level else None
        detailed = ({**ROW_LEVEL, "unexpected_index_column_names": ["document_id", row_key]} if row_key
                    else ROW_LEVEL if row_level else TABLE_LEVEL)
        try:
            result = run(FIRST_PASS)
            if not result.success:
                result = run(detailed)
        except Exception as exc:  # noqa: BLE001 - a check that cannot run is a failure, not a crash
            failure = Failure(suite.stage, suite.table, "validation_run",
                              f"Could not validate {suite.table}: {type(exc).__name__}: {exc}"[:300], ())
            self._runs.append(replace(summary, failures=(failure,)))
            return [failure]
        failures = []
        for outcome in result.results:
            if outcome.success:
                continue
            check = by_name[outcome.expectation_config.meta["check_name"]]
            expected = _parameter_value(check.kwargs.get("value"), parameters)
            failures.append(failure_from_result(
                suite.stage, suite.table, check, outcome.result, outcome.exception_info,
                row_level=row_level, expected=expected, row_key=row_key))
        order = list(by_name)  # GX returns results grouped by column; report in suite order
        failures.sort(key=lambda f: order.index(f.check_name))
        self._runs.append(replace(summary, success=bool(result.success), failures=tuple(failures)))
        return failures


def _row_key(suite: TableSuite, frame: pd.DataFrame) -> str | None:
    """The column naming one row of a table whose checks may reject rows (its one-column key)."""
    schema = BY_NAME.get(suite.table)
    if schema is None or len(schema.key) != 1 or schema.key[0] == "document_id" or schema.key[0] not in frame:
        return None
    return schema.key[0] if any(c.rejects_row for c in suite.checks) else None


def _parameter_value(value: Any, parameters: Mapping[str, Any]) -> Any:
    """The value a ``{"$PARAMETER": name}`` argument took in this validation (else None)."""
    if isinstance(value, Mapping) and "$PARAMETER" in value:
        return parameters.get(value["$PARAMETER"])
    return None
