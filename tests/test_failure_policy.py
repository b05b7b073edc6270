"""One failure policy, shown in a real run (real files, GX gates, Parquet, DuckDB): a parser that
raises sends its document to quarantine as ``parser_crashed`` with the exception's message while
the other documents publish; a parser's non-fatal warning becomes a ``parse_warnings`` row."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from flows.pipeline import run_plain
from flows.settings import SAMPLES_DIR, Settings
from tests.conftest import table_rows
from transforms.adapters import REGISTRY
from transforms.models import CleanText, ParsedMinutes

pytestmark = pytest.mark.slow

CRASH_MARK = "TEST-ONLY: THIS LAYOUT BREAKS ITS PARSER"


class CrashingAdapter:
    """A test-only layout adapter: it claims documents carrying CRASH_MARK and its parse has a
    bug (it raises), as a real adapter with a bug would."""

    name = "crashing_test_layout"

    def detect(self, text: str) -> float:
        return 2.0 if CRASH_MARK in text else 0.0  # above any real adapter's score

    def parse(self, doc: CleanText) -> ParsedMinutes:
        raise ValueError(f"cannot read the table at offset {doc.text.index(CRASH_MARK)}")  # 67 below


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    """The bundled samples, one document that crashes its parser, and a Kent board page cut off
    right after its attendee table (the Kent adapter warns `attendee_table_cut`)."""
    tmp = tmp_path_factory.mktemp("policy")
    src = tmp / "src"
    shutil.copytree(SAMPLES_DIR, src)
    crashing = src / "crashing.txt"
    crashing.write_text("Police and Crime Panel\nMinutes of the meeting held on 3 March 2026\n"
                        f"{CRASH_MARK}\n1. Apologies\nNone.\n", encoding="utf-8")
    kent = (SAMPLES_DIR / "kent-board-2026-01-20.txt").read_text(encoding="utf-8")
    last_attendee = "Executive Assistant to the CC |\n"
    cut = src / "kent-board-cut.txt"
    cut.write_text(kent[: kent.index(last_attendee) + len(last_attendee)].replace("2026", "2024"),
                   encoding="utf-8")
    with pytest.MonkeyPatch.context() as mp:
        mp.setitem(REGISTRY, CrashingAdapter.name, CrashingAdapter())
        summary = run_plain(Settings(source_dir=src, warehouse_dir=tmp / "wh", state_dir=tmp / "state", workers=1))
    return summary, src, _digest(crashing), _digest(cut)


def test_a_parser_that_raises_quarantines_its_document_and_the_rest_publish(run):
    summary, src, crashing_id, _ = run
    n_files = sum(1 for p in src.iterdir() if p.is_file())
    assert (summary.documents, summary.quarantined, summary.loaded) == (n_files, 1, n_files - 1)
    db = summary.db_path
    assert table_rows(db, "SELECT document_id, stage, check_name, reason FROM quarantine") == [
        (crashing_id, "normalise", "parser_crashed",
         "crashing_test_layout adapter failed: ValueError: cannot read the table at offset 67")]
    assert table_rows(db, f"SELECT status, meeting_id FROM documents WHERE document_id = '{crashing_id}'") == [
        ("quarantined", None)]
    for table in ("meetings", "attendance", "agenda_items", "parse_warnings", "document_text"):
        assert table_rows(db, f"SELECT count(*) FROM {table} WHERE document_id = '{crashing_id}'") == [(0,)]
    # every other document published its rows
    assert table_rows(db, "SELECT count(*) FROM documents WHERE status = 'loaded' AND meeting_id IS NOT NULL"
                      ) == [(n_files - 1,)]
    assert table_rows(db, "SELECT count(*) FROM attendance")[0][0] > 30
    assert table_rows(db, "SELECT check_names, reasons LIKE '%ValueError: cannot read the table%' "
                      "FROM data_quality_quarantine") == [("parser_crashed", True)]


def test_a_parse_warning_reaches_parse_warnings_and_the_data_quality_view(run):
    summary, _, _, cut_id = run
    db = summary.db_path
    rows = table_rows(db, "SELECT w.document_id, w.warning_index, w.code, w.message, "
                      "substr(t.text, w.char_start + 1, w.char_end - w.char_start) "
                      "FROM parse_warnings w JOIN document_text t USING (document_id)")
    assert [r[:4] for r in rows] == [(cut_id, 0, "attendee_table_cut", "text ends inside the attendee table")]
    span_text = rows[0][4]
    assert "Colin Ashby" in span_text and span_text.rstrip().endswith("Executive Assistant to the CC |")
    # the document still loaded: the warning is a flag on it, not a rejection
    assert table_rows(db, f"SELECT status, adapter FROM documents WHERE document_id = '{cut_id}'") == [
        ("loaded", "kent_board")]
    assert table_rows(db, "SELECT document_id, adapter, code, warnings, messages "
                      "FROM data_quality_parse_warnings") == [
        (cut_id, "kent_board", "attendee_table_cut", 1, "text ends inside the attendee table")]


def test_warnings_of_unchanged_documents_are_carried_over_without_reparsing(run):
    """A rerun reuses unchanged documents' rows from the published warehouse: their warnings too."""
    summary, src, crashing_id, cut_id = run
    before = table_rows(summary.db_path, "SELECT * FROM parse_warnings")
    again = run_plain(Settings(source_dir=src, warehouse_dir=summary.warehouse_dir,
                               state_dir=summary.warehouse_dir.parent / "state", workers=1, force=True))
    assert again.changes.unchanged == again.documents and again.stage_seconds["normalise"] < 0.5
    assert table_rows(again.db_path, "SELECT * FROM parse_warnings") == before
    assert table_rows(again.db_path, "SELECT document_id, check_name FROM quarantine") == [
        (crashing_id, "parser_crashed")]
