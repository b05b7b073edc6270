"""scripts/robustness.py rewrites a page as PDF text would give it; each rewrite must keep every
word of the page in order (else a drop in the scores would measure lost words, not the parsers)."""

import importlib.util
from pathlib import Path

import pytest

_SPEC = importlib.util.spec_from_file_location(
    "robustness", Path(__file__).resolve().parent.parent / "scripts" / "robustness.py")
robustness = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(robustness)

PAGE = ("Westvale Police and Crime Panel\nThursday 4 May 2031\n\nPresent:\nCllr Ann Brook (Chair), Cllr Bill Carr, "
        "Cllr Cat Dale, Mr Dan Eves (Independent Member) and Mrs Fay Gale (Independent Member)\n"
        "Name | Role |\nJo Hale | Chief Executive |\n\n1. Minutes\nRESOLVED that the minutes of the meeting held "
        "on 2 March 2031 be agreed as a correct record, subject to one change.\n\tItem\t\t2\n")

PDF_FURNITURE = {"Page", "of", "OFFICIAL"}


@pytest.mark.parametrize("name", sorted(robustness.REWRITES))
def test_rewrite_keeps_every_word_in_order(name):
    out = robustness.REWRITES[name](PAGE)
    words = out.lower().split() if name == "capitals" else out.split()
    if name == "furniture":  # adds page breaks: the page's own words are still there, in order
        words = [w for w in words if w not in PDF_FURNITURE and not w.isdigit()]
        expected = [w for w in PAGE.split() if w not in PDF_FURNITURE and not w.isdigit()]
    else:
        expected = PAGE.lower().split() if name == "capitals" else PAGE.split()
    assert words == expected


def test_wrap_keeps_lines_within_a_pdf_column_and_table_rows_whole():
    out = robustness.wrap(PAGE)
    assert max(len(line) for line in out.split("\n") if "|" not in line) <= 70
    assert "Jo Hale | Chief Executive |" in out.split("\n")


def test_join_runs_a_block_into_one_line_but_keeps_table_rows():
    out = robustness.join(PAGE).split("\n")
    assert out[0] == "Westvale Police and Crime Panel Thursday 4 May 2031"
    assert "Name | Role |" in out and "Jo Hale | Chief Executive |" in out


def test_capitals_sets_labels_and_short_headings_in_capitals_only():
    out = robustness.capitals(PAGE).split("\n")
    assert "PRESENT:" in out and "1. MINUTES" in out and "WESTVALE POLICE AND CRIME PANEL" in out
    assert out[4].startswith("Cllr Ann Brook (Chair)")
