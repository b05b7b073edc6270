"""Recognise a fetched "document" that is only an error page (404, access denied, ...).

A page counts as an error page when an error phrase (``_PATTERNS``, kind
``error``) appears near its top and what remains is not minutes: very little text, or no
meeting vocabulary at all. Real minutes that carry a furniture line such as "Technical
Error: ..." above a long record are not error pages. Example::

    >>> error_page_reason("Page not found\\nSorry, the page you requested does not exist.")
    "looks like an error page: 'Page not found'"
    >>> error_page_reason("Technical Error: timeout\\nMinutes of the Panel ... (300 words)") is None
    True
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import islice

from transforms.extract.furniture import is_furniture_line, normalise_text
from transforms.text.literal_guard import fold

#: how many non-blank lines from the top an error heading may sit below
HEAD_LINES = 25
#: a page with fewer words than this besides its error lines is nothing but the error
MIN_SUBSTANCE_WORDS = 40
#: distinct meeting words ("minutes", "agenda", "present" ...) that mark real minutes; three,
#: because a 404 page's menu alone often says "meetings" and "agendas"
MIN_MINUTES_MARKERS = 3
#: a page this long is not an error page, whatever it says at the top
LONG_PAGE_WORDS = 400


#: (pattern, kind, label): ``error`` phrases of error pages, and ``substance`` words of minutes
#: (matched case-insensitively)
_PATTERNS = (
    (r"(?:\b404\b.{0,40})?\bpage (?:was )?not found\b|\b404\b.{0,20}\bnot found\b|\bpage (?:could not"
     r"|cannot|can't|can’t) be found\b|\bthe page you (?:were looking for|requested|are looking for)\b",
     "error", "Page not found"),
    (r"\baccess (?:is )?denied\b|\b403\b.{0,20}\bforbidden\b|^forbidden$|\byou (?:do not|don't"
     r"|don’t) have permission to (?:access|view)\b",
     "error", "Access denied"),
    (r"\bservice (?:is )?(?:temporarily )?unavailable\b|\b503\b.{0,20}\bunavailable\b"
     r"|\bsite is (?:currently )?(?:down for|under) maintenance\b",
     "error", "Service unavailable"),
    (r"\bserver error in '[^']*' application\b|\bruntime error\b|\ban unhandled exception occurred\b"
     r"|\binternal server error\b|\bbad gateway\b|\bgateway time-?out\b",
     "error", "Server error"),
    (r"^technical error\b", 'error', 'Technical Error'),
    (r"\bthe request was aborted\b|\bcould not create ssl/tls secure channel\b", 'error', 'Technical Error'),
    (r"\bminutes\b", 'substance', 'minutes vocabulary'),
    (r"\bagenda\b", 'substance', 'minutes vocabulary'),
    (r"\bpresent\b", 'substance', 'minutes vocabulary'),
    (r"\bapologies\b", 'substance', 'minutes vocabulary'),
    (r"\bresolved\b", 'substance', 'minutes vocabulary'),
    (r"\bchair(?:man|person)?\b", 'substance', 'minutes vocabulary'),
    (r"\bmeeting\b", 'substance', 'minutes vocabulary'),
    (r"\baction\b", 'substance', 'minutes vocabulary'),
    (r"\bdecisions?\b", 'substance', 'minutes vocabulary'),
    (r"\bcommissioner\b", 'substance', 'minutes vocabulary'),
    (r"\bpanel\b", 'substance', 'minutes vocabulary'),
    (r"\bboard\b", 'substance', 'minutes vocabulary'),
    (r"\battendance\b", 'substance', 'minutes vocabulary'),
    (r"\bitem\b", 'substance', 'minutes vocabulary'),
)


#: words (lower case) one of which every alternative of every ``error`` pattern holds outside any
#: optional part: a page top without any of them has no error line, and the patterns are not run
#: there (tests/test_error_page_words.py checks each alternative against this list)
ERROR_WORDS = ("found", "the page you", "denied", "forbidden", "permission", "unavailable", "maintenance",
               "error", "exception", "gateway", "aborted", "secure channel")


@lru_cache(maxsize=1)
def _patterns() -> tuple[tuple[tuple[re.Pattern[str], str], ...], tuple[re.Pattern[str], ...]]:
    errors, markers = [], []
    for pattern, kind, label in _PATTERNS:
        compiled = re.compile(pattern, re.IGNORECASE)
        if kind == "error":
            errors.append((compiled, label))
        else:
            markers.append(compiled)  # one meeting word per row, so each counts once
    return tuple(errors), tuple(markers)


@lru_cache(maxsize=1)
def _any_error() -> re.Pattern[str]:
    """Every error pattern in one: a line that matches none is passed in one search."""
    return re.compile("|".join(f"(?:{p.pattern})" for p, _ in _patterns()[0]) or r"(?!)", re.IGNORECASE)


def _error_label(line: str) -> str | None:
    if not _any_error().search(line):
        return None
    for pattern, label in _patterns()[0]:
        if pattern.search(line):
            return label
    return None


def _quoted(line: str, limit: int = 80) -> str:
    line = " ".join(line.split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


def error_page_reason(text: str) -> str | None:
    """A one-line reason when ``text`` is only an error page, else None."""
    raw_lines = normalise_text(text).split("\n")
    head = list(islice((s for line in raw_lines if (s := line.strip())), HEAD_LINES))
    folded = fold("\n".join(head))
    if not any(word in folded for word in ERROR_WORDS):
        return None  # no error phrase can match: most pages, told apart without a regex
    first_error = next((line for line in head if _error_label(line)), None)
    if first_error is None:
        return None
    lines = [line.strip() for line in raw_lines if line.strip()]
    substance = [line for line in lines if not _error_label(line) and not is_furniture_line(line)]
    words = sum(len(line.split()) for line in substance)
    body = "\n".join(substance)
    markers = sum(1 for marker in _patterns()[1] if marker.search(body))
    if words >= MIN_SUBSTANCE_WORDS and markers >= MIN_MINUTES_MARKERS:
        return None  # minutes (or a real page) that merely carry an error line
    if words >= LONG_PAGE_WORDS:
        return None  # a long page that mentions an error is not an error page
    return f"looks like an error page: '{_quoted(first_error)}'"
