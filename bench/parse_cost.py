"""CPU cost of extracting and parsing documents, in one process, measured deterministically.

    .venv/bin/python bench/parse_cost.py DIR [DIR ...] [--repeat 5] [--root CHECKOUT] [--profile]

Wall-clock runs of the whole pipeline (bench/run.py) vary by a third on a shared 2-CPU machine;
this measures only what a document costs to read: the pipeline's own extract and normalise
stage functions (``flows.stages.extract_batch`` / ``normalise_batch``) over every file under the
folders, in batches, timed with ``time.process_time`` (CPU seconds of this process; the PDF
sandbox worker's CPU is shown beside it), best of ``--repeat`` passes. A detail pass then splits
the parse into choosing the layout, the layout's parse and the fact rows.

``--root`` (default: the current folder when it is a checkout, else this file's) is put first
on ``sys.path``, so the same script measures an older checkout with this one's virtualenv::

    cd /work/wt-base && /work/wt-perf/.venv/bin/python /work/wt-perf/bench/parse_cost.py DOCS

The modules measured are printed with their files. ``--profile`` adds a cProfile top 20.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import io
import json
import os
import pstats
import resource
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent.parent
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))

from bench.measure import proc_stats  # noqa: E402  (imported before --root reorders sys.path)

#: the pipeline's extract limits (flows.settings defaults); passed by name to extract_batch
MAX_BYTES, MAX_PDF_PAGES = 25 * 1024 * 1024, 500


def choose_root(given: str | None) -> Path:
    """The checkout to measure: ``given``, else the current folder when it holds the stages,
    else the checkout this script is in."""
    if given:
        return Path(given).resolve()
    cwd = Path.cwd().resolve()
    return cwd if (cwd / "flows" / "stages.py").exists() else HERE


def import_stages(root: Path) -> Any:
    """``flows.stages`` of ``root`` (put first on sys.path); refuses one imported from elsewhere."""
    sys.path[:] = [str(root)] + [p for p in sys.path if Path(p or ".").resolve() != root]
    import flows.stages as stages

    if not Path(stages.__file__).resolve().is_relative_to(root):
        raise SystemExit(f"flows.stages came from {stages.__file__}, not from {root}")
    return stages


_TICK = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def _children_cpu() -> float:
    """CPU seconds of this process's children: those waited for, and those still running (the
    long-lived PDF sandbox worker), read from /proc (0 for running ones where it is absent)."""
    done = resource.getrusage(resource.RUSAGE_CHILDREN)
    running = 0
    me = os.getpid()
    for _pid, fields in proc_stats():
        if int(fields[1]) == me:
            running += int(fields[11]) + int(fields[12])  # utime, stime in clock ticks
    return done.ru_utime + done.ru_stime + running / _TICK


def _batches(items: list, size: int) -> list[list]:
    return [items[i:i + size] for i in range(0, len(items), size)]


def one_pass(stages: Any, files: list, batch_size: int) -> dict[str, Any]:
    """Extract and parse every file once; CPU seconds per stage and what came out."""
    extract = normalise = 0.0
    texts = loaded = 0
    clock = time.process_time
    sandbox = _children_cpu()
    for number, chunk in enumerate(_batches(files, batch_size)):
        t0 = clock()
        batch = stages.extract_batch(number, chunk, max_bytes=MAX_BYTES, max_pdf_pages=MAX_PDF_PAGES)
        t1 = clock()
        texts += len(batch.texts)
        batch = stages.normalise_batch(batch)
        t2 = clock()
        extract, normalise = extract + t1 - t0, normalise + t2 - t1
        loaded += sum(1 for r in batch.records.values() if r.meeting_id)
    sandbox = _children_cpu() - sandbox
    return {"extract": extract, "normalise": normalise, "total": extract + normalise, "pdf_worker": sandbox,
            "texts": texts, "parsed": loaded}


def detail_pass(stages: Any, files: list, batch_size: int) -> dict[str, float]:
    """CPU seconds of the parse's parts: choosing the layout, its parse, the fact rows."""
    parts = {"choose_adapter": 0.0, "layout_parse": 0.0, "fact_rows": 0.0}
    clock = time.process_time
    for number, chunk in enumerate(_batches(files, batch_size)):
        batch = stages.extract_batch(number, chunk, max_bytes=MAX_BYTES, max_pdf_pages=MAX_PDF_PAGES)
        for document_id in sorted(batch.texts):
            if getattr(batch.records[document_id], "document_kind", None) == "listing":
                continue  # normalise_batch skips these where the kind exists
            clean = batch.texts[document_id]
            t0 = clock()
            layout = stages.choose_adapter(clean.text)
            t1 = clock()
            try:
                parsed = layout.parse(clean)
                t2 = clock()
                stages.fact_rows(clean, parsed)
            except Exception:  # noqa: BLE001 - normalise_batch quarantines these; only time here
                t2 = clock()
            t3 = clock()
            parts["choose_adapter"] += t1 - t0
            parts["layout_parse"] += t2 - t1
            parts["fact_rows"] += t3 - t2
    return parts


