"""Bring the archive up to date with every source: ``sync_sources`` (network), and nothing else.

Every fetch is logged in the archive; bodies are stored once. Pages already archived are asked
for conditionally (ETag / Last-Modified), so an unchanged page costs a 304. Failures do not stop
the run: each is kept in the ``SyncReport`` with its URL and reason for the caller to record.

Sources are grouped by host and the groups run on ``max_concurrent_hosts`` threads; within a
host, requests go one at a time (``flows.fetch.hosts``). A host that is down, keeps failing or
has used its budget is *deferred*: its remaining pages are not asked for, pages never fetched
come first next time, and each of its sources gets one ``host_deferred`` failure.

    >>> from flows.fetch.sources import FolderSource
    >>> from flows.fetch.archive import Archive
    >>> import tempfile
    >>> tmp = Path(tempfile.mkdtemp())
    >>> (tmp / "in").mkdir(); _ = (tmp / "in" / "board.txt").write_text("Minutes of the board")
    >>> report = sync_sources([FolderSource("local", tmp / "in")], Archive(tmp / "archive"), ClientSettings())
    >>> report.summary()
    'documents: 1 new, 0 changed, 0 unchanged, 0 not modified; 0 failed'
"""

from __future__ import annotations

import os
import re
import threading
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

from flows.fetch.archive import Archive, FetchRecord
from flows.fetch.fetcher import PoliteFetcher, sniff_binary_type
from flows.fetch.hosts import HostStats
from flows.fetch.links import extract_links, is_below
from flows.fetch.moderngov import (
    find_committee_id,
    meeting_page_url,
    meetings_url,
    parse_committees,
    parse_linked_documents,
    parse_meetings,
    service_url,
)
from flows.fetch.names import SUFFIX_BY_TYPE
from flows.fetch.settings import ClientSettings
from flows.fetch.sources import FolderSource, ModernGovSource, Source, WebIndexSource

Progress = Callable[[str], None]
TYPE_BY_SUFFIX = {suffix: ctype for ctype, suffix in SUFFIX_BY_TYPE.items()} | {".htm": "text/html"}


class TransientFetchError(RuntimeError):
    """Some fetches failed in a way worth retrying (5xx, timeouts): raised on request, for Prefect retries."""


@dataclass(frozen=True)
class FetchFailure:
    source: str
    url: str
    check: str          # short name: http_404, oversized, content_type_refused, redirect_off_host, ...
    reason: str
    transient: bool = False


@dataclass
class SyncReport:
    records: list[FetchRecord] = field(default_factory=list)
    failures: list[FetchFailure] = field(default_factory=list)
    hosts: dict[str, HostStats] = field(default_factory=dict)    # host -> requests, bytes, deferral
    deferred: dict[str, str] = field(default_factory=dict)       # source name -> why its pages wait

    def count(self, outcome: str, kind: str = "document") -> int:
        return sum(1 for r in self.records if r.outcome == outcome and r.kind == kind)

    def summary(self) -> str:
        text = (f"documents: {self.count('new')} new, {self.count('changed')} changed, "
                f"{self.count('unchanged')} unchanged, {self.count('not_modified')} not modified; "
                f"{len(self.failures)} failed")
        hosts = sorted(h for h, st in self.hosts.items() if st.deferred)
        return text + (f"; deferred to the next run: {', '.join(hosts)}" if hosts else "")

    def for_source(self, name: str) -> SyncReport:
        return SyncReport([r for r in self.records if r.source == name],
                          [f for f in self.failures if f.source == name])

    @property
    def requests(self) -> int:
        return sum(st.requests for st in self.hosts.values())

    @property
    def deferred_hosts(self) -> dict[str, str]:
        return {h: st.deferred for h, st in sorted(self.hosts.items()) if st.deferred}

    def raise_for_transient(self) -> None:
        """For a Prefect task with retries: fail it when a retry could help (the archive makes re-runs cheap)."""
        transient = [f for f in self.failures if f.transient]
        if transient:
            raise TransientFetchError(f"{len(transient)} transient failures, first: {transient[0].url}: "
                                      f"{transient[0].reason}")


