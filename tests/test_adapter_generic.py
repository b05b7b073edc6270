"""The generic fallback adapter: golden outputs of the invented fixtures, focused checks, and
the bare fragment in ../shared when present.

Rewrite the goldens after a deliberate change with ``UPDATE_GOLDEN=1 .venv/bin/pytest
tests/test_adapter_generic.py`` and review the diff.
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
from transforms.adapters.generic import FLOOR, LAYOUT
from transforms.models import CleanText, Meeting, ParsedMinutes

HERE = Path(__file__).resolve().parent
FIXTURES = HERE / "fixtures" / "generic"
GOLDEN = HERE / "golden" / "generic"
SHARED = HERE.parent.parent / "shared"
FIXTURE_FILES = sorted(FIXTURES.glob("*.txt"))


def parse_text(text: str, name: str = "doc") -> ParsedMinutes:
    return LAYOUT.parse(CleanText(document_id=name, source_uri=name, text=text, format="text"))


def as_json(parsed: ParsedMinutes) -> str:
    def default(value: object) -> str:
        if isinstance(value, date):
            return value.isoformat()
        raise TypeError(f"cannot serialise {type(value).__name__}")
    return json.dumps(dataclasses.asdict(parsed), indent=2, ensure_ascii=False, default=default) + "\n"


@pytest.mark.parametrize("path", FIXTURE_FILES, ids=lambda p: p.stem)
def test_fixture_matches_golden(path: Path) -> None:
    got = as_json(parse_text(path.read_text(encoding="utf-8"), path.stem))
    golden = GOLDEN / f"{path.stem}.json"
    if os.environ.get("UPDATE_GOLDEN") == "1":
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(got, encoding="utf-8")
    assert golden.exists(), f"no golden for {path.name}; run with UPDATE_GOLDEN=1"
    assert got == golden.read_text(encoding="utf-8")


def test_detect_is_a_constant_floor() -> None:
    assert LAYOUT.detect("") == LAYOUT.detect("anything at all") == FLOOR == 0.1
    # a bare fragment shows no layout: no adapter may claim it over the fallback
    text = (FIXTURES / "fragment.txt").read_text(encoding="utf-8")
    assert choose_adapter(text).name == "generic"


def test_fragment_gives_one_resolution_and_an_empty_meeting() -> None:
    parsed = parse_text((FIXTURES / "fragment.txt").read_text(encoding="utf-8"))
    assert dataclasses.replace(parsed.meeting, span=Meeting().span) == Meeting()
    assert [(d.kind, d.text) for d in parsed.decisions] == [
        ("resolution", "RESOLVED to note the report and to receive a further update at the October 2030 meeting.")]
    assert parsed.agenda_items == () and parsed.attendance == ()


def test_labelled_page() -> None:
    parsed = parse_text((FIXTURES / "labelled.txt").read_text(encoding="utf-8"))
    assert (parsed.meeting.meeting_date, parsed.meeting.venue, parsed.meeting.body) == (
        date(2030, 8, 5), "Room 4, Harbour Offices, Eastport", None)
    assert [(a.item_number, a.title) for a in parsed.agenda_items] == [
        ("1", "Welcome and Introductions"), ("2", "Budget Monitoring"), ("3", "Any Other Business")]
    assert ("resolution", "AGREED that the savings plan be reviewed in November.", "2") in {
        (d.kind, d.text, d.item_number) for d in parsed.decisions}


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=400))
def test_never_raises_on_odd_text(text: str) -> None:
    parsed = parse_text(text)
    assert parsed.adapter == "generic"
    assert not [w for w in parsed.warnings if w.code == "parse_error"]


@pytest.mark.shared
def test_seed_004_against_gold() -> None:
    seeds = SHARED / "seeds"
    if not seeds.is_dir():
        pytest.skip("../shared is not beside the project")
    [path] = sorted(seeds.glob("004_*.txt"))
    gold = json.loads((SHARED / "gold" / "seeds" / f"{path.stem}.json").read_text(encoding="utf-8"))
    text = path.read_text(encoding="utf-8")
    parsed = parse_text(text, path.stem)
    assert all(getattr(parsed.meeting, k) is None for k in gold["meeting"] if k != "organisation")
    assert [d.text for d in parsed.decisions] == [g["text"] for g in gold["decisions"]]


def test_sentences_naming_people_are_read_on_pages_no_layout_claims() -> None:
    text = ("Apologies for Absence:\n\nIt was noted that an apology for absence had been received from "
            "Councillor Ada Lusk.\n\nCllr Tom Vane substituted for Councillor Lusk.\n")
    assert choose_adapter(text).name == "generic"
    got = [(a.name, a.status, a.is_representative) for a in parse_text(text).attendance]
    assert ("Ada Lusk", "apologies", False) in got and ("Tom Vane", "present", True) in got
    assert len([g for g in got if g[0].endswith("Lusk")]) == 1


def test_decision_label_and_resolution_are_each_read_once() -> None:
    text = ("Decision:\nThe board approved the revised fleet plan.\n\n"
            "RESOLVED that the audit report be noted.\n\nDECISION: That the risk register be reviewed.\n")
    got = [(d.kind, d.text) for d in parse_text(text).decisions]
    assert got == [("decision", "The board approved the revised fleet plan."),
                   ("resolution", "RESOLVED that the audit report be noted."),
                   ("decision", "That the risk register be reviewed.")]


_TEXT = st.text(alphabet=st.characters(codec="utf-8"), max_size=300) | st.lists(
    st.sampled_from(["RESOLVED", "that", "Apologies", "Present:", "Decision:", "Action:", "12.", "\n", " - ",
                     "Cllr", "Jo", "Bloggs", ",", "and", "(", ")", "Date:", "8 October 2030", "substituted for"]),
    max_size=60).map("".join)


@settings(max_examples=120, deadline=2000)
@given(_TEXT)
def test_parse_is_total_bounded_and_deterministic(text: str) -> None:
    parsed = parse_text(text)
    spans = [x.span for group in (parsed.attendance, parsed.agenda_items, parsed.actions, parsed.action_updates,
                                  parsed.decisions) for x in group] + [parsed.meeting.span]
    assert all(0 <= s.start <= s.end <= len(text) for s in spans)
    assert parsed == parse_text(text)
    assert not [w for w in parsed.warnings if w.code == "parse_error"]
