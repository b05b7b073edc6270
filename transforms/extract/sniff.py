"""What the bytes are, judged by their content; the file name is only a hint.

Binary signatures other than PDF and DOCX live in ``quirks/binary_signatures.csv``.
Example::

    >>> binary_format(b"%PDF-1.7 ...")
    'pdf'
    >>> binary_format(b"\\x89PNG\\r\\n\\x1a\\n...")
    Traceback (most recent call last):
    transforms.models.ExtractionError: unsupported_format: content is a PNG image, not a document
"""

from __future__ import annotations

import io
import re
import zipfile
from functools import lru_cache
from pathlib import PurePosixPath
from urllib.parse import urlsplit

from transforms.models import ExtractionError
from transforms.quirks import load_table

PDF_MAGIC = b"%PDF-"
ZIP_MAGIC = b"PK\x03\x04"
#: the main part of a Word document; a bigger one is a decompression bomb, not minutes
MAX_DOCX_XML_BYTES = 200 * 1024 * 1024
_HTML_START = re.compile(
    r"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title|div|p|table|section|article"
    r"|header|main|h[1-6]|ul|ol|span|form|link|script|style)\b",
    re.IGNORECASE | re.DOTALL,
)
_HTML_ANYWHERE = re.compile(r"<(?:!doctype\s+html|html|body)\b", re.IGNORECASE)
_BLOCK_TAG = re.compile(r"</?(?:div|p|table|tr|td|br|li|h[1-6]|span)\b[^<>]{0,500}>", re.IGNORECASE)


@lru_cache(maxsize=1)
def _signatures() -> tuple[tuple[bytes, int, str], ...]:
    return tuple(
        (bytes.fromhex(row["magic_hex"]), int(row["offset"]), row["what"]) for row in load_table("binary_signatures")
    )


def suffix_hint(source_uri: str) -> str:
    """The lower-cased suffix of the path in ``source_uri`` ("" when none).
    ``"https://x/y/Minutes.PDF?ver=2"`` -> ``".pdf"``."""
    try:
        path = urlsplit(source_uri).path if "://" in source_uri else source_uri
    except ValueError:
        path = source_uri
    return PurePosixPath(path.replace("\\", "/")).suffix.lower()


def is_pdf(data: bytes) -> bool:
    """``%PDF-`` at the start (after white space), or within the first KB of a file that ends
    like a PDF (some generators put junk before the header)."""
    if data.lstrip(b" \t\r\n\x0c\xef\xbb\xbf").startswith(PDF_MAGIC):
        return True
    return PDF_MAGIC in data[:1024] and b"%%EOF" in data[-2048:]


def zip_format(data: bytes) -> str:
    """ "docx" for a Word document; ExtractionError for any other or a broken zip."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            info = {i.filename: i for i in archive.infolist()}
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise ExtractionError("unsupported_format", f"content is a damaged ZIP archive: {exc}") from None
    main = info.get("word/document.xml")
    if main is None:
        raise ExtractionError("unsupported_format", "content is a ZIP archive, not a document")
    if main.file_size > MAX_DOCX_XML_BYTES:
        size_mb = main.file_size / 1024 / 1024
        raise ExtractionError("too_large", f"Word document text unpacks to {size_mb:.0f} MB")
    return "docx"


def binary_format(data: bytes) -> str | None:
    """ "pdf", "docx", or None when the bytes carry no binary signature (text or HTML).
    Raises ExtractionError("unsupported_format") for images, archives, executables ..."""
    if is_pdf(data):
        return "pdf"
    if data.startswith(ZIP_MAGIC):
        return zip_format(data)
    for magic, offset, what in _signatures():
        if data[offset : offset + len(magic)] == magic:
            raise ExtractionError("unsupported_format", f"content is {what}, not a document")
    return None


def looks_like_html(text: str) -> bool:
    """True when decoded text is HTML markup: it starts with a tag such as ``<!doctype html>``,
    ``<div`` or ``<p>``, names ``<html>``/``<body>`` early on, or is dense with block tags."""
    head = text[:8192]
    if _HTML_START.match(head) or _HTML_ANYWHERE.search(head):
        return True
    return len(_BLOCK_TAG.findall(text[:65536])) >= 3
