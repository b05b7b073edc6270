"""Huge or odd texts must parse in seconds, not minutes (no regex that backtracks badly on long
lines or long runs of blank lines, no reading "the rest of the text" again for each line).
Times are CPU seconds, so a busy machine does not fail the test. All text is invented."""

from __future__ import annotations

import random
import time

import pytest

from transforms.adapters import REGISTRY, parse_document
from transforms.models import CleanText

#: a guard against quadratic or backtracking behaviour, which on these texts takes minutes; not a
#: speed target (speed is measured in bench/). Linear parsing takes 0.1-2.5 CPU seconds here.
LIMIT_S = 10.0

#: invented minute lines: labels, people, resolutions, actions, dates, table rows, bullets
LINES = [
    "Present: Cllr Jo Bloggs (Chair), Mr Al Smith and Councillor Ann Lee", "Apologies", "Minutes:",
    "Apologies were received from Cllr Bo Hale and Mrs Cy Dunn (Northmoor Borough Council).",
    "RESOLVED that the report be noted.", "Action 12/24 - Fleet review. CLOSED", "New action 5/24:",
    "ACC Tim Dunn to review the estate plan by 1 May 2031.", "Decision: the Board approved the budget.",
    "Name | Role |", "CC Jo Bloggs (Chair) | Chief Constable |", "  • Action Nos. 28, 29 and 32 from May.",
    "Date: Tuesday 4 March 2031", "Title: Chief Officer's Management Board", "105.", "That the plan be approved.",
    "Cllr Nell Frost substituted for Mr Rigg.", "Mr Ivo Dale was unable to attend and sent apologies.",
    "The Panel discussed the Commissioner's annual report at length and asked questions", "Kent Police:",
    "In the Chair: Commissioner Max Scot", "Officers: Ada Harp (AH), Sam Tate (ST)", "ACTION: JW to circulate",
]


def _line_soup(seed: int) -> list[str]:
    rng = random.Random(seed)
    return [rng.choice(LINES) for _ in range(20_000)]


def _texts() -> dict[str, str]:
    words = " ".join(_line_soup(1)).split(" ")
    one_line = " ".join(words)[:200_000]
    soup = _line_soup(2)
    short_lines = "\n".join(line if i % 9 else "" for i, line in enumerate(soup))  # paragraphs
    return {
        "one 200 KB line": one_line,
        "one 200 KB line without stops": one_line.replace(".", ""),
        "20,000 short lines": short_lines,
        "20,000 lines, no blank line": "\n".join(line for line in soup if not line.endswith(":")),
        "200,000 blank lines": "\n" * 200_000 + "Minutes:\n1.\n",
        "200 KB of spaces": " " * 200_000 + "Present: Jo Bloggs",
        "a list of 20,000 names": "Present: " + ", ".join(f"Jo Bloggs{i % 50}" for i in range(20_000)),
    }


def _cpu_seconds(work) -> float:
    start = time.process_time()
    work()
    return time.process_time() - start


@pytest.mark.parametrize("name", list(_texts()))
def test_document_parses_in_seconds_not_minutes(name: str) -> None:
    doc = CleanText("doc", "odd.txt", _texts()[name], "text")
    assert _cpu_seconds(lambda: parse_document(doc)) < LIMIT_S


@pytest.mark.parametrize("adapter", list(REGISTRY))
@pytest.mark.parametrize("name", ["one 200 KB line", "20,000 short lines", "200,000 blank lines"])
def test_every_adapter_copes(adapter: str, name: str) -> None:
    text = _texts()[name]
    doc = CleanText("doc", "odd.txt", text, "text")
    assert _cpu_seconds(lambda: (REGISTRY[adapter].detect(text), REGISTRY[adapter].parse(doc))) < LIMIT_S
