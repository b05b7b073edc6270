"""The `minutes` command line: a thin layer over the flow.

    minutes run [--source DIR] [--warehouse DIR] [--plain]
    minutes dictionary [--out FILE]
    minutes runs [--warehouse DIR]
"""

from __future__ import annotations

import argparse
import contextlib
import io
import logging
import os
import sys
import time
from pathlib import Path

from dashboard import cli as dashboard_cli
from flows.fetch import cli as fetch_cli
from flows.settings import SAMPLES_DIR, Settings
from samplegen import cli as samplegen_cli


class UserError(Exception):
    """A problem the user can fix; shown as one line, no traceback."""


def _check_paths(settings: Settings) -> None:
    src = settings.source_dir
    if not src.exists():
        raise UserError(f"source folder not found: {src}")
    if not src.is_dir():
        raise UserError(f"source is not a folder: {src}")
    for label, folder in (("warehouse", settings.warehouse_dir), ("state", settings.state_dir)):
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise UserError(f"cannot create the {label} folder {folder}: {exc.strerror or exc}") from None
        if not os.access(folder, os.W_OK | os.X_OK):
            raise UserError(f"the {label} folder is not writable: {folder}")


def _print_summary(summary, out=sys.stdout) -> None:
    p = lambda s="": print(s, file=out)  # noqa: E731
    p()
    if summary.outcome == "unchanged":
        p(f"Nothing changed since the last run: {summary.documents} documents, all as before; "
          f"the warehouse at {summary.db_path.absolute()} is unchanged (use --force to rebuild).")
        return
    p(f"Warehouse: {summary.db_path.absolute()}")
    p(f"Parquet:   {(summary.warehouse_dir / 'parquet').absolute()}")
    if summary.data_docs:
        p(f"Quality report (Great Expectations Data Docs): {summary.data_docs.absolute()}")
    c = summary.changes
    p(f"Documents: {summary.documents} seen ({c.new} new, {c.changed} changed, {c.unchanged} unchanged), "
      f"{summary.loaded} loaded, {summary.quarantined} quarantined ({summary.seconds:.1f} s)")
    p("Stage seconds: " + " ".join(f"{k}={v:.2f}" for k, v in summary.stage_seconds.items()))
    p("Rows per table:")
    for name in ("meetings", "attendance", "agenda_items", "actions", "action_updates", "decisions",
                 "people", "documents", "quarantine", "parse_warnings"):
        p(f"  {name:<15}{summary.table_rows.get(name, 0):>8}")
    if summary.quarantine:
        p("Quarantined:")
        for q in summary.quarantine:
            p(f"  {q['source_uri']}: [{q['stage']}/{q['check_name']}] {q['reason']}")


@contextlib.contextmanager
def _quiet_prefect_shutdown():
    """The temporary Prefect server may print an 'Error flushing events' traceback as it stops;
    it is harmless, so keep it out of the user's terminal."""
    stderr = sys.stderr
    sys.stderr = io.StringIO()
    try:
        yield
    finally:
        captured = sys.stderr.getvalue()
        sys.stderr = stderr
        for line in captured.splitlines():
            if "flushing" not in line.lower() and line.strip() and not line.startswith((" ", "Traceback")):
                print(line, file=stderr)


def cmd_run(args: argparse.Namespace) -> int:
    settings = Settings.from_env(
        source_dir=Path(args.source) if args.source else None,
        warehouse_dir=Path(args.warehouse) if args.warehouse else None,
        state_dir=Path(args.state) if args.state else None,
        batch_size=args.batch_size,
        workers=args.workers,
        task_runner=args.task_runner,
        dask_address=args.dask_address,
        sources_file=Path(args.sources) if args.sources else None,
        fetch=bool(args.fetch or args.offline or args.sources) or None,
        offline=args.offline or None,
        force=args.force or None,
    )
    if settings.fetch and not settings.sources_file.exists():
        raise UserError(f"sources file not found: {settings.sources_file}")
    _check_paths(settings)
    from flows.lock import WarehouseLocked
    from flows.pipeline import run_plain
    from flows.prefect_run import run_with_prefect
    from flows.steps import RunFailed

    started = time.monotonic()
    if settings.fetch:
        print(f"minutes: {'rebuilding offline from the archive of' if settings.offline else 'fetching'} "
              f"the sources in {settings.sources_file}")
    else:
        print(f"minutes: processing {settings.source_dir}"
              + (" (bundled sample documents)" if settings.source_dir == SAMPLES_DIR else ""))
    from flows.notify import run_notifying

    def run() -> object:
        if args.plain:
            return run_plain(settings, progress=print)
        with _quiet_prefect_shutdown():
            return run_with_prefect(settings, progress=lambda s: print(s, file=sys.__stdout__))

    try:
        summary = run_notifying(settings.warehouse_dir, settings.sources_file, run)
    except WarehouseLocked as exc:
        raise UserError(str(exc)) from None
    except RunFailed as exc:
        print(f"minutes: run failed, the published warehouse is unchanged: {exc}", file=sys.stderr)
        return 1
    _print_summary(summary)
    print(f"Done in {time.monotonic() - started:.1f} s.")
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    from flows.serve import serve

    settings = Settings.from_env(
        source_dir=Path(args.source) if args.source else None,
        warehouse_dir=Path(args.warehouse) if args.warehouse else None,
        state_dir=Path(args.state) if args.state else None,
        fetch=not args.source,
        schedule_cron=args.cron,
        schedule_timezone=args.timezone,
    )
    _check_paths(settings) if args.source else None
    return serve(settings, once=args.once)


