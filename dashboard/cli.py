"""The `dashboard` and `export` subcommands of `minutes` (flows/cli.py calls ``add_commands``).

    minutes dashboard [--warehouse DIR] [--port N]
    minutes export --format csv|parquet [--warehouse DIR] --out DIR
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

# dashboard.data imports pandas and DuckDB: imported where a command needs it, so that every
# other `minutes` command (the nightly run included) does not pay for it at start-up
DB_NAME = "minutes.duckdb"  # as dashboard.data.DB_NAME
ENV_WAREHOUSE = "MINUTES_WAREHOUSE_DIR"  # as dashboard.data.ENV_WAREHOUSE

SERVER = Path(__file__).with_name("server.py")
DEFAULT_PORT = 8501


def _warehouse(args: argparse.Namespace) -> Path:
    from flows.settings import Settings

    return Settings.from_env(warehouse_dir=Path(args.warehouse) if args.warehouse else None).warehouse_dir.absolute()


def streamlit_command(port: int) -> list[str]:
    """``streamlit run`` on 127.0.0.1 only, headless, no usage statistics, no file watching.

    >>> cmd = streamlit_command(8600)
    >>> cmd[cmd.index("--server.address") + 1], cmd[cmd.index("--browser.gatherUsageStats") + 1]
    ('127.0.0.1', 'false')
    """
    return [sys.executable, "-m", "streamlit", "run", str(SERVER),
            "--server.address", "127.0.0.1",
            "--server.port", str(port),
            "--server.headless", "true",
            "--browser.gatherUsageStats", "false",
            "--server.fileWatcherType", "none",
            "--server.runOnSave", "false",
            "--client.toolbarMode", "viewer",
            "--global.developmentMode", "false"]


def cmd_dashboard(args: argparse.Namespace) -> int:
    warehouse = _warehouse(args)
    if not (warehouse / DB_NAME).exists():
        print(f"minutes: no warehouse at {warehouse} yet; the dashboard will show it once one is published",
              file=sys.stderr)
    print(f"minutes: dashboard of {warehouse} at http://127.0.0.1:{args.port} (Ctrl-C stops it)", flush=True)
    env = {**os.environ, ENV_WAREHOUSE: str(warehouse), "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false"}
    # Replace this process with the server, so stopping `minutes dashboard` stops the server.
    os.execve(sys.executable, streamlit_command(args.port), env)
    return 0  # not reached


def cmd_export(args: argparse.Namespace) -> int:
    from dashboard.data import WarehouseMissing
    from dashboard.export import export_to_uri, export_warehouse

    warehouse = _warehouse(args)
    try:
        if "://" in args.out:  # object storage (s3://, gs://, ...) through pyarrow's filesystems
            names = [f.rsplit("/", 1)[-1] for f in export_to_uri(warehouse, args.out, args.format)]
            where = args.out
        else:
            names = [f.name for f in export_warehouse(warehouse, Path(args.out), args.format)]
            where = str(Path(args.out).absolute())
    except WarehouseMissing as exc:
        print(f"minutes: {exc}", file=sys.stderr)
        return 2
    print(f"wrote {len(names)} {args.format} files to {where}")
    for name in names:
        print(f"  {name}")
    return 0


def add_commands(subparsers: argparse._SubParsersAction) -> None:
    """Register `dashboard` and `export` on the `minutes` command line."""
    dash = subparsers.add_parser("dashboard", help="serve the dashboard (Streamlit) on 127.0.0.1")
    dash.add_argument("--warehouse", help="warehouse folder (default: ./warehouse-out or $MINUTES_WAREHOUSE_DIR)")
    dash.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"port (default {DEFAULT_PORT})")
    dash.set_defaults(func=cmd_dashboard)
    exp = subparsers.add_parser("export", help="write every table and view as CSV or Parquet files")
    exp.add_argument("--format", choices=("csv", "parquet"), required=True)
    exp.add_argument("--warehouse", help="warehouse folder (default: ./warehouse-out or $MINUTES_WAREHOUSE_DIR)")
    exp.add_argument("--out", required=True, help="folder to write <table>.csv / <table>.parquet into, or an "
                     "object-storage URI such as s3://bucket/minutes (credentials from the environment)")
    exp.set_defaults(func=cmd_export)


def main(argv: list[str] | None = None) -> int:
    """``python -m dashboard.cli dashboard|export ...``: the same commands without flows/cli.py."""
    parser = argparse.ArgumentParser(prog="minutes")
    add_commands(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
