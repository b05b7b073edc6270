"""Kent Police board adapter: golden outputs of the invented fixtures, focused checks, and
the real pages in ../shared when they are there.

Rewrite the goldens after a deliberate change with ``UPDATE_GOLDEN=1 .venv/bin/pytest
tests/test_adapter_kent_board.py`` and review the diff.
"""

from __future__ import annotations

import dataclasses
import json
import os
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from transforms.adapters import choose_adapter
from transforms.adapters.kent_board import LAYOUT
from transforms.models import CleanText, ParsedMinutes

HERE = Path(__file__).resolve().parent
FIXTURES = HERE / "fixtures" / "kent_board"
GOLDEN = HERE / "golden" / "kent_board"
SHARED = HERE.parent.parent / "shared"
FIXTURE_FILES = sorted(FIXTURES.glob("*.txt"))


def parse_file(path: Path) -> ParsedMinutes:
    text = path.read_text(encoding="utf-8")
    return LAYOUT.parse(CleanText(document_id=path.stem, source_uri=str(path), text=text, format="text"))


def as_json(parsed: ParsedMinutes) -> str:
    """ParsedMinutes as stable JSON: dataclasses.asdict, dates as ISO strings."""
    def default(value: object) -> str:
        if isinstance(value, date):
            return value.isoformat()
        raise TypeError(f"cannot serialise {type(value).__name__}")
    return json.dumps(dataclasses.asdict(parsed), indent=2, ensure_ascii=False, default=default) + "\n"


@pytest.mark.parametrize("path", FIXTURE_FILES, ids=lambda p: p.stem)
def test_fixture_matches_golden(path: Path) -> None:
    got = as_json(parse_file(path))
    golden = GOLDEN / f"{path.stem}.json"
    if os.environ.get("UPDATE_GOLDEN") == "1":
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(got, encoding="utf-8")
    assert golden.exists(), f"no golden for {path.name}: run with UPDATE_GOLDEN=1"
    assert json.loads(got) == json.loads(golden.read_text(encoding="utf-8"))


@pytest.mark.parametrize("path", FIXTURE_FILES, ids=lambda p: p.stem)
def test_fixture_is_detected_as_kent_board(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert LAYOUT.detect(text) >= 0.9
    assert choose_adapter(text).name == "kent_board"


@pytest.mark.parametrize("path", FIXTURE_FILES, ids=lambda p: p.stem)
def test_every_span_points_at_its_fact(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    parsed = parse_file(path)
    for person in parsed.attendance:
        assert person.name.split()[-1] in text[person.span.start:person.span.end]
    for action in parsed.actions:
        assert action.description[:20] in text[action.span.start:action.span.end]
    for update in parsed.action_updates:
        assert update.action_ref in text[update.span.start:update.span.end]
    for decision in parsed.decisions:
        assert text[decision.span.start:decision.span.end] == decision.text


def test_meeting_fields() -> None:
    m = parse_file(FIXTURES / "board-2031-03-04.txt").meeting
    assert (m.body, m.organisation, m.meeting_date, m.venue) == (
        "Chief Officer's Management Board - Strategic", "Kent Police", date(2031, 3, 4),
        "Oak Room and virtual via Microsoft Teams")
    assert (m.start_time, m.end_time, m.next_meeting_date) == (None, "12:47", date(2031, 3, 18))


def test_start_time_closing_time_and_labelled_next_meeting() -> None:
    m = parse_file(FIXTURES / "board-2031-05-13.txt").meeting
    assert (m.start_time, m.end_time, m.next_meeting_date) == ("10:00", "12:30", date(2031, 5, 27))


def test_label_and_value_on_separate_lines() -> None:
    text = ("Title:\nChief Officer's Management Board - Strategic\nDate:\nTuesday 4 March 2031\n"
            "Venue:\nOak Room\nName | Role |\n---|---|\nCC Jo Bloggs (Chair) | Chief Constable |\n")
    parsed = LAYOUT.parse(CleanText("d", "u", text, "html"))
    assert (parsed.meeting.body, parsed.meeting.meeting_date, parsed.meeting.venue) == (
        "Chief Officer's Management Board - Strategic", date(2031, 3, 4), "Oak Room")
    assert [a.name for a in parsed.attendance] == ["Jo Bloggs"]


def test_apologies_and_truncated_table() -> None:
    parsed = parse_file(FIXTURES / "board-2031-03-04.txt")
    assert [(a.name, a.status) for a in parsed.attendance if a.status != "present"] == [
        ("Felix Harrow", "apologies"), ("Maeve Ostrander", "apologies")]
    cut = parse_file(FIXTURES / "board-2031-06-10-truncated.txt")
    assert [a.name for a in cut.attendance][-1] == "Callum Brightwater"
    assert "attendee_table_cut" in [w.code for w in cut.warnings]
    bare = parse_file(FIXTURES / "board-2031-05-13.txt")
    assert all(a.status == "present" for a in bare.attendance)


def test_actions_get_their_agenda_item_and_resolved_owner() -> None:
    parsed = parse_file(FIXTURES / "board-2031-05-13.txt")
    assert [(a.action_ref, a.owner, a.item_number, a.due_date) for a in parsed.actions] == [
        ("30/31", "Lionel Abernethy", "2a", None), ("31/31", "Declan Morrow", "2a", date(2031, 6, 30))]
    assert [(i.item_number, i.title) for i in parsed.agenda_items] == [
        ("2a", "Action 9/31 Estate rationalisation update"), ("4a", "Uniform supplier contract")]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400))
