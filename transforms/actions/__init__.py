"""Actions raised at a meeting, and updates on earlier actions.

Two entry points, one per table: ``find_actions(page, strategies)`` and
``find_action_updates(page, strategies)``. Action strategies:

* ``action_lines``: "New action 35/24:", "Action:" and "By whom: / By when:" lines from the
  body start, owners resolved against the page's people (``new_actions``);
* ``notes_actions``: "ACTION: JW to ...", bullets under an "Actions" heading and the rows of
  an actions table, each numbered by the item it sits under (``notes_outcomes``).

Update strategies:

* ``reference_lines``: "Action 22/24 - CLOSED", "Action Nos. 28, 29 and 32 ..." from the
  body start (``updates``);
* ``notes_updates``: "Action 496 Work is in progress.", "Reference – 17/2022" lists
  (``notes_outcomes``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from transforms.actions import notes_outcomes
from transforms.actions.new_actions import find_new_actions
from transforms.actions.updates import find_action_updates as find_reference_updates
from transforms.models import Action, ActionUpdate
from transforms.page import Page, read_with

__all__ = ["ACTION_STRATEGIES", "UPDATE_STRATEGIES", "find_action_updates", "find_actions"]


def _action_lines(page: Page) -> list[Action]:
    return find_new_actions(page.text, page.body_start, people=page.people,
                            meeting_date=page.meeting.meeting_date)


ACTION_STRATEGIES: dict[str, Callable[[Page], list[Action]]] = {
    "action_lines": _action_lines,
    "notes_actions": lambda page: notes_outcomes.find_actions(page.text, page.items, page.people, page.meeting),
}
UPDATE_STRATEGIES: dict[str, Callable[[Page], list[ActionUpdate]]] = {
    "reference_lines": lambda page: find_reference_updates(page.text, page.body_start),
    "notes_updates": lambda page: notes_outcomes.find_action_updates(page.text),
}


def find_actions(page: Page, strategies: Sequence[str]) -> list[Action]:
    """The actions each named strategy finds, in the order the strategies are named."""
    return read_with(ACTION_STRATEGIES, page, strategies)


def find_action_updates(page: Page, strategies: Sequence[str]) -> list[ActionUpdate]:
    """The action updates each named strategy finds, in the order the strategies are named."""
    return read_with(UPDATE_STRATEGIES, page, strategies)
