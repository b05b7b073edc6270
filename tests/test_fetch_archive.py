"""The raw archive (objects, log, latest_by_url), safe file names, and offline materialise."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path, PurePosixPath

from hypothesis import given, settings
from hypothesis import strategies as st

from flows.fetch import Archive, file_name_for_url, materialise
from flows.fetch.materialise import MANIFEST

URL = "https://democracy.example.org/ieListDocuments.aspx?CId=5&MId=9"


def test_bodies_stored_once_by_sha256_and_every_fetch_logged(tmp_path: Path) -> None:
    archive = Archive(tmp_path)
    a = archive.add_body(URL, b"<p>v1</p>", source="panel", content_type="text/html", etag='"1"')
    b = archive.add_body("https://democracy.example.org/copy", b"<p>v1</p>", source="panel")
    assert a.outcome == b.outcome == "new" and a.sha256 == b.sha256
    path = archive.object_path(a.sha256)
    assert path == tmp_path / "objects" / a.sha256[:2] / a.sha256 and path.read_bytes() == b"<p>v1</p>"
    assert not path.stat().st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)   # read-only
    assert len(list((tmp_path / "objects").rglob("*"))) == 2                           # one dir, one object
    nm = archive.add_not_modified(URL, source="panel", etag='"2"')
    assert (nm.outcome, nm.sha256, nm.etag) == ("not_modified", a.sha256, '"2"')
    c = archive.add_body(URL, b"<p>v2</p>", source="panel")
    assert c.outcome == "changed" and archive.read(a.sha256) == b"<p>v1</p>"
    err = archive.add_error(URL, source="panel", reason="HTTP 500 (gave up after 4 attempts)", status=500)
    assert archive.latest(URL) == c and err.outcome == "error"
    assert [r.outcome for r in archive.records()] == ["new", "new", "not_modified", "changed", "error"]


def test_not_modified_without_a_body_is_an_error(tmp_path: Path) -> None:
    rec = Archive(tmp_path).add_not_modified(URL, source="panel")
    assert rec.outcome == "error" and "without an archived body" in rec.reason


def test_latest_by_url_is_rebuilt_from_the_log(tmp_path: Path) -> None:
    archive = Archive(tmp_path)
    archive.add_body(URL, b"one", source="s")
    archive.add_body(URL, b"two", source="s")
    archive.save_index()
    expected = archive.latest_by_url()
    (tmp_path / "latest_by_url.json").unlink()
    assert Archive(tmp_path).latest_by_url() == expected
    # an index older than the log (a crash between the two) is noticed and rebuilt
    archive.save_index()
    archive.add_body(URL, b"three", source="s")
    assert Archive(tmp_path).latest(URL).sha256 == archive.latest(URL).sha256


def test_torn_last_log_line_is_skipped_and_fenced(tmp_path: Path) -> None:
    archive = Archive(tmp_path)
    archive.add_body(URL, b"one", source="s")
    with archive.log_path.open("a") as fh:
        fh.write('{"url": "https://half')      # a crash mid-append
    reopened = Archive(tmp_path)
    reopened.add_body(URL, b"two", source="s")
    assert [r.outcome for r in reopened.records()] == ["new", "changed"]


def test_file_names_keep_basename_query_and_suffix() -> None:
    assert str(file_name_for_url(URL, "text/html")) == "democracy.example.org/ieListDocuments_CId-5_MId-9.html"
    assert str(file_name_for_url("https://www.example.police.uk/a/board/12-may-2031/", "text/html")) == \
        "www.example.police.uk/board_12-may-2031.html"
    assert str(file_name_for_url("https://d.example.org/mgConvert2PDF.aspx?ID=77", "application/pdf")) == \
        "d.example.org/mgConvert2PDF_ID-77.pdf"
    assert str(file_name_for_url("https://d.example.org/", "text/html")) == "d.example.org/index.html"
    long = file_name_for_url("https://d.example.org/" + "x" * 400, "text/html")
    assert len(long.name) < 150


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80), st.text(max_size=40), st.sampled_from([None, "text/html", "application/pdf", "a/b"]))
def test_file_names_are_always_safe(path: str, query: str, ctype: str | None) -> None:
    from urllib.parse import quote

    url = f"https://h.example.org/{quote(path, safe='/%?=&.')}?{quote(query, safe='=&%./')}"
    name = file_name_for_url(url, ctype)
    assert len(name.parts) == 2 and name.parts[0] == "h.example.org"
    leaf = name.parts[1]
    assert ".." not in leaf and "/" not in leaf and "\\" not in leaf and not leaf.startswith(".")
    assert all(c.isascii() and (c.isalnum() or c in "._-") for c in leaf)


def test_materialise_links_latest_versions_and_resolves_collisions(tmp_path: Path) -> None:
    archive = Archive(tmp_path / "archive")
    archive.add_body(URL, b"<p>old</p>", source="panel", content_type="text/html")
    archive.add_body(URL, b"<p>new</p>", source="panel", content_type="text/html")
    # two URLs that sanitise to the same name get distinct, hashed names
    archive.add_body("https://e.example.org/m/a b.pdf", b"%PDF-1 a", source="x", content_type="application/pdf")
    archive.add_body("https://e.example.org/m/a%2Bb.pdf", b"%PDF-1 b", source="x", content_type="application/pdf")
    archive.add_body("https://e.example.org/feed", b"<x/>", source="x", kind="listing", content_type="text/xml")
    out = tmp_path / "out"
    files = materialise(archive, out)
    rel = sorted(p.relative_to(out).as_posix() for p in files)
    assert rel[0] == "democracy.example.org/ieListDocuments_CId-5_MId-9.html"
    assert len(rel) == 3 and rel[1].startswith("e.example.org/a-b_") and rel[2].startswith("e.example.org/a-b_")
    assert files[0].read_bytes() == b"<p>new</p>"
    assert os.path.samefile(files[0], archive.object_path(archive.latest(URL).sha256))   # a hard link
    manifest = [json.loads(line) for line in (out / MANIFEST).read_text().splitlines()]
    assert {m["url"] for m in manifest} == {URL, "https://e.example.org/m/a b.pdf", "https://e.example.org/m/a%2Bb.pdf"}


def test_materialise_removes_only_its_own_stale_files(tmp_path: Path) -> None:
    archive = Archive(tmp_path / "archive")
    archive.add_body("https://e.example.org/m/a.pdf", b"%PDF-1 a", source="x", content_type="application/pdf")
    out = tmp_path / "out"
    (out / "mine").mkdir(parents=True)
    (out / "mine" / "notes.txt").write_text("the user's own file")
    first = materialise(archive, out)
    assert [p.name for p in first] == ["a.pdf"]
    archive.add_body("https://e.example.org/m/a.PDF", b"%PDF-1 b", source="x", content_type="application/pdf")
    second = materialise(archive, out)   # a.pdf now collides case-insensitively: both renamed
    assert len(second) == 2 and not (out / "e.example.org" / "a.pdf").exists()
    assert (out / "mine" / "notes.txt").exists()
    assert all(PurePosixPath(p.name).suffix == ".pdf" for p in second)
