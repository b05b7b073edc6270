"""The fallback for any text no other adapter claims: a bare fragment of minutes, an unknown
publisher's page.

It reads only what is written in a recognisable form: "RESOLVED ..." resolutions,
"Decision:" blocks, "Action:" lines and action updates, numbered agenda items, people under
"Present:" / "Apologies:" labels and in apology and substitution sentences, and meeting fields
from explicit labels and headings ("Date:", "Venue:", "<Body> - <date>"). Everything else
stays None: a fragment such as::

    Minutes:
    1. The Commissioner presented the quarterly figures ...
    RESOLVED to note the figures and to ask for a further update in the autumn.

gives one resolution and an empty meeting. ``detect`` returns a constant floor (0.1) so that
any layout adapter that recognises a text wins over this one.
"""

from __future__ import annotations

from transforms.adapters.layout import Layout, use

FLOOR = 0.1


def detect(text: str) -> float:
    return FLOOR


LAYOUT = Layout(
    name="generic",
    detect=detect,
    # a body named only in passing is not this page's body
    header=use("title_and_labels", body_mentions=False),
    agenda=use("numbered_items"),
    # council pages that no layout adapter claimed still name people in sentences
    attendance=use("labelled_lists", "apology_headings", "named_in_sentences", "column_rows",
                   "presence_sentences", merge=True,
                   person_entries=True),
    actions=use("action_lines"),
    action_updates=use("reference_lines"),
    decisions=use("resolutions_and_blocks", "decision_sentences"),
)
