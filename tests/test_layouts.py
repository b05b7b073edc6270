"""Layouts only choose: every registered layout names strategies that exist, and the worked
example of docs/adding-a-publisher.md (one small file) reads its invented fixture."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from transforms import actions, agenda, attendance, decisions, header
from transforms.adapters import REGISTRY, choose_adapter
from transforms.adapters.layout import Layout, use
from transforms.models import CleanText

ROOT = Path(__file__).resolve().parent.parent
FIELDS = {
    "header": header.STRATEGIES, "agenda": agenda.STRATEGIES, "attendance": attendance.STRATEGIES,
    "actions": actions.ACTION_STRATEGIES, "action_updates": actions.UPDATE_STRATEGIES,
    "decisions": decisions.STRATEGIES,
}


@pytest.mark.parametrize("name", list(REGISTRY))
def test_a_layout_names_only_strategies_that_exist(name: str) -> None:
    layout = REGISTRY[name]
    assert layout.name == name
    for field, strategies in FIELDS.items():
        named = getattr(layout, field).strategies
        assert set(named) <= set(strategies), (field, named)
    assert len(layout.header.strategies) == 1
    assert layout.body_start in header.BODY_STARTS
    assert set(layout.number_by_position) <= {"actions", "decisions"}


def test_a_strategy_name_that_does_not_exist_fails_loudly() -> None:
    layout = Layout(name="typo", detect=lambda text: 0.0, header=use("title_and_labels"),
                    agenda=use("numbered_item"), attendance=use())
    with pytest.raises(KeyError, match="numbered_item"):
        layout.parse(CleanText("d", "u", "1. Welcome\n", "text"))


def _worked_example() -> Layout:
    doc = (ROOT / "docs" / "adding-a-publisher.md").read_text(encoding="utf-8")
    (code,) = re.findall(r"```python\n(.*?)```", doc, re.DOTALL)
    namespace: dict[str, object] = {}
    exec(compile(code, "adding-a-publisher.md", "exec"), namespace)  # noqa: S102 (the project's own doc)
    layout = namespace["LAYOUT"]
    assert isinstance(layout, Layout)
    return layout


def test_the_worked_example_reads_its_fixture() -> None:
    layout = _worked_example()
    text = (ROOT / "tests" / "fixtures" / "worked_example" / "northshire_accountability.txt").read_text(
        encoding="utf-8")
    assert layout.detect(text) == 0.9
    assert choose_adapter(text).name != layout.name  # not registered: the example stays an example
    parsed = layout.parse(CleanText("northshire", "fixture", text, "text"))
    assert parsed.adapter == "northshire_accountability"
    m = parsed.meeting
    assert (m.body, m.meeting_date, m.venue) == (
        "Northshire Accountability Meeting", date(2031, 3, 12), "Room 4, Northshire Police Headquarters")
    assert [(a.name, a.rank, a.status, a.is_chair, a.is_minute_taker) for a in parsed.attendance] == [
        ("Ada Harp", "Commissioner", "present", True, False),
        ("Al Pugh", "Chief Constable", "present", False, False),
        ("Jo Bloggs", None, "present", False, True),
        ("Cy Rowe", "Deputy Chief Constable", "apologies", False, False),
    ]
    assert [(i.item_number, i.title) for i in parsed.agenda_items] == [
        ("1", "Minutes of the last meeting"), ("2", "Actions from the last meeting"), ("3", "Response times")]
    assert [(d.kind, d.item_number) for d in parsed.decisions] == [("resolution", "1")]
    assert [(u.action_ref, u.status) for u in parsed.action_updates] == [("12/31", "closed")]
    [action] = parsed.actions
    assert (action.owner, action.due_date, action.item_number) == ("Chief Constable", date(2031, 4, 30), "3")
    assert parsed.warnings == ()


def test_a_truncated_page_is_noted_once_whatever_the_layout() -> None:
    text = "Title: Northshire Accountability Meeting\n1. Welcome\n... view the full minutes text for item 1."
    for layout in (_worked_example(), *REGISTRY.values()):
        parsed = layout.parse(CleanText("d", "u", text, "text"))
        assert [w.code for w in parsed.warnings].count("truncated") == 1, layout.name
