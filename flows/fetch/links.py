"""Links of an index page: absolute http(s) URLs, fragments dropped, first occurrence kept.

    >>> extract_links(b'<a href="/m/1/#top">1</a><a href="2">2</a><a href="mailto:x@y">x</a>'
    ...               b'<a href="/m/1/">again</a>', "https://example.org/m/")
    ['https://example.org/m/1/', 'https://example.org/m/2']
"""

from __future__ import annotations

import re
from urllib.parse import quote, urldefrag, urljoin, urlsplit

import lxml.html
from lxml import etree


def extract_links(html: bytes, base_url: str) -> list[str]:
    """Every ``<a href>`` of ``html`` resolved against ``base_url`` (or the page's ``<base href>``).
    Unparsable input gives ``[]``."""
    try:
        doc = lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError, TypeError):
        return []
    base = base_url
    for href in doc.xpath("//base/@href")[:1]:
        base = urljoin(base_url, str(href).strip())
    seen: dict[str, None] = {}
    for href in doc.xpath("//a/@href"):
        href = re.sub(r"[\r\n\t]", "", str(href)).strip()
        if not href:
            continue
        url = canonical_url(urljoin(base, href))
        if urlsplit(url).scheme in ("http", "https"):
            seen.setdefault(url, None)
    return list(seen)


def canonical_url(url: str) -> str:
    """One spelling per address: fragment dropped, spaces and other unsafe characters %-escaped
    (existing escapes kept), so the archive keys a page the same way whichever link led to it.

    >>> canonical_url("https://e.org/docs/Printed minutes.pdf#page=2")
    'https://e.org/docs/Printed%20minutes.pdf'
    """
    return quote(urldefrag(url).url, safe=":/?&=;+!$'()*,@%~[]")


def is_below(url: str, index_url: str) -> bool:
    """Whether ``url`` is on the index page's host, under its path, and not the index itself.

    >>> is_below("https://e.org/minutes/5-may/", "https://e.org/minutes/"), is_below("https://e.org/about", "https://e.org/minutes/")
    (True, False)
    """
    a, b = urlsplit(url), urlsplit(index_url)
    prefix = b.path if b.path.endswith("/") else b.path.rsplit("/", 1)[0] + "/"
    return (a.hostname == b.hostname and a.path.startswith(prefix) and a.path.rstrip("/") != b.path.rstrip("/"))