def sync_sources(sources: Iterable[Source], archive: Archive, client_settings: ClientSettings, *,
                 progress: Progress | None = None, today: date | None = None) -> SyncReport:
    """Fetch everything new or changed from ``sources`` into ``archive``."""
    report = SyncReport()
    say = progress or (lambda _: None)
    groups = _group_by_host([src for src in sources if src.enabled])
    with PoliteFetcher(client_settings) as fetcher:
        run = _Run(fetcher, archive, report, client_settings, today or date.today())

        def sync_group(group: list[Source]) -> None:
            for src in group:
                _sync_one(src, run, say)

        try:
            workers = max(1, min(client_settings.max_concurrent_hosts, len(groups)))
            if workers == 1:
                for group in groups:
                    sync_group(group)
            else:
                with ThreadPoolExecutor(workers, thread_name_prefix="fetch-host") as pool:
                    for future in [pool.submit(sync_group, g) for g in groups]:
                        future.result()
        finally:
            archive.save_index()
        report.hosts = fetcher.hosts.all_stats()
    return report


def _sync_one(src: Source, run: _Run, say: Progress) -> None:
    try:
        SYNCERS[src.kind](src, run)
    except Exception as exc:  # noqa: BLE001 - one broken source must not stop the others
        run.fail(src, _source_url(src), "source_crashed", f"{type(exc).__name__}: {exc}"[:300])
    waiting = run.deferred_pages.get(src.name)
    if waiting is not None:
        reason, count = waiting
        run.report.deferred[src.name] = reason
        run.fail(src, _source_url(src), "host_deferred",
                 f"{reason} ({count} request{'s' if count != 1 else ''} of this source not sent)")
    with run.lock:
        part = run.report.for_source(src.name)
    say(f"  source {src.name}: {part.summary()}")


def _source_url(src: Source) -> str:
    return getattr(src, "index_url", getattr(src, "base_url", str(getattr(src, "path", ""))))


def _group_by_host(sources: list[Source]) -> list[list[Source]]:
    """Sources sharing a host run in one thread, in file order, so a host never sees two at once."""
    groups: dict[str, list[Source]] = {}
    for src in sources:
        url = getattr(src, "index_url", None) or getattr(src, "base_url", None)
        key = (urlsplit(url).netloc.lower() if url else f"local:{src.name}")
        groups.setdefault(key, []).append(src)
    return list(groups.values())


@dataclass
class _Run:
    fetcher: PoliteFetcher
    archive: Archive
    report: SyncReport
    settings: ClientSettings
    today: date
    done: dict[str, tuple[bytes, str] | None] = field(default_factory=dict)
    deferred_pages: dict[str, tuple[str, int]] = field(default_factory=dict)   # source -> (reason, count)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def pages_in_order(self, urls: list[str]) -> list[str]:
        """Pages never fetched first, then the longest unvisited: a host deferred mid-run catches up."""
        def key(url: str) -> tuple[bool, str]:
            prev = self.archive.latest(url)
            return (prev is not None, prev.fetched_at if prev else "")
        return sorted(urls, key=key)

    def fetch(self, src: Source, url: str, kind: str) -> tuple[bytes, str] | None:
        """Fetch ``url`` once per run into the archive; its body and final URL, or None on failure."""
        if url in self.done:
            return self.done[url]
        prev = self.archive.latest(url)
        result = self.fetcher.fetch(url, allowed_hosts=src.hosts, etag=prev.etag if prev else None,
                                    last_modified=prev.last_modified if prev else None)
        if result.error == "host_deferred":   # not sent: nothing to log per page, one note per source
            with self.lock:
                _, count = self.deferred_pages.get(src.name, ("", 0))
                self.deferred_pages[src.name] = (result.reason or "host deferred", count + 1)
            return None
        with self.lock:
            return self._record(src, url, kind, result)

    def _record(self, src: Source, url: str, kind: str, result) -> tuple[bytes, str] | None:  # noqa: ANN001
        got: tuple[bytes, str] | None = None
        if result.not_modified:
            rec = self.archive.add_not_modified(url, source=src.name, kind=kind, etag=result.etag,
                                                last_modified=result.last_modified)
            if rec.sha256:   # only listings need the old body again (to read their links)
                got = (self.archive.read(rec.sha256) if kind == "listing" else b"", result.final_url)
        elif result.ok:
            rec = self.archive.add_body(url, result.body, source=src.name, kind=kind, status=result.status,
                                        content_type=result.content_type, charset=result.charset, etag=result.etag,
                                        last_modified=result.last_modified, final_url=result.final_url)
            got = (result.body, result.final_url)
        else:
            rec = self.archive.add_error(url, source=src.name, kind=kind, status=result.status,
                                         reason=result.reason or result.error or "failed", final_url=result.final_url)
        self.report.records.append(rec)
        if rec.outcome == "error":
            self.report.failures.append(FetchFailure(src.name, url, result.error or "error", rec.reason or "",
                                                     transient=result.transient))
        self.done[url] = got
        return got

    def fail(self, src: Source, url: str, check: str, reason: str) -> None:
        with self.lock:
            self.report.records.append(self.archive.add_error(url, source=src.name, reason=reason, kind="listing"))
            self.report.failures.append(FetchFailure(src.name, url, check, reason))


