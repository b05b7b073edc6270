"""The right text or a refusal: charset precedence (BOM, HTTP header, strict UTF-8, <meta>,
detection), mojibake repaired or quarantined, rowspan/colspan expanded."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from flows.fetch import Archive, WebIndexSource, materialise, sync_sources
from flows.fetch.materialise import manifest_urls
from flows.stages import extract_batch, scan_sources
from tests.fixtures.sites.site_server import Reply, SiteServer
from tests.test_fetch_sync import FAST, TODAY
from transforms.extract import extract_text
from transforms.extract.html_text import html_to_text
from transforms.models import ExtractionError, RawDocument

MINUTES = ("<html><head><meta charset=\"iso-8859-1\"></head><body><h1>Police and Crime Panel</h1>"
           "<p>Minutes of the meeting held on 3 March 2026</p><p>Present: Cllr Jane O’Neill (Chair)</p>"
           "<p>RESOLVED that the Panel’s report on the £12.50 precept be noted.</p></body></html>")


def raw(data: bytes, uri: str = "page.html") -> RawDocument:
    return RawDocument(hashlib.sha256(data).hexdigest(), uri, data)


def test_utf8_bytes_under_a_latin1_meta_tag_read_as_utf8():
    clean = extract_text(raw(MINUTES.encode("utf-8")))
    assert "Cllr Jane O’Neill (Chair)" in clean.text and "the Panel’s report on the £12.50" in clean.text
    assert "â€" not in clean.text and clean.encoding == "utf-8"


def test_the_http_charset_comes_before_utf8_the_meta_tag_and_the_cp1252_guess():
    page = MINUTES.replace("Jane O’Neill", "Ελένη Παππά").replace("iso-8859-1", "utf-8")
    data = page.replace("’", "'").encode("iso-8859-7")
    with pytest.raises(ExtractionError) as info:  # without the header: cp1252 garbles it, and it is refused
        extract_text(raw(data))
    assert info.value.check == "mojibake"
    clean = extract_text(raw(data), http_charset="ISO-8859-7")
    assert "Cllr Ελένη Παππά (Chair)" in clean.text and clean.encoding == "iso8859-7"


def test_mojibake_in_the_bytes_is_repaired():
    garbled = MINUTES.replace("’", "â€™").replace("£", "Â£").replace("Panel<", "CafÃ© Panel<")
    clean = extract_text(raw(garbled.encode("utf-8")))
    assert "Cllr Jane O’Neill (Chair)" in clean.text and "£12.50" in clean.text and "Café Panel" in clean.text
    assert clean.encoding == "utf-8 (mojibake repaired)"


def test_mojibake_that_cannot_be_repaired_is_refused():
    garbled = MINUTES.replace("Panel’s report", "Panelâ€s report for Ã")
    with pytest.raises(ExtractionError) as info:
        extract_text(raw(garbled.encode("utf-8")))
    assert info.value.check == "mojibake" and "could not be repaired" in info.value.reason


def test_rowspan_and_colspan_keep_cells_under_their_headers():
    text = html_to_text(
        "<table><tr><th>Organisation</th><th>Name</th><th colspan='2'>Attendance</th></tr>"
        "<tr><td rowspan='2'>Eastshire Police</td><td>CC Jo Penwick</td><td colspan='2'>Present</td></tr>"
        "<tr><td>DCC Al Rae</td><td>Apologies</td><td>Teams</td></tr>"
        "<tr><td>OPCC</td><td rowspan='999999'>Ann Lee</td><td>Present</td><td>Room</td></tr></table>")
    assert text.split("\n") == [
        "Organisation | Name | Attendance | Attendance |", "---|---|---|---|",
        "Eastshire Police | CC Jo Penwick | Present | Present |",
        "Eastshire Police | DCC Al Rae | Apologies | Teams |",
        "OPCC | Ann Lee | Present | Room |"]


def test_the_fetched_content_type_charset_reaches_extract(tmp_path: Path):
    page = MINUTES.replace("Jane O’Neill", "Ελένη Παππά").replace("’", "'").replace("iso-8859-1", "utf-8")
    path = "/force/chief-officers-minutes/8-april-2031/"
    with SiteServer() as server:
        server.set(path, lambda _req: Reply(200, page.encode("iso-8859-7"),
                                            {"Content-Type": 'text/html; charset="ISO-8859-7"'}))
        archive = Archive(tmp_path / "archive")
        sync_sources([WebIndexSource("board", server.url("/force/chief-officers-minutes/"),
                                     link_pattern=r"/chief-officers-minutes/[^/?#]+/?$")], archive, FAST, today=TODAY)
        assert archive.latest(server.url(path)).charset == "ISO-8859-7"
    materialise(archive, tmp_path / "fetched")
    charsets = manifest_urls(tmp_path / "fetched", "charset")
    files = scan_sources(sorted(charsets), manifest_urls(tmp_path / "fetched"), charsets)
    mine = [f for f in files if f.uri.endswith(path)]
    assert [f.charset for f in mine] == ["ISO-8859-7"]
    batch = extract_batch(0, mine, max_bytes=10**6, max_pdf_pages=10)
    assert "Cllr Ελένη Παππά (Chair)" in batch.texts[mine[0].document_id].text
