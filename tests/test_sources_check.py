"""The national source list, `minutes sources check` (offline on the shipped list and on bad
entries; online against fixture sites on 127.0.0.1) and the generated coverage table."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from flows.cli import main
from flows.fetch import ClientSettings, ModernGovSource, WebIndexSource, load_sources
from flows.fetch.check import check_file
from flows.fetch.coverage import TERRITORIAL_AREAS, coverage_markdown
from tests.fixtures.sites.site_server import SiteServer

ROOT = Path(__file__).resolve().parent.parent
FAST = ClientSettings(min_host_delay=0.0, retries=0, connect_timeout=2.0, read_timeout=2.0, trust_env=False)


def test_shipped_list_covers_every_territorial_panel_and_keeps_kent() -> None:
    sources = load_sources(ROOT / "sources.toml")
    panels = {s.area for s in sources if s.body_kind == "panel"}
    assert set(TERRITORIAL_AREAS) <= panels and len(TERRITORIAL_AREAS) == 41
    kinds = Counter(s.body_kind for s in sources)
    assert kinds["panel"] == 42 and kinds["commissioner_board"] >= 8 and kinds["force_board"] >= 2
    by_name = {s.name: s for s in sources}
    board = by_name["kent-police-chief-officers"]
    assert isinstance(board, WebIndexSource) and board.max_pages == 300 and board.index_url.startswith(
        "https://www.kent.police.uk/foi-ai/kent-police/how-we-make-decisions/chief-officers-strategic")
    panel = by_name["kent-medway-police-crime-panel"]
    assert isinstance(panel, ModernGovSource) and panel.committee_name == "Kent and Medway Police and Crime Panel"
    assert by_name["surrey-police-crime-panel"].committee_id == 250      # from corpus-sources.csv
    # every fetched entry that claims to be confirmed names a committee id or an index page
    for src in sources:
        if src.enabled and src.checked and isinstance(src, ModernGovSource) and src.name != panel.name:
            assert src.committee_id, src.name


def test_shipped_list_passes_the_offline_check() -> None:
    findings = check_file(ROOT / "sources.toml")
    assert [f for f in findings if f.level == "error"] == []
    disabled = {f.source for f in findings if f.code == "disabled"}
    assert "essex-police-fire-crime-panel" in disabled and "surrey-police-crime-panel" not in disabled


def test_coverage_doc_is_generated_from_the_shipped_list() -> None:
    expected = coverage_markdown(load_sources(ROOT / "sources.toml"))
    assert (ROOT / "docs" / "coverage.md").read_text(encoding="utf-8") == expected, \
        "docs/coverage.md is stale: run `minutes sources coverage --out docs/coverage.md`"
    assert "**41 of 41**" in expected and "| Kent | `kent-medway-police-crime-panel` (fetched)" in expected


BAD = """
[check]
allowed_hosts = ["pcc.example.org.uk"]

[[source]]
name = "panel"
kind = "moderngov"
base_url = "https://democracy.example.gov.uk"
committee_id = 7
body = "Eastshire Police and Crime Panel"
area = "Eastshire"
body_kind = "panel"

[[source]]
name = "panel-again"
kind = "moderngov"
base_url = "https://democracy.example.gov.uk/"
committee_id = 7

[[source]]
name = "panel"
kind = "web_index"
index_url = "https://www.pcc.example.org.uk/board/"
adapter = "no_such_adapter"

[[source]]
name = "elsewhere"
kind = "web_index"
index_url = "https://minutes.example.com/board/"

[[source]]
name = "typo"
kind = "web_index"
index_url = "https://www.eastshire.police.uk/board/"
link_patern = "x"

[[source]]
name = "badkind"
kind = "panel"
"""


def test_offline_check_reports_every_fault_and_exits_non_zero(tmp_path: Path, capsys) -> None:
    cfg = tmp_path / "sources.toml"
    cfg.write_text(BAD, encoding="utf-8")
    codes = {(f.source, f.code) for f in check_file(cfg) if f.level == "error"}
    assert codes == {("panel", "duplicate_name"), ("panel-again", "duplicate_listing"),
                     ("panel", "unknown_adapter"), ("elsewhere", "host_not_allowed"), ("typo", "shape"),
                     ("badkind", "shape")}
    assert main(["sources", "check", "--sources", str(cfg)]) == 1
    out = capsys.readouterr().out
    assert "minutes.example.com is not a public-sector host" in out and "unknown field 'link_patern'" in out
    assert "6 error(s)" in out


@pytest.fixture
def site() -> Iterator[SiteServer]:
    with SiteServer() as s:
        yield s


def test_online_check_against_fixture_sites(site: SiteServer, tmp_path: Path) -> None:
    cfg = tmp_path / "sources.toml"
    cfg.write_text(f"""
[[source]]
name = "force-board"
kind = "web_index"
index_url = "{site.origin}/force/chief-officers-minutes/"
link_pattern = '/chief-officers-minutes/[^/?#]+/?$'
next_pattern = '\\?(.*&)?page=\\d+'
adapter = "kent_board"

[[source]]
name = "panel"
kind = "moderngov"
base_url = "{site.origin}/democracy"
committee_name = "Eastshire and Westbridge Police & Crime Panel"
adapter = "moderngov"

[[source]]
name = "private"
kind = "web_index"
index_url = "{site.origin}/force/private/"

[[source]]
name = "gone"
kind = "web_index"
index_url = "{site.origin}/no-such-board/"

[[source]]
name = "wrong-committee"
kind = "moderngov"
base_url = "{site.origin}/democracy"
committee_name = "Northshire Police and Crime Panel"

[[source]]
name = "not-fetched"
kind = "web_index"
index_url = "{site.origin}/force/private/other/"
enabled = false
""", encoding="utf-8")
    findings = check_file(cfg, online=True, settings=replace(FAST), today=date(2026, 1, 1), allow_local=True)
    got = {(f.source, f.code): (f.level, f.message) for f in findings}
    level, message = got[("force-board", "listing")]
    assert level == "ok" and "lists 2 minutes page(s)" in message   # the first listing page
    level, message = got[("force-board", "sample_parse")]
    assert level == "ok" and "8-april-2031/: parsed by kent_board, meeting 2025-04-08" in message
    assert got[("panel", "committee")] == ("ok", "committee 'Eastshire and Westbridge Police & Crime Panel' has "
                                                 "id 55: set committee_id")
    assert got[("panel", "listing")] == ("ok", "GetMeetings lists 2 meeting(s) in the last 3 years")
    level, message = got[("panel", "sample_parse")]
    assert level == "ok" and "MId=702: parsed by moderngov" in message
    assert got[("private", "robots")][0] == "error"
    assert got[("gone", "listing")][0] == "error" and "HTTP 404" in got[("gone", "listing")][1]
    assert got[("wrong-committee", "listing")] == ("error", "no committee titled 'Northshire Police and Crime "
                                                            "Panel' in GetCommittees")
    assert not [r for r in site.requests if "/force/private/other/" in r.path]   # disabled: never asked
    assert all(r.headers["user-agent"].startswith("minutes-pipeline/") for r in site.requests)
