"""find_decision_blocks with explicit values."""

from __future__ import annotations

from transforms.decision_blocks import find_decision_blocks


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