def _sync_web_index(src: WebIndexSource, run: _Run) -> None:
    link_re = re.compile(src.link_pattern) if src.link_pattern else None
    next_re = re.compile(src.next_pattern) if src.next_pattern else None
    queue, visited, pages = [src.index_url], set(), {}
    while queue and len(visited) < src.max_index_pages:
        index = queue.pop(0)
        if index in visited:
            continue
        visited.add(index)
        got = run.fetch(src, index, "listing")
        if got is None:
            continue
        for link in extract_links(got[0], got[1]):
            if (urlsplit_host(link) not in src.hosts) or link in visited or link == src.index_url:
                continue
            if next_re and next_re.search(link):
                queue.append(link)
            elif (link_re.search(link) if link_re else is_below(link, src.index_url)):
                pages.setdefault(link, None)
    for url in run.pages_in_order(list(pages)[: src.max_pages]):
        run.fetch(src, url, "document")


def _sync_moderngov(src: ModernGovSource, run: _Run) -> None:
    committee_id = src.committee_id
    if committee_id is None:
        url = service_url(src.base_url, "GetCommittees")
        got = run.fetch(src, url, "listing")
        if got is None:
            return
        committee_id = find_committee_id(parse_committees(got[0]), src.committee_name or "")
        if committee_id is None:
            run.fail(src, url, "committee_not_found", f"no committee titled {src.committee_name!r} in GetCommittees")
            return
    to_date = src.to_date or run.today
    # Without a to_date, ask up to the end of next year: the request URL then stays the same night
    # after night, so the listing is asked for conditionally (a 304 when no meeting was added).
    asked_to = src.to_date or date(run.today.year + 1, 12, 31)
    got = run.fetch(src, meetings_url(src.base_url, committee_id, src.from_date, asked_to), "listing")
    if got is None:
        return
    doc_re = re.compile(src.document_pattern)
    meetings = {meeting_page_url(src.base_url, committee_id, m.id): m for m in parse_meetings(got[0])
                if not (m.date and (m.date > to_date or (src.from_date and m.date < src.from_date)))}
    for page in run.pages_in_order(list(meetings)):
        meeting = meetings[page]
        run.fetch(src, page, "document")
        if not src.include_documents:   # one request less per meeting: GetMeeting only serves the documents
            continue
        detail = run.fetch(src, service_url(src.base_url, "GetMeeting", lMeetingId=meeting.id), "listing")
        for doc in parse_linked_documents(detail[0], src.base_url) if detail else []:
            if doc_re.search(doc.title) and urlsplit_host(doc.url) in src.hosts:
                run.fetch(src, doc.url, "document")


def _sync_folder(src: FolderSource, run: _Run) -> None:
    if not src.path.is_dir():
        run.fail(src, src.path.as_uri() if src.path.is_absolute() else str(src.path), "folder_missing",
                 f"{src.path} is not a folder")
        return
    for path in _walk(src.path):
        url = path.resolve().as_uri()
        try:
            size = path.stat().st_size
            if size > run.settings.max_bytes:
                run.fail(src, url, "oversized", f"oversized: {size} bytes, over the {run.settings.max_bytes}-byte cap")
                continue
            body = path.read_bytes()
        except OSError as exc:
            run.fail(src, url, "unreadable_file", f"cannot read the file: {exc.strerror or exc}")
            continue
        ctype = TYPE_BY_SUFFIX.get(path.suffix.lower()) or sniff_binary_type(body[:1024])
        with run.lock:
            run.report.records.append(run.archive.add_body(url, body, source=src.name, status=None,
                                                           content_type=ctype))


def _walk(folder: Path) -> list[Path]:
    found = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found += [Path(root) / f for f in files if not f.startswith(".")]
    return sorted(found)


def urlsplit_host(url: str) -> str:
    return (urlsplit(url).hostname or "").lower()


SYNCERS: dict[str, Callable[[Source, _Run], None]] = {
    "folder": _sync_folder, "web_index": _sync_web_index, "moderngov": _sync_moderngov,  # type: ignore[dict-item]
}
