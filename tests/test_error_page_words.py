"""The error-page check's word pre-check (``error_pages.ERROR_WORDS``) never hides an error line:
every alternative of every error pattern holds one of the words outside its optional parts."""

from __future__ import annotations

import re

import pytest

from transforms.extract import error_pages
from transforms.extract.error_pages import ERROR_WORDS, error_page_reason
from transforms.text.literal_guard import required_words


def top_level_alternatives(pattern: str) -> list[str]:
    """``pattern`` cut at the ``|`` that are outside groups and character classes."""
    parts, depth, in_class, start, i = [], 0, False, 0, 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
        i += 1
    return parts + [pattern[start:]]


@pytest.mark.parametrize("pattern", [p for p, kind, _ in error_pages._PATTERNS if kind == "error"])
def test_every_error_alternative_holds_an_error_word(pattern):
    for alternative in top_level_alternatives(pattern):
        words, _ = required_words(re.compile(alternative, re.IGNORECASE))
        assert any(w in run for w in ERROR_WORDS for run in words), alternative


def _slow_reason(text: str) -> str | None:
    """The check without the pre-check, as it was written before."""
    lines = [line.strip() for line in error_pages.normalise_text(text).split("\n") if line.strip()]
    first = next((line for line in lines[: error_pages.HEAD_LINES] if error_pages._error_label(line)), None)
    if first is None:
        return None
    substance = [line for line in lines if not error_pages._error_label(line)
                 and not error_pages.is_furniture_line(line)]
    words = sum(len(line.split()) for line in substance)
    markers = sum(1 for m in error_pages._patterns()[1] if m.search("\n".join(substance)))
    if words >= error_pages.MIN_SUBSTANCE_WORDS and markers >= error_pages.MIN_MINUTES_MARKERS:
        return None
    if words >= error_pages.LONG_PAGE_WORDS:
        return None
    return f"looks like an error page: '{error_pages._quoted(first)}'"


@pytest.mark.parametrize("text", [
    "PAGE NOT FOUND\nSorry, the page you requested has moved.",
    "Oops\n404 - Not Found",
    "Access Denied\nYou don't have permission to view this page.",
    "Forbidden",
    "Service Temporarily Unavailable\nThe site is down for maintenance.",
    "Server Error in '/Moorvale' Application.\nRuntime Error",
    "Gateway Time-out",
    "Technical Error: the request was aborted: could not create SSL/TLS secure channel.",
    "TECHNİCAL ERROR",  # a dotted capital I: re.IGNORECASE reads it as i
    "Minutes of the Fenland Crime Panel\nPresent: Cllr Ada Hart\nApologies: none\nThe panel found the plan sound.",
    "Technical Error: timeout\n" + "Minutes of the meeting of the panel. Present: the Chair. Apologies. " * 30,
    "Notes of the board\nAda Hart (AH) Chief Executive",
])
def test_pre_check_gives_the_same_reason(text):
    assert error_page_reason(text) == _slow_reason(text)
