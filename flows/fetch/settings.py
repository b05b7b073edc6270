"""Network settings of the fetch layer: timeouts, retries, politeness, caps.

Defaults < ``[fetch]`` table of ``sources.toml`` < environment (``MINUTES_FETCH_*``) < overrides,
the same order as ``flows/settings.py``. The retry numbers are exposed so that a Prefect task
wrapping a network step can use them for its own retries (``retries=0`` here, then
``@task(retries=s.retries, retry_delay_seconds=s.retry_delays())`` there).

    >>> s = ClientSettings(contact_url="https://example.org/about-this-crawler")
    >>> s.user_agent
    'minutes-pipeline/0.1 (+https://example.org/about-this-crawler)'
    >>> ClientSettings(retries=3, backoff_base=1.0, backoff_max=3.0).retry_delays()
    [1.0, 2.0, 3.0]
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, fields, replace
from pathlib import Path

USER_AGENT_PRODUCT = "minutes-pipeline/0.1"
ROBOTS_TOKEN = "minutes-pipeline"

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
ACCEPTED_TYPES = frozenset({
    "text/html", "application/xhtml+xml", "text/plain", "application/pdf", DOCX_TYPE,
    "text/xml", "application/xml",
})


@dataclass(frozen=True)
class ClientSettings:
    contact_url: str = ""            # shown in the User-Agent so publishers can reach the operator
    connect_timeout: float = 10.0    # seconds
    read_timeout: float = 30.0       # seconds between bytes, not for the whole body
    retries: int = 3                 # extra attempts after a 5xx, a timeout or a dropped connection
    backoff_base: float = 2.0        # first retry delay; doubles each time
    backoff_max: float = 60.0
    min_host_delay: float = 2.0      # seconds between two requests to one host (robots Crawl-delay wins if longer)
    max_bytes: int = 25 * 1024 * 1024
    max_redirects: int = 5
    respect_robots: bool = True
    trust_env: bool = True           # honour HTTP(S)_PROXY / NO_PROXY
    # -- national scale: see docs/sources.md "Politeness at national scale" --
    retry_after_max: float = 120.0   # longest Retry-After (429/503) honoured; a longer one defers the host
    max_concurrent_hosts: int = 4    # hosts fetched at once (each host: one request at a time)
    max_requests_per_host: int = 1500  # per run, robots.txt and retries included; the rest waits for next night
    host_failure_limit: int = 3      # consecutive transient failures after which a host is deferred
    host_time_budget: float = 3600.0  # seconds one host may take in a run before its remaining pages are deferred

    @property
    def user_agent(self) -> str:
        return f"{USER_AGENT_PRODUCT} (+{self.contact_url})" if self.contact_url else USER_AGENT_PRODUCT

    def retry_delays(self) -> list[float]:
        """The wait before each retry: exponential from ``backoff_base``, capped at ``backoff_max``."""
        return [min(self.backoff_base * 2 ** i, self.backoff_max) for i in range(self.retries)]

    @classmethod
    def load(cls, config: Path | str | None = None, **overrides: object) -> ClientSettings:
        """Defaults, then ``[fetch]`` of ``config``, then ``MINUTES_FETCH_<FIELD>`` variables,
        then ``overrides`` (``None`` values ignored). Unknown ``[fetch]`` keys raise ``ValueError``."""
        values: dict[str, object] = {}
        if config is not None and Path(config).is_file():
            table = tomllib.loads(Path(config).read_text(encoding="utf-8")).get("fetch", {})
            known = {f.name for f in fields(cls)}
            unknown = sorted(set(table) - known)
            if unknown:
                raise ValueError(f"{config}: unknown [fetch] setting {unknown[0]!r}")
            values.update(table)
        for f in fields(cls):
            raw = os.environ.get(f"MINUTES_FETCH_{f.name.upper()}")
            if raw is not None:
                values[f.name] = _convert(raw, type(getattr(cls(), f.name)))
        values.update({k: v for k, v in overrides.items() if v is not None})
        return replace(cls(), **values)


def _convert(raw: str, kind: type) -> object:
    if kind is bool:
        return raw.strip().lower() in ("1", "true", "yes", "on")
    return kind(raw)
