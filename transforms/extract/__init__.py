"""The extract stage: raw bytes -> cleaned text, or a readable reason why not.

The format is judged by content (the file name is only a hint): PDF, Word (DOCX), HTML or
plain text. Text is decoded robustly, laid out as lines, and stripped of site furniture
(``furniture._RULES``). Every fact a parser reads later points into ``CleanText.text``.
Example::

    >>> raw = RawDocument("ab12", "minutes.html", b"<p>Date: 1 May 2024</p><p>Present: ...</p>")
    >>> extract_text(raw).text
    'Date: 1 May 2024\\nPresent: ...'

Failures raise ``ExtractionError(check, reason)``; checks: ``empty_file``, ``too_large``,
``binary_content``, ``unsupported_format``, ``invalid_pdf``, ``encrypted_pdf``,
``too_many_pages``, ``no_text_layer``, ``invalid_docx``, ``empty_text``, ``mojibake``, ``not_minutes`` (JSON,
CSV, XML or source code: ``document_kind.data_file_kind``).
"""

from __future__ import annotations

from transforms.extract.decode import codec_name, declared_charset, decode_bytes
from transforms.extract.document_kind import classify, data_file_kind
from transforms.extract.docx_text import docx_to_text
from transforms.extract.error_pages import error_page_reason
from transforms.extract.furniture import clean_text, says_truncated
from transforms.extract.html_text import html_to_text
from transforms.extract.pdf_sandbox import pdf_to_text_sandboxed
from transforms.extract.pdf_text import MAX_PDF_PAGES
from transforms.extract.sniff import binary_format, looks_like_html, suffix_hint
from transforms.models import CleanText, ExtractionError, RawDocument

__all__ = ["MAX_BYTES", "classify", "extract_text", "error_page_reason"]

#: 25 MB: minutes pages are kilobytes, minutes PDFs a few megabytes
MAX_BYTES = 25 * 1024 * 1024
#: names that promise a binary format; text behind them must be plainly text to be read
_BINARY_SUFFIXES = {".pdf": "a PDF", ".docx": "a Word document", ".doc": "a Word document"}
#: share of letters, digits, white space and common punctuation in text we trust as text
_MIN_READABLE_SHARE = 0.9


def _check_size(data: bytes, max_bytes: int) -> None:
    if not data:
        raise ExtractionError("empty_file", "file is empty (0 bytes)")
    if len(data) > max_bytes:
        raise ExtractionError(
            "too_large",
            f"file is {len(data) / 1024 / 1024:.1f} MB, over the {max_bytes / 1024 / 1024:.1f} MB limit",
        )


def _readable_share(text: str) -> float:
    sample = text[:65536]
    readable = sum(1 for ch in sample if ch.isalnum() or ch.isspace() or ch in ".,;:!?'\"()-–—’“”£$%&/<>=_#@*[]{}|+")
    return readable / max(len(sample), 1)


def _decode_text(raw: RawDocument, http_charset: str | None = None) -> tuple[str, str, str]:
    """``(format, text, encoding)`` for bytes without a binary signature; ``http_charset`` is
    the charset of the Content-Type header the document was fetched with, if any."""
    suffix = suffix_hint(raw.source_uri)
    promised = _BINARY_SUFFIXES.get(suffix)
    try:
        text, encoding = decode_bytes(raw.data, declared=declared_charset(raw.data),
                                      http_charset=codec_name(http_charset) if http_charset else None)
    except ExtractionError as exc:
        if promised:
            raise ExtractionError(
                "unsupported_format", f"named {suffix} but its content is not {promised}: {exc.reason}"
            ) from None
        raise
    if promised and _readable_share(text) < _MIN_READABLE_SHARE:
        raise ExtractionError(
            "unsupported_format",
            f"named {suffix} but its content is not {promised}: it starts with {raw.data[:16]!r}",
        )
    return ("html" if looks_like_html(text) else "text"), text, encoding


def extract_text(raw: RawDocument, *, max_bytes: int = MAX_BYTES, max_pdf_pages: int = MAX_PDF_PAGES,
                 http_charset: str | None = None) -> CleanText:
    """The cleaned text of ``raw``; raises ExtractionError for unusable input. ``http_charset``:
    the charset of the HTTP Content-Type header it was fetched with (first after a BOM)."""
    _check_size(raw.data, max_bytes)
    fmt = binary_format(raw.data)
    encoding: str | None = None
    if fmt == "pdf":
        text = pdf_to_text_sandboxed(raw.data, max_pdf_pages)
    elif fmt == "docx":
        text = docx_to_text(raw.data)
    else:
        fmt, text, encoding = _decode_text(raw, http_charset)
        data = data_file_kind(text) if fmt == "text" else None
        if data:
            raise ExtractionError("not_minutes", f"{data}, not meeting minutes")
        if fmt == "html":
            text = html_to_text(text)
    cleaned = clean_text(text)
    if not cleaned.strip():
        raise ExtractionError("empty_text", f"no text left after extracting the {fmt} and removing site furniture")
    return CleanText(
        document_id=raw.document_id,
        source_uri=raw.source_uri,
        text=cleaned,
        format=fmt,
        encoding=encoding,
        truncated=says_truncated(text),
    )
