"""Being a good guest on a publisher's site: a minimum delay per host and robots.txt.

    >>> t = HostThrottle(0.0)
    >>> t.wait_turn("example.org")     # never waits with a zero delay
    0.0
    >>> policy = RobotsPolicy.parse("User-agent: *\\nDisallow: /private/\\n")
    >>> policy.allows("https://example.org/private/x"), policy.allows("https://example.org/minutes/")
    (False, True)
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from protego import Protego

from flows.fetch.settings import ROBOTS_TOKEN

MAX_CRAWL_DELAY = 60.0  # a robots.txt asking for more would stall a nightly run; we cap it


class HostThrottle:
    """Spaces the *starts* of requests to one host by at least the host's delay."""

    def __init__(self, min_delay: float, *, clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self.min_delay = min_delay
        self._clock, self._sleep = clock, sleep
        self._last: dict[str, float] = {}
        self._delay: dict[str, float] = {}
        self._lock = threading.Lock()

    def set_host_delay(self, host: str, seconds: float) -> None:
        """Raise one host's delay (robots.txt ``Crawl-delay``); never below ``min_delay``."""
        self._delay[host] = max(self.min_delay, min(seconds, MAX_CRAWL_DELAY))

    def wait_turn(self, host: str) -> float:
        """Sleep until ``host`` may be asked again, then mark the request as started. Returns the wait.

        The slot is booked under the lock and the sleep happens outside it, so one host's delay
        never holds up requests to other hosts fetched from other threads."""
        with self._lock:
            delay = self._delay.get(host, self.min_delay)
            last = self._last.get(host)
            now = self._clock()
            start = max(now, last + delay) if last is not None else now
            self._last[host] = start
        wait = start - now
        if wait > 0:
            self._sleep(wait)
        return wait


@dataclass(frozen=True)
class RobotsPolicy:
    """What one host's robots.txt says for us. ``reason`` explains a blanket refusal."""

    parser: Protego | None
    allow_all: bool = False
    reason: str | None = None

    @classmethod
    def parse(cls, text: str) -> RobotsPolicy:
        return cls(Protego.parse(text))

    @classmethod
    def everything(cls) -> RobotsPolicy:
        """No robots.txt (404 and other 4xx): RFC 9309 says crawl freely."""
        return cls(None, allow_all=True)

    @classmethod
    def nothing(cls, reason: str) -> RobotsPolicy:
        """robots.txt unreachable (5xx, timeout): RFC 9309 says assume a complete disallow."""
        return cls(None, allow_all=False, reason=reason)

    def allows(self, url: str) -> bool:
        if self.parser is None:
            return self.allow_all
        try:
            return bool(self.parser.can_fetch(url, ROBOTS_TOKEN))
        except Exception:  # noqa: BLE001 - a parser bug on odd rules must not stop the run
            return True

    def crawl_delay(self) -> float | None:
        if self.parser is None:
            return None
        try:
            delay = self.parser.crawl_delay(ROBOTS_TOKEN)
        except Exception:  # noqa: BLE001
            return None
        return float(delay) if delay is not None else None
