"""Decisions told in sentences, and the "Agreed:" label, on invented pages of layouts that no
adapter claims and of panel pages."""

import pytest

from transforms.adapters import parse_document
from transforms.decisions.decision_sentences import find_decision_sentences
from transforms.models import CleanText

DECIDES = [
    "It was agreed that the Panel would write to the Commissioner about the precept.",
    "The Board agreed to defer the estates report to the next meeting.",
    "Members unanimously approved the treasury management strategy.",
    "The Committee approved the treasury management strategy.",
    "The Chief Constable approved the business case for the new custody suite.",
    "Councillor Ann Brook was elected as Chair for the ensuing year.",
    "The minutes of the meeting held on 3 May 2030 were approved as a correct record.",
    "The minutes of the last meeting were confirmed and signed by the Chair.",
]
NARRATES = [
    "The Chair agreed with the points made by members.",
    "Members had agreed this last year.",
    "The Panel noted the report.",
    "Members asked whether the Board approved the plan.",
    "The Commissioner agreed, adding that the force would report back.",
    "The Commissioner agreed to look into the matter and respond in writing.",
]

HEADS = {
    "generic": "Northshire Joint Audit Committee\nMinutes of the meeting held on 3 March 2031\n\n",
    "moderngov": "Eastvale Police and Crime Panel - Thursday, 3rd March, 2031 10.00 am\n\n",
}


def page(head: str, sentence: str) -> str:
    return (head + "Present: Cllr Jo Hale (Chair), Cllr Sam Reed\n\n4. Estates\n\n"
            "The report was presented by the Treasurer and discussed. " + sentence
            + "\n\n5. Any other business\nNone.\n")


@pytest.mark.parametrize("layout", sorted(HEADS))
@pytest.mark.parametrize("sentence", DECIDES)
def test_a_sentence_that_decides_is_a_decision(layout, sentence):
    minutes = parse_document(CleanText("d", "x.txt", page(HEADS[layout], sentence), "text"))
    assert minutes.adapter == layout
    assert [(d.text, d.kind, d.item_number) for d in minutes.decisions] == [(sentence, "decision", "4")]


@pytest.mark.parametrize("layout", sorted(HEADS))
@pytest.mark.parametrize("sentence", NARRATES)
def test_a_sentence_that_narrates_is_not(layout, sentence):
    minutes = parse_document(CleanText("d", "x.txt", page(HEADS[layout], sentence), "text"))
    assert minutes.decisions == ()


def test_a_resolution_is_not_read_twice_as_a_sentence():
    text = page(HEADS["moderngov"], "RESOLVED that the report be noted. The Panel agreed to defer item 6.")
    minutes = parse_document(CleanText("d", "x.txt", text, "text"))
    assert [(d.text, d.kind) for d in minutes.decisions] == [
        ("RESOLVED that the report be noted. The Panel agreed to defer item 6.", "resolution")]


def test_agreed_label_opens_a_resolution():
    text = page(HEADS["generic"], "\nAgreed: that the estates plan be adopted.")
    minutes = parse_document(CleanText("d", "x.txt", text, "text"))
    assert [(d.text, d.kind) for d in minutes.decisions] == [
        ("Agreed: that the estates plan be adopted.", "resolution")]


def test_sentences_start_at_a_line_start_or_after_a_full_stop():
    text = "The report said that the Board agreed to it.\nThe Board agreed to it.\n"
    assert [(d.text, d.span.start) for d in find_decision_sentences(text)] == [("The Board agreed to it.", 45)]
