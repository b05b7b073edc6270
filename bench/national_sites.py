"""Invented publisher sites for a simulated national night, each a real HTTP server on 127.0.0.1.

``NationalSites(n_sites, pages)`` builds ``n_sites`` sites (half ModernGov-shaped: a
``mgWebService.asmx`` answering GetMeetings and one ``ieListDocuments.aspx`` page per meeting;
half index-shaped: a two-page listing linking one notes page per meeting), with ``pages`` minutes
pages each, written by ``samplegen`` (invented people and places). Some sites answer slowly, one is
down (its port is closed), one redirects its listing to another host. Every server honours
conditional requests (ETag / Last-Modified) and counts what it is sent, so a benchmark reads the
traffic from the servers' side.

    with NationalSites(8, 5, seed=1) as sites:
        sites.write_sources(path)          # a sources.toml listing every site
        ...
        sites.change_pages(0.01)           # 1% of the pages get a corrected version
        sites.traffic()                    # requests, conditional requests, 304s, bytes sent
"""

from __future__ import annotations

import hashlib
import random
import socket
import threading
import time
from dataclasses import dataclass, field
from datetime import date
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

from samplegen.layouts.moderngov import PanelSeries
from samplegen.layouts.pcc_notes import PccNotesSeries

LAST_MODIFIED = formatdate(1_900_000_000, usegmt=True)
OFF_HOST = "http://minutes-elsewhere.invalid/moved/"
FORCES = ("Eastshire", "Westbridge", "Northmoor", "Southdale", "Highfield", "Lowmarsh", "Oakvale", "Ashford Vale",
          "Kingsmere", "Redcliff")


@dataclass
class Traffic:
    requests: int = 0
    conditional: int = 0        # carried If-None-Match or If-Modified-Since
    not_modified: int = 0       # answered 304
    full: int = 0               # answered 200 with a body
    bytes_sent: int = 0
    unconditional_pages: list[str] = field(default_factory=list)   # page requests without validators

    def add(self, other: Traffic) -> None:
        self.requests += other.requests
        self.conditional += other.conditional
        self.not_modified += other.not_modified
        self.full += other.full
        self.bytes_sent += other.bytes_sent
        self.unconditional_pages += other.unconditional_pages


class Site:
    """One publisher: its routes (path with query -> body, content type) and its behaviour."""

    def __init__(self, number: int, shape: str, pages: int, rng: random.Random, *, delay: float = 0.0,
                 redirect_listing: bool = False) -> None:
        self.number, self.shape, self.delay, self.redirect_listing = number, shape, delay, redirect_listing
        self.name = f"site-{number:02d}-{shape}"
        self.routes: dict[str, tuple[bytes, str]] = {"/robots.txt": (b"User-agent: *\nDisallow: /private/\n",
                                                                     "text/plain")}
        self.page_paths: list[str] = []
        self.traffic = Traffic()
        self._lock = threading.Lock()
        force = f"{FORCES[number % len(FORCES)]} {number}"
        start = date(2019, 1, 7)
        if shape == "moderngov":
            self._build_moderngov(force, pages, rng, start)
        else:
            self._build_index(force, pages, rng, start)

    def _build_moderngov(self, force: str, pages: int, rng: random.Random, start: date) -> None:
        series = PanelSeries(force, f"s{self.number}", rng, start, set())
        meetings = []
        for i in range(pages):
            written = series.next_document(rng, fragment=False)
            mid = 1000 + i
            meetings.append(f"<meeting><meetingid>{mid}</meetingid><meetingdate>"
                            f"{written.gold['meeting']['meeting_date'][8:10]}/{written.gold['meeting']['meeting_date'][5:7]}/"
                            f"{written.gold['meeting']['meeting_date'][:4]}</meetingdate></meeting>")
            path = f"/ieListDocuments.aspx?CId=55&MId={mid}"
            self.routes[path] = (written.content.encode("utf-8"), "text/html; charset=utf-8")
            self.page_paths.append(path)
        self.routes["/mgWebService.asmx/GetMeetings?lCommitteeId=55"] = (
            ("<?xml version='1.0'?><meetings>" + "".join(meetings) + "</meetings>").encode(), "text/xml")

    def _build_index(self, force: str, pages: int, rng: random.Random, start: date) -> None:
        series = PccNotesSeries(force, f"s{self.number}", rng, start)
        links = []
        for i in range(pages):
            written = series.next_document(rng, as_html=False, as_pdf=False)
            path = f"/board/meeting-{i + 1}/"
            self.routes[path] = (written.content.encode("utf-8"), "text/plain; charset=utf-8")
            self.page_paths.append(path)
            links.append(f'<li><a href="{path}">Board meeting {i + 1}</a></li>')
        half = (len(links) + 1) // 2
        self.routes["/board/"] = (f"<html><body><ul>{''.join(links[:half])}</ul>"
                                  f'<a href="/board/?page=2">Next</a></body></html>'.encode(), "text/html")
        self.routes["/board/?page=2"] = (f"<html><body><ul>{''.join(links[half:])}</ul></body></html>".encode(),
                                         "text/html")

    @property
    def listing_path(self) -> str:
        return "/mgWebService.asmx/GetMeetings" if self.shape == "moderngov" else "/board/"

    def change_page(self, path: str) -> None:
        body, ctype = self.routes[path]
        self.routes[path] = (body + b"\nCorrection: an attendee's name was misspelt and has been corrected.\n",
                             ctype)

    def answer(self, raw_path: str, headers: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
        parts = urlsplit(raw_path)
        params = dict(parse_qsl(parts.query))
        if self.redirect_listing and parts.path == self.listing_path:
            return 302, {"Location": OFF_HOST}, b""
        found = None
        for key, value in self.routes.items():   # path match, the key's query a subset of the request's
            k = urlsplit(key)
            if k.path == parts.path and dict(parse_qsl(k.query)).items() <= params.items():
                if found is None or len(k.query) > len(found[0]):
                    found = (k.query, value)
        if found is None:
            return 404, {"Content-Type": "text/html"}, b"<h1>Not found</h1>"
        body, ctype = found[1]
        etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
        out = {"Content-Type": ctype, "ETag": etag, "Last-Modified": LAST_MODIFIED}
        if headers.get("if-none-match") == etag or ("if-none-match" not in headers
                                                     and headers.get("if-modified-since") == LAST_MODIFIED):
            return 304, out, b""
        return 200, out, body

    def record(self, raw_path: str, headers: dict[str, str], status: int, sent: int) -> None:
        conditional = "if-none-match" in headers or "if-modified-since" in headers
        with self._lock:
            t = self.traffic
            t.requests += 1
            t.conditional += conditional
            t.not_modified += status == 304
            t.full += status == 200
            t.bytes_sent += sent
            if not conditional and raw_path != "/robots.txt":
                t.unconditional_pages.append(f"{self.name}{raw_path}")


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False
    request_queue_size = 64

    def handle_error(self, request, client_address) -> None:  # noqa: ANN001
        pass


def _handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *_: object) -> None:
            pass

        def do_GET(self) -> None:  # noqa: N802
            headers = {k.lower(): v for k, v in self.headers.items()}
            if site.delay:
                time.sleep(site.delay)
            status, out, body = site.answer(self.path, headers)
            try:
                self.send_response(status)
                for name, value in out.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                return
            site.record(self.path, headers, status, len(body))

    return Handler


