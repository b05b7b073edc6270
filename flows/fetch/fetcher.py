"""One polite HTTP GET: robots.txt, per-host delay, retries with backoff (429 and 503 honour
``Retry-After``, capped), size and type caps, redirects kept within the source's hosts, conditional
requests, and the per-host limits of a national run (``flows.fetch.hosts``: one request at a time
per host, a request budget, a host that keeps failing is deferred to the next run).

``PoliteFetcher.fetch`` never raises for a network or HTTP problem: it returns a ``FetchResult``
whose ``error`` is a short check name ("http_404", "oversized", ...) and ``reason`` a readable
sentence, so the caller can record and quarantine it. No Prefect here: a plain loop can use it.

    >>> from flows.fetch.settings import ClientSettings
    >>> with PoliteFetcher(ClientSettings()) as fetcher:           # doctest: +SKIP
    ...     result = fetcher.fetch("https://example.org/minutes/", allowed_hosts={"example.org"})
    >>> result.ok, result.status, result.content_type             # doctest: +SKIP
    (True, 200, 'text/html')
"""

from __future__ import annotations

import time
from collections.abc import Callable, Collection
from dataclasses import dataclass, replace
from urllib.parse import urljoin, urlsplit

import httpx

from flows.fetch.hosts import HostBook, retry_after_seconds
from flows.fetch.politeness import HostThrottle, RobotsPolicy
from flows.fetch.settings import ACCEPTED_TYPES, DOCX_TYPE, ClientSettings

ROBOTS_MAX_BYTES = 512 * 1024
TRANSIENT_ERRORS = frozenset({"server_error", "timeout", "network_error", "rate_limited"})
RETRY_AFTER_STATUSES = frozenset({429, 503})


@dataclass(frozen=True)
class FetchResult:
    url: str
    final_url: str
    status: int | None = None
    body: bytes | None = None
    content_type: str | None = None   # media type only, lower case, no parameters
    charset: str | None = None        # the Content-Type header's charset parameter, as sent
    etag: str | None = None
    last_modified: str | None = None
    error: str | None = None          # check name; None when the fetch worked (or was a 304)
    reason: str | None = None
    attempts: int = 1

    @property
    def ok(self) -> bool:
        return self.error is None and self.body is not None

    @property
    def not_modified(self) -> bool:
        return self.error is None and self.status == 304

    @property
    def transient(self) -> bool:
        """Worth trying again later (a Prefect retry, tomorrow's run)."""
        return self.error in TRANSIENT_ERRORS


class _Transient(Exception):
    def __init__(self, error: str, reason: str, status: int | None = None, retry_after: float | None = None) -> None:
        super().__init__(reason)
        self.error, self.reason, self.status, self.retry_after = error, reason, status, retry_after


def media_type(header: str | None) -> str | None:
    """``'text/html; charset=utf-8'`` -> ``'text/html'``."""
    if not header:
        return None
    return header.split(";", 1)[0].strip().lower() or None


def charset_param(header: str | None) -> str | None:
    """``'text/html; charset="ISO-8859-1"'`` -> ``'ISO-8859-1'`` (extract decides what it means)."""
    for param in (header or "").split(";")[1:]:
        name, _, value = param.partition("=")
        if name.strip().lower() == "charset":
            return value.strip().strip("\"'") or None
    return None


def sniff_binary_type(head: bytes) -> str | None:
    """A PDF or a DOCX (zip) served without a useful content type."""
    stripped = head.lstrip(b" \t\r\n\x0c")
    if stripped.startswith(b"%PDF-"):
        return "application/pdf"
    if head.startswith(b"PK\x03\x04"):
        return DOCX_TYPE
    return None


