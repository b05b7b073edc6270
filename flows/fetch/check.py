"""``minutes sources check``: is every entry of ``sources.toml`` sound, and (online) does it answer?

Offline, for every ``[[source]]`` (all of them, not only the first bad one): its shape (the same
rules as the loader), duplicate names and duplicate listings, an allowed host, an adapter hint
that names a registered layout adapter, and what it says about itself (body, area, checked).
Online (``--online``, where the network is there), for every enabled entry, through the polite
fetcher: robots.txt allows the listing, the listing answers and lists minutes, and a sample
minutes page is fetched, extracted and parsed.

    >>> findings = check_entries([{"name": "x", "kind": "web_index", "index_url": "https://127.0.0.1/m/"}])
    >>> [(f.level, f.code) for f in findings]       # doctest: +NORMALIZE_WHITESPACE
    [('error', 'host_not_allowed'), ('warning', 'undescribed')]
"""

from __future__ import annotations

import hashlib
import ipaddress
import re
import tomllib
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from flows.fetch.fetcher import PoliteFetcher
from flows.fetch.links import extract_links, is_below
from flows.fetch.moderngov import (
    find_committee_id,
    meeting_page_url,
    meetings_url,
    parse_committees,
    parse_meetings,
    service_url,
)
from flows.fetch.settings import ClientSettings
from flows.fetch.sources import ModernGovSource, Source, SourceConfigError, WebIndexSource, parse_source

#: Domains a public body's minutes may be published on without listing the host in ``[check]``.
PUBLIC_SUFFIXES = ("gov.uk", "gov.wales", "llyw.cymru", "police.uk", "moderngov.co.uk", "cmis.uk.com")
_RESERVED = ("localhost", ".localhost", ".local", ".internal", ".example", ".test", ".invalid", ".lan")


@dataclass(frozen=True)
class Finding:
    level: str      # error | warning | ok
    source: str
    code: str
    message: str


def check_file(path: Path | str, *, online: bool = False, settings: ClientSettings | None = None,
               today: date | None = None, allow_local: bool = False) -> list[Finding]:
    """Every finding for the sources file at ``path`` (offline checks, then online ones if asked)."""
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        return [Finding("error", str(path), "unreadable", f"cannot read the sources file: {exc}")]
    entries = data.get("source", [])
    if not isinstance(entries, list):
        return [Finding("error", str(path), "shape", "'source' must be an array of tables ([[source]])")]
    extra = tuple((data.get("check") or {}).get("allowed_hosts", ()))
    findings = check_entries(entries, extra_hosts=extra, base_dir=path.parent, allow_local=allow_local)
    if online:
        bad = {f.source for f in findings if f.level == "error"}
        sources = [parse_source(e, base_dir=path.parent) for e in entries
                   if isinstance(e, dict) and e.get("name") not in bad]
        findings += check_online([s for s in sources if s.enabled],
                                 settings or ClientSettings.load(path), today=today)
    return findings


def check_entries(entries: list[Any], *, extra_hosts: Iterable[str] = (), base_dir: Path = Path("."),
                  allow_local: bool = False) -> list[Finding]:
    """The offline checks of raw ``[[source]]`` tables."""
    findings: list[Finding] = []
    parsed: list[Source] = []
    for i, entry in enumerate(entries):
        name = entry.get("name") if isinstance(entry, dict) and isinstance(entry.get("name"), str) else f"#{i + 1}"
        try:
            parsed.append(parse_source(entry, where=f"source #{i + 1}", base_dir=base_dir))
        except SourceConfigError as exc:
            findings.append(Finding("error", name, "shape", str(exc)))
    findings += _duplicates(parsed)
    allowed = tuple(h.lower().lstrip(".") for h in extra_hosts)
    for src in parsed:
        findings += _check_one(src, allowed, allow_local)
    return findings


def _duplicates(sources: list[Source]) -> list[Finding]:
    out = []
    names = Counter(s.name for s in sources)
    out += [Finding("error", n, "duplicate_name", f"{c} sources are named {n!r}") for n, c in names.items() if c > 1]
    listings: dict[str, str] = {}
    for src in sources:
        key = _listing_key(src)
        if key and key in listings:
            out.append(Finding("error", src.name, "duplicate_listing",
                               f"lists the same minutes as {listings[key]!r} ({key})"))
        listings.setdefault(key, src.name)
    bodies: dict[tuple, str] = {}
    for src in sources:
        if src.body and src.area:
            key = (src.body.casefold(), src.area.casefold(), src.body_kind)
            if key in bodies:
                out.append(Finding("warning", src.name, "duplicate_body",
                                   f"describes the same body as {bodies[key]!r}: {src.body} ({src.area})"))
            bodies.setdefault(key, src.name)
    return out