class NationalSites:
    """``n_sites`` invented sites on 127.0.0.1; site 0 is down, site 1 redirects its listing off host,
    every ``slow_every``-th site answers after ``slow_delay`` seconds."""

    def __init__(self, n_sites: int, pages: int, *, seed: int = 15, slow_every: int = 10,
                 slow_delay: float = 0.05) -> None:
        rng = random.Random(seed)
        self.sites = [Site(i, "moderngov" if i % 2 else "index", pages, rng,
                           delay=slow_delay if i and i % slow_every == 0 else 0.0, redirect_listing=(i == 1))
                      for i in range(n_sites)]
        self.down = self.sites[0]
        self.servers: dict[str, _Server] = {}
        self.ports: dict[str, int] = {}
        self._rng = rng

    def __enter__(self) -> NationalSites:
        for site in self.sites:
            if site is self.down:
                with socket.socket() as s:   # a port nothing listens on: connection refused
                    s.bind(("127.0.0.1", 0))
                    self.ports[site.name] = s.getsockname()[1]
                continue
            server = _Server(("127.0.0.1", 0), _handler(site))
            self.servers[site.name] = server
            self.ports[site.name] = server.server_address[1]
            threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.2}, daemon=True).start()
        return self

    def __exit__(self, *_: object) -> None:
        for server in self.servers.values():
            server.shutdown()
            server.server_close()

    def origin(self, site: Site) -> str:
        return f"http://127.0.0.1:{self.ports[site.name]}"

    @property
    def page_count(self) -> int:
        return sum(len(s.page_paths) for s in self.sites)

    def sources_toml(self, fetch: dict[str, object]) -> str:
        lines = ["[fetch]"] + [f"{k} = {_toml(v)}" for k, v in fetch.items()] + [""]
        for site in self.sites:
            lines += ["[[source]]", f'name = "{site.name}"']
            if site.shape == "moderngov":
                lines += ['kind = "moderngov"', f'base_url = "{self.origin(site)}"', "committee_id = 55",
                          "from_date = 2019-01-01", 'body_kind = "panel"']
            else:
                lines += ['kind = "web_index"', f'index_url = "{self.origin(site)}/board/"',
                          "link_pattern = '/board/meeting-\\d+/$'", "next_pattern = '/board/\\?page=\\d+$'",
                          'body_kind = "commissioner_board"']
            lines.append("")
        return "\n".join(lines)

    def write_sources(self, path: Path, fetch: dict[str, object]) -> Path:
        path.write_text(self.sources_toml(fetch), encoding="utf-8")
        return path

    def change_pages(self, share: float) -> list[str]:
        """Give ``share`` of all pages (of reachable sites) a corrected body; returns their URLs."""
        reachable = [(s, p) for s in self.sites if s is not self.down and not s.redirect_listing
                     for p in s.page_paths]
        chosen = self._rng.sample(reachable, max(1, round(share * self.page_count)))
        for site, path in chosen:
            site.change_page(path)
        return [self.origin(site) + path for site, path in chosen]

    def traffic(self, *, reset: bool = False) -> Traffic:
        total = Traffic()
        for site in self.sites:
            total.add(site.traffic)
            if reset:
                site.traffic = Traffic()
        return total


def _toml(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f'"{value}"'
    return str(value)
