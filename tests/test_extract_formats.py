"""extract_text on each format and encoding: text, HTML, PDF (fpdf2), DOCX (python-docx)."""

from __future__ import annotations

import codecs
import hashlib
import io
from pathlib import Path

import pytest

from transforms.extract import extract_text
from transforms.models import ExtractionError, RawDocument

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "extract"


def raw(data: bytes, name: str = "doc.txt") -> RawDocument:
    return RawDocument(hashlib.sha256(data).hexdigest(), f"/in/{name}", data)


def test_plain_text_keeps_lines_and_offsets_point_into_text():
    data = b"Date: 3 April 2030\r\nPresent:\xc2\xa0CC Morwenna Quill   \r\n\r\n\r\n\r\nItem 1\r\n"
    clean = extract_text(raw(data))
    assert clean.format == "text"
    assert clean.encoding == "utf-8"
    assert clean.text == "Date: 3 April 2030\nPresent: CC Morwenna Quill\n\nItem 1"
    start = clean.text.index("Morwenna")
    assert clean.text[start : start + 14] == "Morwenna Quill"
    assert clean.document_id == hashlib.sha256(data).hexdigest()
    assert clean.source_uri == "/in/doc.txt"


@pytest.mark.parametrize(
    "bom, codec",
    [(codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")],
)
def test_byte_order_marks(bom, codec):
    text = "Minutes – £1,200 approved’\nChair: Cllr Ada Finch"
    clean = extract_text(raw(bom + text.encode(codec)))
    assert clean.text == text
    assert clean.encoding == codec
    assert not clean.text.startswith("\ufeff")


def test_windows_1252_pound_and_curly_quotes_survive():
    text = "The Commissioner’s budget of £3.5m was “agreed” – in full."
    clean = extract_text(raw(text.encode("cp1252")))
    assert clean.text == text
    assert clean.encoding == "cp1252"


def test_html_declared_charset_is_honoured():
    page = '<html><head><meta charset="windows-1252"></head><body><p>Fee: £40 – Chair’s note</p></body></html>'
    clean = extract_text(raw(page.encode("cp1252"), "page.html"))
    assert clean.text == "Fee: £40 – Chair’s note"
    assert clean.encoding == "cp1252"


def test_html_declared_utf8_that_is_really_cp1252_falls_back():
    page = '<html><head><meta charset="utf-8"></head><body><p>Cost £5</p></body></html>'
    clean = extract_text(raw(page.encode("cp1252"), "page.html"))
    assert clean.text == "Cost £5"
    assert clean.encoding == "cp1252"


def test_html_with_table_lists_and_dropped_elements():
    clean = extract_text(raw((FIXTURES / "attendance_table.html").read_bytes(), "board.html"))
    assert clean.format == "html"
    assert clean.encoding == "utf-8"
    lines = clean.text.split("\n")
    assert lines[:7] == [
        "Harbourside Command Board - Tactical",
        "Date: Wednesday 3 April 2030",
        "Venue: Lantern Room",
        "Name | Role |",
        "---|---|",
        "CC Morwenna Quill (Chair) | Chief Constable |",
        "ACC Dorian Pettigrew (MT) | Operations Directorate |",
    ]
    assert "- DCC Ambrose Kettering" in lines
    assert "- PSE Lavinia Crump" in lines
    assert "Budget costs rose by £12,000 – it’s agreed." in lines
    assert "javascript:alert('x')" in lines  # a javascript: link is only text
    for hidden in (
        "SCRIPT-SECRET",
        "IFRAME-TEXT",
        "NOSCRIPT-TEXT",
        "TEMPLATE-TEXT",
        "SVG-TEXT",
        "stealCookies",
        "font-family",
        "Skip to main content",
        "cookies",
    ):
        assert hidden not in clean.text
    assert clean.text.count("Harbourside Command Board") == 1  # the <head> title is dropped


def test_html_cut_off_mid_tag_keeps_text_before_the_cut():
    page = b"<html><body><h1>Panel minutes</h1><p>Present: Cllr Ada Finch</p><table><tr><td>Item 1</td><td>Wel"
    assert extract_text(raw(page + b'come</td></tr><tr><td class="x', "cut.html")).text == (
        "Panel minutes\nPresent: Cllr Ada Finch\nItem 1 | Welcome |"
    )
    assert extract_text(raw(page + b'come</td><td><a href="x', "cut.html")).text.startswith("Panel minutes\n")


def test_pdf_generated_with_fpdf2():
    fpdf = pytest.importorskip("fpdf")
    pdf = fpdf.FPDF()
    for page_text in ("Police and Crime Panel minutes", "RESOLVED that the report be noted."):
        pdf.add_page()
        pdf.set_font("helvetica", size=12)
        pdf.cell(0, 10, page_text)
    data = bytes(pdf.output())
    clean = extract_text(raw(data, "minutes.pdf"))
    assert clean.format == "pdf"
    assert clean.encoding is None
    assert clean.text == "Police and Crime Panel minutes\n\nRESOLVED that the report be noted."


def test_pdf_without_text_layer():
    fpdf = pytest.importorskip("fpdf")
    pdf = fpdf.FPDF()
    pdf.add_page()
    pdf.rect(10, 10, 50, 50, style="F")  # drawing only, no text
    with pytest.raises(ExtractionError) as err:
        extract_text(raw(bytes(pdf.output()), "scan.pdf"))
    assert err.value.check == "no_text_layer"


def test_pdf_with_too_many_pages():
    fpdf = pytest.importorskip("fpdf")
    pdf = fpdf.FPDF()
    pdf.set_font("helvetica", size=12)
    for n in range(4):
        pdf.add_page()
        pdf.cell(0, 10, f"Page {n}")
    with pytest.raises(ExtractionError) as err:
        extract_text(raw(bytes(pdf.output()), "long.pdf"), max_pdf_pages=3)
    assert err.value.check == "too_many_pages"
    assert "4 pages" in err.value.reason


def test_broken_pdf_has_one_line_reason():
    with pytest.raises(ExtractionError) as err:
        extract_text(raw(b"%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage\x00\x01" * 3, "broken.pdf"))
    assert err.value.check == "invalid_pdf"
    assert "\n" not in err.value.reason


def _docx_bytes() -> bytes:
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_heading("Harbourside Command Board", level=1)
    document.add_paragraph("Date: 3 April 2030")
    table = document.add_table(rows=3, cols=2)
    for row, (name, role) in zip(
        table.rows,
        [("Name", "Role"), ("CC Morwenna Quill", "Chief Constable"), ("ACC Dorian  Pettigrew", "Operations")],
        strict=True,
    ):
        row.cells[0].text, row.cells[1].text = name, role
    document.add_paragraph("RESOLVED that the rota be adopted.")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_docx_paragraphs_and_tables_in_body_order():
    clean = extract_text(raw(_docx_bytes(), "minutes.docx"))
    assert clean.format == "docx"
    assert clean.text == (
        "Harbourside Command Board\nDate: 3 April 2030\nName | Role |\n"
        "CC Morwenna Quill | Chief Constable |\nACC Dorian Pettigrew | Operations |\n"
        "RESOLVED that the rota be adopted."
    )


def test_docx_detected_by_content_whatever_its_name():
    assert extract_text(raw(_docx_bytes(), "download.bin")).format == "docx"


def test_broken_docx():
    data = _docx_bytes()
    with pytest.raises(ExtractionError) as err:
        extract_text(raw(data[: len(data) // 2], "half.docx"))
    assert err.value.check in ("invalid_docx", "unsupported_format")
    assert err.value.reason
