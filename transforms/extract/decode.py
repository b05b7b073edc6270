"""Bytes -> str for text and HTML documents, and the "is this binary junk?" check.

Order: byte-order mark, then the charset of the HTTP ``Content-Type`` header (for fetched
documents), then strict UTF-8, then the charset the page declares (``<meta>``: a page whose
bytes are valid UTF-8 is read as UTF-8 whatever its meta tag says), then Windows-1252 (what
UK council pages without a charset almost always are), then charset-normalizer's best guess.
Text that still reads as mojibake ("Oâ€™Neill", "Â£5", "cafÃ©": UTF-8 read as Windows-1252
somewhere upstream) is repaired with ftfy, or refused as ``mojibake``. Example::

    >>> decode_bytes("£5 – it’s".encode("cp1252"))
    ('£5 – it’s', 'cp1252')
    >>> decode_bytes("Jane Oâ€™Neill".encode("utf-8"))
    ('Jane O’Neill', 'utf-8 (mojibake repaired)')
"""

from __future__ import annotations

import codecs
import re

import charset_normalizer
import ftfy
from ftfy.badness import is_bad

from transforms.models import ExtractionError

#: longest BOMs first: the UTF-32 LE mark starts with the UTF-16 LE one
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
#: labels browsers read as Windows-1252 (WHATWG encoding standard)
_CP1252_ALIASES = {"iso8859-1", "latin-1", "ascii", "iso8859-15", "cp1252"}
_DECLARED_CHARSET = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})"""
    rb"""|<\?xml[^>]{0,100}?encoding\s*=\s*["']([A-Za-z0-9_.:-]{1,40})""",
    re.IGNORECASE,
)
#: control characters other than tab, line feed, vertical tab, form feed, carriage return, ESC
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 11, 12, 13, 27))
_CONTROL_CHARS = re.compile("[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")
#: share of control characters above which "text" is really binary data
MAX_CONTROL_SHARE = 0.05
_SAMPLE = 65536


def bom_encoding(data: bytes) -> tuple[str, int] | None:
    """``(codec, BOM length)`` for a byte-order mark at the start of ``data``, else None."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name, len(bom)
    return None


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in ``<meta charset>`` / ``<?xml encoding>`` within its first
    4 KB, as a Python codec name; None when absent or unknown. ISO-8859-1 reads as cp1252."""
    match = _DECLARED_CHARSET.search(data[:4096])
    if not match:
        return None
    return codec_name((match.group(1) or match.group(2)).decode("ascii", "ignore"))


def codec_name(label: str) -> str | None:
    """A charset label as a Python codec name; None when unknown (or UTF-16/32, which only a BOM
    can be trusted for). ISO-8859-1 and ASCII read as cp1252, as browsers do."""
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    if name in _CP1252_ALIASES:
        return "cp1252"
    if name.startswith("utf-16") or name.startswith("utf-32"):
        return None  # a page that is really UTF-16 carries a BOM; the meta tag lies otherwise
    return name


def utf16_without_bom(data: bytes) -> str | None:
    """ "utf-16-le"/"utf-16-be" when every other byte of the sample is NUL (text saved as
    UTF-16 with its BOM lost), else None."""
    sample = data[:4096]
    if len(sample) < 8:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.05 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.4 * len(even) and odd.count(0) < 0.05 * len(odd):
        return "utf-16-be"
    return None


def looks_binary(data: bytes) -> bool:
    """True for bytes that are not text in a single-byte or UTF-8 encoding: NUL bytes, or
    more than 5% control characters in the first 64 KB."""
    sample = data[:_SAMPLE]
    if b"\x00" in sample:
        return True
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    return controls > MAX_CONTROL_SHARE * max(len(sample), 1)


def control_share(text: str) -> float:
    """Share of control characters in the first 64 K characters of ``text``."""
    sample = text[:_SAMPLE]
    return len(_CONTROL_CHARS.findall(sample)) / max(len(sample), 1)


def _try(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


#: what garbled text shows: a UTF-8 lead byte read as Latin-1 / cp1252 and its continuation
#: ("Ã©", "â€™", "Â£", "Ð°"), or two accented Latin-1 letters side by side (another code page read
#: as cp1252: "Åëßíç"); text without either is never handed to ftfy, whose check costs more than
#: the rest of decoding
_MOJIBAKE_HINT = re.compile(r"[\u00c2-\u00ef][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e"
                            r"\u0192\u02c6\u02dc\u2013-\u2026\u2030\u2039\u203a\u20ac\u2122]|[\u00c0-\u00ff]{2}")


def repair_mojibake(text: str, encoding: str) -> tuple[str, str]:
    """``(text, encoding)`` with mojibake repaired by ftfy (the encoding then says so); raises
    ExtractionError("mojibake") when it cannot be repaired. Clean text is returned as it is."""
    if not _MOJIBAKE_HINT.search(text) or not is_bad(text):
        return text, encoding
    fixed = ftfy.fix_encoding(text)
    if is_bad(fixed):
        sample = re.search(r"\S*(?:â€|Ã.|Â.)\S*", text)
        shown = f" such as {sample.group(0)[:30]!r}" if sample else ""
        raise ExtractionError("mojibake", f"text decoded as {encoding} is garbled (mojibake{shown}) "
                                          "and could not be repaired")
    return fixed, f"{encoding} (mojibake repaired)"


def decode_bytes(data: bytes, *, declared: str | None = None, http_charset: str | None = None) -> tuple[str, str]:
    """``(text, encoding)`` for ``data``; raises ExtractionError("binary_content") for binary
    junk and ExtractionError("mojibake") for garbled text that cannot be repaired.
    ``http_charset`` is the Content-Type header's charset, ``declared`` the page's own."""
    text, encoding = _decode(data, declared, http_charset)
    return repair_mojibake(text, encoding)


def _decode(data: bytes, declared: str | None, http_charset: str | None) -> tuple[str, str]:
    marked = bom_encoding(data)
    wide, skip = marked or (utf16_without_bom(data), 0)
    if wide:
        text = _try(data[skip:], wide)
        if text is not None:
            if control_share(text) > MAX_CONTROL_SHARE or "\x00" in text[:_SAMPLE]:
                raise ExtractionError("binary_content", f"decoded as {wide} but it is mostly control characters")
            return text, wide
    if looks_binary(data):
        raise ExtractionError("binary_content", "content is binary data (NUL bytes or control characters), not text")
    for encoding in (http_charset, "utf-8", declared, "cp1252"):
        if encoding:
            text = _try(data, encoding)
            if text is not None:
                return text, encoding
    best = charset_normalizer.from_bytes(data[: 4 * _SAMPLE]).best()
    if best is not None and _try(data, best.encoding) is not None:
        return data.decode(best.encoding), best.encoding
    return data.decode("cp1252", errors="replace"), "cp1252 (with replacements)"
