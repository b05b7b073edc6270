"""The pipeline's stages as plain functions over batches of documents.

The batch loop (flows/pipeline.py) reaches them through the steps (flows/steps.py), one call
per batch: as Prefect tasks in the flow, as plain calls in ``run_plain`` (which is also how the
orchestration overhead is measured), here or in worker processes (flows/parallel.py). Each stage
returns small typed values; nothing here holds every document at once.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from transforms.adapters import choose_adapter
from transforms.models import CleanText, ExtractionError, ParseWarning, RawDocument
from transforms.tabulate import fact_rows
from warehouse.schema import FACT_TABLES

#: The tables whose rows the normalise stage makes, per document: the facts and the warnings.
PARSED_TABLES = (*FACT_TABLES, "parse_warnings")
#: shorter texts are the after-extract gate's (too little text), not the document-kind gate's
MIN_KIND_CHARS = 40


@dataclass
class DocumentRecord:
    """What we know of one document as it goes through the stages (one ``documents`` row)."""

    document_id: str
    source_uri: str
    byte_size: int
    source_modified: datetime | None
    format: str | None = None
    encoding: str | None = None
    char_count: int | None = None
    truncated: bool = False
    adapter: str | None = None
    meeting_id: str | None = None
    error_page_reason: str | None = None
    replacement_char_share: float = 0.0
    parser_version: str | None = None
    reused_status: str | None = None  # set when the previous warehouse's rows are reused as they are
    document_kind: str | None = None  # minutes, agenda, listing, not_minutes (transforms/extract/document_kind)
    document_kind_cue: str | None = None

    def row(self, status: str) -> dict[str, Any]:
        return {"document_id": self.document_id, "source_uri": self.source_uri,
                "meeting_id": self.meeting_id if status == "loaded" else None, "status": status,
                "format": self.format, "encoding": self.encoding, "adapter": self.adapter,
                "byte_size": self.byte_size, "char_count": self.char_count, "truncated": self.truncated,
                "is_primary": False, "source_modified": self.source_modified,
                "parser_version": self.parser_version, "document_kind": self.document_kind,
                "document_kind_cue": self.document_kind_cue}


@dataclass(frozen=True)
class SourceFile:
    """A file found at the source, hashed once. ``error`` when it could not be read."""

    path: Path
    uri: str
    document_id: str
    byte_size: int
    modified: datetime | None
    error: str | None = None
    error_check: str = "unreadable_file"
    error_stage: str = "extract"
    charset: str | None = None  # the HTTP Content-Type charset it was fetched with


@dataclass(frozen=True)
class QuarantineEntry:
    document_id: str
    source_uri: str
    stage: str
    check_name: str
    reason: str

    def row(self, at: datetime) -> dict[str, Any]:
        return {"document_id": self.document_id, "source_uri": self.source_uri, "stage": self.stage,
                "check_name": self.check_name, "reason": self.reason, "quarantined_at": at}


@dataclass
class Batch:
    """One batch as it moves through extract -> normalise."""

    number: int
    records: dict[str, DocumentRecord] = field(default_factory=dict)
    texts: dict[str, CleanText] = field(default_factory=dict)
    rows: dict[str, list[dict[str, Any]]] = field(default_factory=lambda: {t: [] for t in PARSED_TABLES})
    quarantine: list[QuarantineEntry] = field(default_factory=list)
    checks_failed: int = 0
    rejected: list[dict[str, Any]] = field(default_factory=list)  # rejected_rows rows

    def reject(self, document_id: str, stage: str, check_name: str, reason: str) -> None:
        """Quarantine a document: it keeps its documents row, loses its text, fact rows and warnings."""
        rec = self.records[document_id]
        self.quarantine.append(QuarantineEntry(document_id, rec.source_uri, stage, check_name, reason))
        self.texts.pop(document_id, None)
        for table in PARSED_TABLES:
            self.rows[table] = [r for r in self.rows[table] if r["document_id"] != document_id]
        self.rejected = [r for r in self.rejected if r["document_id"] != document_id]

    def reject_rows(self, table: str, key: str, check_name: str, rows: list[Any]) -> None:
        """Move the named rows (``expectations.failures.RejectedRow``) of ``table`` to ``rejected``;
        the rest of their documents load."""
        reasons = {(r.document_id, r.row_key): r.reason for r in rows}
        kept = []
        for row in self.rows[table]:
            reason = reasons.get((row["document_id"], str(row[key])))
            if reason is None:
                kept.append(row)
                continue
            self.rejected.append({"table_name": table, "document_id": row["document_id"], "row_key": str(row[key]),
                                  "check_name": check_name, "reason": reason,
                                  "row_json": json.dumps(row, default=str, sort_keys=True)})
        self.rows[table] = kept

    @property
    def quarantined_ids(self) -> set[str]:
        return {q.document_id for q in self.quarantine}

    @property
    def reused_ids(self) -> set[str]:
        return {d for d, r in self.records.items() if r.reused_status is not None}


#: Not documents: the fetch manifest and desktop litter. Every other file is processed (a file
#: that is not minutes is quarantined with a reason, never skipped in silence).
NOT_DOCUMENTS = frozenset({".sources.jsonl", ".DS_Store", "Thumbs.db", "desktop.ini"})


def discover(source_dir: Path) -> list[Path]:
    """Every regular file under ``source_dir``, sorted; hidden folders (.git, ...) are not searched."""
    found = []
    for root, dirs, files in os.walk(source_dir):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found += [Path(root) / f for f in files if f not in NOT_DOCUMENTS]
    return sorted(found)


def batched(items: list, size: int) -> list[list]:
    return [items[i:i + size] for i in range(0, len(items), size)]


def _hash_file(path: Path) -> tuple[str, int]:
    h, n = hashlib.sha256(), 0
    with path.open("rb") as fh:
        while chunk := fh.read(1 << 20):
            h.update(chunk)
            n += len(chunk)
    return h.hexdigest(), n


def _replacement_share(text: str) -> float:
    return text.count("\ufffd") / len(text) if text else 0.0


def scan_sources(paths: list[Path], uris: dict[Path, str] | None = None,
                 charsets: dict[Path, str] | None = None) -> list[SourceFile]:
    """Hash every file (streamed: a huge file is never held in memory). ``uris`` maps a file to the
    URL it was fetched from (otherwise the path is the source_uri), ``charsets`` to the charset
    its HTTP Content-Type header gave."""
    files = []
    for path in paths:
        resolved = path.resolve() if uris or charsets else path  # a folder run needs no resolving
        uri = (uris or {}).get(resolved, str(path))
        try:
            stat = path.stat()
            digest, size = _hash_file(path)
        except OSError as exc:
            files.append(SourceFile(path, uri, hashlib.sha256(uri.encode()).hexdigest(), 0, None,
                                    f"cannot read the file: {exc.strerror or exc}"))
            continue
        modified = datetime.fromtimestamp(stat.st_mtime, UTC).replace(tzinfo=None)
        files.append(SourceFile(path, uri, digest, size, modified,
                                charset=(charsets or {}).get(resolved)))
    return files


def extract_batch(number: int, files: list[SourceFile], *, max_bytes: int, max_pdf_pages: int,
                  parser_version: str | None = None, reuse: dict[str, dict[str, Any]] | None = None) -> Batch:
    """Extract each file of a batch. Unreadable input is quarantined, never dropped. A document
    whose bytes the previous warehouse already holds (parsed by the same parser version, given in
    ``reuse``) is not read or parsed again: its rows are carried over at publish."""
    from transforms.extract import classify, error_page_reason, extract_text

    batch = Batch(number)
    for f in files:
        if f.document_id in batch.records:  # the same bytes twice in one batch: one document
            continue
        rec = DocumentRecord(f.document_id, f.uri, f.byte_size, f.modified, parser_version=parser_version)
        batch.records[f.document_id] = rec
        if f.error:
            batch.reject(f.document_id, f.error_stage, f.error_check, f.error)
            continue
        previous = (reuse or {}).get(f.document_id)
        if previous is not None:
            for key in ("format", "encoding", "char_count", "truncated", "adapter", "meeting_id",
                        "document_kind", "document_kind_cue"):
                setattr(rec, key, previous.get(key))
            rec.reused_status = previous["status"]
            continue
        if f.byte_size > max_bytes:
            batch.reject(f.document_id, "extract", "too_large",
                         f"file is {f.byte_size / 1e6:.1f} MB, over the {max_bytes / 1e6:.0f} MB limit")
            continue
        try:
            clean = extract_text(RawDocument(f.document_id, f.uri, f.path.read_bytes()),
                                 max_bytes=max_bytes, max_pdf_pages=max_pdf_pages, http_charset=f.charset)
        except ExtractionError as exc:
            if exc.check == "not_minutes":
                rec.document_kind, rec.document_kind_cue = "not_minutes", exc.reason
            batch.reject(f.document_id, "extract", exc.check, exc.reason)
            continue
        except Exception as exc:  # noqa: BLE001 - a bug in a library must not stop the run
            batch.reject(f.document_id, "extract", "extractor_crashed", f"{type(exc).__name__}: {exc}"[:300])
            continue
        rec.format, rec.encoding, rec.truncated = clean.format, clean.encoding, clean.truncated
        rec.char_count = len(clean.text)
        rec.error_page_reason = error_page_reason(clean.text)
        rec.replacement_char_share = _replacement_share(clean.text)
        kind = classify(clean.text)
        rec.document_kind, rec.document_kind_cue = kind.kind, kind.cue
        batch.texts[f.document_id] = clean
        # An error page or a near-empty text is the after-extract gate's to name.
        if kind.kind == "not_minutes" and rec.error_page_reason is None and rec.char_count >= MIN_KIND_CHARS:
            batch.reject(f.document_id, "extract", "not_minutes", kind.reason)
    return batch


def extract_check_frame(batch: Batch):
    """The per-document frame the after-extract quality suite validates."""
    import pandas as pd

    cols = ["document_id", "source_uri", "format", "char_count", "error_page_reason", "replacement_char_share"]
    return pd.DataFrame([{c: getattr(batch.records[d], c) for c in cols} for d in sorted(batch.texts)],
                        columns=cols)


def warning_rows(document_id: str, warnings: tuple[ParseWarning, ...]) -> list[dict[str, Any]]:
    """``parse_warnings`` rows of one document (a warning without a span concerns all of it)."""
    return [{"document_id": document_id, "warning_index": i, "code": w.code, "message": w.message,
             "char_start": w.span.start if w.span else None, "char_end": w.span.end if w.span else None}
            for i, w in enumerate(warnings)]


def normalise_batch(batch: Batch) -> Batch:
    """Parse every extracted text of the batch with its layout adapter into fact rows and
    warnings. A parser that raises quarantines its document (``parser_crashed``, with the
    exception's message): the one place a parse failure is caught."""
    for document_id in sorted(batch.texts):
        clean = batch.texts[document_id]
        rec = batch.records[document_id]
        if rec.document_kind == "listing":  # kept as a document; an index yields no meeting facts
            continue
        adapter = choose_adapter(clean.text)
        try:
            parsed = adapter.parse(clean)
            rows = fact_rows(clean, parsed)
        except Exception as exc:  # noqa: BLE001 - one bad document must not stop the run
            batch.reject(document_id, "normalise", "parser_crashed",
                         f"{adapter.name} adapter failed: {type(exc).__name__}: {exc}"[:300])
            continue
        rec.adapter = parsed.adapter
        rec.meeting_id = rows["meetings"][0]["meeting_id"]
        for table in FACT_TABLES:
            batch.rows[table].extend(rows[table])
        batch.rows["parse_warnings"].extend(warning_rows(document_id, parsed.warnings))
    return batch


def facts_check_frames(batch: Batch) -> dict[str, Any]:
    """Per-table frames of this batch's fact rows, typed as the warehouse schema says."""
    from warehouse.arrow import rows_to_frame

    return {t: rows_to_frame(t, batch.rows[t]) for t in FACT_TABLES}


def apply_failures(batch: Batch, failures: list[Any], stage: str) -> None:
    """Count a quality gate's failures and quarantine every document they name (failures without
    documents are table-level: the publish step's business). A row check's failure names rows:
    those go to ``rejected_rows`` and their documents load without them."""
    from warehouse.schema import BY_NAME

    batch.checks_failed += len(failures)
    for failure in failures:
        if failure.rejected_rows and failure.table in batch.rows:
            batch.reject_rows(failure.table, BY_NAME[failure.table].key[0], failure.check_name,
                              list(failure.rejected_rows))
        for document_id in failure.document_ids:
            if document_id in batch.records and document_id not in batch.quarantined_ids:
                batch.reject(document_id, stage, failure.check_name, failure.reason)


def split(batch: Batch, cuts: list[slice]) -> list[Batch]:
    """The batch's extracted documents in chunks (records and texts only), for parsing elsewhere."""
    ids = sorted(batch.texts)
    return [Batch(batch.number, {d: batch.records[d] for d in ids[c]}, {d: batch.texts[d] for d in ids[c]})
            for c in cuts]


def absorb(batch: Batch, parsed: list[Batch], only: set[str] | None = None) -> Batch:
    """Parsed chunks back into their batch: records (adapter, meeting), rows and rejections;
    with ``only``, of those documents alone (the others were quarantined meanwhile)."""
    def keep(document_id: str) -> bool:
        return only is None or document_id in only

    for part in parsed:
        batch.records.update({d: r for d, r in part.records.items() if keep(d)})
        for table in PARSED_TABLES:
            batch.rows[table].extend(r for r in part.rows[table] if keep(r["document_id"]))
        for q in part.quarantine:
            if keep(q.document_id):
                batch.reject(q.document_id, q.stage, q.check_name, q.reason)
    return batch


def utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None, microsecond=0)
