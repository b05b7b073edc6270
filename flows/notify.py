"""Tell someone when a run failed or came out degraded: a JSON POST to a configured webhook.

Configured in the ``[notify]`` table of ``sources.toml`` (``MINUTES_NOTIFY_WEBHOOK_URL``
overrides the URL)::

    [notify]
    webhook_url = "https://chat.example.org/hooks/minutes"
    max_quarantine_share = 0.25   # a published run quarantining more than this is "degraded"

A run is *failed* when it published nothing (table checks failed, disk full, ...) and
*degraded* when it published but quarantined more than ``max_quarantine_share`` of its
documents. A notification that cannot be delivered is reported on stderr; it never fails the run.
"""

from __future__ import annotations

import os
import sys
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from flows import runlog

DEFAULT_MAX_QUARANTINE_SHARE = 0.25


@dataclass(frozen=True)
class NotifySettings:
    webhook_url: str | None = None
    max_quarantine_share: float = DEFAULT_MAX_QUARANTINE_SHARE
    timeout: float = 10.0

    @classmethod
    def load(cls, sources_file: Path | None) -> NotifySettings:
        from flows.fetch import SourceConfigError

        table: dict[str, Any] = {}
        if sources_file is not None and Path(sources_file).is_file():
            table = tomllib.loads(Path(sources_file).read_text(encoding="utf-8")).get("notify", {})
        unknown = sorted(set(table) - {"webhook_url", "max_quarantine_share", "timeout"})
        if unknown:
            raise SourceConfigError(f"{sources_file}: [notify] has an unknown setting {unknown[0]!r}")
        share = float(table.get("max_quarantine_share", DEFAULT_MAX_QUARANTINE_SHARE))
        if not 0.0 <= share <= 1.0:
            raise SourceConfigError(f"{sources_file}: [notify] max_quarantine_share must be between 0 and 1")
        url = os.environ.get("MINUTES_NOTIFY_WEBHOOK_URL") or table.get("webhook_url") or None
        return cls(url, share, float(table.get("timeout", 10.0)))


def degraded_reason(summary: Any, settings: NotifySettings) -> str | None:
    """Why a published run counts as degraded, or None."""
    if summary.outcome != "published" or not summary.documents:
        return None
    share = summary.quarantined / summary.documents
    if share > settings.max_quarantine_share:
        return (f"{summary.quarantined} of {summary.documents} documents quarantined ({share:.0%}), "
                f"over the {settings.max_quarantine_share:.0%} threshold")
    return None


def post(settings: NotifySettings, payload: dict[str, Any]) -> bool:
    """POST ``payload`` as JSON to the webhook; False (and a line on stderr) when it fails."""
    import httpx

    if not settings.webhook_url:
        return False
    try:
        response = httpx.post(settings.webhook_url, json=payload, timeout=settings.timeout)
        response.raise_for_status()
    except httpx.HTTPError as exc:
        print(f"minutes: could not notify {settings.webhook_url}: {exc}", file=sys.stderr)
        return False
    return True


def _payload(event: str, warehouse_dir: Path, message: str, summary: Any = None) -> dict[str, Any]:
    last = runlog.read(warehouse_dir)[-1:] if summary is None else []
    return {"event": event, "warehouse": str(Path(warehouse_dir).absolute()), "message": message,
            "run_id": summary.run_id if summary is not None else (last[0].run_id if last else None),
            "documents": summary.documents if summary is not None else None,
            "quarantined": summary.quarantined if summary is not None else None}


def run_notifying(warehouse_dir: Path, sources_file: Path | None, run: Callable[[], Any]) -> Any:
    """``run()`` (a pipeline run returning its RunSummary), notifying the webhook when it fails
    (RunFailed, re-raised) or publishes a degraded result."""
    from flows.steps import RunFailed

    settings = NotifySettings.load(sources_file)
    try:
        summary = run()
    except RunFailed as exc:
        post(settings, _payload("run_failed", warehouse_dir, str(exc)))
        raise
    reason = degraded_reason(summary, settings)
    if reason:
        post(settings, _payload("run_degraded", warehouse_dir, reason, summary))
    return summary
