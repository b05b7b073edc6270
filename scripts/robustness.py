"""Developer tool: how the parsers hold when the same pages arrive in another shape.

Unseen publishers, many of them PDFs turned into text, state the same things with different
line breaking and page furniture. This rewrites every labelled page in a few such ways,
builds a warehouse from each rewritten folder with the plain loop (no quality gates) and
scores it against the unchanged labels with ``../shared/eval/score.py``. A large drop under a
rewrite points at a rule that leans on line layout rather than on the shape of what is said.

    .venv/bin/python scripts/robustness.py [--shared ../shared] [--set corpus] [--only wrap,join]

Rewrites (each keeps every word of the page, in order):
- ``none``: the page as it is (the reference row);
- ``wrap``: long lines hard-wrapped at a width of 50 to 70 characters, a little ragged, as a
  PDF's text column in a proportional font is;
- ``furniture``: a running header and a "Page N of M" footer every 12 lines, as PDF text has;
- ``spaces``: every line indented and each tab or run of spaces widened to eight spaces, as
  layout-preserving PDF-to-text output gives;
- ``join``: the line breaks inside each block (between blank lines) replaced by spaces, the
  worst case of text with no line breaks.
"""

from __future__ import annotations

import argparse
import random
import re
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from flows.pipeline import run_plain  # noqa: E402
from flows.settings import Settings  # noqa: E402

FURNITURE_EVERY = 12