def _listing_key(src: Source) -> str:
    if isinstance(src, ModernGovSource):
        committee = src.committee_id if src.committee_id is not None else (src.committee_name or "").casefold()
        return f"moderngov {_host(src.base_url)}{urlsplit(src.base_url).path.rstrip('/').lower()} {committee}"
    if isinstance(src, WebIndexSource):
        parts = urlsplit(src.index_url)
        return f"web_index {parts.hostname}{parts.path.rstrip('/').lower()}?{parts.query}"
    return f"folder {getattr(src, 'path', '')}"


def _check_one(src: Source, allowed: tuple[str, ...], allow_local: bool) -> list[Finding]:
    out: list[Finding] = []
    say = lambda level, code, msg: out.append(Finding(level, src.name, code, msg))  # noqa: E731
    for host in sorted(src.hosts):
        problem = host_problem(host, allowed, allow_local=allow_local)
        if problem:
            say("error", "host_not_allowed", problem)
    url = getattr(src, "index_url", None) or getattr(src, "base_url", None)
    if url and urlsplit(url).scheme == "http":
        say("warning", "plain_http", f"{url} is plain http; try https")
    if src.adapter is not None:
        from transforms.adapters import REGISTRY

        if src.adapter not in REGISTRY:
            say("error", "unknown_adapter", f"adapter {src.adapter!r} is not one of {', '.join(REGISTRY)}")
    if src.kind != "folder" and not (src.body and src.area and src.body_kind):
        say("warning", "undescribed", "body, area or body_kind is missing (it will not show in the coverage table)")
    if isinstance(src, ModernGovSource) and src.committee_id is None:
        say("warning", "committee_by_name", f"no committee_id: looked up by name ({src.committee_name!r}), "
                                             "one more request per run and no match if the title differs")
    if src.enabled and src.checked is False:
        say("warning", "unconfirmed", "fetched although its host or listing is not confirmed (checked = false)")
    if not src.enabled:
        say("warning", "disabled", "not fetched (enabled = false)" + (f": {src.note}" if src.note else ""))
    return out


def host_problem(host: str, allowed: tuple[str, ...] = (), *, allow_local: bool = False) -> str | None:
    """Why ``host`` may not be fetched, or None.

    >>> host_problem("democracy.kent.gov.uk"), host_problem("evil.example.com")
    (None, 'evil.example.com is not a public-sector host (gov.uk, gov.wales, ...) nor listed in [check] allowed_hosts')
    >>> host_problem("10.0.0.7")
    '10.0.0.7 is an IP address, not a publisher host name'
    """
    host = host.lower().rstrip(".")
    try:
        ipaddress.ip_address(host)
        if allow_local and host == "127.0.0.1":
            return None
        return f"{host} is an IP address, not a publisher host name"
    except ValueError:
        pass
    if host.endswith(_RESERVED) or host in {r.lstrip(".") for r in _RESERVED}:
        return f"{host} is a reserved or local name"
    for suffix in PUBLIC_SUFFIXES + allowed:
        if host == suffix or host.endswith("." + suffix):
            return None
    return (f"{host} is not a public-sector host ({', '.join(PUBLIC_SUFFIXES[:2])}, ...) "
            "nor listed in [check] allowed_hosts")


# -- online ------------------------------------------------------------------------------------------
def check_online(sources: list[Source], settings: ClientSettings, *, today: date | None = None) -> list[Finding]:
    """robots.txt, the listing and one sample page of each source, politely (one fetcher for all)."""
    out: list[Finding] = []
    with PoliteFetcher(settings) as fetcher:
        for src in sources:
            if src.kind == "folder":
                continue
            out += _online_one(src, fetcher, today or date.today())
    return out


def _online_one(src: Source, fetcher: PoliteFetcher, today: date) -> list[Finding]:
    out: list[Finding] = []
    say = lambda level, code, msg: out.append(Finding(level, src.name, code, msg))  # noqa: E731
    listing = src.index_url if isinstance(src, WebIndexSource) else service_url(src.base_url, "GetMeetings")
    policy = fetcher.robots_for(listing)
    if not policy.allows(listing):
        say("error", "robots", policy.reason or f"robots.txt disallows {listing} for minutes-pipeline")
        return out
    say("ok", "robots", "robots.txt allows the listing")
    get = lambda url: fetcher.fetch(url, allowed_hosts=src.hosts)  # noqa: E731
    pages = _web_pages(src, get, say) if isinstance(src, WebIndexSource) else _moderngov_pages(src, get, say, today)
    if not pages:
        return out
    result = get(pages[0])
    if not result.ok:
        say("error", "sample_page", f"{pages[0]}: {result.reason or result.error}")
        return out
    say(*_parse_sample(src, pages[0], result.body))
    return out


