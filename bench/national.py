"""A simulated national night: 80 invented publisher sites on 127.0.0.1, a first full run, then a
rerun after 1% of the pages changed.

    .venv/bin/python bench/national.py [--sites 80] [--pages 50] [--out docs/benchmarks.md]

Each night is the real pipeline (``run_plain`` with ``fetch=True``: sync the sources into the raw
archive, materialise, parse what is new or changed, publish). Traffic is counted by the servers
(requests, conditional requests, 304s, bytes sent); pages parsed are the run's new + changed
documents. Site 0 is down, site 1 redirects its listing off host, every tenth site is slow.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.national_sites import NationalSites, Traffic  # noqa: E402
from flows import runlog  # noqa: E402
from flows.fetch.archive import Archive  # noqa: E402
from flows.pipeline import run_plain  # noqa: E402
from flows.settings import Settings  # noqa: E402

MARK_START, MARK_END = "<!-- national-night:start -->", "<!-- national-night:end -->"
FETCH = {"contact_url": "mailto:bench@example.org", "min_host_delay": 0.05, "retries": 1, "backoff_base": 0.05,
         "backoff_max": 0.1, "connect_timeout": 2.0, "read_timeout": 5.0, "max_concurrent_hosts": 8,
         "trust_env": False}


@dataclass
class Night:
    label: str
    seconds: float
    fetch_seconds: float
    traffic: Traffic
    outcomes: dict[str, int]           # archive outcomes of document fetches in this night
    parsed: int                        # documents new or changed: parsed in this run
    runs_source: str                   # what the runs table records for this run


def run_night(label: str, sites: NationalSites, settings: Settings) -> Night:
    archive_log = settings.state_dir / "archive" / "fetches.jsonl"
    already = len(archive_log.read_text(encoding="utf-8").splitlines()) if archive_log.exists() else 0
    marks: dict[str, float] = {}
    started = time.monotonic()

    def progress(line: str) -> None:
        if line.startswith("  fetch:"):
            marks["fetch"] = time.monotonic()

    summary = run_plain(settings, progress=progress)
    seconds = time.monotonic() - started
    records = list(Archive.in_state(settings.state_dir).records())[already:]
    outcomes: dict[str, int] = {}
    for rec in records:
        if rec.kind == "document":
            outcomes[rec.outcome] = outcomes.get(rec.outcome, 0) + 1
    last = runlog.read(settings.warehouse_dir)[-1]
    return Night(label, seconds, marks.get("fetch", started) - started, sites.traffic(reset=True), outcomes,
                 summary.changes.new + summary.changes.changed, last.source or "")


def simulate(n_sites: int, pages: int, workdir: Path, *, change_share: float = 0.01, slow_delay: float = 0.05,
             slow_every: int = 10, fetch: dict[str, object] | None = None,
             workers: int = 0) -> tuple[NationalSites, list[Night], list[str]]:
    """Serve the sites, run the first night and the rerun after ``change_share`` of the pages changed."""
    with NationalSites(n_sites, pages, slow_delay=slow_delay, slow_every=slow_every) as sites:
        cfg = sites.write_sources(workdir / "sources.toml", fetch or FETCH)
        settings = Settings(warehouse_dir=workdir / "warehouse", state_dir=workdir / "state", sources_file=cfg,
                            fetch=True, workers=workers)
        first = run_night("first night (empty archive)", sites, settings)
        changed = sites.change_pages(change_share)
        rerun = run_night(f"next night ({len(changed)} pages changed)", sites, settings)
    return sites, [first, rerun], changed


def render(sites: NationalSites, nights: list[Night], fetch: dict[str, object]) -> str:
    slow = sum(1 for s in sites.sites if s.delay)
    lines = [
        MARK_START,
        "## Simulated national night (issue 15)",
        "",
        f"`bench/national.py`: {len(sites.sites)} invented sites on 127.0.0.1 (half ModernGov-shaped, half "
        f"index-shaped), {sites.page_count // len(sites.sites)} minutes pages each ({sites.page_count} pages); "
        f"{slow} answer each request after {sites.sites[10].delay if len(sites.sites) > 10 else 0:g} s, site 0 is "
        "down (closed port), site 1 redirects its listing to another host. Each night is the whole pipeline "
        "(`run_plain`, fetch on): sync into the raw archive, materialise, parse what is new or changed, publish. "
        f"Fetch settings: per-host delay {fetch['min_host_delay']} s (production default 2 s), "
        f"{fetch['max_concurrent_hosts']} hosts at once, one request at a time per host. Traffic is counted by "
        "the servers; pages parsed are the run's new + changed documents (on the first night that includes the two "
        "fetch failures, quarantined). The machine's 2 cores were shared with other work: read the seconds as "
        "rough.",
        "",
        "| night | wall s | fetch s | requests | conditional | 304 | 200 | bytes sent | pages new | pages changed "
        "| pages not modified | pages parsed |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for n in nights:
        t, o = n.traffic, n.outcomes
        lines.append(f"| {n.label} | {n.seconds:.1f} | {n.fetch_seconds:.1f} | {t.requests} | {t.conditional} | "
                     f"{t.not_modified} | {t.full} | {t.bytes_sent:,} | {o.get('new', 0)} | {o.get('changed', 0)} | "
                     f"{o.get('not_modified', 0)} | {n.parsed} |")
    rerun = nights[-1]
    unconditional = [p for p in rerun.traffic.unconditional_pages]
    lines += [
        "",
        f"- Rerun: every page and listing request carried `If-None-Match`/`If-Modified-Since` except "
        f"{len(unconditional)} ({', '.join(unconditional) or 'none'}: the redirecting listing, which has no "
        "archived version); robots.txt is asked once per host per run, unconditionally.",
        f"- Pages parsed on the rerun: {rerun.parsed} (the changed pages; the others are recognised by their hash "
        "and not parsed again). Fetching took about as long as on the first night because the per-host delay, "
        "not the bytes, sets the pace; the rest of the rerun is publishing the warehouse.",
        f"- The down host did not stop the run; the runs table records: `{_strip_ports(rerun.runs_source)}`.",
        f"- With the production delay of 2 s per host, the {sites.page_count // len(sites.sites) + 3} requests of "
        f"one site take about {2 * (sites.page_count // len(sites.sites) + 3) / 60:.0f} min, so "
        f"{len(sites.sites)} sites at {fetch['max_concurrent_hosts']} at a time take about "
        f"{2 * (sites.page_count // len(sites.sites) + 3) * len(sites.sites) / fetch['max_concurrent_hosts'] / 60:.0f}"
        " min of fetching a night, first night or rerun alike (the delay, not the bytes, sets the pace).",
        MARK_END,
    ]
    return "\n".join(lines) + "\n"


def _strip_ports(text: str) -> str:
    return re.sub(r"/tmp/[^ ;]*sources\.toml", "sources.toml", text)


def write_section(doc: Path, section: str) -> None:
    text = doc.read_text(encoding="utf-8") if doc.exists() else ""
    if MARK_START in text and MARK_END in text:
        head, rest = text.split(MARK_START, 1)
        text = head + section.rstrip("\n") + rest.split(MARK_END, 1)[1]
    else:
        text = text.rstrip("\n") + "\n\n" + section
    doc.write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sites", type=int, default=80)
    ap.add_argument("--pages", type=int, default=50)
    ap.add_argument("--out", help="Markdown file whose national-night section is written (or replaced)")
    ap.add_argument("--keep", help="keep the working folder here instead of a temporary one")
    args = ap.parse_args(argv)
    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="national-night-"))
    work.mkdir(parents=True, exist_ok=True)
    sites, nights, _ = simulate(args.sites, args.pages, work)
    section = render(sites, nights, FETCH)
    print(section)
    print(json.dumps([{"night": n.label, "seconds": round(n.seconds, 1), "requests": n.traffic.requests,
                       "parsed": n.parsed} for n in nights]))
    if args.out:
        write_section(Path(args.out), section)
        print(f"wrote the national-night section of {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
