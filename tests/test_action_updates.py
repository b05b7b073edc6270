"""find_action_updates: references after "Action No(s).", statuses from the sentence, a wrapped
line or the list's lead-in. All texts are invented."""

from __future__ import annotations

from transforms.actions.updates import find_action_updates


def _read(text: str) -> list[tuple[str, str, str | None]]:
    return [(u.action_ref, u.status, u.status_as_written) for u in find_action_updates(text)]


def test_bulleted_numbered_actions_take_the_status_of_their_lead_in() -> None:
    text = ("Minutes of the last meeting\n\nThe Panel noted that the following actions were now completed:\n\n"
            "  • Action No. 4 from the meeting held on 3rd March 2031.\n\n"
            "  • Action Nos. 7, 8 and 11 from the meeting held on 9th April 2031.\n\n"
            "Budget monitoring: pdf icon PDF 40 KB\n")
    assert _read(text) == [("4", "closed", "completed"), ("7", "closed", "completed"),
                           ("8", "closed", "completed"), ("11", "closed", "completed")]
    spans = {u.action_ref: text[u.span.start:u.span.end] for u in find_action_updates(text)}
    assert spans["8"].startswith("Action Nos. 7, 8 and 11")


def test_status_later_in_the_same_sentence() -> None:
    text = "Action Nos. 12 and 13 from the meeting in May were reported as discharged."
    assert _read(text) == [("12", "closed", "discharged"), ("13", "closed", "discharged")]


def test_numbered_actions_inside_a_sentence() -> None:
    text = ("The Clerk reported that Action Nos. 5 and 6 had been completed. Action 9 stays with the "
            "Treasurer and remains open.")
    assert _read(text) == [("5", "closed", "completed"), ("6", "closed", "completed")]


def test_sentence_wrapped_onto_the_next_line() -> None:
    text = "- Action No. 21 from the meeting held on 14 June 2030\nwas carried forward to the next meeting.\n"
    assert _read(text) == [("21", "carried_forward", "carried forward")]


def test_lead_in_without_status_or_colon_gives_open() -> None:
    text = ("Matters arising from the last meeting were discussed.\n"
            "• Action No. 3 from the meeting held on 2 May 2030.\n")
    assert _read(text) == [("3", "open", None)]
    text = "Actions from the last meeting:\n• Action No. 3 from the meeting held on 2 May 2030.\n"
    assert _read(text) == [("3", "open", None)]


def test_own_status_beats_the_lead_in() -> None:
    text = ("The following actions were completed:\n"
            "• Action No. 3 - closed\n"
            "• Action No. 4 - carried forward\n"
            "• Action No. 5 from the meeting in May\n")
    assert _read(text) == [("3", "closed", "closed"), ("4", "carried_forward", "carried forward"),
                           ("5", "closed", "completed")]


def test_a_long_list_under_one_lead_in_is_read_in_linear_time() -> None:
    items = "\n".join(f"• Action No. {n} from the meeting held on 1 May 2030." for n in range(1, 3001))
    updates = find_action_updates("The following actions were completed:\n" + items)
    assert len(updates) == 3000 and {u.status for u in updates} == {"closed"}


def test_existing_forms_unchanged() -> None:
    text = ("Action 22/24 - Ports EES. CLOSED\nAction 26/24 - carried forward\n"
            "2a. Action 3/24 Central Operations update\nAction 16 Pending\n")
    assert _read(text) == [("22/24", "closed", "CLOSED"), ("26/24", "carried_forward", "carried forward"),
                           ("3/24", "open", None), ("16", "carried_forward", "Pending")]


def test_new_actions_are_not_updates() -> None:
    text = "New action 9/24: JB to review the plan.\nThe Board noted Action No. 9 would be raised."
    assert [u.action_ref for u in find_action_updates(text)] == ["9"]
    assert _read("New action No. 9: JB to review the plan.") == []
