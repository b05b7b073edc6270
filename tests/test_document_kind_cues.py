"""The document-kind classifier's speed-ups give what the plain code gave."""

from __future__ import annotations

import re

import pytest

from transforms.extract import document_kind
from transforms.extract.document_kind import _MEETING_CUES, _lines, _mostly_code


def _cue_words_and_letters() -> tuple[list[str], str]:
    pattern = _MEETING_CUES.pattern
    letters = re.search(r"\(\?=\[(\w+)\]\)", pattern).group(1)
    words = pattern[pattern.index("])(") + 3: pattern.rindex(")")]
    return re.split(r"\|(?![^(]*\))", words), letters


def test_look_ahead_admits_every_first_letter_as_ignorecase_reads_it():
    words, letters = _cue_words_and_letters()
    firsts = {w[0] for w in words}
    assert firsts <= set(letters)
    # every character re.IGNORECASE takes for a first letter (ı, İ, the Kelvin sign ...) passes
    ahead = re.compile(f"[{letters}]", re.IGNORECASE)
    odd = [chr(c) for c in range(0x3000) if not ahead.match(chr(c))
           and any(re.match(f, chr(c), re.IGNORECASE) for f in firsts)]
    assert odd == []


@pytest.mark.parametrize("text", [
    "", "\n\n", "one\r\ntwo\rthree\x0cfour", "x\n" * 30000, ("a" * 9000 + "\r\n") * 5,
    "Minutes\r" + "\n" * 8190 + "\nPresent", "\u2028".join(["line"] * 500),
])
def test_lines_from_a_prefix_are_the_lines_of_the_whole(text):
    plain = [line for line in text.splitlines() if line.strip()]
    for limit in (1, 50, 200, 400):
        assert _lines(text, limit) == plain[:limit]


@pytest.mark.parametrize("lines", [["x = 1;"] * 5, ["def f():", "prose here", "return 1;", "}", "{"],
                                   ["prose"] * 3 + ["x;"] * 7, ["prose"] * 4 + ["x;"] * 6, ["prose"] * 10])
def test_mostly_code_counts_as_before(lines):
    code = sum(1 for line in lines if document_kind._CODE_LINE.search(line))
    assert _mostly_code(lines) == (code >= 0.6 * len(lines))
