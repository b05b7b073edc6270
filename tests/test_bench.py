"""The benchmark script: a tiny run reports a table with the right columns and numbers."""

from __future__ import annotations

import re
import sys

import pytest

from bench.measure import Measured, run_measured, stage_seconds
from bench.report import RUN_COLUMNS, SCORE_COLUMNS, SizeResult, markdown_table, run_rows, target_rows
from bench.run import main, median_run, run_benchmark


def test_run_measured_reports_time_memory_and_exit():
    m = run_measured([sys.executable, "-c", "x = bytearray(60_000_000); print('ok')"])
    assert m.returncode == 0 and m.stdout.strip() == "ok"
    assert m.peak_mb >= 60 and m.seconds > 0


def test_tree_memory_counts_child_processes(tmp_path):
    script = ("import multiprocessing as mp, time\n"
              "def hold(ready):\n    x = bytearray(150_000_000); ready.wait(); time.sleep(2)\n"
              "if __name__ == '__main__':\n"
              "    ctx = mp.get_context('spawn'); ready = ctx.Barrier(2)\n"
              "    ps = [ctx.Process(target=hold, args=(ready,)) for _ in range(2)]\n"
              "    [p.start() for p in ps]; [p.join() for p in ps]\n")
    (tmp_path / "hold.py").write_text(script)
    m = run_measured([sys.executable, str(tmp_path / "hold.py")])
    assert m.returncode == 0, m.stderr
    assert m.peak_tree_mb >= 300  # two children of 150 MB at once, counted together (PSS)
    # the RSS sum counts the interpreter's shared pages in each of the three processes as well
    assert m.peak_tree_rss_mb >= m.peak_tree_mb


def test_stage_seconds_absent_is_empty():
    assert stage_seconds("Done in 3.0 s.") == {}


def test_repeated_runs_report_the_median_time_and_the_highest_memory():
    runs = [Measured(["x"], 0, secs, mb, "", "", tree) for secs, mb, tree in
            ((44.0, 500, 900), (40.5, 520, 700), (41.2, 480, 800))]
    m = median_run(runs)
    assert (m.seconds, m.peak_mb, m.peak_tree_mb) == (41.2, 520, 900)
    assert run_rows([SizeResult(10, 0.1, {"plain": m}, None)])[0][-2] == "3 (40.5-44.0)"
    assert median_run(runs[:2]).seconds == 40.5  # an even count: the lower middle run


def test_markdown_table_shape():
    table = markdown_table(["a", "b"], [["1", "2"]])
    assert table.splitlines() == ["| a | b |", "|---|---|", "| 1 | 2 |"]


@pytest.mark.slow
def test_tiny_benchmark_reports_its_table(tmp_path, capsys):
    results = run_benchmark([30], ["plain"], tmp_path, with_score=False, progress=lambda s: None)
    rows = run_rows(results)
    assert len(rows) == 1 and len(rows[0]) == len(RUN_COLUMNS)
    size, mode, wall, rate, peak, peak_tree, *stages, exit_code, runs, rss_sum = rows[0]
    assert (size, mode, exit_code, runs) == ("30", "plain loop", "0", "1")
    for number in (wall, rate, peak, peak_tree, rss_sum):
        assert float(number) > 0
    # the whole tree, by resident size, holds at least its largest process (ru_maxrss is resident
    # size too); by PSS, shared pages are split among the processes, so it is at most the RSS sum
    assert float(rss_sum) >= float(peak) * 0.9
    assert float(peak_tree) <= float(rss_sum)
    assert all(s == "-" or float(s) >= 0 for s in stages)
    targets = target_rows(results)
    assert [t[2] for t in targets] == ["-"] * 9  # nothing at 10,000 measured


@pytest.mark.slow
def test_script_writes_markdown(tmp_path, capsys):
    out = tmp_path / "bench.md"
    assert main(["--sizes", "20", "--modes", "plain", "--out", str(out), "--work", str(tmp_path / "w")]) == 0
    text = out.read_text()
    assert "| " + " | ".join(RUN_COLUMNS) + " |" in text
    assert re.search(r"\| 20 \| plain loop \| [0-9.]+ \| [0-9]+ \| [0-9]+ \| [0-9]+ \|", text)
    assert "Machine:" in text and "Python" in text and "## Targets" in text
    if "## Accuracy" in text:
        assert "| " + " | ".join(SCORE_COLUMNS) + " |" in text
    assert "plain loop" in capsys.readouterr().out


def test_parse_cost_reports_cpu_per_document(tmp_path, capsys):
    import json

    from bench.parse_cost import main as parse_cost
    from samplegen.corpus import write_corpus

    info = write_corpus(12, tmp_path / "corpus", seed=5)
    out_json = tmp_path / "cost.json"
    assert parse_cost([str(info.docs_dir), "--repeat", "2", "--json", str(out_json)]) == 0
    out = capsys.readouterr().out
    assert "flows.stages from" in out and "documents: 12 " in out
    m = re.search(r"extract ([0-9.]+)\s+normalise ([0-9.]+)\s+total ([0-9.]+)", out)
    assert m and all(float(v) > 0 for v in m.groups())
    figures = json.loads(out_json.read_text())
    assert figures["documents"] == 12 and figures["ms_per_document"]["total"] > 0
    assert figures["parsed"] > 0 and len(figures["totals"]) == 2
