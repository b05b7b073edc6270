"""Tables and targets of a benchmark run, as text for the terminal and Markdown for
``docs/benchmarks.md``.

    >>> r = SizeResult(30, 0.1, {"plain": Measured([], 0, 2.0, 150.0, "", "")}, None)
    >>> run_rows([r])[0][:6]
    ['30', 'plain loop', '2.0', '15', '150', '0']
"""

from __future__ import annotations

from dataclasses import dataclass

from bench.measure import Measured

RUN_COLUMNS = ["documents", "run", "wall s", "docs/s", "peak MB (largest process)", "peak MB (all processes)",
               "extract s", "normalise s", "load s", "exit", "runs (range s)", "peak MB (all, RSS summed)"]
ENTITIES = ["meeting", "attendance", "agenda_items", "actions", "action_updates", "decisions"]
SCORE_COLUMNS = ["documents", *ENTITIES, "owner accuracy"]
MODE_NAMES = {"prefect": "Prefect flow, temporary server", "prefect-server": "Prefect flow, running server",
              "prefect-warm": "Prefect flow, temporary server, earlier run's database",
              "plain": "plain loop", "rerun": "no-change rerun"}
FLOW_MODES = ("prefect-server", "prefect-warm", "prefect")


@dataclass
class SizeResult:
    size: int
    generate_seconds: float
    runs: dict[str, Measured]
    scores: dict | None  # score.py's --json report

    def overhead(self, mode: str = "prefect-server") -> float | None:
        if mode in self.runs and "plain" in self.runs and self.runs["plain"].seconds > 0:
            return self.runs[mode].seconds / self.runs["plain"].seconds
        return None

    def peak_mb(self) -> float | None:
        """The most memory a run held, all its processes together (the largest single process
        where the tree could not be sampled)."""
        return max((max(m.peak_tree_mb, m.peak_mb) for m in self.runs.values()), default=None)


def run_rows(results: list[SizeResult]) -> list[list[str]]:
    rows = []
    for r in results:
        for mode, m in r.runs.items():
            stages = m.stages
            rows.append([str(r.size), MODE_NAMES.get(mode, mode), f"{m.seconds:.1f}",
                         f"{r.size / m.seconds:.0f}" if m.seconds else "-", f"{m.peak_mb:.0f}",
                         f"{m.peak_tree_mb:.0f}",
                         *[f"{stages[s]:.1f}" if s in stages else "-" for s in ("extract", "normalise", "load")],
                         str(m.returncode), _spread(m), f"{m.peak_tree_rss_mb:.0f}"])
    return rows


def _spread(m: Measured) -> str:
    """"3 (41.2-44.0)": how many runs the row is the median of, and their range."""
    if len(m.all_seconds) < 2:
        return "1"
    return f"{len(m.all_seconds)} ({min(m.all_seconds):.1f}-{max(m.all_seconds):.1f})"


def score_rows(results: list[SizeResult]) -> list[list[str]]:
    rows = []
    for r in results:
        if not r.scores:
            continue
        cells = [f"{r.scores['meeting']['field_accuracy']:.3f}"]
        cells += [f"{r.scores[e]['f1']:.3f}" for e in ENTITIES[1:]]
        owner = r.scores["actions"].get("attributes", {}).get("owner")
        rows.append([str(r.size), *cells, f"{owner:.3f}" if owner is not None else "-"])
    return rows


def target_rows(results: list[SizeResult], big: int = 10_000, small: int = 1_000) -> list[list[str]]:
    """Each target the project must meet, the measured value and PASS/FAIL ("not measured" when
    the run needed was not made)."""
    by_size = {r.size: r for r in results}
    b, s = by_size.get(big), by_size.get(small)

    def secs(r, mode):
        return r.runs[mode].seconds if r and mode in r.runs else None

    checks = []
    for mode in FLOW_MODES:
        label = MODE_NAMES[mode]
        checks += [
            (f"{big:,} documents end to end ({label}) < 60 s", secs(b, mode), lambda v: v < 60, "{:.1f} s"),
            (f"orchestration overhead ({label} / plain loop) <= 1.3 at {big:,}",
             b.overhead(mode) if b else None, lambda v: v <= 1.3, "{:.2f}"),
        ]
    checks += [
        (f"no-change rerun of {big:,} < 5 s", secs(b, "rerun"), lambda v: v < 5, "{:.1f} s"),
        (f"peak memory at {big:,} < 1 GB", b.peak_mb() if b else None, lambda v: v < 1024, "{:.0f} MB"),
        (f"peak memory at {big:,} < 1.5x the figure at {small:,}",
         b.peak_mb() / s.peak_mb() if b and s and b.peak_mb() and s.peak_mb() else None,
         lambda v: v < 1.5, "{:.2f}x"),
    ]
    return [[name, fmt.format(v) if v is not None else "not measured",
             ("PASS" if ok(v) else "FAIL") if v is not None else "-"] for name, v, ok, fmt in checks]