def measure(stages: Any, files: list, repeat: int, batch_size: int) -> dict[str, Any]:
    """Best-of-``repeat`` CPU seconds per stage (each stage's best, and the best total)."""
    passes = []
    for _ in range(max(1, repeat)):
        gc.collect()
        passes.append(one_pass(stages, files, batch_size))
    best = {k: min(p[k] for p in passes) for k in ("extract", "normalise", "total", "pdf_worker")}
    return {**best, "texts": passes[0]["texts"], "parsed": passes[0]["parsed"],
            "totals": [round(p["total"], 4) for p in passes]}


def profile(run: Callable[[], Any], top: int = 20, sort: str = "tottime") -> str:
    prof = cProfile.Profile()
    prof.runcall(run)
    out = io.StringIO()
    pstats.Stats(prof, stream=out).sort_stats(sort).print_stats(top)
    return out.getvalue()


def report(result: dict[str, Any], detail: dict[str, float] | None, n: int) -> str:
    def ms(seconds: float) -> str:
        return f"{1000 * seconds / max(n, 1):.3f}"

    lines = [f"documents: {n} (extracted {result['texts']}, parsed to a meeting {result['parsed']})",
             f"CPU ms per document (best of {len(result['totals'])}): extract {ms(result['extract'])}"
             f"  normalise {ms(result['normalise'])}  total {ms(result['total'])}"
             f"  (besides: PDF worker process {ms(result['pdf_worker'])})",
             f"total CPU s per pass: {', '.join(f'{t:.3f}' for t in result['totals'])}"]
    if detail:
        lines.append("normalise parts, CPU ms per document (one pass): "
                     + "  ".join(f"{k} {ms(v)}" for k, v in detail.items()))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folders", nargs="+", help="folders of documents (every file under them)")
    ap.add_argument("--root", help="the checkout to measure (default: the current folder if it is one)")
    ap.add_argument("--repeat", type=int, default=5, help="passes; the best is reported (default 5)")
    ap.add_argument("--batch-size", type=int, default=500, help="documents per extract/normalise call")
    ap.add_argument("--no-detail", action="store_true", help="skip the pass that splits the parse")
    ap.add_argument("--profile", action="store_true", help="print a cProfile top 20 of one more pass")
    ap.add_argument("--sort", default="tottime", help="cProfile sort key (default tottime)")
    ap.add_argument("--json", help="also write the figures as JSON here")
    a = ap.parse_args(argv)
    root = choose_root(a.root)
    stages = import_stages(root)
    import transforms

    print(f"measuring {root}: flows.stages from {stages.__file__}, transforms from {transforms.__file__}")
    paths = [p for folder in a.folders for p in stages.discover(Path(folder))]
    files = stages.scan_sources(paths)
    stages.normalise_batch(stages.extract_batch(0, files[:20], max_bytes=MAX_BYTES,
                                                max_pdf_pages=MAX_PDF_PAGES))  # warm: tables, models
    result = measure(stages, files, a.repeat, a.batch_size)
    detail = None if a.no_detail else detail_pass(stages, files, a.batch_size)
    print(report(result, detail, len(files)))
    if a.profile:
        print(profile(lambda: one_pass(stages, files, a.batch_size), sort=a.sort))
    if a.json:
        n = max(len(files), 1)
        Path(a.json).write_text(json.dumps(
            {"root": str(root), "documents": len(files), **result,
             "ms_per_document": {k: 1000 * result[k] / n for k in ("extract", "normalise", "total", "pdf_worker")},
             "detail_ms_per_document": {k: 1000 * v / n for k, v in (detail or {}).items()}}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
