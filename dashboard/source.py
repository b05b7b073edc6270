"""The sentence behind a row: its span of the cleaned text with some context, highlighted.

>>> s = source_excerpt("Apologies were received. ACC Ray to review fleet costs. Next item.", 25, 55, context=11)
>>> (s.before, s.span, s.after)
('received. ', 'ACC Ray to review fleet costs.', ' Next item.')
>>> s.html()
'<div class="minutes-source">… received. <mark>ACC Ray to review fleet costs.</mark> Next item.</div>'
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from urllib.parse import urlparse


@dataclass(frozen=True)
class SourceExcerpt:
    before: str
    span: str
    after: str
    cut_before: bool  # text was left out before `before`
    cut_after: bool

    def html(self) -> str:
        """Escaped HTML with the span in <mark>; line breaks kept (the minutes' layout matters)."""
        def esc(s: str) -> str:
            return html.escape(s).replace("\n", "<br>")

        lead = "… " if self.cut_before else ""
        tail = " …" if self.cut_after else ""
        return (f'<div class="minutes-source">{lead}{esc(self.before)}<mark>{esc(self.span)}</mark>'
                f"{esc(self.after)}{tail}</div>")


def source_excerpt(text: str, start: int, end: int, context: int = 300) -> SourceExcerpt:
    """The span ``text[start:end]`` with up to ``context`` characters either side, widened to
    whole words. Out-of-range offsets are clipped (never raises)."""
    text = text or ""
    start = max(0, min(int(start), len(text)))
    end = max(start, min(int(end), len(text)))
    lo = max(0, start - context)
    hi = min(len(text), end + context)
    if lo > 0 and not text[lo - 1].isspace():  # do not start or stop the context mid-word
        space = text.find(" ", lo, start)
        lo = space + 1 if space != -1 else lo
    if hi < len(text) and not text[hi].isspace():
        space = text.rfind(" ", end, hi)
        hi = space if space != -1 else hi
    return SourceExcerpt(text[lo:start], text[start:end], text[end:hi], lo > 0, hi < len(text))


def is_web_address(uri: str | None) -> bool:
    """True for http(s) URLs (a link to the original page), False for file paths.

    >>> is_web_address("https://example.org/minutes.pdf"), is_web_address("/data/minutes.pdf")
    (True, False)
    """
    if not uri:
        return False
    parsed = urlparse(uri)
    return parsed.scheme in ("http", "https") and bool(parsed.netloc)