def test_parse_never_raises_on_odd_text(text: str) -> None:
    LAYOUT.detect(text)
    LAYOUT.parse(CleanText("d", "u", text, "text"))


@pytest.mark.parametrize("path", FIXTURE_FILES, ids=lambda p: p.stem)
def test_parse_never_raises_on_any_cut_of_a_fixture(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    for cut in range(0, len(text), 7):
        LAYOUT.parse(CleanText("d", "u", text[:cut], "text"))


# ---- the real pages, when ../shared is beside the project ---------------------------------

def _real_pages() -> list[Path]:
    if not SHARED.is_dir():
        return []
    return sorted(SHARED.glob("seeds/00[01]_*.txt")) + sorted(SHARED.glob("corpus/kent-comb-*.txt"))


def _gold_for(page: Path) -> dict:
    return json.loads((SHARED / "gold" / page.parent.name / f"{page.stem}.json").read_text())


@pytest.mark.skipif(not SHARED.is_dir(), reason="../shared is not beside the project")
@pytest.mark.parametrize("page", _real_pages(), ids=lambda p: p.stem)
def test_real_page_attendance_and_refs_match_gold(page: Path) -> None:
    gold = _gold_for(page)
    parsed = parse_file(page)
    required = {g["name"] for g in gold["attendance"] if not g.get("optional")}
    optional = {g["name"] for g in gold["attendance"] if g.get("optional")}
    got = {a.name for a in parsed.attendance}
    assert required <= got and got <= required | optional
    assert {a["ref"] for a in gold["actions"] if a["ref"]} == {a.action_ref for a in parsed.actions}
    gold_updates = {u["ref"] for u in gold["action_updates"] if not u.get("optional")}
    assert gold_updates <= {u.action_ref for u in parsed.action_updates}
    got_date = parsed.meeting.meeting_date
    assert (got_date.isoformat() if got_date else None) == gold["meeting"]["meeting_date"]


def test_html_fixture_parses_like_its_text_twin() -> None:
    html_text = pytest.importorskip("transforms.extract.html_text")
    html = (FIXTURES / "board-2031-03-04.html").read_text(encoding="utf-8")
    from_html = LAYOUT.parse(CleanText("d", "u", html_text.html_to_text(html), "html"))
    from_text = parse_file(FIXTURES / "board-2031-03-04.txt")
    assert dataclasses.replace(from_html.meeting, span=from_text.meeting.span) == from_text.meeting
    assert [a.name for a in from_html.attendance] == [a.name for a in from_text.attendance]
    assert [(a.action_ref, a.owner, a.due_date) for a in from_html.actions] == [
        (a.action_ref, a.owner, a.due_date) for a in from_text.actions]
    assert [d.text for d in from_html.decisions] == [d.text for d in from_text.decisions]


# ---- generalisation: the family, not the files (invented pages) ----------------------------

_FAMILY_TOKENS = ["Title: Chief Officer's Management Board\n", "Date: Tuesday 3 June 2031\n",
                  "Name | Role |\n", "---|---|\n", "CC Ada Hart (Chair) | Chief Constable |\n",
                  "Ch Supt Bo Lee (virtual) |", "Apologies\n", "Apologies: ", "New action 4/31:\n",
                  "Action 2/31 - CLOSED\n", "Decisions:\n", "(a) ", "Resolved:\n", "RESOLVED that ",
                  "8a. ", "\n", "|", "(", ")", " and ", "Tuesday 17 June 2031.", "finished at 13:05"]
family_text = st.lists(st.one_of(st.sampled_from(_FAMILY_TOKENS),
                                 st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=12)),
                       max_size=40).map("".join)


