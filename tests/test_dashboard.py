"""The dashboard without a browser: the read-only cached reader, the source excerpt, the Data Docs
route, the command line, and every page rendered by Streamlit's AppTest on a sample warehouse."""

from __future__ import annotations

import argparse
import doctest
import importlib
import os
import shutil

import duckdb
import pytest

from dashboard import data as data_module
from dashboard.cli import add_commands, streamlit_command
from dashboard.data import WarehouseMissing, WarehouseReader, read_only_connection
from dashboard.server import data_docs_file
from dashboard.source import is_web_address, source_excerpt
from dashboard.ui import as_percent, text_filter
from flows.pipeline import run_plain
from flows.settings import SAMPLES_DIR, Settings


@pytest.mark.parametrize("name", ["data", "source", "charts", "server", "cli", "ui"])
def test_docstring_examples(name: str) -> None:
    result = doctest.testmod(importlib.import_module(f"dashboard.{name}"), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0


def _tiny_warehouse(folder, rows: int) -> None:
    """A minutes.duckdb with one table of ``rows`` rows, published the way the pipeline does:
    written beside the final name, then renamed into place."""
    folder.mkdir(parents=True, exist_ok=True)
    tmp = folder / "building.duckdb"
    with duckdb.connect(str(tmp)) as con:
        con.execute("CREATE TABLE t AS SELECT range AS i FROM range(?)", [rows])
    os.replace(tmp, folder / "minutes.duckdb")


def test_reader_caches_per_file_version_and_sees_a_new_publish(tmp_path, monkeypatch):
    _tiny_warehouse(tmp_path, 3)
    opened = []
    real = data_module.read_only_connection
    monkeypatch.setattr(data_module, "read_only_connection", lambda p: opened.append(p) or real(p))
    reader = WarehouseReader(tmp_path)
    assert reader.scalar("SELECT count(*) FROM t") == 3
    assert reader.scalar("SELECT count(*) FROM t") == 3
    assert len(opened) == 1  # the second answer came from the cache
    _tiny_warehouse(tmp_path, 5)  # a new publish: a new file renamed over the old one
    assert reader.scalar("SELECT count(*) FROM t") == 5
    assert len(opened) == 2


def test_reader_returns_copies_callers_may_change(tmp_path):
    _tiny_warehouse(tmp_path, 2)
    reader = WarehouseReader(tmp_path)
    first = reader.query("SELECT * FROM t")
    first.loc[0, "i"] = 99
    assert list(reader.query("SELECT * FROM t").i) == [0, 1]


def test_reader_holds_no_lock_between_queries(tmp_path):
    _tiny_warehouse(tmp_path, 1)
    reader = WarehouseReader(tmp_path)
    reader.query("SELECT * FROM t")
    with duckdb.connect(str(tmp_path / "minutes.duckdb")) as writer:  # would fail if a reader held it open
        writer.execute("INSERT INTO t VALUES (42)")


def test_read_only_connection_cannot_write_or_read_other_files(tmp_path):
    _tiny_warehouse(tmp_path, 1)
    (tmp_path / "other.csv").write_text("a\n1\n")
    with read_only_connection(tmp_path / "minutes.duckdb") as con:
        with pytest.raises(duckdb.Error):
            con.execute("INSERT INTO t VALUES (1)")
        with pytest.raises(duckdb.Error):
            con.execute(f"SELECT * FROM read_csv('{tmp_path / 'other.csv'}')").fetchall()
        with pytest.raises(duckdb.Error):
            con.execute("SET enable_external_access = true")


def test_reader_says_when_no_warehouse_is_published(tmp_path):
    with pytest.raises(WarehouseMissing, match="minutes run"):
        WarehouseReader(tmp_path).query("SELECT 1")


@pytest.mark.parametrize("start,end", [(-5, 3), (2, 999), (10, 2), (0, 0)])
def test_source_excerpt_never_raises_on_odd_offsets(start, end):
    s = source_excerpt("Action 12/24 closed.", start, end, context=5)
    assert s.before + s.span + s.after in "Action 12/24 closed."


def test_source_excerpt_escapes_html():
    html = source_excerpt("a <b>bold</b> claim & more", 2, 13).html()
    assert "<mark>&lt;b&gt;bold&lt;/b&gt;</mark>" in html and "&amp;" in html


def test_web_addresses_get_links_file_paths_do_not():
    assert is_web_address("http://example.org/x")
    assert not is_web_address("C:/minutes/x.pdf") and not is_web_address(None) and not is_web_address("file:///x")


def test_data_docs_route_serves_only_the_data_docs_folder(tmp_path):
    (tmp_path / "data-docs" / "validations").mkdir(parents=True)
    (tmp_path / "data-docs" / "index.html").write_text("ok")
    (tmp_path / "data-docs" / "validations" / "run.html").write_text("ok")
    (tmp_path / "secret.txt").write_text("no")
    assert data_docs_file(tmp_path, "validations/run.html").name == "run.html"
    assert data_docs_file(tmp_path, "../secret.txt") is None
    assert data_docs_file(tmp_path, "missing.html") is None
    assert data_docs_file(tmp_path / "nowhere", "index.html") is None


def test_text_filter_needs_every_word_in_any_column():
    import pandas as pd

    df = pd.DataFrame({"text": ["Budget approved", "Estates plan noted"], "title": ["Finance", None]})
    assert list(text_filter(df, ["text", "title"], "finance BUDGET").text) == ["Budget approved"]
    assert len(text_filter(df, ["text"], "  ")) == 2
    assert as_percent(2 / 3) == "66.7%" and as_percent(None) == "–"


def test_cli_registers_dashboard_and_export():
    parser = argparse.ArgumentParser(prog="minutes")
    add_commands(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(["dashboard", "--port", "8600", "--warehouse", "wh"])
    assert (args.command, args.port, args.warehouse) == ("dashboard", 8600, "wh")
    args = parser.parse_args(["export", "--format", "parquet", "--out", "x"])
    assert (args.format, args.out) == ("parquet", "x")
    with pytest.raises(SystemExit):
        parser.parse_args(["export", "--format", "xlsx", "--out", "x"])
    cmd = streamlit_command(8600)
    assert cmd[cmd.index("--server.address") + 1] == "127.0.0.1"
    assert cmd[cmd.index("--browser.gatherUsageStats") + 1] == "false"


@pytest.fixture(scope="module")
def samples_warehouse(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("dash_pages")
    shutil.copytree(SAMPLES_DIR, tmp / "src")
    return run_plain(Settings(source_dir=tmp / "src", warehouse_dir=tmp / "wh", state_dir=tmp / "state"),
                     with_checks=False).warehouse_dir


@pytest.mark.parametrize("page", ["overview", "actions", "attendance", "decisions", "quality"])
def test_every_page_renders_without_errors(page, samples_warehouse, monkeypatch):
    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv("MINUTES_WAREHOUSE_DIR", str(samples_warehouse))
    at = AppTest.from_string(f"from dashboard.screens import {page}\n{page}.render()\n", default_timeout=60).run()
    assert not at.exception, [e.message for e in at.exception]
    assert at.title and at.metric


def test_overview_figures_equal_the_sql(samples_warehouse, monkeypatch):
    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv("MINUTES_WAREHOUSE_DIR", str(samples_warehouse))
    at = AppTest.from_string("from dashboard.screens import overview\noverview.render()\n", default_timeout=60).run()
    shown = {m.label: m.value for m in at.metric}
    with duckdb.connect(str(samples_warehouse / "minutes.duckdb"), read_only=True) as con:
        overdue = con.execute("SELECT count(*) FROM action_register WHERE is_overdue").fetchone()[0]
        meetings = con.execute("SELECT count(*) FROM meetings").fetchone()[0]
    assert (shown["Overdue actions"], shown["Meetings"]) == (str(overdue), str(meetings))


def test_a_page_explains_a_warehouse_too_old_for_the_views(tmp_path, monkeypatch):
    from streamlit.testing.v1 import AppTest

    _tiny_warehouse(tmp_path, 1)  # has none of the views
    monkeypatch.setenv("MINUTES_WAREHOUSE_DIR", str(tmp_path))
    at = AppTest.from_file("../dashboard/app.py", default_timeout=60).run()
    assert not at.exception
    assert "minutes run" in at.error[0].value
