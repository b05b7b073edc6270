"""Politeness at national scale against real HTTP servers on 127.0.0.1: Retry-After on 429/503,
per-host request budgets, one request at a time per host, several hosts at once, and a run that
finishes when a host is down, failing or slow (its pages wait for the next run)."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from flows.fetch import Archive, ClientSettings, PoliteFetcher, WebIndexSource, sync_sources
from tests.fixtures.sites.site_server import Reply, SiteServer

FAST = ClientSettings(min_host_delay=0.0, retries=2, backoff_base=0.01, backoff_max=0.02, connect_timeout=1.0,
                      read_timeout=1.0, trust_env=False)
LOCAL = {"127.0.0.1"}
HTML = {"Content-Type": "text/html; charset=utf-8"}


@pytest.fixture
def server() -> Iterator[SiteServer]:
    with SiteServer() as s:
        yield s


def board_site(server: SiteServer, pages: int, *, delay: float = 0.0) -> WebIndexSource:
    """An invented board: an index page linking ``pages`` minutes pages, each ``delay`` s slow."""
    links = "".join(f'<a href="/board/m{i}/">Meeting {i}</a>' for i in range(pages))
    server.set("/board/", lambda _r: Reply(200, f"<html><body>{links}</body></html>".encode(), HTML))
    for i in range(pages):
        body = f"<html><body><h1>Board meeting {i}</h1><p>Present: A. Person</p></body></html>".encode()
        server.set(f"/board/m{i}/", lambda _r, b=body: Reply(200, b, HTML, delay=delay))
    return WebIndexSource(f"board-{server.port}", server.url("/board/"), link_pattern=r"/board/m\d+/$")


def test_429_waits_for_retry_after_then_succeeds(server: SiteServer) -> None:
    calls: list[float] = []

    def limited(_req):
        calls.append(time.monotonic())
        if len(calls) == 1:
            return Reply(429, b"slow down", {"Retry-After": "1"})
        return Reply(200, b"<p>minutes</p>", HTML)

    server.set("/limited/", limited)
    with PoliteFetcher(FAST) as fetcher:
        result = fetcher.fetch(server.url("/limited/"), allowed_hosts=LOCAL)
    assert result.ok and result.attempts == 2
    assert calls[1] - calls[0] >= 0.95   # the backoff alone would have waited 0.01 s


def test_503_retry_after_is_capped_and_defers_the_host(server: SiteServer) -> None:
    server.set("/busy/", lambda _r: Reply(503, b"maintenance", {"Retry-After": "3600"}))
    settings = replace(FAST, retry_after_max=5.0)
    started = time.monotonic()
    with PoliteFetcher(settings) as fetcher:
        first = fetcher.fetch(server.url("/busy/"), allowed_hosts=LOCAL)
        second = fetcher.fetch(server.url("/force/chief-officers-minutes/8-april-2031/"), allowed_hosts=LOCAL)
    assert time.monotonic() - started < 2.0           # did not sleep an hour
    assert (first.error, first.status, first.attempts) == ("server_error", 503, 1)
    assert "Retry-After: 3600 s" in first.reason
    assert second.error == "host_deferred" and "3600 s, over the 5 s cap" in second.reason
    assert len(server.hits("/busy/")) == 1 and server.hits("/force/chief-officers-minutes/8-april-2031/") == []


def test_429_without_retry_after_gives_up_as_rate_limited(server: SiteServer) -> None:
    server.set("/limited/", lambda _r: Reply(429, b"no"))
    with PoliteFetcher(FAST) as fetcher:
        result = fetcher.fetch(server.url("/limited/"), allowed_hosts=LOCAL)
    assert (result.error, result.attempts, result.transient) == ("rate_limited", 3, True)
    assert len(server.hits("/limited/")) == 3


def test_request_budget_per_host_counts_robots_and_stops_sending(server: SiteServer, tmp_path: Path) -> None:
    source = board_site(server, 5)
    settings = replace(FAST, max_requests_per_host=4)    # robots.txt + index + 2 pages
    report = sync_sources([source], Archive(tmp_path / "a"), settings, today=date(2031, 1, 1))
    fetched = {r.url for r in report.records if r.kind == "document" and r.outcome == "new"}
    assert len(fetched) == 2 and len(server.requests) == 4
    assert report.failures[-1].check == "host_deferred" and "request budget of 4" in report.failures[-1].reason
    assert "3 requests of this source not sent" in report.failures[-1].reason
    host = f"127.0.0.1:{server.port}"
    assert report.hosts[host].requests == 4 and report.deferred_hosts[host].startswith("request budget")


def test_deferred_pages_come_first_on_the_next_run(server: SiteServer, tmp_path: Path) -> None:
    source = board_site(server, 5)
    archive = Archive(tmp_path / "a")
    settings = replace(FAST, max_requests_per_host=4)
    first = sync_sources([source], archive, settings, today=date(2031, 1, 1))
    second = sync_sources([source], archive, settings, today=date(2031, 1, 2))
    got_first = {r.url for r in first.records if r.kind == "document"}
    got_second = {r.url for r in second.records if r.kind == "document"}
    assert not got_first & got_second            # the second night asks for the pages that waited
    assert all(r.outcome == "new" for r in second.records if r.kind == "document")


def test_one_request_at_a_time_per_host_even_from_two_threads(server: SiteServer) -> None:
    server.set("/slow/", lambda _r: Reply(200, b"<p>minutes</p>", HTML, delay=0.2))
    with PoliteFetcher(FAST) as fetcher:
        fetcher.robots_for(server.url("/slow/"))
        threads = [threading.Thread(target=fetcher.fetch, args=(server.url(f"/slow/?n={i}"),),
                                    kwargs={"allowed_hosts": LOCAL}) for i in range(3)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    arrivals = sorted(r.at for r in server.requests if r.path.startswith("/slow/"))
    assert len(arrivals) == 3
    assert all(b - a >= 0.19 for a, b in zip(arrivals, arrivals[1:], strict=False)), arrivals


def test_hosts_are_fetched_concurrently_up_to_the_cap(tmp_path: Path) -> None:
    with SiteServer() as a, SiteServer() as b, SiteServer() as c:
        sources = [board_site(s, 3, delay=0.25) for s in (a, b, c)]
        started = time.monotonic()
        report = sync_sources(sources, Archive(tmp_path / "a"), replace(FAST, max_concurrent_hosts=3))
        parallel = time.monotonic() - started
        assert report.count("new") == 9 and not report.failures
        started = time.monotonic()
        sync_sources(sources, Archive(tmp_path / "b"), replace(FAST, max_concurrent_hosts=1))
        serial = time.monotonic() - started
    assert serial >= 9 * 0.25 and parallel < serial * 0.6, (parallel, serial)


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_down_failing_and_slow_hosts_do_not_stop_the_run(tmp_path: Path) -> None:
    with SiteServer() as good, SiteServer() as failing, SiteServer() as slow:
        ok_source = board_site(good, 3)
        failing_source = board_site(failing, 6)
        for i in range(6):
            failing.set(f"/board/m{i}/", lambda _r: Reply(500, b"oops"))
        slow_source = board_site(slow, 20, delay=0.3)
        down = WebIndexSource("down", f"http://127.0.0.1:{closed_port()}/board/")
        settings = replace(FAST, retries=1, host_failure_limit=3, host_time_budget=1.0, max_concurrent_hosts=4)
        started = time.monotonic()
        report = sync_sources([down, ok_source, failing_source, slow_source], Archive(tmp_path / "a"), settings)
        elapsed = time.monotonic() - started
        assert len(failing.requests) == 1 + 1 + 3 * 2     # robots, index, 3 pages x 2 attempts, then no more
    assert elapsed < 4.0
    assert {r.url for r in report.records if r.source == ok_source.name and r.kind == "document"
            and r.outcome == "new"} == {
        good.url(f"/board/m{i}/") for i in range(3)}
    assert set(report.deferred) == {"down", failing_source.name, slow_source.name}
    assert "robots.txt unreachable" in report.deferred["down"]
    assert "3 transient failures in a row" in report.deferred[failing_source.name]
    assert "time budget of 1 s" in report.deferred[slow_source.name]
    slow_pages = [r for r in report.records if r.source == slow_source.name and r.kind == "document"]
    assert 1 <= len(slow_pages) < 20
    assert "deferred to the next run" in report.summary()


def test_global_cap_bounds_requests_in_flight(tmp_path: Path) -> None:
    with SiteServer() as a, SiteServer() as b, SiteServer() as c:
        sources = [board_site(s, 3, delay=0.2) for s in (a, b, c)]
        report = sync_sources(sources, Archive(tmp_path / "a"), replace(FAST, max_concurrent_hosts=2))
        starts = sorted(r.at for s in (a, b, c) for r in s.requests if r.path.startswith("/board/m"))
    assert report.count("new") == 9
    # a page request is served for 0.2 s after it arrives: count how many were being served at once
    in_flight = [sum(1 for other in starts if other <= t < other + 0.19) for t in starts]
    assert max(in_flight) == 2, in_flight