@settings(max_examples=150, deadline=2000)
@given(family_text)
def test_parse_is_total_bounded_and_deterministic(text: str) -> None:
    first = LAYOUT.parse(CleanText("d", "u", text, "text"))
    assert first == LAYOUT.parse(CleanText("d", "u", text, "text"))
    for fact in [*first.attendance, *first.agenda_items, *first.actions, *first.action_updates,
                 *first.decisions, first.meeting]:
        assert 0 <= fact.span.start <= fact.span.end <= len(text)
    assert 0.0 <= LAYOUT.detect(text) <= 1.0


_PAGE = """Title: Chief Officer's Management Board - Strategic
Date: {date}
Venue: Oak Room
Name | Role |
---|---|
{rows}
{apologies}
The record was approved.
Decisions:
(a) Chief officers approved the fleet plan.
(b) Chief officers agreed that the pilot would be extended.
Resolved:
(a) That the estates review be noted.
(b) That the uniform contract be renewed.
With no further business, the meeting closed at 1.05pm.
"""
_ROWS = ["CC Ada Hart (chairman) | Chief Constable |", "Ch Supt Bo Lee (via Teams) | Rep. Local Policing |",
         "Det Supt Cy Moss (Part) | Major Crime |", "A/Supt Di Vance | Prevention |",
         "PSE Ed Fox (Minutes) | Executive Assistant |"]


@pytest.mark.parametrize("when", ["Tuesday 3rd June 2031", "03/06/2031", "June 3, 2031", "Tue 3 Jun 2031"])
@pytest.mark.parametrize("apologies", [
    "Apologies for absence were received from ACC Gil Orme and Supt Hal Penn.",
    "Apologies: ACC Gil Orme, Supt Hal Penn",
    "Apologies received: ACC Gil Orme; Supt Hal Penn",
    "Apologies\nACC Gil Orme\nSupt Hal Penn"])
def test_surface_variants_of_one_page_read_alike(when: str, apologies: str) -> None:
    rows = "\n".join(reversed(_ROWS)) if "/" in when else "\n".join(_ROWS)
    text = _PAGE.format(date=when, rows=rows, apologies=apologies)
    assert choose_adapter(text).name == "kent_board"
    parsed = LAYOUT.parse(CleanText("d", "u", text, "text"))
    assert parsed.meeting.meeting_date == date(2031, 6, 3)
    assert parsed.meeting.end_time == "13:05"
    people = {a.name: a for a in parsed.attendance}
    assert set(people) == {"Ada Hart", "Bo Lee", "Cy Moss", "Di Vance", "Ed Fox", "Gil Orme", "Hal Penn"}
    assert people["Ada Hart"].is_chair and people["Bo Lee"].remote and people["Bo Lee"].is_representative
    assert people["Cy Moss"].partial and people["Ed Fox"].is_minute_taker
    assert (people["Bo Lee"].rank, people["Cy Moss"].rank, people["Di Vance"].rank) == (
        "Ch Supt", "Det Supt", "A/Supt")
    assert {people["Gil Orme"].status, people["Hal Penn"].status} == {"apologies"}
    assert [(d.kind, d.text) for d in parsed.decisions] == [
        ("decision", "Chief officers approved the fleet plan."),
        ("decision", "Chief officers agreed that the pilot would be extended."),
        ("resolution", "That the estates review be noted."),
        ("resolution", "That the uniform contract be renewed.")]


def test_other_table_header_words_are_the_same_layout() -> None:
    text = ("Title: Force Leadership Board\nDate: Tuesday 3 June 2031\nVenue: Oak Room\n"
            "| Attendee | Position |\n|---|---|\n| CC Ada Hart (Chair) | Chief Constable |\n"
            "| Supt Bo Lee (VC) | Prevention |\n")
    assert choose_adapter(text).name == "kent_board"
    parsed = LAYOUT.parse(CleanText("d", "u", text, "text"))
    assert [(a.name, a.rank, a.is_chair, a.remote) for a in parsed.attendance] == [
        ("Ada Hart", "CC", True, False), ("Bo Lee", "Supt", False, True)]