def _web_pages(src: WebIndexSource, get: Callable, say: Callable) -> list[str]:
    result = get(src.index_url)
    if not result.ok:
        say("error", "listing", f"{src.index_url}: {result.reason or result.error}")
        return []
    link_re = re.compile(src.link_pattern) if src.link_pattern else None
    next_re = re.compile(src.next_pattern) if src.next_pattern else None
    links = [u for u in extract_links(result.body, result.final_url) if _host(u) in src.hosts]
    pages = [u for u in links if not (next_re and next_re.search(u))
             and (link_re.search(u) if link_re else is_below(u, src.index_url))]
    nexts = [u for u in links if next_re and next_re.search(u)]
    if not pages and nexts:   # minutes listed one level down (a page per year): look at the first
        sub = get(nexts[0])
        if sub.ok:
            pages = [u for u in extract_links(sub.body, sub.final_url) if _host(u) in src.hosts
                     and (link_re.search(u) if link_re else is_below(u, src.index_url))]
    if not pages:
        say("error", "listing", f"{src.index_url} answers but no link matches the minutes pattern")
        return []
    say("ok", "listing", f"{src.index_url} lists {len(pages)} minutes page(s)")
    return pages


def _moderngov_pages(src: ModernGovSource, get: Callable, say: Callable, today: date) -> list[str]:
    committee_id = src.committee_id
    if committee_id is None:
        url = service_url(src.base_url, "GetCommittees")
        result = get(url)
        if not result.ok:
            say("error", "listing", f"{url}: {result.reason or result.error}")
            return []
        committee_id = find_committee_id(parse_committees(result.body), src.committee_name or "")
        if committee_id is None:
            say("error", "listing", f"no committee titled {src.committee_name!r} in GetCommittees")
            return []
        say("ok", "committee", f"committee {src.committee_name!r} has id {committee_id}: set committee_id")
    url = meetings_url(src.base_url, committee_id, today - timedelta(days=3 * 366), today)
    result = get(url)
    if not result.ok:
        say("error", "listing", f"{url}: {result.reason or result.error}")
        return []
    meetings = [m for m in parse_meetings(result.body) if not m.date or m.date <= today]
    if not meetings:
        say("error", "listing", f"GetMeetings answers but lists no meeting of committee {committee_id} in 3 years")
        return []
    say("ok", "listing", f"GetMeetings lists {len(meetings)} meeting(s) in the last 3 years")
    latest = max(meetings, key=lambda m: m.date or date.min)
    return [meeting_page_url(src.base_url, committee_id, latest.id)]


def _parse_sample(src: Source, url: str, body: bytes) -> tuple[str, str, str]:
    from transforms.adapters import choose_adapter
    from transforms.extract import extract_text
    from transforms.models import ExtractionError, RawDocument

    try:
        clean = extract_text(RawDocument(hashlib.sha256(body).hexdigest(), url, body))
        adapter = choose_adapter(clean.text)
        parsed = adapter.parse(clean)
    except ExtractionError as exc:
        return "error", "sample_parse", f"{url}: cannot extract text: {exc.reason}"
    except Exception as exc:  # noqa: BLE001 - a parser crash is a finding here, reported with its type
        return "error", "sample_parse", f"{url}: parser crashed: {type(exc).__name__}: {exc}"[:300]
    when = parsed.meeting.meeting_date
    detail = (f"{url}: parsed by {parsed.adapter}, meeting {when or 'date not found'}, "
              f"{len(parsed.attendance)} attendance rows, {len(parsed.agenda_items)} items")
    if when is None:
        return "warning", "sample_parse", detail
    if src.adapter and src.adapter != parsed.adapter:
        return "warning", "sample_parse", detail + f" (expected the {src.adapter} adapter)"
    return "ok", "sample_parse", detail


def _host(url: str) -> str:
    return (urlsplit(url).hostname or "").lower()


# -- the report --------------------------------------------------------------------------------------
def render_report(findings: list[Finding], sources_file: Path | str, entries: int, *, online: bool,
                  verbose: bool = False) -> str:
    """A readable report: problems grouped by source, then one summary line."""
    lines = [f"minutes sources check: {sources_file} ({entries} entries, {'online' if online else 'offline'})"]
    by_source: dict[str, list[Finding]] = {}
    for f in findings:
        if f.level != "ok" or verbose:
            by_source.setdefault(f.source, []).append(f)
    for name, items in by_source.items():
        lines.append(f"  {name}")
        for f in sorted(items, key=lambda f: ("error", "warning", "ok").index(f.level)):
            lines.append(f"    {f.level.upper():<7} {f.code}: {f.message}")
    counts = Counter(f.level for f in findings)
    codes = Counter(f.code for f in findings if f.level == "warning")
    summary = f"{counts['error']} error(s), {counts['warning']} warning(s)"
    if codes:
        summary += " (" + ", ".join(f"{c} {n}" for n, c in codes.most_common()) + ")"
    if online:
        summary += f", {counts['ok']} online check(s) passed"
    lines.append(summary)
    return "\n".join(lines)