class PoliteFetcher:
    """An httpx client with the politeness and safety rules of the project. Use as a context manager."""

    def __init__(self, settings: ClientSettings, *, sleep: Callable[[float], None] = time.sleep) -> None:
        self.settings = settings
        self._sleep = sleep
        self.throttle = HostThrottle(settings.min_host_delay, sleep=sleep)
        self.hosts = HostBook(settings)
        self._robots: dict[str, RobotsPolicy] = {}
        timeout = httpx.Timeout(connect=settings.connect_timeout, read=settings.read_timeout,
                                write=settings.read_timeout, pool=settings.connect_timeout)
        self.client = httpx.Client(timeout=timeout, follow_redirects=False, trust_env=settings.trust_env,
                                   headers={"User-Agent": settings.user_agent})

    def __enter__(self) -> PoliteFetcher:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def close(self) -> None:
        self.client.close()

    # -- public ---------------------------------------------------------------------------
    def fetch(self, url: str, *, allowed_hosts: Collection[str], etag: str | None = None,
              last_modified: str | None = None) -> FetchResult:
        """GET ``url`` with retries on 5xx, timeouts and dropped connections (never on 4xx)."""
        hosts = {h.lower() for h in allowed_hosts}
        deferred = self.hosts.deferral(_netloc(url))
        if deferred:
            return FetchResult(url, url, error="host_deferred", reason=deferred, attempts=0)
        refusal = self._refuse_url(url, hosts)
        if refusal:
            deferred = self.hosts.deferral(_netloc(url))   # robots.txt found the host down just now
            if deferred:
                return FetchResult(url, url, error="host_deferred", reason=deferred, attempts=0)
            return FetchResult(url, url, error=refusal[0], reason=refusal[1], attempts=0)
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        delays = self.settings.retry_delays()
        attempt = 0
        while True:
            attempt += 1
            try:
                result = self._attempt(url, hosts, headers)
                if result.error != "host_deferred":
                    self.hosts.note_success(_netloc(url))
                return _with_attempts(result, attempt)
            except _Transient as exc:
                wait = self._retry_wait(url, exc, delays, attempt)
                if wait is None:
                    return FetchResult(url, url, status=exc.status, error=exc.error, attempts=attempt,
                                       reason=f"{exc.reason} (gave up after {attempt} attempts)")
                self._sleep(wait)

    def _retry_wait(self, url: str, exc: _Transient, delays: list[float], attempt: int) -> float | None:
        """Seconds to wait before the next attempt, or None to give up (the failure counts against
        the host). A ``Retry-After`` longer than ``retry_after_max`` defers the host at once."""
        host = _netloc(url)
        if exc.retry_after is not None and exc.retry_after > self.settings.retry_after_max:
            self.hosts.note_failure(host)
            self.hosts.defer(host, f"asked to retry after {exc.retry_after:g} s, over the "
                                   f"{self.settings.retry_after_max:g} s cap; its pages wait for the next run")
            return None
        if attempt > len(delays):
            self.hosts.note_failure(host)
            return None
        return max(delays[attempt - 1], exc.retry_after or 0.0)

    # -- one attempt, following redirects --------------------------------------------------
    def _attempt(self, url: str, hosts: set[str], headers: dict[str, str]) -> FetchResult:
        current = url
        for _ in range(self.settings.max_redirects + 1):
            host = _netloc(current)
            if not self.hosts.take(host, conditional=bool(headers)):
                return FetchResult(url, current, error="host_deferred", reason=self.hosts.deferral(host))
            try:
                with self.hosts.lock(host):   # one request at a time per host, whichever thread asks
                    self.throttle.wait_turn(host)
                    with self.client.stream("GET", current, headers=headers) as resp:
                        try:
                            if resp.has_redirect_location:
                                target = urljoin(current, resp.headers.get("location", ""))
                                refusal = self._refuse_url(target, hosts)
                                if refusal:
                                    error = "redirect_off_host" if refusal[0] == "off_host" else refusal[0]
                                    return FetchResult(url, current, resp.status_code, error=error,
                                                       reason=f"redirected to {target}: {refusal[1]}")
                                current = target
                                continue
                            return self._read(url, current, resp)
                        finally:
                            self.hosts.add_bytes(host, resp.num_bytes_downloaded)
            except httpx.TimeoutException as exc:
                raise _Transient("timeout", f"timed out ({type(exc).__name__})") from None
            except httpx.TransportError as exc:
                raise _Transient("network_error", f"network error: {type(exc).__name__}: {exc}"[:300]) from None
        return FetchResult(url, current, error="too_many_redirects",
                           reason=f"more than {self.settings.max_redirects} redirects")

    def _read(self, url: str, final_url: str, resp: httpx.Response) -> FetchResult:
        status = resp.status_code
        etag, modified = resp.headers.get("etag"), resp.headers.get("last-modified")
        if status == 304:
            return FetchResult(url, final_url, status, etag=etag, last_modified=modified)
        if status in RETRY_AFTER_STATUSES:
            wait = retry_after_seconds(resp.headers.get("retry-after"))
            error = "rate_limited" if status == 429 else "server_error"
            raise _Transient(error, f"HTTP {status} from the server"
                             + (f" (Retry-After: {wait:g} s)" if wait is not None else ""), status, wait)
        if status >= 500:
            raise _Transient("server_error", f"HTTP {status} from the server", status)
        if status >= 400 or status < 200 or status in (204, 205):
            return FetchResult(url, final_url, status, error=f"http_{status}", reason=f"HTTP {status}")
        declared = resp.headers.get("content-length", "")
        cap = self.settings.max_bytes
        if declared.isdigit() and int(declared) > cap:
            return FetchResult(url, final_url, status, error="oversized",
                               reason=f"oversized: the server announces {int(declared)} bytes, over the {cap}-byte cap")
        body, cut = _read_capped(resp, cap)
        if cut:
            return FetchResult(url, final_url, status, error="oversized",
                               reason=f"oversized: stopped reading at the {cap}-byte cap")
        ctype = media_type(resp.headers.get("content-type"))
        if ctype not in ACCEPTED_TYPES:
            sniffed = sniff_binary_type(body[:1024]) if ctype in (None, "application/octet-stream") else None
            if sniffed is None:
                return FetchResult(url, final_url, status, error="content_type_refused",
                                   reason=f"content type {ctype or 'missing'} is not a minutes format")
            ctype = sniffed
        return FetchResult(url, final_url, status, body=body, content_type=ctype, etag=etag, last_modified=modified,
                           charset=charset_param(resp.headers.get("content-type")))

    # -- checks before any request ---------------------------------------------------------
    def _refuse_url(self, url: str, hosts: set[str]) -> tuple[str, str] | None:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            return "bad_url", f"not an http(s) URL: {url!r}"[:300]
        if parts.hostname.lower() not in hosts:
            return "off_host", f"{parts.hostname} is not one of this source's hosts ({', '.join(sorted(hosts))})"
        if self.settings.respect_robots:
            policy = self.robots_for(url)
            if not policy.allows(url):
                return "robots_disallowed", policy.reason or "robots.txt disallows this URL for minutes-pipeline"
        return None

    def robots_for(self, url: str) -> RobotsPolicy:
        """The robots.txt policy of ``url``'s host, fetched once per fetcher (one nightly run)."""
        parts = urlsplit(url)
        key = f"{parts.scheme}://{parts.netloc}".lower()
        if key not in self._robots:
            self._robots[key] = self._fetch_robots(key)
            delay = self._robots[key].crawl_delay()
            if delay:
                self.throttle.set_host_delay(_netloc(key), delay)
        return self._robots[key]

    def _fetch_robots(self, origin: str) -> RobotsPolicy:
        host = _netloc(origin)
        if not self.hosts.take(host):
            return RobotsPolicy.nothing(self.hosts.deferral(host) or "request budget used up")
        try:
            with self.hosts.lock(host):
                self.throttle.wait_turn(host)
                with self.client.stream("GET", f"{origin}/robots.txt") as resp:
                    if resp.status_code >= 500:
                        return RobotsPolicy.nothing(f"robots.txt answered HTTP {resp.status_code}: "
                                                    "not fetching this host")
                    if resp.status_code >= 300:   # 4xx, or a redirect we don't chase: no rules
                        return RobotsPolicy.everything()
                    body, _ = _read_capped(resp, ROBOTS_MAX_BYTES)
                    self.hosts.add_bytes(host, resp.num_bytes_downloaded)
        except httpx.HTTPError as exc:
            # a host that does not answer at all is down for this run: nothing more is sent to it
            self.hosts.defer(host, f"robots.txt unreachable ({type(exc).__name__}); the host's pages wait "
                                   "for the next run")
            return RobotsPolicy.nothing(f"robots.txt unreachable ({type(exc).__name__}): not fetching this host")
        return RobotsPolicy.parse(body.decode("utf-8", "replace"))


def _read_capped(resp: httpx.Response, cap: int) -> tuple[bytes, bool]:
    """The body up to ``cap`` bytes (decoded from gzip etc.), and whether it was longer."""
    chunks, size = [], 0
    for chunk in resp.iter_bytes():
        size += len(chunk)
        if size > cap:
            chunks.append(chunk[: len(chunk) - (size - cap)])
            return b"".join(chunks), True
        chunks.append(chunk)
    return b"".join(chunks), False


def _netloc(url: str) -> str:
    return urlsplit(url).netloc.lower()


def _with_attempts(result: FetchResult, attempts: int) -> FetchResult:
    return replace(result, attempts=attempts)
