"""Hostile and broken input through the whole pipeline: each document loaded or quarantined with a
readable reason, nothing executed, the run finishes and the rest publishes."""

from __future__ import annotations

import io
import shutil
import time
import zipfile
import zlib
from pathlib import Path

import duckdb
import pytest

from flows.pipeline import run_plain
from flows.settings import SAMPLES_DIR, Settings
from tests.conftest import table_rows

pytestmark = pytest.mark.slow

SQL = "'); DROP TABLE meetings; --"
MINUTES = ("Police and Crime Panel\nMinutes of the meeting held on Monday 2 March 2026\n"
           "1. Apologies\nRESOLVED that the Panel note the report of {who}.\n")


def _pdf(objects: list[bytes]) -> bytes:
    """A PDF from numbered object bodies, with a correct cross-reference table."""
    out = io.BytesIO()
    out.write(b"%PDF-1.7\n")
    offsets = []
    for n, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % n + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for off in offsets:
        out.write(b"%010d 00000 n \n" % off)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def _pdf_claiming_pages(count: int) -> bytes:
    return _pdf([b"<< /Type /Catalog /Pages 2 0 R >>",
                 b"<< /Type /Pages /Kids [3 0 R] /Count %d >>" % count,
                 b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>"])


def _pdf_bomb(inflated: int) -> bytes:
    comp, chunk, parts = zlib.compressobj(9), b"\0" * (1 << 20), []
    for _ in range(inflated // len(chunk)):
        parts.append(comp.compress(chunk))
    stream = b"".join(parts) + comp.flush()
    return _pdf([b"<< /Type /Catalog /Pages 2 0 R >>",
                 b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                 b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
                 b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream"])


def _zip() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("readme.txt", "not minutes")
    return buf.getvalue()


@pytest.fixture(scope="module")
def hostile_run(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("hostile")
    src = tmp / "src"
    shutil.copytree(SAMPLES_DIR, src)
    h = src / "hostile"
    h.mkdir()
    files = {
        "script": ("script.html", (
            b"<html><body onload=\"document.title='pwned'\"><script>document.write('INJECTED')</script>"
            b"<iframe src=\"javascript:alert(1)\">IFRAMED</iframe><h1>Police and Crime Panel</h1>"
            b"<p>Minutes of the meeting held on Tuesday 3 March 2026</p>"
            b"<p onclick=\"steal()\">1. Budget</p><p><a href=\"javascript:steal()\">RESOLVED that the Panel note "
            b"the budget report.</a></p></body></html>")),
        "deep": ("deep.html", b"<div>" * 10_000 + MINUTES.format(who="the deep page").encode() + b"</div>" * 10_000),
        "huge": ("huge.txt", None),  # a 1 GB sparse file, made below
        "one_line": ("one-line.txt", b"RESOLVED that " + b"x" * (100 * 1024 * 1024)),
        "many_pages": ("many-pages.pdf", _pdf_claiming_pages(100_000)),
        "bomb": ("bomb.pdf", _pdf_bomb(512 * 1024 * 1024)),
        "bad_utf8": ("bad-utf8.txt", MINUTES.format(who="Ren\xe9e").encode("latin-1") + b"\xff\xfe\xc3("),
        "nul": ("nul.txt", MINUTES.format(who="the NUL page").encode() + b"\0" * 64),
        "mixed": ("mixed.txt", MINUTES.format(who="Zo\u00eb").encode("utf-8") + "Caf\u00e9 \u00a35".encode("cp1252")),
        "zip": ("archive.html", _zip()),
        "png": ("image.html", b"\x89PNG\r\n\x1a\n" + b"\0" * 200),
        "dots": ("..odd..name...txt", MINUTES.format(who="the dotted file").encode()),
        "spaces": ("a name with spaces.txt", MINUTES.format(who="the spaced file").encode()),
        "newline": ("new\nline.txt", MINUTES.format(who="the newline file").encode()),
        "non_latin": ("протокол-会議.txt", MINUTES.format(who="the non-Latin file").encode()),
        "sql": ("sql.txt", MINUTES.format(who=SQL).encode()),
    }
    paths = {}
    for key, (name, data) in files.items():
        paths[key] = h / name
        if data is not None:
            paths[key].write_bytes(data)
    with paths["huge"].open("wb") as fh:
        fh.truncate(1024**3)
    started = time.monotonic()
    summary = run_plain(Settings(source_dir=src, warehouse_dir=tmp / "wh", state_dir=tmp / "state"))
    return summary, paths, time.monotonic() - started


def _status(summary, path: Path) -> tuple[str, str | None]:
    rows = table_rows(summary.db_path, """
        SELECT d.status, string_agg(q.check_name || ': ' || q.reason, '; ')
        FROM documents d LEFT JOIN quarantine q USING (document_id) WHERE d.source_uri = ? GROUP BY d.status""".replace(
        "?", "'" + str(path).replace("'", "''") + "'"))
    assert len(rows) == 1, (path, rows)
    return rows[0]


def test_every_hostile_document_is_accounted_for_and_the_rest_publish(hostile_run):
    summary, paths, seconds = hostile_run
    n_files = sum(1 for p in paths["script"].parent.parent.rglob("*") if p.is_file())
    assert summary.documents == n_files == summary.loaded + summary.quarantined
    for key in ("huge", "one_line", "zip", "png", "many_pages", "bomb"):
        status, reason = _status(summary, paths[key])
        assert status == "quarantined" and reason and len(reason) > 20, (key, status, reason)
    assert "MB" in _status(summary, paths["huge"])[1]
    for key in ("script", "deep", "bad_utf8", "mixed", "dots", "spaces", "newline", "non_latin", "sql"):
        assert _status(summary, paths[key])[0] == "loaded", key
    assert _status(summary, paths["nul"])[0] in ("loaded", "quarantined")
    good = table_rows(summary.db_path, "SELECT count(*) FROM documents WHERE source_uri NOT LIKE '%/hostile/%'")[0][0]
    assert good == sum(1 for p in SAMPLES_DIR.iterdir() if p.is_file())
    assert seconds < 300  # caps and time limits keep the whole run bounded


def test_markup_is_never_executed_and_its_text_is_kept(hostile_run):
    summary, paths, _ = hostile_run
    (text,), = table_rows(summary.db_path, "SELECT t.text FROM document_text t JOIN documents d USING (document_id) "
                                           f"WHERE d.source_uri = '{paths['script']}'")
    assert "RESOLVED that the Panel note the budget report." in text
    assert "INJECTED" not in text and "alert" not in text and "steal" not in text and "pwned" not in text


def test_sql_in_the_text_is_stored_as_text(hostile_run):
    summary, paths, _ = hostile_run
    con = duckdb.connect(str(summary.db_path), read_only=True)
    texts = [t for (t,) in con.execute("SELECT text FROM decisions WHERE text LIKE ?", [f"%{SQL}%"]).fetchall()]
    assert texts == [f"RESOLVED that the Panel note the report of {SQL}."]
    assert con.execute("SELECT count(*) FROM meetings").fetchone()[0] > 0  # still there
    con.close()


def test_odd_file_names_keep_their_exact_source_uri(hostile_run):
    summary, paths, _ = hostile_run
    uris = {u for (u,) in table_rows(summary.db_path, "SELECT source_uri FROM documents")}
    for key in ("dots", "spaces", "newline", "non_latin"):
        assert str(paths[key]) in uris
