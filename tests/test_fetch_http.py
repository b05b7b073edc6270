"""The polite fetcher against a real HTTP server on 127.0.0.1 (no other host is ever contacted)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import replace

import pytest

from flows.fetch import ClientSettings, PoliteFetcher
from tests.fixtures.sites.site_server import Reply, SiteServer

FAST = ClientSettings(contact_url="mailto:tests@example.org", min_host_delay=0.0, retries=2, backoff_base=0.01,
                      backoff_max=0.02, connect_timeout=2.0, read_timeout=2.0, trust_env=False)
LOCAL = {"127.0.0.1"}
PAGE = "/force/chief-officers-minutes/8-april-2031/"


@pytest.fixture
def server() -> Iterator[SiteServer]:
    with SiteServer() as s:
        yield s


def fetch(server: SiteServer, path: str, settings: ClientSettings = FAST, **kw):
    with PoliteFetcher(settings) as fetcher:
        return fetcher.fetch(server.url(path), allowed_hosts=LOCAL, **kw)


def test_page_fetched_with_honest_user_agent_and_validators(server: SiteServer) -> None:
    result = fetch(server, PAGE)
    assert result.ok and result.status == 200 and result.content_type == "text/html"
    assert b"Tuesday 8 April 2025" in result.body and result.etag and result.last_modified
    ua = server.hits(PAGE)[0].headers["user-agent"]
    assert ua == "minutes-pipeline/0.1 (+mailto:tests@example.org)"


def test_conditional_request_gives_not_modified(server: SiteServer) -> None:
    first = fetch(server, PAGE)
    again = fetch(server, PAGE, etag=first.etag, last_modified=first.last_modified)
    assert again.not_modified and again.body is None and not again.ok
    assert server.hits(PAGE)[-1].headers["if-none-match"] == first.etag
    by_date = fetch(server, PAGE, last_modified=first.last_modified)
    assert by_date.not_modified


def test_404_is_an_error_and_not_retried(server: SiteServer) -> None:
    result = fetch(server, "/force/chief-officers-minutes/no-such-meeting/")
    assert (result.error, result.status, result.attempts) == ("http_404", 404, 1)
    assert len(server.hits("/force/chief-officers-minutes/no-such-meeting/")) == 1


def test_500_then_success_is_retried(server: SiteServer) -> None:
    calls = []

    def flaky(_req):
        calls.append(1)
        return Reply(500, b"busy") if len(calls) == 1 else Reply(200, b"<p>minutes</p>", {"Content-Type": "text/html"})

    server.set("/flaky/", flaky)
    result = fetch(server, "/flaky/")
    assert result.ok and result.body == b"<p>minutes</p>" and result.attempts == 2


def test_persistent_500_gives_up_after_retries(server: SiteServer) -> None:
    server.set("/down/", lambda _req: Reply(503, b"down"))
    result = fetch(server, "/down/")
    assert (result.error, result.status, result.attempts) == ("server_error", 503, 3) and result.transient
    assert "gave up after 3 attempts" in result.reason


def test_slow_response_times_out_after_retries(server: SiteServer) -> None:
    server.set("/slow/", lambda _req: Reply(200, b"late", {"Content-Type": "text/html"}, delay=1.0))
    settings = replace(FAST, read_timeout=0.15, retries=1)
    started = time.monotonic()
    result = fetch(server, "/slow/", settings)
    assert result.error == "timeout" and result.transient and result.attempts == 2
    assert len(server.hits("/slow/")) == 2
    assert time.monotonic() - started < 1.5


def test_redirect_within_host_is_followed(server: SiteServer) -> None:
    server.set("/old-minutes/", lambda _req: Reply(301, headers={"Location": PAGE}))
    result = fetch(server, "/old-minutes/")
    assert result.ok and result.final_url == server.url(PAGE)


def test_redirect_to_another_host_is_refused_without_contacting_it(server: SiteServer) -> None:
    elsewhere = f"http://localhost:{server.port}{PAGE}"   # same server, other host name: never asked
    server.set("/moved/", lambda _req: Reply(302, headers={"Location": elsewhere}))
    result = fetch(server, "/moved/")
    assert result.error == "redirect_off_host" and "localhost" in result.reason
    assert server.hits(PAGE) == []


def test_url_on_another_host_is_refused_up_front(server: SiteServer) -> None:
    with PoliteFetcher(FAST) as fetcher:
        result = fetcher.fetch("https://elsewhere.example.org/minutes/", allowed_hosts=LOCAL)
    assert result.error == "off_host" and result.attempts == 0


@pytest.mark.parametrize("announce", [True, False])
def test_oversized_body_is_cut_and_reported(server: SiteServer, announce: bool) -> None:
    big = b"<p>" + b"x" * 200_000 + b"</p>"
    server.set("/huge/", lambda _req: Reply(200, big, {"Content-Type": "text/html"}, content_length=announce))
    result = fetch(server, "/huge/", replace(FAST, max_bytes=50_000))
    assert result.error == "oversized" and result.body is None and "50000-byte cap" in result.reason


def test_image_content_type_is_refused(server: SiteServer) -> None:
    server.set("/logo/", lambda _req: Reply(200, b"\x89PNG\r\n\x1a\n....", {"Content-Type": "image/png"}))
    result = fetch(server, "/logo/")
    assert result.error == "content_type_refused" and "image/png" in result.reason


def test_pdf_served_as_octet_stream_is_recognised(server: SiteServer) -> None:
    server.set("/file/", lambda _req: Reply(200, b"%PDF-1.4\n...", {"Content-Type": "application/octet-stream"}))
    result = fetch(server, "/file/")
    assert result.ok and result.content_type == "application/pdf"


def test_robots_disallow_is_respected(server: SiteServer) -> None:
    result = fetch(server, "/force/private/draft-minutes/")
    assert result.error == "robots_disallowed" and result.attempts == 0
    assert server.hits("/force/private/draft-minutes/") == []
    assert len(server.hits("/robots.txt")) == 1


def test_robots_fetched_once_per_host_and_404_allows_all(server: SiteServer) -> None:
    server.set("/robots.txt", lambda _req: Reply(404, b"not here", {"Content-Type": "text/plain"}))
    with PoliteFetcher(FAST) as fetcher:
        for path in ("/force/private/draft-minutes/", PAGE):
            assert fetcher.fetch(server.url(path), allowed_hosts=LOCAL).ok
    assert len(server.hits("/robots.txt")) == 1


def test_robots_server_error_means_do_not_fetch(server: SiteServer) -> None:
    server.set("/robots.txt", lambda _req: Reply(500, b"oops"))
    result = fetch(server, PAGE)
    assert result.error == "robots_disallowed" and "robots.txt answered HTTP 500" in result.reason
    assert server.hits(PAGE) == []


def test_per_host_delay_is_honoured(server: SiteServer) -> None:
    settings = replace(FAST, min_host_delay=0.3)
    with PoliteFetcher(settings) as fetcher:
        for path in (PAGE, "/force/chief-officers-minutes/11-march-2031/"):
            assert fetcher.fetch(server.url(path), allowed_hosts=LOCAL).ok
    arrivals = [r.at for r in server.requests]   # robots.txt, then the two pages
    assert len(arrivals) == 3
    gaps = [b - a for a, b in zip(arrivals, arrivals[1:], strict=False)]
    assert all(gap >= 0.28 for gap in gaps), gaps


def test_robots_crawl_delay_raises_the_host_delay(server: SiteServer) -> None:
    server.set("/robots.txt", lambda _req: Reply(200, b"User-agent: *\nCrawl-delay: 0.4\n",
                                                 {"Content-Type": "text/plain"}))
    with PoliteFetcher(replace(FAST, min_host_delay=0.05)) as fetcher:
        for path in (PAGE, "/force/chief-officers-minutes/11-march-2031/"):
            fetcher.fetch(server.url(path), allowed_hosts=LOCAL)
    pages = [r.at for r in server.requests if r.path != "/robots.txt"]
    assert pages[1] - pages[0] >= 0.38
