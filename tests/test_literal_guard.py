"""The speed-ups must not change a single result: each fast path is checked against the plain
regex it replaces, on generated texts full of the characters that make regexes hard."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from transforms.adapters import moderngov, pcc_notes
from transforms.attendance import panel_attendance as moderngov_attendance
from transforms.decisions import resolutions
from transforms.models import Attendance, Span
from transforms.text.literal_guard import GuardedPattern, finditer_in_lines, fold, required_words

#: pieces that hit the patterns' words, line starts and case folding ("İ", "ı", "ſ", Kelvin sign)
PIECES = ["\n", " ", "\t", "\n\n", ".", ":", "(", ")", "-", "–", "•", "1", "12.", "Officers", "OFFICERS",
          "Attendees", "In the Chair", "Date & time", "Board", " Minutes", "Meeting Notes", "Notes of the Meeting",
          "Agenda and minutes", "Minutes:", "No. Item", "Attendance Details", "View directions", "pdf icon",
          "PCC", "pcc", "İ", "ı", "ſ", "\u212a", "Summary of Discuſſion", "Overview of Actions", "Mr", "Jo Bloggs",
          "Cllr Al Penn", " substituted for ", " was a named substitute for ", "Cllr Bo Hale",
          " were unable to attend", " and sent their apologies", "apologies", "Chief Officer's Management Board",
          "Police and Crime Panel", "Ref 01/17/08/2022", "ITEM 1: ATTENDANCE", "Welcome and introductions"]
texts = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)

#: the patterns as they were written before they were made linear (the rewrites must agree)
OLD_SIGNS = [
    re.compile(r"^\s*Agenda and (?:draft )?minutes\s*$", re.IGNORECASE | re.MULTILINE),
    re.compile(r"^\W*No\.\W+Item\b", re.MULTILINE),
    re.compile(r"^\s*(?:Minutes|Additional documents)\s*:", re.MULTILINE),
    re.compile(r"^\s*\d{1,3}\.\s*\n\s*\n?\s*[A-Z]", re.MULTILINE),
    re.compile(r"^\s*Attendance Details\s*$", re.MULTILINE),
]
NEW_SIGNS = [moderngov._SIGNS[i][0].pattern for i in (1, 2, 3, 5, 7)]
MARKERS = [re.compile(p) for p, _ in pcc_notes.MARKERS + pcc_notes.ANTIMARKERS]


def test_fold_knows_every_non_ascii_letter_that_ignorecase_matches_to_ascii() -> None:
    others = "".join(chr(c) for c in range(128, 0x110000) if not 0xD800 <= c < 0xE000)
    for ascii_char in map(chr, range(32, 127)):
        for twin in re.findall("(?i)" + re.escape(ascii_char), others):
            assert fold(twin) == ascii_char.lower(), (ascii_char, twin)


def test_required_words() -> None:
    assert required_words(re.compile(r"(?im)^\W*Officers\s*:")) == (("officers",), True)
    assert required_words(re.compile(r"^\W*No\.\W+Item\b")) == (("No.", "Item"), False)
    assert required_words(re.compile(r"(?i)mgAi\.aspx|moderngov")) == ((), False)  # an alternative: none
    # a non-ASCII letter under IGNORECASE ends a run: "İ" has ASCII twins
    assert required_words(re.compile(r"(?i)Dİscussion")) == (("scussion",), True)


@settings(max_examples=400, deadline=None)
@given(texts)
def test_guarded_search_is_the_plain_search(text: str) -> None:
    for pattern in MARKERS + [p.pattern for p, _ in moderngov._SIGNS]:
        plain, guarded = pattern.search(text), GuardedPattern(pattern).search(text)
        assert (plain and plain.span()) == (guarded and guarded.span()), pattern.pattern


@settings(max_examples=400, deadline=None)
@given(texts)
def test_linear_rewrites_match_the_same_texts(text: str) -> None:
    for old, new in zip(OLD_SIGNS, NEW_SIGNS, strict=True):
        assert bool(old.search(text)) == bool(new.search(text)), old.pattern
    for old in MARKERS:
        new = re.compile(pcc_notes.linear_line_start(old.pattern))
        assert bool(old.search(text)) == bool(new.search(text)), old.pattern


@settings(max_examples=400, deadline=None)
@given(texts)
def test_sentence_scans_find_the_plain_matches(text: str) -> None:
    def spans(ms):
        return [m.span() for m in ms]
    substitution = moderngov_attendance._SUBSTITUTION
    assert spans(finditer_in_lines(substitution, text, "substitut")) == spans(substitution.finditer(text))
    sent = moderngov_attendance._SENT_APOLOGIES
    assert spans(moderngov_attendance._sent_apologies(text)) == spans(sent.finditer(text))
    assert [m.span("list") for m in moderngov_attendance._sent_apologies(text)] == \
        [m.span("list") for m in sent.finditer(text)]


def _merge_every_pair(*groups: list[Attendance]) -> list[Attendance]:
    """merge_people as first written: every candidate against every person found."""
    from dataclasses import replace
    found: list[Attendance] = []
    for candidate in (p for group in groups for p in group):
        twin = next((i for i, p in enumerate(found) if moderngov_attendance._same_person(p, candidate)), None)
        if twin is None:
            found.append(candidate)
        elif len(candidate.name.split()) > len(found[twin].name.split()):
            found[twin] = replace(candidate, status=found[twin].status)
    return found


names = st.lists(st.sampled_from(["Moss", "Kay Moss", "P Rigg", "Rigg", "Ann Lee", "LEE", "Bo Hale", "Al Penn",
                                  "A Penn", "Hale"]), max_size=12)


@settings(max_examples=300, deadline=None)
@given(names, names)
def test_merge_people_by_last_word_is_merge_of_every_pair(first: list[str], second: list[str]) -> None:
    a = [Attendance(n, Span(i, i + 1)) for i, n in enumerate(first)]
    b = [Attendance(n, Span(100 + i, 101 + i), status="apologies") for i, n in enumerate(second)]
    assert moderngov_attendance.merge_people(a, b) == _merge_every_pair(a, b)


OLD_OPENERS = (
    re.compile(r"(?<![\w-])(?:UNANIMOUSLY\s+)?RESOLVED\b"),
    re.compile(r"^(?:[ \t]*(?:\(?\d{1,2}[.)]|\(?[a-z][.)])?[ \t]*|.*?\bMinutes:[ \t]*)"
               r"(?P<start>(?:Unanimously\s+)?Resolved\b)", re.IGNORECASE),
    re.compile(r"^[ \t]*(?P<start>(?:It\s+was\s+(?:[a-z]+\s+)?resolved|(?:The\s+)?(?:Panel|Committee|Board|"
               r"Authority|Sub-Committee|Members)\s+(?:unanimously\s+)?resolved))(?=\s*(?:that\b|to\b|[:,–-]|$))",
               re.IGNORECASE),
    re.compile(r"(?<![\w-])AGREED\b(?=\s*(?:[:,–-]|that\b|to\b|That\b|To\b|$))"),
)


def _old_opening(line: str, pos: int = 0):
    best = None
    for pattern in OLD_OPENERS:
        m = pattern.search(line, pos)
        if m is None:
            continue
        group = "start" if "start" in pattern.groupindex else 0
        found = (m.start(group), m.end(group), "resolution")
        best = found if best is None or found < best else best
    m = resolutions._DECISION_LABEL.search(line, pos)
    if m is not None and (best is None or m.start("start") < best[0]):
        best = (m.end(), m.end(), "decision")
    return best


line_pieces = st.lists(st.sampled_from(["RESOLVED", "Resolved", "reſolved", "RESOLVED:", " that ", "AGREED", "Agreed",
                                        "(a) ", "1. ", "  ", "\t", "Minutes:", "MINUTES: ", "It was resolved",
                                        "The Panel", " unanimously ", "UNANIMOUSLY ", "DECISION: ", "Decision – ",
                                        "-", "x", "İ", "to", ","]), max_size=14).map("".join)


@settings(max_examples=500, deadline=None)
@given(line_pieces, st.integers(min_value=0, max_value=12))
def test_opening_with_word_checks_is_the_plain_opening(line: str, pos: int) -> None:
    assert resolutions._opening(line, pos) == _old_opening(line, pos)


def test_fold_keeps_every_character_one_character() -> None:
    assert all(len(fold(chr(c))) == 1 for c in range(0x110000) if not 0xD800 <= c < 0xE000)
