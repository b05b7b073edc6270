"""The ``minutes sample-corpus`` command (``flows/cli.py`` calls ``add_commands``).

    minutes sample-corpus --n 1000 --out /tmp/corpus --seed 7
"""

from __future__ import annotations

import argparse
from pathlib import Path


def cmd_sample_corpus(args: argparse.Namespace) -> int:
    from samplegen.corpus import write_corpus

    info = write_corpus(args.n, Path(args.out), args.seed)
    layouts = ", ".join(f"{k} {v}" for k, v in sorted(info.by_layout.items()))
    formats = ", ".join(f".{k} {v}" for k, v in sorted(info.by_format.items()))
    print(f"wrote {info.documents} documents ({layouts}; {formats}) from {info.bodies} bodies "
          f"in {info.seconds:.1f} s")
    print(f"documents: {info.docs_dir}")
    print(f"labels:    {info.gold_dir}")
    return 0


def add_commands(subparsers: argparse._SubParsersAction) -> None:
    """Register ``sample-corpus`` on the ``minutes`` command's subparsers."""
    p = subparsers.add_parser("sample-corpus", help="write an invented corpus of minutes with gold labels")
    p.add_argument("--n", type=int, default=100, help="number of documents (default 100)")
    p.add_argument("--out", required=True, help="folder to write docs/ and gold/ into")
    p.add_argument("--seed", type=int, default=0, help="random seed (same seed, same bytes)")
    p.set_defaults(func=cmd_sample_corpus)


def main(argv: list[str] | None = None) -> int:
    """Run the command on its own: ``python -m samplegen.cli --n 50 --out DIR``."""
    ap = argparse.ArgumentParser(prog="minutes")
    add_commands(ap.add_subparsers(dest="command"))
    args = ap.parse_args(["sample-corpus", *(argv if argv is not None else __import__("sys").argv[1:])])
    return args.func(args)


if __name__ == "__main__":
    raise SystemExit(main())
