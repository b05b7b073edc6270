"""The action-log reader skips its sentence and heading patterns on pages without the words they
hold, and finds exactly what it found without that check."""

from __future__ import annotations

import pytest

from transforms.actions import action_log
from transforms.text.literal_guard import required_words


def _unguarded(text: str) -> list:
    found = []
    for m in action_log._LEAD_THEN_REFS.finditer(text):
        status = action_log.action_status(m.group("lead"))
        if status:
            found.extend(action_log._each(m.group("refs"), status, action_log.trimmed(text, m.start(), m.end())))
    for m in action_log._REFS_THEN_STATUS.finditer(text):
        status = action_log.action_status(m.group("verb") + m.group("rest"))
        if status:
            found.extend(action_log._each(m.group("refs"), status, action_log.trimmed(text, m.start(), m.end())))
    found.extend(action_log._schedule_rows(text, 0, len(text)))
    found.extend(action_log._log_lines(text, 0, len(text)))
    return action_log._first_per_ref(found)


def test_sentence_patterns_hold_the_word():
    assert required_words(action_log._LEAD_THEN_REFS) == (("actions",), True)
    assert required_words(action_log._REFS_THEN_STATUS) == (("action",), True)


@pytest.mark.parametrize("text", [
    "The following actions can be closed as completed: 20, 33 and 52.",
    "ACTİONS 7 and 17 remain open.",  # a dotted capital I reads as i
    "Matters arising\n14/2030 Review of the custody suite Ongoing\n15/2030 Drone pilot Discharged",
    "MATTERS ARISING\n3 Estates review Complete",
    "Outstanding Actions\n12 Fleet plan Ongoing",
    "Minutes of the Moorvale Panel\nPresent: Cllr Ada Hart\nThe panel noted the report.",
    "12/2030 | Review estates | CC | Discharged",
])
def test_same_updates_as_without_the_check(text):
    assert action_log.find_log_updates(text) == _unguarded(text)