def wrap(text: str) -> str:
    """Long lines hard-wrapped at a width between 50 and 70 characters, the same for one page
    (a PDF's text column), a little ragged from line to line (a proportional font)."""
    rng = random.Random(len(text))
    width = rng.randint(50, 70)
    out: list[str] = []
    for line in text.split("\n"):
        if len(line) <= width or "|" in line:  # a table row is a web page's, not a PDF's
            out.append(line)
            continue
        words, current = line.split(), ""
        for word in words:
            limit = width - rng.randint(0, width // 8)
            if current and len(current) + 1 + len(word) > limit:
                out.append(current)
                current = word
            else:
                current = f"{current} {word}" if current else word
        if current:
            out.append(current)
    return "\n".join(out)


def furniture(text: str) -> str:
    lines = text.split("\n")
    pages = len(lines) // FURNITURE_EVERY + 1
    out: list[str] = []
    for i, line in enumerate(lines):
        if i and i % FURNITURE_EVERY == 0:
            n = i // FURNITURE_EVERY
            out += ["", f"Page {n} of {pages}", "", "OFFICIAL", ""]
        out.append(line)
    return "\n".join(out)


def spaces(text: str) -> str:
    return "\n".join(("    " + re.sub(r"[ \t]{2,}|\t", lambda m: " " * 8, line)) if line.strip() else line
                     for line in text.split("\n"))


def join(text: str) -> str:
    """The lines of each block run together; table rows ("a | b |", a web page's) stay lines."""
    out: list[str] = []
    for block in re.split(r"\n[ \t]*\n", text):
        lines: list[str] = []
        for part in (p.strip() for p in block.split("\n")):
            if part and ("|" in part or not lines or "|" in lines[-1]):
                lines.append(part)
            elif part:
                lines[-1] += " " + part
        out.append("\n".join(lines))
    return "\n\n".join(out)


_LABEL = re.compile(r"^([ \t]*[A-Za-z][A-Za-z '’&/-]{1,40})(:)")
_HEADING = re.compile(r"^[ \t]*(?:\d{1,3}\.?[ \t]+)?[A-Z][A-Za-z'’&/ -]{2,50}$")


def capitals(text: str) -> str:
    """Labels ("Present:") and short heading lines in capitals, as many PDFs set them."""
    out = []
    for line in text.split("\n"):
        if _HEADING.match(line) and len(line.split()) <= 6:
            line = line.upper()
        else:
            line = _LABEL.sub(lambda m: m.group(1).upper() + m.group(2), line)
        out.append(line)
    return "\n".join(out)


REWRITES = {"none": lambda t: t, "wrap": wrap, "furniture": furniture, "spaces": spaces, "join": join,
            "capitals": capitals}


def score_line(report: str) -> dict[str, str]:
    """The F1 column (accuracy for meeting) of score.py's summary table, by entity."""
    figures: dict[str, str] = {}
    for line in report.splitlines():
        parts = line.split()
        if not parts:
            continue
        if parts[0] == "meeting" and len(parts) > 1:
            figures["meeting"] = parts[1]
        elif parts[0] in {"attendance", "agenda_items", "actions", "action_updates", "decisions"} and len(parts) >= 4:
            figures[parts[0]] = parts[3]
        elif line.startswith("overall mean F1"):
            m = re.search(r"mean F1 ([\d.]+), mean attribute accuracy ([\d.]+)", line)
            if m:
                figures["mean F1"], figures["attributes"] = m.groups()
    return figures


def run(shared: Path, name: str, rewrite: str, work: Path) -> dict[str, str]:
    src = work / rewrite / "docs"
    src.mkdir(parents=True)
    fn = REWRITES[rewrite]
    for page in sorted((shared / name).iterdir()):
        if page.is_file():
            text = page.read_text(encoding="utf-8", errors="replace")
            (src / page.name).write_text(fn(text), encoding="utf-8")
    summary = run_plain(Settings(source_dir=src, warehouse_dir=work / rewrite / "wh",
                                 state_dir=work / rewrite / "state"), with_checks=False)
    cmd = [sys.executable, str(shared / "eval" / "score.py"), str(summary.db_path), str(shared / "gold" / name),
           "--quiet"]
    return score_line(subprocess.run(cmd, capture_output=True, text=True, check=False).stdout)


_DESCRIPTIONS = {
    "none": "the page as it is (the reference row)",
    "wrap": "long lines hard-wrapped at one width of 50 to 70 characters a page, a little ragged (a PDF's "
            "text column in a proportional font); table rows are left alone",
    "furniture": "a page number, a protective marking and a running header every 12 lines (PDF page breaks)",
    "spaces": "every line indented and each tab or run of spaces widened to eight (layout-preserving "
              "PDF-to-text output)",
    "capitals": "labels (`Present:`) and short heading lines (`Apologies for Absence`) in capitals",
    "join": "the lines of each block run together into one (text with no line breaks); table rows stay rows",
}

COLUMNS = ["meeting", "attendance", "agenda_items", "actions", "action_updates", "decisions", "mean F1",
           "attributes"]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--set", default="corpus", help="seeds or corpus")
    ap.add_argument("--only", default=",".join(REWRITES), help="comma-separated rewrites")
    ap.add_argument("--work", help="keep the rewritten folders and warehouses here")
    ap.add_argument("--out", help="also write the table, with how it was made, to this Markdown file")
    a = ap.parse_args()
    shared = Path(a.shared)
    work = Path(a.work) if a.work else Path(tempfile.mkdtemp(prefix="robustness-"))
    table = ["| rewrite | " + " | ".join(COLUMNS) + " |", "|---" * (len(COLUMNS) + 1) + "|"]
    print("\n".join(table), flush=True)
    for rewrite in a.only.split(","):
        figures = run(shared, a.set, rewrite, work)
        table.append(f"| {rewrite} | " + " | ".join(figures.get(c, "-") for c in COLUMNS) + " |")
        print(table[-1], flush=True)
    if a.out:
        Path(a.out).write_text(
            "# Robustness: the labelled pages in other shapes\n\n"
            f"Generated by `scripts/robustness.py --set {a.set}` on {date.today().isoformat()}. "
            "Each labelled page is rewritten as text taken from a PDF would give it, the rewritten folder "
            "goes through the parsers (plain loop, no quality gates) and is scored against the same labels "
            "with `../shared/eval/score.py` (F1; meeting = field accuracy). The rewrites keep every word "
            "in order:\n\n" + "\n".join(f"- `{name}`: {what}" for name, what in _DESCRIPTIONS.items())
            + "\n\n" + "\n".join(table) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
