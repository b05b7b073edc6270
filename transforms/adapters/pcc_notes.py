"""Adapter for the notes and minutes of Police and Crime Commissioners' boards.

The family: the Kent PCC's "Performance and Delivery Board" notes (labelled header, prose
attendees grouped by organisation, numbered sections, "Actions" bullets and an "Overview of
Actions" table), North Yorkshire's Executive Board minutes ("In the Chair:", "Officers:",
"Minute taker:", "ACTION: JW to ..."), West Mercia's Governance Board notes (bulleted
"Name (XX) – Role" lists, "Ref 01/17/08/2022" items, "Decision: ..."), Northamptonshire's
Accountability Board notes (names one a line under "1. Welcome and introductions") and
North Yorkshire Police's COT Board minutes ("ITEM 1: ATTENDANCE" run-on lists).

How strongly a text looks like the family: the weights of ``MARKERS`` it shows, less those of
``ANTIMARKERS`` (the look-alike panel and management-board layouts).
"""

from __future__ import annotations

import re

from transforms.adapters.layout import Layout, use
from transforms.text.literal_guard import GuardedPattern, fold

DETECT_WINDOW = 6000
MIN_SCORE = 0.3


#: a marker that starts "^\W*" and then a word character ("^\W*Officers", "^\W*(?:Meeting|...")
_LINE_START_RUN = re.compile(r"^(?P<flags>\(\?[a-z]+\))?\^\\W\*(?=[A-Za-z]|\(\?:(?:[A-Za-z]|\[A-Z\]))")


def linear_line_start(pattern: str) -> str:
    r"""``pattern`` with a leading "^\W*" written "(?:\A|\n)[^\w\n]*": both match in exactly the same
    texts (the word that follows cannot be part of the run), but "^\W*" rescans a run of blank
    lines from each of its line starts, quadratic on a page of thousands of blank lines.

    >>> print(linear_line_start(r"(?im)^\W*Officers\s*:"))
    (?im)(?:\A|\n)[^\w\n]*Officers\s*:
    """
    return _LINE_START_RUN.sub(lambda m: (m.group("flags") or "") + r"(?:\A|\n)[^\w\n]*", pattern, count=1)


#: (pattern, weight): signs of the family, written as read; ``_compiled`` makes "^\W*" linear
MARKERS: tuple[tuple[str, float], ...] = (
    (r"(?im)^\W*Date\s*&\s*time\s*:", 0.25),
    (r"(?im)^\W*Attendees\s*:", 0.25),
    ('(?i)Overview of Actions', 0.3),
    (r"(?i)Date of next [^\n]*Board", 0.2),
    ('(?i)Performance and Delivery Board', 0.3),
    ('(?i)Executive Board Minutes', 0.5),
    (r"(?im)^\W*In the Chair\s*:", 0.3),
    (r"(?im)^\W*Officers\s*:", 0.2),
    (r"(?im)^\W*Minute taker\s*:", 0.2),
    ('(?i)Record of Meeting', 0.2),
    ('(?i)Items and Decisions', 0.2),
    ('(?i)Governance Board', 0.3),
    ('(?i)Notes of Meeting', 0.3),
    (r"(?im)^\W*Ref\s*/?\s*\d\d/\d\d/\d\d/\d{4}", 0.3),
    ('(?i)Police Accountability Board', 0.5),
    (r"(?im)^[ \t]*\d+\.[ \t]+Welcome and introductions", 0.2),
    (r"(?i)Meeting:\s*COT Board", 0.5),
    (r"(?im)^\W*ITEM\s+1\s*:\s*ATTENDANCE", 0.4),
    ('(?i)Summary of Discussion', 0.1),
    ('(?i)Police(?:,| and| &)? (?:Fire and )?Crime Commissioner', 0.1),
    (r"(?i)\bP[F]?CC\b", 0.1),
    ('(?i)Apologies were (?:accepted|received) (?:from|for)', 0.2),
    (r"(?m)^[ \t]*(?:[A-Z]{2,5} )?[A-Z][a-z]+ [A-Z][\w'’-]+ \([A-Z][A-Za-z]{1,3}\),?[ \t]*$", 0.2),
    (r"(?im)^\W*(?:Meeting\s+Notes|Notes\s+of\s+(?:the\s+)?Meeting|Minutes\s+of\s+(?:the\s+)?Meeting)\W*$", 0.2),
    (r"(?m)^\W*(?:[A-Z][\w&'’]*\s+){0,4}Board(?:\s+(?:Minutes|Notes|Meeting))?\b[^\n]{0,40}$", 0.15),
)
#: (pattern, weight): signs of the look-alike layouts, taken off the score
ANTIMARKERS: tuple[tuple[str, float], ...] = (
    ('(?i)Police(?:,| and| &)? (?:Fire and )?Crime Panel', 0.5),
    ('(?i)Police (?:and|&) Crime Panel', 0.5),
    (r"(?im)^Name\s*\|\s*Role", 0.5),
    ('(?i)Chief Officer.s Management Board', 0.5),
    (r"(?i)mgAi\.aspx|moderngov", 0.3),
)


def _compiled(markers: tuple[tuple[str, float], ...]) -> tuple[tuple[GuardedPattern, float], ...]:
    """Patterns guarded by their words (every text is tried) and only ever asked whether they
    match (so ``linear_line_start`` may rewrite them)."""
    return tuple((GuardedPattern(re.compile(linear_line_start(p))), w) for p, w in markers)


_MARKERS = _compiled(MARKERS)
_ANTIMARKERS = _compiled(ANTIMARKERS)


def detect(text: str) -> float:
    """0.0-0.95: the sum of the family's marker weights, less the look-alikes'; below
    ``MIN_SCORE`` it is 0.0 so that the generic adapter keeps texts that only mention a PCC.

    >>> detect("Executive Board Minutes 4 March 2014\\nIn the Chair: Commissioner Jo Bloggs")
    0.95
    """
    window = text[:DETECT_WINDOW]
    folded = fold(window)
    score = sum(w for p, w in _MARKERS if p.search(window, folded))
    score -= sum(w for p, w in _ANTIMARKERS if p.search(window, folded))
    if score < MIN_SCORE:
        return 0.0  # a passing mention of a commissioner is no layout
    return round(min(0.95, score), 3)


LAYOUT = Layout(
    name="pcc_notes",
    detect=detect,
    agenda=use("notes_items"),
    header=use("notes_headings"),
    attendance=use("notes_sections", person_entries=True),
    # its action strategy numbers lines and bullets itself: a table row keeps its own column
    actions=use("notes_actions"),
    action_updates=use("notes_updates"),
    decisions=use("blocks_and_approvals", "decision_sentences"),
    number_by_position=("decisions",),
    expect_attendees=True,
)
