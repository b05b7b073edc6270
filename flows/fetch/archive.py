"""The raw archive: every fetched body stored once by its sha256, every fetch logged.

Layout under ``<state>/archive``::

    objects/ab/ab12...ef          one file per distinct body (read-only), named by its sha256
    fetches.jsonl                 one JSON line per fetch, appended (the record of truth)
    latest_by_url.json            url -> the record of its latest body (rebuilt from the log
                                  whenever it is missing or older than the log)

Outcomes: ``new`` (first body for the URL), ``changed`` (a different body), ``unchanged``
(200 with the same bytes), ``not_modified`` (304), ``error`` (with a reason). Old bodies are
never deleted, so a corrected page keeps its earlier version.

    >>> import tempfile
    >>> archive = Archive(Path(tempfile.mkdtemp()))
    >>> archive.add_body("https://example.org/m/1", b"<p>minutes</p>", source="demo",
    ...                  content_type="text/html").outcome
    'new'
    >>> archive.add_body("https://example.org/m/1", b"<p>minutes</p>", source="demo",
    ...                  content_type="text/html").outcome
    'unchanged'
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Iterator
from dataclasses import asdict, dataclass, fields, replace
from datetime import UTC, datetime
from pathlib import Path

OUTCOMES = ("new", "changed", "unchanged", "not_modified", "error")
KINDS = ("document", "listing")   # listing: index pages and web-service answers, never materialised


@dataclass(frozen=True)
class FetchRecord:
    url: str
    source: str
    fetched_at: str                 # ISO 8601, UTC, seconds
    outcome: str
    kind: str = "document"
    status: int | None = None
    etag: str | None = None
    last_modified: str | None = None
    content_type: str | None = None
    charset: str | None = None      # the Content-Type header's charset (extract reads the body with it)
    sha256: str | None = None
    size: int | None = None
    reason: str | None = None
    final_url: str | None = None

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_dict(cls, data: dict) -> FetchRecord:
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in known})


def utc_now() -> str:
    return datetime.now(UTC).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")


class Archive:
    """A content-addressed store of raw bodies with a fetch log. One writer process at a time."""

    def __init__(self, root: Path | str) -> None:
        self.root = Path(root)
        self.objects_dir = self.root / "objects"
        self.log_path = self.root / "fetches.jsonl"
        self.index_path = self.root / "latest_by_url.json"
        self.objects_dir.mkdir(parents=True, exist_ok=True)
        self._repair_log_tail()
        self._latest = self._load_index()

    @classmethod
    def in_state(cls, state_dir: Path | str) -> Archive:
        """The archive of a pipeline state folder: ``<state>/archive``."""
        return cls(Path(state_dir) / "archive")

    # -- reading ---------------------------------------------------------------------------
    def latest(self, url: str) -> FetchRecord | None:
        """The record of ``url``'s latest stored body (errors never replace it)."""
        return self._latest.get(url)

    def latest_by_url(self) -> dict[str, FetchRecord]:
        return dict(self._latest)

    def object_path(self, sha256: str) -> Path:
        return self.objects_dir / sha256[:2] / sha256

    def read(self, sha256: str) -> bytes:
        return self.object_path(sha256).read_bytes()

    def records(self) -> Iterator[FetchRecord]:
        """Every fetch ever logged, oldest first (torn or foreign lines skipped)."""
        if not self.log_path.exists():
            return
        with self.log_path.open(encoding="utf-8") as fh:
            for line in fh:
                try:
                    yield FetchRecord.from_dict(json.loads(line))
                except (ValueError, TypeError):
                    continue

    # -- writing ---------------------------------------------------------------------------
    def add_body(self, url: str, body: bytes, *, source: str, kind: str = "document", status: int | None = 200,
                 content_type: str | None = None, etag: str | None = None, last_modified: str | None = None,
                 final_url: str | None = None, charset: str | None = None) -> FetchRecord:
        """Store a fetched body and log it as new, changed or unchanged."""
        digest = self.store(body)
        previous = self._latest.get(url)
        outcome = "new" if previous is None else "unchanged" if previous.sha256 == digest else "changed"
        return self._append(FetchRecord(
            url=url, source=source, fetched_at=utc_now(), outcome=outcome, kind=kind, status=status,
            etag=etag, last_modified=last_modified, content_type=content_type, charset=charset, sha256=digest,
            size=len(body), final_url=final_url if final_url != url else None))

    def add_not_modified(self, url: str, *, source: str, kind: str = "document", status: int = 304,
                         etag: str | None = None, last_modified: str | None = None) -> FetchRecord:
        """Log a 304: the latest body stands; fresh validators (if sent) replace the old ones."""
        previous = self._latest.get(url)
        if previous is None:   # a 304 we did not ask for: nothing to point at
            return self.add_error(url, source=source, kind=kind, status=status,
                                  reason="HTTP 304 without an archived body")
        return self._append(replace(
            previous, source=source, fetched_at=utc_now(), outcome="not_modified", kind=kind, status=status,
            etag=etag or previous.etag, last_modified=last_modified or previous.last_modified, reason=None))

    def add_error(self, url: str, *, source: str, reason: str, kind: str = "document",
                  status: int | None = None, final_url: str | None = None) -> FetchRecord:
        return self._append(FetchRecord(url=url, source=source, fetched_at=utc_now(), outcome="error", kind=kind,
                                        status=status, reason=reason, final_url=final_url))

    def store(self, body: bytes) -> str:
        """Write ``body`` once under its sha256 (atomically) and return the digest."""
        digest = hashlib.sha256(body).hexdigest()
        target = self.object_path(digest)
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
            try:
                with os.fdopen(fd, "wb") as fh:
                    fh.write(body)
                os.chmod(tmp, 0o444)   # materialised hard links share this inode: keep it read-only
                os.replace(tmp, target)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
        return digest

    def save_index(self) -> None:
        """Write ``latest_by_url.json`` (atomically), stamped with the log size it reflects."""
        payload = {"log_bytes": self._log_size(),
                   "latest": {url: asdict(rec) for url, rec in sorted(self._latest.items())}}
        fd, tmp = tempfile.mkstemp(dir=self.root, prefix=".tmp-index-")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(payload, fh, ensure_ascii=False, indent=1, sort_keys=True)
        os.replace(tmp, self.index_path)

    def rebuild_index(self) -> dict[str, FetchRecord]:
        """``latest_by_url`` replayed from the log: the last non-error record of each URL."""
        latest = {rec.url: rec for rec in self.records() if rec.outcome != "error" and rec.sha256}
        self._latest = latest
        return dict(latest)

    # -- internals -------------------------------------------------------------------------
    def _append(self, record: FetchRecord) -> FetchRecord:
        line = (record.to_json() + "\n").encode("utf-8")
        with self.log_path.open("ab") as fh:   # one write per line: a crash tears at most the last line
            fh.write(line)
        if record.outcome != "error":
            self._latest[record.url] = record
        return record

    def _log_size(self) -> int:
        return self.log_path.stat().st_size if self.log_path.exists() else 0

    def _repair_log_tail(self) -> None:
        """A crash mid-append leaves a torn last line; end it so the next record starts clean."""
        if self._log_size():
            with self.log_path.open("rb+") as fh:
                fh.seek(-1, os.SEEK_END)
                if fh.read(1) != b"\n":
                    fh.write(b"\n")

    def _load_index(self) -> dict[str, FetchRecord]:
        try:
            payload = json.loads(self.index_path.read_text(encoding="utf-8"))
            if payload.get("log_bytes") == self._log_size():
                return {url: FetchRecord.from_dict(rec) for url, rec in payload["latest"].items()}
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            pass
        return self.rebuild_index()