def text_table(columns: list[str], rows: list[list[str]]) -> str:
    widths = [max(len(c), *(len(r[i]) for r in rows)) if rows else len(c) for i, c in enumerate(columns)]
    line = lambda cells: "  ".join(c.rjust(w) if i else c.ljust(w)  # noqa: E731
                                   for i, (c, w) in enumerate(zip(cells, widths, strict=True)))
    return "\n".join([line(columns), line(["-" * w for w in widths]), *(line(r) for r in rows)])


def markdown_table(columns: list[str], rows: list[list[str]]) -> str:
    out = ["| " + " | ".join(columns) + " |", "|" + "|".join("---" for _ in columns) + "|"]
    return "\n".join(out + ["| " + " | ".join(r) + " |" for r in rows])


def overhead_lines(results: list[SizeResult]) -> list[str]:
    lines = []
    for mode in FLOW_MODES:
        found = [f"{r.size:,}: {r.overhead(mode):.2f}" for r in results if r.overhead(mode) is not None]
        if found:
            lines.append(f"overhead ratio ({MODE_NAMES[mode]} / plain loop): " + ", ".join(found))
    return lines


def render_text(results: list[SizeResult]) -> str:
    parts = [text_table(RUN_COLUMNS, run_rows(results))]
    parts += overhead_lines(results)
    if score_rows(results):
        parts += ["", "accuracy (score.py F1; meeting = field accuracy)",
                  text_table(SCORE_COLUMNS, score_rows(results))]
    parts += ["", text_table(["target", "measured", "result"], target_rows(results))]
    return "\n".join(parts)


def render_markdown(results: list[SizeResult], machine: str, command: str, when: str) -> str:
    gen = ", ".join(f"{r.size:,} in {r.generate_seconds:.1f} s" for r in results)
    parts = [
        "# Benchmarks", "",
        "Generated corpora (`minutes sample-corpus`, fixed seed) run through the pipeline in child "
        "processes. Peak memory: see *How it is measured* below. Per-stage seconds appear "
        "when `minutes run` prints a `stage seconds:` line.", "",
        f"- Date: {when}", f"- Machine: {machine}", f"- Command: `{command}`", f"- Corpus generation: {gen}", "",
        "## Runs", "", markdown_table(RUN_COLUMNS, run_rows(results)), "",
    ]
    if overhead_lines(results):
        parts += [f"- {line}" for line in overhead_lines(results)] + [""]
    if score_rows(results):
        parts += ["## Accuracy on the generated corpus", "",
                  "`../shared/eval/score.py` against the generated gold labels (F1; meeting = field accuracy).",
                  "", markdown_table(SCORE_COLUMNS, score_rows(results)), ""]
    parts += ["## Targets", "", markdown_table(["target", "measured", "result"], target_rows(results)), ""]
    return "\n".join(parts + NOTES)


NOTES = [
    "## How it is measured", "",
    "- *Prefect flow, temporary server*: `minutes run --source DOCS --warehouse W --state S` (quality "
    "gates on) with no Prefect server configured, on a new state folder: Prefect starts a temporary "
    "server and creates its database, the cold start a first-time user gets.",
    "- *Prefect flow, temporary server, earlier run's database*: the same command on a state folder "
    "where an earlier `minutes run` (the bundled samples, not timed) left Prefect's database: the "
    "temporary server starts without creating it, as on every run after the first without a standing "
    "server.",
    "- *Prefect flow, running server*: the same command with `PREFECT_API_URL` set to a local "
    "`prefect server start` that is already up, as in nightly operation (`minutes serve`, `prefect.yaml`).",
    "- *plain loop*: `minutes run --plain ...`, the same extract/normalise/load functions and quality "
    "gates in a plain loop, without Prefect (with the same worker processes).",
    "- *no-change rerun*: the flow command again on the same folder and warehouse.",
    "- *runs (range s)*: with `--repeat N` each mode runs N times (each on a new warehouse and state "
    "folder; this machine's timings vary by several seconds from run to run); the row shows the run of "
    "median wall time and the range of all N. Memory columns show the highest of the N runs.",
    "- Overhead ratio = Prefect flow wall time / plain loop wall time.",
    "- Peak memory: largest process = `ru_maxrss` of the child from `os.wait4`; all processes = the "
    "most the run's process tree (main process, worker processes and their PDF sandboxes, a temporary "
    "Prefect server) held at once, sampled from /proc every 0.1 s as proportional set size (PSS, "
    "`/proc/PID/smaps_rollup`: a page shared by n processes counts 1/n in each, so the sum is the "
    "memory the tree occupies). *RSS summed* adds resident sizes instead, counting shared pages (the "
    "Python binary, libraries) once per process: it overstates, and is shown for comparison. "
    "Targets use the PSS figure. The sampling runs beside the measured run and costs it some CPU "
    "(reading `smaps_rollup` walks each process's page tables): on this 2-core machine the 10,000 "
    "runs were about 2 s slower than with resident sizes alone, so the wall times are if anything high.",
    "- Accuracy: the plain loop's warehouse scored by `../shared/eval/score.py` against the labels "
    "`minutes sample-corpus` wrote (documents the gates quarantine count as misses).",
    "- Reproduce: `.venv/bin/python bench/run.py --sizes 1000,10000 --repeat 3` "
    "(`--modes plain` for a quick look, `--work DIR` to keep corpora and warehouses).", "",
]
