"""extract_text on unusable or hostile input: readable ExtractionErrors, quickly, never a crash."""

from __future__ import annotations

import hashlib
import io
import time
import zipfile

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from transforms.extract import MAX_BYTES, extract_text
from transforms.extract.html_depth import flatten_deep_nesting, nesting_depth
from transforms.models import CleanText, ExtractionError, RawDocument

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"


def raw(data: bytes, name: str = "doc.txt") -> RawDocument:
    return RawDocument(hashlib.sha256(data).hexdigest(), f"https://example.invalid/docs/{name}", data)


def failure(data: bytes, name: str = "doc.txt", **kwargs) -> ExtractionError:
    with pytest.raises(ExtractionError) as err:
        extract_text(raw(data, name), **kwargs)
    return err.value


def zip_bytes(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def test_empty_file():
    assert failure(b"").check == "empty_file"


@pytest.mark.parametrize("data", [b"   \r\n\t\n", b"<html><body><script>x()</script></body></html>"])
def test_only_white_space_after_cleaning(data):
    assert failure(data).check == "empty_text"


def test_only_furniture_is_empty_text():
    err = failure(b"We use some essential cookies to make our website work.\nSkip to main content\n")
    assert err.check == "empty_text"


def test_binary_junk():
    err = failure(bytes(range(256)) * 40, "minutes.txt")
    assert err.check == "binary_content"


def test_fifty_megabyte_file_is_refused_quickly_with_its_size():
    data = b"A" * (50 * 1024 * 1024)
    started = time.perf_counter()
    err = failure(data)
    # refused on its size, before any decoding (which would take far longer on a busy machine
    # than this generous bound; timings themselves are measured in bench/, not here)
    assert time.perf_counter() - started < 5
    assert err.check == "too_large"
    assert "50.0 MB" in err.reason
    assert MAX_BYTES < len(data)


def test_max_bytes_can_be_lowered():
    assert failure(b"Minutes of the meeting", max_bytes=10).check == "too_large"


def test_pdf_name_with_garbage_content():
    err = failure(b"\x13\x07\x99\x00garbage\x01\x02" * 100, "minutes.pdf")
    assert err.check == "unsupported_format"
    assert err.reason.startswith("named .pdf but its content is not a PDF")


def test_pdf_name_with_html_content_is_read_as_html():
    clean = extract_text(raw(b"<html><body><p>Minutes of the Panel</p></body></html>", "minutes.pdf"))
    assert (clean.format, clean.text) == ("html", "Minutes of the Panel")


def test_pdf_name_with_text_content_is_read_as_text():
    clean = extract_text(raw("Minutes – Chair’s report".encode("cp1252"), "minutes.pdf?version=2"))
    assert (clean.format, clean.text) == ("text", "Minutes – Chair’s report")


@pytest.mark.parametrize(
    "data, what",
    [
        (zip_bytes({"readme.txt": b"hello"}), "ZIP archive"),
        (PNG, "PNG image"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", "JPEG image"),
        (b"GIF89a\x01\x00\x01\x00\x00\x00", "GIF image"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64, "old Microsoft Office file"),
    ],
)
def test_binary_formats_named_html_are_unsupported(data, what):
    err = failure(data, "minutes.html")
    assert err.check == "unsupported_format"
    assert what in err.reason
    assert err.reason.endswith("not a document")


def test_ten_thousand_nested_divs_return_quickly_with_their_text():
    page = "<html><body>" + "<div>" * 10_000 + "deep text" + "</div>" * 10_000 + "<p>after</p></body></html>"
    started = time.perf_counter()
    clean = extract_text(raw(page.encode(), "deep.html"))
    assert time.perf_counter() - started < 2
    assert "deep text" in clean.text
    assert "after" in clean.text


def test_two_hundred_thousand_unclosed_tags_do_not_hang():
    page = "<html><body>" + "<span><div>" * 100_000 + "bottom"
    started = time.perf_counter()
    clean = extract_text(raw(page.encode(), "deep.html"))
    assert time.perf_counter() - started < 5
    assert clean.text.endswith("bottom")


def test_flatten_deep_nesting_caps_depth():
    html = "<div>" * 50 + "x" + "</div>" * 50
    flattened = flatten_deep_nesting(html, max_depth=10)
    assert nesting_depth(flattened) == 10
    assert "x" in flattened


def test_error_reasons_are_one_line():
    for data, name in [(b"", "a.txt"), (PNG, "a.html"), (b"%PDF-1.4 nonsense\x00", "a.pdf")]:
        err = failure(data, name)
        assert err.reason and "\n" not in err.reason


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=3000), st.sampled_from(["a.txt", "a.html", "a.pdf", "a.docx", ""]))
def test_random_bytes_never_raise_anything_but_extraction_error(data, name):
    try:
        result = extract_text(raw(data, name))
    except ExtractionError as err:
        assert err.check and err.reason
    else:
        assert isinstance(result, CleanText) and result.text.strip()


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("<>/divptabler =\"'!-&;x\n ")), max_size=400))
def test_random_markup_never_crashes(markup):
    try:
        extract_text(raw(("<html><body>" + markup).encode(), "page.html"))
    except ExtractionError as err:
        assert err.check == "empty_text"
