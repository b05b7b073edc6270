"""Every quirk table loads and matches its declaration; a table that breaks one is refused."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from transforms.adapters import REGISTRY
from transforms.quirks import TABLES, QuirkTableError, check_rows, load_table
from transforms.ranks import rank_table

QUIRKS = Path(__file__).resolve().parent.parent / "transforms" / "quirks"


def test_every_csv_is_declared_and_every_declaration_has_its_csv() -> None:
    assert {p.stem for p in QUIRKS.glob("*.csv")} == set(TABLES)


@pytest.mark.parametrize("name", sorted(TABLES))
def test_every_table_loads_with_its_declared_columns(name: str) -> None:
    rows = load_table(name)
    assert rows, f"{name}.csv has no rows"
    assert all(tuple(row) == TABLES[name].columns for row in rows)


def test_word_tables_hold_words_not_patterns() -> None:
    """Patterns are code: a regex in a word list would be matched as literal text."""
    metacharacters = re.compile(r"\\[bdswBDSW]|\(\?|\[\^|\.\*|\$$|^\^")
    for name, spec in TABLES.items():
        for row in load_table(name):
            for column in spec.columns:
                if column not in ("note", "what"):
                    assert not metacharacters.search(row[column]), (name, row)


def test_values_the_code_relies_on() -> None:
    assert {r["layout"] for r in load_table("layout_organisations")} <= set(REGISTRY)
    assert ("closed", "closed") in {(r["word"], r["status"]) for r in load_table("action_status_words")}
    assert {r["rank_code"]: r["rank_name"] for r in rank_table()}["DCC"] == "Deputy Chief Constable"


GOOD = {"word": "discharged", "status": "closed"}


@pytest.mark.parametrize(("header", "rows", "message"), [
    (["word", "state"], [GOOD], "header"),
    (["word", "status"], [GOOD, {"word": "Discharged", "status": "open"}], "already on line 2"),
    (["word", "status"], [{"word": "done", "status": "finished"}], "is not one of"),
    (["word", "status"], [{"word": "", "status": "open"}], "must not be empty"),
    (["word", "status"], [{"word": "done", "status": None}], "values expected"),
    (["word", "status"], [{**GOOD, None: ["extra"]}], "values expected"),
])
def test_a_table_that_breaks_its_declaration_is_refused(header, rows, message) -> None:
    with pytest.raises(QuirkTableError, match=message):
        check_rows("action_status_words", header, rows)


def test_an_offset_must_be_a_whole_number() -> None:
    row = {"magic_hex": "504b0304", "offset": "four", "what": "a ZIP archive"}
    with pytest.raises(QuirkTableError, match="whole number"):
        check_rows("binary_signatures", ["magic_hex", "offset", "what"], [row])


def test_an_undeclared_table_is_not_read() -> None:
    with pytest.raises(KeyError, match="not declared"):
        load_table("nonexistent_words")
