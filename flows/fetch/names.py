"""Stable, filesystem-safe file names for archived URLs.

A name keeps the host as a folder, a recognisable basename, the query parameters and the
suffix of what the body is:

    >>> str(file_name_for_url("https://democracy.example.gov.uk/ieListDocuments.aspx?CId=1&MId=2",
    ...                       "text/html"))
    'democracy.example.gov.uk/ieListDocuments_CId-1_MId-2.html'
    >>> str(file_name_for_url("https://www.example.police.uk/board-minutes/12-march-2031/", "text/html"))
    'www.example.police.uk/board-minutes_12-march-2031.html'
    >>> str(file_name_for_url("https://x.example.org/docs/Printed%20minutes.pdf?T=9", "application/pdf"))
    'x.example.org/Printed-minutes_T-9.pdf'
    >>> str(file_name_for_url("https://x.example.org/../../etc/passwd%0a", None))
    'x.example.org/etc_passwd.bin'

Nothing from the URL can add a path separator, ``..`` or a control character.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import PurePosixPath
from urllib.parse import parse_qsl, unquote, urlsplit

from flows.fetch.settings import DOCX_TYPE

SUFFIX_BY_TYPE = {
    "text/html": ".html", "application/xhtml+xml": ".html", "text/plain": ".txt", "application/pdf": ".pdf",
    DOCX_TYPE: ".docx", "text/xml": ".xml", "application/xml": ".xml",
}
KEPT_SUFFIXES = frozenset({".html", ".htm", ".txt", ".pdf", ".docx", ".xml"})
SCRIPT_SUFFIXES = frozenset({".aspx", ".asp", ".php", ".jsp", ".cfm", ".pl", ".cgi"})
MAX_STEM = 120
_UNSAFE = re.compile(r"[^A-Za-z0-9.-]+")


def safe_part(text: str) -> str:
    """Letters, digits, dots and hyphens only; no leading dot or hyphen, no ``..``.

    >>> safe_part("../Minutes 3 March\\n"), safe_part("...")
    ('Minutes-3-March', '')
    """
    text = _UNSAFE.sub("-", text)
    text = re.sub(r"\.{2,}", ".", text)
    text = re.sub(r"-{2,}", "-", text)
    return text.strip(".-")


def file_name_for_url(url: str, content_type: str | None) -> PurePosixPath:
    """``<host>/<basename>[_<key>-<value>...]<suffix>`` for ``url`` (see the module examples)."""
    parts = urlsplit(url)
    if parts.scheme == "file":
        folder = "local"
    else:
        host = safe_part((parts.hostname or "").lower()) or "unknown-host"
        folder = f"{host}_{parts.port}" if parts.port else host
    segments = [safe_part(unquote(s)) for s in parts.path.split("/")]
    segments = [s for s in segments if s]
    stem, url_suffix = _split_suffix(segments[-1]) if segments else ("index", "")
    if not url_suffix and len(segments) >= 2:   # a page slug: its parent says what it is
        stem = f"{segments[-2]}_{stem}"
    pairs = (safe_part(f"{k}-{v}" if v else k) for k, v in parse_qsl(parts.query, keep_blank_values=True))
    query = "_".join(p for p in pairs if p)
    stem = "_".join(p for p in (stem, query) if p) or "index"
    if len(stem) > MAX_STEM:
        stem = f"{stem[:MAX_STEM].rstrip('.-_')}_{url_hash(url)}"
    suffix = SUFFIX_BY_TYPE.get(content_type or "") or (url_suffix if url_suffix in KEPT_SUFFIXES else ".bin")
    return PurePosixPath(folder, stem + suffix)


def with_hash(name: PurePosixPath, url: str) -> PurePosixPath:
    """The same name made unique for ``url`` (used when two URLs would share a name)."""
    return name.with_name(f"{name.stem}_{url_hash(url)}{name.suffix}")


def url_hash(url: str) -> str:
    return hashlib.sha256(url.encode("utf-8")).hexdigest()[:10]


def _split_suffix(segment: str) -> tuple[str, str]:
    stem, dot, ext = segment.rpartition(".")
    if not dot or not stem or not re.fullmatch(r"[A-Za-z0-9]{1,5}", ext):
        return segment, ""
    suffix = "." + ext.lower()
    if suffix in KEPT_SUFFIXES or suffix in SCRIPT_SUFFIXES:
        return stem, suffix
    return segment, ""
