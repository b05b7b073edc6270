"""``minutes sources check`` and ``minutes sources coverage``: the sources list, checked and summarised.

    minutes sources check [--sources FILE] [--online] [--verbose]   # exit 1 on any error
    minutes sources coverage [--sources FILE] [--out docs/coverage.md]
"""

from __future__ import annotations

import argparse
import sys
import tomllib
from pathlib import Path


def _sources_file(args: argparse.Namespace) -> Path:
    from flows.settings import Settings

    return Path(args.sources) if args.sources else Settings.from_env().sources_file


def cmd_check(args: argparse.Namespace) -> int:
    from flows.fetch.check import check_file, render_report

    path = _sources_file(args)
    if not path.is_file():
        print(f"minutes: sources file not found: {path}", file=sys.stderr)
        return 2
    findings = check_file(path, online=args.online)
    try:
        entries = len(tomllib.loads(path.read_text(encoding="utf-8")).get("source", []))
    except tomllib.TOMLDecodeError:
        entries = 0
    print(render_report(findings, path, entries, online=args.online, verbose=args.verbose))
    return 1 if any(f.level == "error" for f in findings) else 0


def cmd_coverage(args: argparse.Namespace) -> int:
    from flows.fetch.coverage import coverage_markdown
    from flows.fetch.sources import load_sources

    text = coverage_markdown(load_sources(_sources_file(args)))
    if args.out:
        Path(args.out).write_text(text, encoding="utf-8")
        print(f"wrote {args.out}")
    else:
        sys.stdout.write(text)
    return 0


def add_commands(sub: argparse._SubParsersAction) -> None:
    sources = sub.add_parser("sources", help="check the sources list, or print its coverage table")
    inner = sources.add_subparsers(dest="sources_command", required=True)
    check = inner.add_parser("check", help="validate every entry of sources.toml (offline; --online to "
                                           "also ask each publisher); exit 1 on errors")
    check.add_argument("--sources", help="sources file (default ./sources.toml)")
    check.add_argument("--online", action="store_true",
                       help="also fetch robots.txt, each listing and one sample page (polite, needs the network)")
    check.add_argument("--verbose", action="store_true", help="also show the checks that passed")
    check.set_defaults(func=cmd_check)
    cov = inner.add_parser("coverage", help="the coverage table (docs/coverage.md) from sources.toml")
    cov.add_argument("--sources", help="sources file (default ./sources.toml)")
    cov.add_argument("--out", help="write the table here instead of printing it")
    cov.set_defaults(func=cmd_coverage)
