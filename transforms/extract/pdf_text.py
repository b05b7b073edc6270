"""PDF -> text: a pypdf preflight, then pypdfium2's text layer page by page.

pypdf is strict and cheap, so it answers "is this a PDF, is it locked, how many pages"
before pdfium (fast, but memory-hungry on hostile files) reads any text. Pages are joined
by a blank line. Example::

    >>> pdf_to_text(open("minutes.pdf", "rb").read())[:40]
    'Police and Crime Panel\\nMinutes of the me'
"""

from __future__ import annotations

import io
import logging

import pypdf
import pypdfium2 as pdfium

from transforms.models import ExtractionError

MAX_PDF_PAGES = 500


def one_line(message: object, limit: int = 160) -> str:
    """A library's error message folded onto one line and shortened."""
    text = " ".join(str(message).split()) or type(message).__name__
    return text if len(text) <= limit else text[: limit - 1] + "…"


def preflight(data: bytes, max_pages: int = MAX_PDF_PAGES) -> int:
    """The page count of a readable PDF; ExtractionError when it is broken ("invalid_pdf"),
    locked ("encrypted_pdf") or longer than ``max_pages`` ("too_many_pages")."""
    # pypdf logs every repair it makes; a broken upload is reported through the error instead
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise ExtractionError("encrypted_pdf", "PDF is encrypted with a password")
        pages = len(reader.pages)
    except ExtractionError:
        raise
    except Exception as exc:  # pypdf raises many types (PdfReadError, ValueError, KeyError ...)
        raise ExtractionError("invalid_pdf", f"PDF cannot be read: {one_line(exc)}") from None
    if pages == 0:
        raise ExtractionError("invalid_pdf", "PDF has no pages")
    if pages > max_pages:
        raise ExtractionError("too_many_pages", f"PDF has {pages} pages, more than the {max_pages} allowed")
    return pages


def page_texts(data: bytes) -> list[str]:
    """The text layer of each page, in order (pdfium's own line breaks kept)."""
    try:
        document = pdfium.PdfDocument(data)
    except Exception as exc:  # pdfium's PdfiumError and friends
        raise ExtractionError("invalid_pdf", f"PDF cannot be opened: {one_line(exc)}") from None
    texts: list[str] = []
    try:
        for index in range(len(document)):
            page = document[index]
            textpage = page.get_textpage()
            texts.append(textpage.get_text_range())
            textpage.close()
            page.close()
    except Exception as exc:
        raise ExtractionError("invalid_pdf", f"PDF page {len(texts) + 1} cannot be read: {one_line(exc)}") from None
    finally:
        document.close()
    return texts


def pdf_to_text(data: bytes, max_pages: int = MAX_PDF_PAGES) -> str:
    """The text of a PDF, pages separated by a blank line; ExtractionError("no_text_layer")
    for a scan without text."""
    preflight(data, max_pages)
    texts = [text.replace("\r\n", "\n").replace("\r", "\n").strip("\n") for text in page_texts(data)]
    if not any(text.strip() for text in texts):
        raise ExtractionError("no_text_layer", "PDF has no text layer (a scan or images only); it would need OCR")
    return "\n\n".join(texts)
