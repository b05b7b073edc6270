"""Per-host bookkeeping for one run at national scale: one request at a time per host, a request
budget, a time budget, and "this host is down: its pages wait for the next run".

``HostBook`` is shared by the threads of one run (one ``PoliteFetcher``). A host is *deferred*
once it has used its request budget or its time budget, answered ``host_failure_limit``
transient failures in a row (timeouts, refused connections, 5xx after retries), or asked us to
wait longer than ``retry_after_max``. Nothing more is sent to a deferred host in this run.

    >>> from flows.fetch.settings import ClientSettings
    >>> book = HostBook(ClientSettings(max_requests_per_host=2, host_failure_limit=2))
    >>> book.take("a.example:443"), book.take("a.example:443"), book.take("a.example:443")
    (True, True, False)
    >>> book.deferral("a.example:443")
    'request budget of 2 for this host used up in this run; the rest waits for the next run'
    >>> book.note_failure("b.example:443"); book.note_failure("b.example:443"); book.deferral("b.example:443")
    'host failing: 2 transient failures in a row; its pages wait for the next run'
"""

from __future__ import annotations

import threading
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

from flows.fetch.settings import ClientSettings


@dataclass
class HostStats:
    requests: int = 0
    conditional: int = 0        # requests carrying If-None-Match / If-Modified-Since
    bytes: int = 0              # bytes received on the wire (bodies; headers not counted)
    failures_in_row: int = 0
    started: float | None = None
    deferred: str | None = None  # why the rest of this host's pages wait for the next run


class HostBook:
    def __init__(self, settings: ClientSettings, *, clock: Callable[[], float] = time.monotonic) -> None:
        self.settings = settings
        self._clock = clock
        self._stats: dict[str, HostStats] = defaultdict(HostStats)
        self._locks: dict[str, threading.Lock] = defaultdict(threading.Lock)
        self._guard = threading.Lock()

    def lock(self, host: str) -> threading.Lock:
        """The lock that keeps requests to ``host`` one at a time, whichever thread sends them."""
        with self._guard:
            return self._locks[host]

    def stats(self, host: str) -> HostStats:
        with self._guard:
            return self._stats[host]

    def all_stats(self) -> dict[str, HostStats]:
        with self._guard:
            return dict(self._stats)

    def deferral(self, host: str) -> str | None:
        """Why ``host`` gets no more requests in this run, or None."""
        with self._guard:
            st = self._stats[host]
            if st.deferred is None and st.started is not None and \
                    self._clock() - st.started > self.settings.host_time_budget:
                st.deferred = (f"time budget of {self.settings.host_time_budget:g} s for this host used up in "
                               "this run; the rest waits for the next run")
            return st.deferred

    def take(self, host: str, *, conditional: bool = False) -> bool:
        """Count one request to ``host``; False (and the host deferred) when its budget is spent."""
        with self._guard:
            st = self._stats[host]
            if st.requests >= self.settings.max_requests_per_host:
                st.deferred = st.deferred or (f"request budget of {self.settings.max_requests_per_host} for this "
                                              "host used up in this run; the rest waits for the next run")
                return False
            st.requests += 1
            st.conditional += conditional
            if st.started is None:
                st.started = self._clock()
            return True

    def add_bytes(self, host: str, count: int) -> None:
        with self._guard:
            self._stats[host].bytes += count

    def note_success(self, host: str) -> None:
        with self._guard:
            self._stats[host].failures_in_row = 0

    def note_failure(self, host: str) -> None:
        with self._guard:
            st = self._stats[host]
            st.failures_in_row += 1
            if st.failures_in_row >= self.settings.host_failure_limit and st.deferred is None:
                st.deferred = (f"host failing: {st.failures_in_row} transient failures in a row; "
                               "its pages wait for the next run")

    def defer(self, host: str, reason: str) -> None:
        with self._guard:
            self._stats[host].deferred = self._stats[host].deferred or reason


def retry_after_seconds(value: str | None, *, now: datetime | None = None) -> float | None:
    """A ``Retry-After`` header as seconds from now: delta-seconds or an HTTP date; None if absent or odd.

    >>> retry_after_seconds("7"), retry_after_seconds(None), retry_after_seconds("soon")
    (7.0, None, None)
    >>> retry_after_seconds("Wed, 21 Oct 2015 07:28:30 GMT", now=datetime(2015, 10, 21, 7, 28, tzinfo=UTC))
    30.0
    """
    if not value or not value.strip():
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when is None:
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())
