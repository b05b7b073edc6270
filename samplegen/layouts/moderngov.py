"""ModernGov panel pages (HTML): title line with date and time, venue, numbered items each with
``Minutes:`` and a ``RESOLVED that ...``; apologies and substitutes in the first item. Now and
then only a bare fragment of one item's minutes is published (no title, no date).

    Agenda and minutes
    Northmoor Police and Crime Panel - Tuesday, 7th October, 2025 10.00 am
    Venue: Council Chamber, County Hall, Eastbridge. View directions
    21.
    Apologies and Substitutes
    Minutes:
    Apologies were received from Cllr Amos Penby (Eastbridge Borough Council) and Mr Idris Elmby.
    Cllr Vera Dunford substituted for Cllr Amos Penby.
"""

from __future__ import annotations

import html
import random
from datetime import date, timedelta

from samplegen import labels
from samplegen.layouts import Written
from samplegen.people import Person, new_cast
from samplegen.phrases import COUNCILS, PANEL_NOTES, PANEL_REPORTS, PANEL_RESOLUTIONS, TOPICS, TOWNS
from samplegen.when import MONTHS, am_pm, panel_date, plain_date

MEMBERS = 10


class PanelSeries:
    """One force area's police and crime panel, meeting every eight weeks."""

    def __init__(self, force: str, slug: str, rng: random.Random, start: date, fragments: set[str]):
        self.slug, self.body = slug, f"{force} Police and Crime Panel"
        self.fragments = fragments  # shared by all panels of a corpus
        self.cast = new_cast(rng, [("Cllr", "Member")] * (MEMBERS - 2) + [("Mr", "Independent Member"),
                                                                           ("Mrs", "Independent Member")])
        self.councils = {i: f"{rng.choice(TOWNS)} {rng.choice(COUNCILS)}" for i in range(MEMBERS - 2)}
        self.venue = f"Council Chamber, County Hall, {rng.choice(TOWNS)}"
        self.contact = " ".join(self.cast.names.new())
        self.next_date, self.previous, self.item = _working_day(start), None, rng.randint(1, 60)

    def next_document(self, rng: random.Random, fragment: bool) -> Written:
        when, previous = self.next_date, self.previous
        self.previous, self.next_date = when, _working_day(when + timedelta(weeks=8))
        self.cast.step(rng, leave_chance=0.02)
        if fragment:
            return _fragment(rng, f"{self.slug}-pcp-{when.isoformat()}-fragment.txt", self.next_date,
                             self.fragments)
        name = f"{self.slug}-pcp-{when.isoformat()}.html"
        start = rng.choice((600, 630, 840, 870))
        paras, people = self._apologies(rng)
        items = [("Apologies and Substitutes", paras, None)]
        if previous is not None:
            items.append((f"Minutes of the meeting held on {plain_date(previous)}", [],
                          f"RESOLVED that the minutes of the meeting held on {plain_date(previous)} be approved "
                          "as a correct record."))
        for report in rng.sample(PANEL_REPORTS, rng.randint(1, 3)):
            title = report.format(y=when.year, y1=str(when.year + 1)[2:], y2=str(when.year + 2)[2:])
            notes = [f"{k}. {t}" for k, t in enumerate(rng.sample(PANEL_NOTES, rng.randint(1, 3)), start=1)]
            items.append((title, notes, rng.choice(PANEL_RESOLUTIONS)))
        out = ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
               f"<title>Agenda and minutes - {html.escape(self.body)}</title></head><body>",
               "<h1>Agenda and minutes</h1>",
               f"<h2>{html.escape(self.body)} - {panel_date(when)} {am_pm(start)}</h2>",
               f'<p>Venue: {html.escape(self.venue)}. <a href="#">View directions</a></p>',
               f"<p>Contact: {html.escape(self.contact)}</p>", "<h3>Items</h3>", "<p>No. Item</p>"]
        agenda, decisions = [], []
        for title, notes, resolution in items:
            number = str(self.item)
            self.item += 1
            agenda.append(labels.agenda_item(number, title))
            out += ['<div class="mgItem">', f'<p class="mgItemNumber">{number}.</p>',
                    f'<p class="mgItemTitle">{html.escape(title)}</p>', "<p>Minutes:</p>"]
            out += [f"<p>{html.escape(p)}</p>" for p in notes]
            if resolution:
                out.append(f"<p>{html.escape(resolution)}</p>")
                decisions.append(labels.decision(resolution, "resolution", item=number))
            out.append("</div>")
        out.append("</body></html>")
        gold = labels.gold_document(
            name, labels.meeting(self.body, None, when, f"{start // 60:02d}:{start % 60:02d}", None, self.venue),
            attendance=people, agenda_items=agenda, decisions=decisions)
        return Written(name, "\n".join(out) + "\n", gold)

    def _apologies(self, rng):
        """The apologies sentence, perhaps a substitution, and their labels."""
        away = sorted(rng.sample(range(MEMBERS), rng.randint(1, 3)))
        named = [self._written(i) for i in away]
        sentence = "Apologies were received from " + (
            named[0] if len(named) == 1 else ", ".join(named[:-1]) + " and " + named[-1]) + "."
        people = [labels.attendee(self.cast.posts[i].holder.name, rank=self.cast.posts[i].holder.rank,
                                  organisation=self.councils.get(i), status="apologies") for i in away]
        paras = [sentence]
        if away[0] < MEMBERS - 2 and rng.random() < 0.5:
            absent = self.cast.posts[away[0]].holder
            sub = Person(*self.cast.names.new(), "Cllr")
            paras.append(f"{sub.ranked()} substituted for {absent.ranked()}.")
            people.append(labels.attendee(sub.name, rank="Cllr", is_representative=True,
                                          note=f"substitute for {absent.name}"))
        return paras, people

    def _written(self, i: int) -> str:
        person = self.cast.posts[i].holder
        council = self.councils.get(i)
        return person.ranked() + (f" ({council})" if council else "")


def _working_day(d: date) -> date:
    """Panels meet on weekdays and not over Christmas: move ``d`` forward until it is one."""
    while d.weekday() >= 5 or (d.month, d.day) >= (12, 22) or (d.month, d.day) <= (1, 2):
        d += timedelta(days=1)
    return d


def _fragment(rng: random.Random, name: str, next_meeting: date, taken: set[str]) -> Written:
    """A bare "Minutes:" fragment: numbered notes and one resolution; the meeting is unknown.
    Two identical fragments would be one document to the pipeline, so ``taken`` (the texts
    written so far) makes each one's bytes its own."""
    for attempt in range(100):
        topic = rng.choice(TOPICS)
        notes = [f"1. The Commissioner introduced the report on {topic} and summarised the changes planned.",
                 f"2. {rng.choice(PANEL_NOTES)}"]
        later = f"{MONTHS[next_meeting.month - 1]} {next_meeting.year}"
        resolution = (f"RESOLVED to note the report on {topic} and to receive a further update at the "
                      f"{later} meeting" + (f" and a second update after {attempt} months." if attempt else "."))
        text = "\n".join(["Minutes:", *notes, resolution, "Supporting documents:"]) + "\n"
        if text not in taken:
            break
    taken.add(text)
    gold = labels.gold_document(name, labels.meeting(), decisions=[labels.decision(resolution, "resolution")])
    return Written(name, text, gold)
