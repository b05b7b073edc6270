"""Write an invented corpus of minutes with its gold labels, one document at a time.

The corpus is a set of forces, each with a chief officers' board, a commissioner's board and a
police and crime panel; each body meets on its own calendar with a cast that changes slowly.
Documents are dealt round-robin across the bodies, so any prefix of the stream is a fair mix,
and each body's meetings come in date order (actions raised in one are reported on later).
Nothing but the bodies' small state is held in memory.

    >>> import tempfile
    >>> info = write_corpus(6, tempfile.mkdtemp(), seed=1)
    >>> info.documents, sorted(info.by_layout)
    (6, ['kent_board', 'moderngov', 'pcc_notes'])
"""

from __future__ import annotations

import random
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from samplegen.labels import write_gold
from samplegen.layouts import Written
from samplegen.layouts.kent_board import KentBoardSeries
from samplegen.layouts.moderngov import PanelSeries
from samplegen.layouts.pcc_notes import PccNotesSeries
from samplegen.pdf import text_pdf
from samplegen.phrases import COMPASS, PLACE_ENDS, PLACE_STEMS

LAYOUTS = ("kent_board", "pcc_notes", "moderngov")
PDF_SHARE = 0.05
HTML_BOARD_SHARE = 0.2
FRAGMENT_SHARE = 0.05
CUT_SHARE = 0.04
FIRST_YEAR = date(2011, 1, 4)
#: commissioners (and their boards) start with the first elections
FIRST_PCC_BOARD = date(2013, 1, 9)
_OWNED_SUFFIXES = {".txt", ".html", ".pdf", ".json"}


@dataclass
class CorpusInfo:
    """What ``write_corpus`` wrote."""

    out: Path
    seed: int
    documents: int = 0
    bodies: int = 0
    seconds: float = 0.0
    by_layout: Counter = field(default_factory=Counter)
    by_format: Counter = field(default_factory=Counter)

    @property
    def docs_dir(self) -> Path:
        return self.out / "docs"

    @property
    def gold_dir(self) -> Path:
        return self.out / "gold"


def docs_per_body(n: int) -> int:
    """Meetings per body: a few for small corpora (so every layout shows), up to 60 for large."""
    return max(4, min(60, n // 10))


def force_names(count: int, rng: random.Random) -> list[str]:
    """``count`` distinct invented force-area names ("North Ashmoor", "Glenvale")."""
    pool = [f"{c}{s}{e}" for c in COMPASS for s in PLACE_STEMS for e in PLACE_ENDS]
    rng.shuffle(pool)
    return [pool[i % len(pool)] + (f" {i // len(pool) + 1}" if i >= len(pool) else "") for i in range(count)]


def _new_series(index: int, force: str, seed: int, fragments: set[str]):
    rng = random.Random(f"{seed}:body:{index}")
    slug = force.lower().replace(" ", "-")
    layout = LAYOUTS[index % len(LAYOUTS)]
    start = FIRST_YEAR + timedelta(days=rng.randint(0, 3 * 365))
    if layout == "kent_board":
        return layout, KentBoardSeries(force, slug, rng, start + timedelta(days=(1 - start.weekday()) % 7))
    if layout == "pcc_notes":
        start = FIRST_PCC_BOARD + (start - FIRST_YEAR)
        return layout, PccNotesSeries(force, slug, rng, start + timedelta(days=(2 - start.weekday()) % 7))
    return layout, PanelSeries(force, slug, rng, start, fragments)


def _next(layout: str, series, rng: random.Random) -> Written:
    if layout == "moderngov":
        return series.next_document(rng, fragment=rng.random() < FRAGMENT_SHARE)
    pdf = rng.random() < PDF_SHARE
    if layout == "kent_board":
        html = not pdf and rng.random() < HTML_BOARD_SHARE
        return series.next_document(rng, as_html=html, as_pdf=pdf, cut=not html and rng.random() < CUT_SHARE)
    return series.next_document(rng, as_html=False, as_pdf=pdf)


def _clear(folder: Path) -> None:
    """Remove the documents and labels an earlier run wrote here (nothing else)."""
    folder.mkdir(parents=True, exist_ok=True)
    for path in folder.iterdir():
        if path.is_file() and path.suffix in _OWNED_SUFFIXES:
            path.unlink()


def write_corpus(n: int, out: Path | str, seed: int = 0) -> CorpusInfo:
    """Write ``n`` documents to ``out/docs/`` and their labels to ``out/gold/``.

    The same ``n`` and ``seed`` give byte-identical files. Earlier documents and labels in
    those two folders are removed first.
    """
    began = time.perf_counter()
    info = CorpusInfo(Path(out), seed)
    _clear(info.docs_dir)
    _clear(info.gold_dir)
    bodies = max(min(n, len(LAYOUTS)), -(-n // docs_per_body(n)))  # every layout, even when tiny
    forces = force_names(-(-bodies // len(LAYOUTS)), random.Random(f"{seed}:forces"))
    fragments: set[str] = set()  # texts of the bare fragments written (a few per cent of panels)
    series = [_new_series(i, forces[i // len(LAYOUTS)], seed, fragments) for i in range(bodies)]
    meetings = [0] * bodies
    for i in range(n):
        b = i % bodies
        layout, body = series[b]
        written = _next(layout, body, random.Random(f"{seed}:doc:{b}:{meetings[b]}"))
        meetings[b] += 1
        _write(written, info.docs_dir)
        write_gold(written.gold, info.gold_dir)
        info.by_layout[layout] += 1
        info.by_format[Path(written.name).suffix.lstrip(".")] += 1
    info.documents, info.bodies = n, bodies
    info.seconds = time.perf_counter() - began
    return info


def _write(written: Written, docs_dir: Path) -> None:
    path = docs_dir / written.name
    if written.pdf:
        path.write_bytes(text_pdf(written.content.splitlines()))
    else:
        path.write_text(written.content, encoding="utf-8")
