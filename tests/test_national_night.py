"""A simulated national night at small scale (the full one is bench/national.py): invented sites on
127.0.0.1, one down, one redirecting off host, two slow; the whole pipeline fetches, parses and
publishes, then reruns after one page changed."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.national import FETCH, render, simulate
from tests.conftest import table_rows

pytestmark = pytest.mark.slow


def test_first_night_then_a_rerun_with_one_changed_page(tmp_path: Path) -> None:
    fetch = FETCH | {"min_host_delay": 0.0, "max_concurrent_hosts": 4}
    sites, (first, rerun), changed = simulate(12, 5, tmp_path, change_share=0.02, slow_every=5,
                                              slow_delay=0.05, fetch=fetch, workers=1)
    reachable = [s for s in sites.sites if s is not sites.down and not s.redirect_listing]
    assert len(reachable) == 10 and sum(1 for s in sites.sites if s.delay) == 2
    down = f"127.0.0.1:{sites.ports[sites.down.name]}"

    assert first.outcomes == {"new": 50}
    assert first.traffic.conditional == 0 and first.traffic.full == first.traffic.requests - 1   # the redirect
    assert f"deferred to the next run: {down}" in first.runs_source

    assert len(changed) == 1
    assert rerun.outcomes == {"changed": 1, "not_modified": 49}
    assert rerun.parsed == 1                                  # only the changed page is parsed again
    robots = 11                                               # once per reachable host (and the redirecting one)
    assert rerun.traffic.requests - robots == rerun.traffic.conditional + 1
    assert [p.split("/", 1)[1].split("?")[0] for p in rerun.traffic.unconditional_pages] == [
        "mgWebService.asmx/GetMeetings"]                      # the listing that redirects: nothing archived
    assert rerun.traffic.full == robots + 1 and rerun.traffic.not_modified == rerun.traffic.requests - robots - 2
    assert f"deferred to the next run: {down}" in rerun.runs_source

    runs = table_rows(tmp_path / "warehouse" / "minutes.duckdb", "SELECT source, outcome FROM runs ORDER BY run_id")
    assert len(runs) == 2 and all(f"deferred to the next run: {down}" in src for src, _ in runs)
    quarantined = table_rows(tmp_path / "warehouse" / "minutes.duckdb",
                             "SELECT check_name FROM quarantine WHERE stage = 'fetch' ORDER BY check_name")
    assert [q for (q,) in quarantined] == ["host_deferred", "redirect_off_host"]

    section = render(sites, [first, rerun], fetch)
    assert "| next night (1 pages changed) |" in section and "Pages parsed on the rerun: 1" in section
