"""Commissioners' board notes: labelled header, attendees in prose by organisation, numbered
sections, ``Actions`` bullets and an ``Overview of Actions`` table.

    Meeting Notes
    Title: Northmoor Performance and Delivery Board
    Date & time: Wednesday, 12 November 2025, 1400hrs
    Venue: Boardroom, Police Headquarters, Eastbridge
    Attendees: **Office of the Northmoor Police and Crime Commissioner:** Ann Penby (Police and Crime Commissioner), ...
    Northmoor Police: Chief Constable Rob Elmford, Deputy Chief Constable Fay Dunley
    1. Welcome & Introduction
    ...
    Overview of Actions
    <TAB>Status<TAB>Owner<TAB>Due date
    Update on rural crime<TAB>Open<TAB>Chief Constable<TAB>11/02/2026
    Date of next Northmoor Performance and Delivery Board: 11 February 2026
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from samplegen import labels
from samplegen.layouts import Written
from samplegen.people import new_cast
from samplegen.phrases import PCC_BOARDS, PCC_SECTIONS, ROOMS, TOPICS, TOWNS
from samplegen.when import comma_date, plain_date, slash_date

OPCC_POSTS = ((None, "Police and Crime Commissioner"), (None, "Chief Executive"), (None, "Chief Finance Officer"))
FORCE_POSTS = (("Chief Constable", None), ("Deputy Chief Constable", None), ("Assistant Chief Constable", None))


class PccNotesSeries:
    """One commissioner's accountability board, meeting every eight weeks."""

    def __init__(self, force: str, slug: str, rng: random.Random, start: date):
        self.slug, self.force_name = slug, f"{force} Police"
        self.office = f"Office of the {force} Police and Crime Commissioner"
        self.title = f"{force} {rng.choice(PCC_BOARDS)}"
        self.cast = new_cast(rng, [(r, role) for r, role in OPCC_POSTS + FORCE_POSTS])
        self.venue = f"{rng.choice(ROOMS)}, Police Headquarters, Station Road, {rng.choice(TOWNS)}"
        self.next_date = start

    def next_document(self, rng: random.Random, as_html: bool, as_pdf: bool) -> Written:
        when = self.next_date
        self.next_date = when + timedelta(weeks=8)
        self.cast.step(rng, leave_chance=0.02)
        name = f"{self.slug}-pcc-board-{when.isoformat()}.{'pdf' if as_pdf else 'txt'}"
        start = rng.choice(("0930", "1000", "1400"))
        opcc = [p for p in self.cast.posts[:3] if p.role != "Chief Finance Officer" or rng.random() < 0.8]
        force = [p for p in self.cast.posts[3:] if p.rank == "Chief Constable" or rng.random() < 0.7]
        lines = ["Meeting Notes", "", f"Title: {self.title}", "",
                 f"Date & time: {comma_date(when)}, {start}hrs", "", f"Venue: {self.venue}", "",
                 f"Attendees: **{self.office}:** "
                 + ", ".join(f"{p.holder.name} ({p.role})" for p in opcc), "",
                 f"{self.force_name}: " + ", ".join(f"{p.rank} {p.holder.name}" for p in force), ""]
        people = [labels.attendee(p.holder.name, role=p.role, organisation=self.office) for p in opcc]
        people += [labels.attendee(p.holder.name, rank=p.rank, organisation=self.force_name) for p in force]
        sections, items, actions = self._sections(rng, when)
        lines += sections
        decisions = [labels.decision("The notes of the previous meeting were agreed as a true and accurate record.",
                                     explicit=False)]
        if actions:
            lines += ["Overview of Actions", "", "\tStatus\tOwner\tDue date"]
            lines += [f"{a['description']}\tOpen\t{a['owner']}\t{slash_date(self.next_date)}" for a in actions]
            lines.append("")
        lines.append(f"Date of next {self.title}: {plain_date(self.next_date)}")
        gold = labels.gold_document(
            name, labels.meeting(self.title, self.office, when, f"{start[:2]}:{start[2:]}", None, self.venue,
                                 self.next_date),
            attendance=people, agenda_items=items, actions=actions, decisions=decisions)
        return Written(name, "\n".join(lines) + "\n", gold, pdf=as_pdf)

    def _sections(self, rng, when: date):
        lines = ["1. Welcome & Introduction", "", "The Commissioner welcomed those present.", "",
                 "2. Notes of Previous Meeting", "",
                 "The notes of the previous meeting were agreed as a true and accurate record.", ""]
        items = [labels.agenda_item("1", "Welcome & Introduction"),
                 labels.agenda_item("2", "Notes of Previous Meeting")]
        actions = []
        topics = rng.sample(TOPICS, 4)  # one per section: the same topic twice would be one action
        for n, section in enumerate(rng.sample(PCC_SECTIONS, rng.randint(2, 4)), start=3):
            presenter = rng.choice(("Chief Constable", "Deputy Chief Constable", "Chief Finance Officer"))
            lines += [f"{n}. {section}", "", f"The {presenter} provided a summary of the supporting paper.", ""]
            items.append(labels.agenda_item(str(n), section))
            if rng.random() < 0.4:
                topic = topics[n - 3]
                lines += [f"- The PCC asked for an update on {topic} at the next meeting.", "", "Actions", "",
                          f"- **Force: update at next meeting on {topic}.**", ""]
                actions.append(labels.action(f"Update on {topic}", owner="Chief Constable",
                                             due_date=self.next_date))
        return lines, items, actions


