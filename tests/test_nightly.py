"""Nightly operation end to end: fetch from fixture sites on 127.0.0.1, incremental reruns,
changed pages re-parsed with their old version kept, offline rebuilds, the run log."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from flows.pipeline import run_plain
from flows.settings import SAMPLES_DIR, Settings
from tests.conftest import table_contents, table_rows
from tests.fixtures.sites.site_server import SiteServer

pytestmark = pytest.mark.slow

SOURCES = """
[fetch]
connect_timeout = 2.0
read_timeout = 2.0
retries = 1
backoff_base = 0.01
backoff_max = 0.01
min_host_delay = 0.0

[[source]]
name = "force-board"
kind = "web_index"
index_url = "{origin}/force/chief-officers-minutes/"
link_pattern = '/chief-officers-minutes/[^/?#]+/?$'
next_pattern = '\\?(.*&)?page=\\d+'

[[source]]
name = "pcc-notes"
kind = "web_index"
index_url = "{origin}/pcc/meeting-notes/"
link_pattern = '/meeting-notes/[^/?#]+/$'

[[source]]
name = "panel"
kind = "moderngov"
base_url = "{origin}/democracy"
committee_name = "Eastshire and Westbridge Police & Crime Panel"
from_date = 2024-01-01
"""


@pytest.fixture
def site():
    with SiteServer() as s:
        yield s


def _fetch_settings(tmp: Path, site: SiteServer, **kw) -> Settings:
    sources = tmp / "sources.toml"
    sources.write_text(SOURCES.format(origin=site.origin), encoding="utf-8")
    return Settings(warehouse_dir=tmp / "wh", state_dir=tmp / "state", sources_file=sources, fetch=True, **kw)


def test_fetch_run_publishes_pages_from_all_three_kinds_of_source(tmp_path, site):
    s = run_plain(_fetch_settings(tmp_path, site))
    assert s.outcome == "published" and s.quarantined == 0, s.quarantine
    uris = {u for (u,) in table_rows(s.db_path, "SELECT source_uri FROM documents")}
    assert site.url("/force/chief-officers-minutes/8-april-2031/") in uris
    assert any("/pcc/meeting-notes/" in u for u in uris)
    assert any("ieListDocuments.aspx" in u for u in uris)
    adapters = {a for (a,) in table_rows(s.db_path, "SELECT DISTINCT adapter FROM meetings")}
    assert {"kent_board", "pcc_notes", "moderngov"} <= adapters
    runs = table_rows(s.db_path, "SELECT outcome, documents_seen, documents_new FROM runs")
    assert runs == [("published", s.documents, s.documents)]


def test_changed_page_is_reparsed_and_its_old_version_kept_offline_rebuild_is_identical(tmp_path, site):
    settings = _fetch_settings(tmp_path, site)
    first = run_plain(settings)
    page = "/force/chief-officers-minutes/8-april-2031/"
    body = (Path(__file__).parent / "fixtures/sites/force/chief-officers-minutes/8-april-2031.html").read_bytes()
    site.set_body(page, body.replace(b"</body>", b"<p>Decision: Chief officers approved the corrected plan.</p>"
                                                 b"</body>"))
    second = run_plain(settings)
    assert second.outcome == "published"
    assert (second.changes.changed, second.changes.new) == (1, 0)
    versions = table_rows(second.db_path, f"""SELECT document_id, is_current FROM document_versions
                                              WHERE source_uri = '{site.url(page)}' ORDER BY is_current""")
    assert len(versions) == 2 and [v[1] for v in versions] == [False, True]
    texts = [t for (t,) in table_rows(second.db_path, "SELECT text FROM decisions")]
    assert "Chief officers approved the corrected plan." in texts
    assert second.documents == first.documents
    before = table_contents(second.db_path)
    # offline: no network at all (the server is gone), rebuilt from the raw archive
    site.__exit__()
    shutil.rmtree(tmp_path / "wh")
    offline = run_plain(Settings(**{**settings.__dict__, "offline": True}))
    after = table_contents(offline.db_path)
    for table in before:
        if table not in ("runs", "document_versions", "quarantine"):
            assert after[table] == before[table], table


def test_unchanged_rerun_does_no_work_and_a_changed_file_is_the_only_one_reparsed(tmp_path):
    src = tmp_path / "src"
    shutil.copytree(SAMPLES_DIR, src)
    settings = Settings(source_dir=src, warehouse_dir=tmp_path / "wh", state_dir=tmp_path / "state")
    first = run_plain(settings, with_checks=False)
    db = tmp_path / "wh" / "minutes.duckdb"
    inode, before = db.stat().st_ino, table_contents(db)
    again = run_plain(settings, with_checks=False)
    assert again.outcome == "unchanged"
    # not even republished (a publish swaps a new file in): only the run's own row was added
    assert db.stat().st_ino == inode
    after = table_contents(db)
    assert [r[-2] for r in after.pop("runs")] == ["published", "unchanged"]
    before.pop("runs")
    assert after == before
    # change one file: only it is parsed again, the others' rows are carried over
    target = src / "kent-board-2026-02-03.txt"
    target.write_text(target.read_text().replace("The chief constable approved the revised overtime policy.",
                                                 "The chief constable approved the revised travel policy."))
    third = run_plain(settings, with_checks=False)
    assert third.outcome == "published"
    assert (third.changes.new, third.changes.changed, third.changes.unchanged) == (0, 1, first.documents - 1)
    texts = [t for (t,) in table_rows(third.db_path, "SELECT text FROM decisions")]
    assert "The chief constable approved the revised travel policy." in texts
    assert "The chief constable approved the revised overtime policy." not in texts
    # carried-over rows are the same rows as before
    assert table_rows(third.db_path, "SELECT count(*) FROM attendance") == \
        table_rows(first.db_path, "SELECT count(*) FROM attendance")
    outcomes = [o for (o,) in table_rows(third.db_path, "SELECT outcome FROM runs ORDER BY run_id")]
    assert outcomes == ["published", "unchanged", "published"]
