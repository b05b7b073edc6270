"""Worker processes that extracted PDFs (through the PDF sandbox's own child process) shut down.

Before the fix a pipeline worker waited at exit for its sandbox child, which waited for work
forever: a run with --workers 2 and PDFs in the source hung after its last batch."""

from __future__ import annotations

import subprocess
import sys
import textwrap

from flows.settings import SAMPLES_DIR

SCRIPT = textwrap.dedent("""
    import shutil, sys, tempfile
    from pathlib import Path
    from flows.parallel import WorkerPool
    from flows.stages import scan_sources

    pdf = Path(sys.argv[1])
    tmp = Path(tempfile.mkdtemp())
    for i in range(60):
        shutil.copy(pdf, tmp / f"{i:02d}.pdf")
    files = scan_sources(sorted(tmp.iterdir()))
    pool = WorkerPool(2)
    batch = pool.extract(0, files, max_bytes=10_000_000, max_pdf_pages=50)
    pool.close()
    print(len(batch.records), len(batch.texts), len(batch.quarantine))
""")


def test_workers_that_extracted_pdfs_shut_down(tmp_path):
    pdf = SAMPLES_DIR / "kent-board-2026-02-03.pdf"
    done = subprocess.run([sys.executable, "-c", SCRIPT, str(pdf)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    # 60 copies of the same bytes are one document, extracted once
    assert done.stdout.split() == ["1", "1", "0"]