def cmd_dictionary(args: argparse.Namespace) -> int:
    from warehouse.schema import data_dictionary_markdown

    text = data_dictionary_markdown() + "\n"
    if args.out:
        Path(args.out).write_text(text, encoding="utf-8")
        print(f"wrote {args.out}")
    else:
        sys.stdout.write(text)
    return 0


def build_parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="minutes", description="Police governance minutes -> DuckDB + Parquet.")
    sub = ap.add_subparsers(dest="command", required=True)
    run = sub.add_parser("run", help="process every document under a folder into the warehouse")
    run.add_argument("--source", help=f"folder of minutes (default: the bundled samples, {SAMPLES_DIR})")
    run.add_argument("--warehouse", help="warehouse folder (default: ./warehouse-out)")
    run.add_argument("--state", help="state folder for Prefect and staging (default: ./state)")
    run.add_argument("--batch-size", type=int, help="documents per batch: one task per stage per batch (default 2500)")
    run.add_argument("--workers", type=int, help="processes that extract and parse (default: one per CPU core)")
    run.add_argument("--task-runner", choices=["local", "dask"],
                     help="where the parse stage runs: local worker processes (default) or a Dask cluster")
    run.add_argument("--dask-address", help="an existing Dask scheduler, e.g. tcp://10.0.0.5:8786 "
                     "(default with --task-runner dask: a local cluster of --workers processes)")
    run.add_argument("--plain", action="store_true", help="run the same steps without Prefect")
    run.add_argument("--fetch", action="store_true", help="fetch the sources in sources.toml instead of --source")
    run.add_argument("--sources", help="sources file (implies --fetch; default ./sources.toml)")
    run.add_argument("--offline", action="store_true",
                     help="rebuild from the raw archive of earlier fetches, without the network")
    run.add_argument("--force", action="store_true", help="rebuild and publish even when nothing changed")
    run.set_defaults(func=cmd_run)
    serve = sub.add_parser("serve", help="run the pipeline nightly on a schedule (Prefect deployment)")
    serve.add_argument("--cron", help="cron expression (default 0 2 * * *, MINUTES_SCHEDULE_CRON)")
    serve.add_argument("--timezone", help="time zone of the cron (default Europe/London)")
    serve.add_argument("--source", help="a folder to process instead of fetching sources.toml")
    serve.add_argument("--warehouse")
    serve.add_argument("--state")
    serve.add_argument("--once", action="store_true", help="run once now (as the schedule would) and exit")
    serve.set_defaults(func=cmd_serve)
    dashboard_cli.add_commands(sub)
    samplegen_cli.add_commands(sub)
    fetch_cli.add_commands(sub)
    dic = sub.add_parser("dictionary", help="print or write the data dictionary generated from the schema")
    dic.add_argument("--out")
    dic.set_defaults(func=cmd_dictionary)
    from flows.runs_cli import add_runs_command

    add_runs_command(sub)
    return ap


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.getLogger("great_expectations").setLevel(logging.ERROR)
    try:
        return args.func(args)
    except UserError as exc:
        print(f"minutes: {exc}", file=sys.stderr)
        return 2
    except Exception as exc:
        from flows.fetch import SourceConfigError

        if isinstance(exc, SourceConfigError):
            print(f"minutes: {exc}", file=sys.stderr)
            return 2
        raise
    except KeyboardInterrupt:
        print("minutes: interrupted; the published warehouse is unchanged", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
