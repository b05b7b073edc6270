"""find_decision_blocks with explicit values."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from transforms.decisions.blocks import find_decision_blocks


def texts(text: str) -> list[str]:
    return [d.text for d in find_decision_blocks(text)]


def test_each_line_under_decisions_is_a_decision_until_the_narrative_resumes() -> None:
    text = ("Decisions:\nThe chief constable asked ACC Brock to arrange a briefing.\n"
            "Chief officers agreed to issue a joint press release.\n"
            "ACC Brock to ensure the pledge is featured.\n"
            "T/CS Tarrant presented an update on dangerous dogs. Approval is sought.\n")
    assert texts(text) == [
        "The chief constable asked ACC Brock to arrange a briefing.",
        "Chief officers agreed to issue a joint press release.",
        "ACC Brock to ensure the pledge is featured."]
    assert all(d.kind == "decision" for d in find_decision_blocks(text))


def test_block_ends_at_new_action_update_item_and_date_line() -> None:
    text = ("Decision\nChief officers approved the plan.\nNew action: 9/24\nJane Wood to act.\n"
            "Decision\nChief officers noted the report.\nAction 3/24 - closed\n"
            "Decision\nChief officers approved the rate.\n8a. Car scheme\n"
            "Decision\nChief officers approved the policy.\nTuesday 12 March 2024.")
    assert texts(text) == ["Chief officers approved the plan.", "Chief officers noted the report.",
                           "Chief officers approved the rate.", "Chief officers approved the policy."]


def test_one_line_form_and_blank_line_ends_block() -> None:
    text = "Decision: The minutes for July were approved.\n\nAction updates: see the log.\n"
    [decision] = find_decision_blocks(text)
    assert decision.text == "The minutes for July were approved."
    assert text[decision.span.start:decision.span.end] == decision.text


def test_first_line_always_counts_and_bullets_are_dropped() -> None:
    text = "Decisions:\n\n• The Chair recognised the charge. It was agreed that\n"
    assert texts(text) == ["The Chair recognised the charge. It was agreed that"]


def test_no_decisions_and_prose_mentions_give_nothing() -> None:
    assert texts("No actions or decisions.\nThere were no actions or decisions.") == []
    assert texts("Decision:\nNo decisions were made.") == []
    assert texts("Decisions were deferred to the next meeting.") == []
    assert texts("Decision: None") == []


def test_numbered_decisions_stay_in_the_block_but_a_numbered_item_ends_it() -> None:
    text = ("Decisions:\n1. Chief officers approved the estates plan.\n"
            "2. Chief officers requested a progress report.\n9. Fleet strategy\n"
            "Chief officers approved the fleet plan.")
    assert texts(text) == ["Chief officers approved the estates plan.",
                           "Chief officers requested a progress report."]


def test_resolutions_on_one_line_and_in_lettered_blocks() -> None:
    text = ("RESOLVED that the fleet plan be approved.\nResolved:\n(a) That the report be noted.\n"
            "(b) That the pilot be extended.\n\nRESOLVED: The estates review be deferred.\n"
            "The panel was RESOLVED that nothing more be done.")
    assert [(d.kind, d.text) for d in find_decision_blocks(text)] == [
        ("resolution", "RESOLVED that the fleet plan be approved."),
        ("resolution", "That the report be noted."), ("resolution", "That the pilot be extended."),
        ("resolution", "RESOLVED: The estates review be deferred.")]


def test_lettered_decisions_and_a_one_line_decision_stops_at_the_next_paragraph() -> None:
    text = ("Decisions:\n(a) Chief officers approved the plan.\n(b) Chief officers agreed to extend it.\n"
            "Decision: The minutes were approved.\nAction updates: refer to the log for updates.\n"
            "The following actions were agreed as completed.")
    assert texts(text) == ["Chief officers approved the plan.", "Chief officers agreed to extend it.",
                           "The minutes were approved."]


@settings(max_examples=200, deadline=1000)
@given(st.lists(st.sampled_from(["Decision", "Decisions:", "Resolved:", "RESOLVED that ", "(a) ", "That ",
                                 "approved ", "\n", "• ", "8a. Item\n", "No decisions", "x"]), max_size=30)
       .map("".join))
def test_find_decision_blocks_is_total_bounded_and_deterministic(text: str) -> None:
    found = find_decision_blocks(text)
    assert found == find_decision_blocks(text)
    for d in found:
        assert 0 <= d.span.start <= d.span.end <= len(text) and d.kind in {"decision", "resolution"}
