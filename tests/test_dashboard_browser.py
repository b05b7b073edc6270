"""The dashboard in a real browser: headless Chromium (Playwright) against `minutes dashboard`
serving a warehouse built from the sample documents.

Every figure checked is compared with the same SQL on the warehouse. The last test publishes a
new warehouse while the dashboard is serving and checks the new figures appear without a restart.
Skipped when /usr/bin/chromium is absent (CI installs it with .ci/install-browser.sh).
Set MINUTES_UPDATE_SCREENSHOTS=1 to refresh the screenshots in docs/images/ as well.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import duckdb
import pytest

from dashboard.ui import as_percent
from flows.pipeline import run_plain
from flows.settings import SAMPLES_DIR, Settings
from tests.conftest import FIXTURES, ROOT

CHROMIUM = Path("/usr/bin/chromium")
if not CHROMIUM.exists():
    pytest.skip("no /usr/bin/chromium (install it with .ci/install-browser.sh)", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api")
expect = sync_api.expect

pytestmark = pytest.mark.slow
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
EXTRA_DOCUMENT = FIXTURES / "dashboard" / "kent-board-2026-03-03.txt"
TIMEOUT_MS = 20_000
DOC_SCREENSHOTS = {"overview", "actions", "attendance"}  # the ones docs/dashboard.md shows


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_healthy(url: str, proc: subprocess.Popen, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"dashboard exited with {proc.returncode}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                if r.read().strip() == b"ok":
                    return
        except OSError:
            time.sleep(0.3)
    raise TimeoutError("dashboard did not become healthy")


class Site:
    """The running dashboard, its warehouse and a browser page."""

    def __init__(self, url: str, warehouse: Path, source: Path, state: Path, page, shots: Path,
                 proc: subprocess.Popen, log: Path) -> None:
        self.url, self.warehouse, self.source, self.state = url, warehouse, source, state
        self.page, self.shots, self.proc, self.log = page, shots, proc, log

    def sql(self, query: str, params: list | None = None):
        with duckdb.connect(str(self.warehouse / "minutes.duckdb"), read_only=True) as con:
            return con.execute(query, params or []).fetchall()

    def one(self, query: str, params: list | None = None):
        return self.sql(query, params)[0][0]

    def open(self, path: str = "") -> None:
        self.page.goto(f"{self.url}/{path}")
        self.page.locator('[data-testid="stMainBlockContainer"] h1').first.wait_for(timeout=TIMEOUT_MS)

    def metric(self, label: str):
        box = self.page.locator('[data-testid="stMetric"]').filter(
            has=self.page.locator('[data-testid="stMetricLabel"]', has_text=label))
        return box.locator('[data-testid="stMetricValue"]')

    def choose(self, label: str, option: str) -> None:
        """Pick ``option`` in the selectbox labelled ``label`` by typing it."""
        box = self.page.locator('[data-testid="stSelectbox"]').filter(
            has=self.page.locator('[data-testid="stWidgetLabel"]', has_text=label))
        box.click()
        self.page.keyboard.type(option)
        self.page.keyboard.press("Enter")

    def no_errors(self) -> None:
        assert self.page.locator('[data-testid="stException"]').count() == 0, \
            self.page.locator('[data-testid="stException"]').all_inner_texts()

    def screenshot(self, name: str) -> Path:
        self.page.wait_for_timeout(600)  # let charts finish drawing
        path = self.shots / f"{name}.png"
        self.page.screenshot(path=str(path), full_page=True)
        if os.environ.get("MINUTES_UPDATE_SCREENSHOTS") and name in DOC_SCREENSHOTS:
            shutil.copy(path, ROOT / "docs" / "images" / f"dashboard-{name}.png")
        return path


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("dashboard")
    source, warehouse, state = tmp / "src", tmp / "wh", tmp / "state"
    shutil.copytree(SAMPLES_DIR, source)
    run_plain(Settings(source_dir=source, warehouse_dir=warehouse, state_dir=state), with_checks=False)
    (warehouse / "data-docs").mkdir()  # stands in for the Great Expectations report of a checked run
    (warehouse / "data-docs" / "index.html").write_text("<h1>Data Docs of the test warehouse</h1>")
    port = _free_port()
    log = tmp / "dashboard.log"
    with open(log, "wb") as out:
        proc = subprocess.Popen([sys.executable, "-m", "dashboard.cli", "dashboard", "--warehouse", str(warehouse),
                                 "--port", str(port)], cwd=ROOT, stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_healthy(url, proc)
        with sync_api.sync_playwright() as p:
            browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1400, "height": 1600})
            page.set_default_timeout(TIMEOUT_MS)
            shots = tmp / "screenshots"
            shots.mkdir()
            yield Site(url, warehouse, source, state, page, shots, proc, log)
            browser.close()
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


def test_overview_headline_figures_equal_the_sql(site):
    site.open()
    expect(site.metric("Meetings")).to_have_text(str(site.one("SELECT count(*) FROM meetings")))
    expect(site.metric("Decisions")).to_have_text(str(site.one("SELECT count(*) FROM decisions")))
    expect(site.metric("Overdue actions")).to_have_text(
        str(site.one("SELECT count(*) FROM action_register WHERE is_overdue")))
    expect(site.metric("Open actions")).to_have_text(
        str(site.one("SELECT count(*) FROM action_register WHERE latest_status <> 'closed'")))
    expect(site.page.locator('[data-testid="stVegaLiteChart"]').first).to_be_visible()
    site.no_errors()
    site.screenshot("overview")


def test_actions_page_counts_overdue_and_follows_an_action_to_its_sentence(site):
    site.open("actions")
    expect(site.metric("Overdue")).to_have_text(str(site.one("SELECT count(*) FROM action_register WHERE is_overdue")))
    ref, key, start, end, text = site.sql("""
        SELECT a.action_ref, a.action_key, a.char_start, a.char_end, t.text
        FROM action_register a JOIN document_text t USING (document_id)
        WHERE a.raised_in_warehouse AND a.action_ref IS NOT NULL ORDER BY a.action_ref LIMIT 1""")[0]
    site.choose("Action", ref)
    mark = site.page.locator(".minutes-source mark")
    expect(mark).to_be_visible()
    assert " ".join(mark.inner_text().split()) == " ".join(text[start:end].split())
    assert f"action={key}" in site.page.url  # the selection is a link that can be shared
    site.no_errors()
    site.screenshot("actions")

    site.page.locator('[data-testid="stCheckbox"], [data-testid="stToggle"]').filter(has_text="Overdue only").click()
    expect(site.metric("Actions shown")).to_have_text(
        str(site.one("SELECT count(*) FROM action_register WHERE is_overdue")))


def test_attendance_rate_shown_equals_the_sql(site):
    body, name, attended, held = site.sql("""
        SELECT body, name, sum(attended), sum(meetings_held) FROM attendance_summary
        WHERE body IS NOT NULL GROUP BY ALL HAVING sum(attended) < sum(meetings_held)
        ORDER BY body, name LIMIT 1""")[0]
    site.open("attendance")
    site.choose("Body", body)
    site.choose("Person", name)
    expect(site.metric("Attendance rate")).to_have_text(as_percent(attended / held))
    expect(site.metric("Meetings held")).to_have_text(str(held))
    grid = site.page.locator('[data-testid="stDataFrame"]').first.locator('[role="gridcell"]')
    assert any(name in cell for cell in grid.all_text_contents())
    site.no_errors()
    site.screenshot("attendance")


def test_decision_search_finds_the_decision(site):
    text = site.one("SELECT text FROM decision_log WHERE kind = 'decision' ORDER BY text LIMIT 1")
    word = max(text.rstrip(".").split(), key=len)  # a distinctive word of it
    site.open("decisions")
    site.page.get_by_label("Search decisions").fill(word)
    site.page.keyboard.press("Enter")
    expected = site.one("SELECT count(*) FROM decision_log WHERE text ILIKE ? OR item_title ILIKE ?",
                        [f"%{word}%", f"%{word}%"])
    expect(site.metric("Decisions found")).to_have_text(str(expected))
    cells = site.page.locator('[data-testid="stDataFrame"] [role="gridcell"]')
    expect(cells.filter(has_text=text[:30]).first).to_be_attached()
    site.no_errors()
    site.screenshot("decisions")


def test_data_quality_page_links_to_the_data_docs(site):
    site.open("quality")
    expect(site.metric("Documents quarantined")).to_have_text(
        str(site.one("SELECT count(*) FROM documents WHERE status = 'quarantined'")))
    link = site.page.get_by_role("link", name="Open the quality report")
    href = link.get_attribute("href")
    site.screenshot("quality")
    site.page.goto(href if href.startswith("http") else f"{site.url}{href}")
    expect(site.page.locator("h1")).to_have_text("Data Docs of the test warehouse")


def test_a_new_publish_shows_up_without_restarting_the_dashboard(site):
    site.open()
    before = site.one("SELECT count(*) FROM meetings")
    expect(site.metric("Meetings")).to_have_text(str(before))
    shutil.copy(EXTRA_DOCUMENT, site.source / EXTRA_DOCUMENT.name)
    run_plain(Settings(source_dir=site.source, warehouse_dir=site.warehouse, state_dir=site.state), with_checks=False)
    after = site.one("SELECT count(*) FROM meetings")
    assert after == before + 1
    site.open()
    expect(site.metric("Meetings")).to_have_text(str(after))
    expect(site.metric("Overdue actions")).to_have_text(
        str(site.one("SELECT count(*) FROM action_register WHERE is_overdue")))
    site.open("decisions")
    site.page.get_by_label("Search decisions").fill("custody healthcare")
    site.page.keyboard.press("Enter")
    expect(site.metric("Decisions found")).to_have_text("1")
    site.no_errors()
    assert site.proc.poll() is None  # the same server process throughout
    assert "Traceback" not in site.log.read_text(errors="replace")
