"""People resolution: the same person under every spelling, never two people merged.

"Pete Varnham" and "Peter Varnham" are one person (a known short form); "Tessa Ellwood"
and a bare "Ellwood" at a meeting where only one Ellwood is known are one; "Simeon Wilby" and
"Stuart Wilby" are two. Ranks change over time (A/DCC -> ACC) and never split a person.

``resolve`` works on every mention of the run at once (it is cheap: names only) and returns a
stable id per mention: ``person/<first>-<surname>`` from the fullest first name seen.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from transforms.attendance.names import without_post_nominals
from transforms.identity import slug
from transforms.quirks import load_table


@dataclass(frozen=True)
class Mention:
    """One way a person is written: attendance name or action owner."""

    name: str
    context: str = ""  # e.g. the organisation or body; a bare surname resolves within it
    organisation: str = ""  # the organisation the minutes give for this person, when they give one


@lru_cache(maxsize=1)
def _short_forms() -> dict[str, set[str]]:
    """name -> names it may be a short or formal form of (both directions)."""
    table: dict[str, set[str]] = defaultdict(set)
    for row in load_table("nicknames"):
        formal = row["formal"]
        for short in row["short"].split("|"):
            table[formal].add(short)
            table[short].add(formal)
    return table


def _tokens(name: str) -> list[str]:
    ascii_ = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return re.findall(r"[a-z]+(?:['-][a-z]+)*", ascii_)


@lru_cache(maxsize=4096)
def _words(text: str | None) -> str:
    """Lower-case words, single-spaced: "Chief  Constable" -> "chief constable"."""
    return " ".join(_tokens(text or ""))


#: words that belong to the surname they stand before: "van Dijk", "de la Cruz" (last one only)
_PARTICLES = frozenset({"van", "von", "de", "der", "den", "da", "di", "du", "le", "la", "del", "della", "ter", "ten"})


@lru_cache(maxsize=65536)  # a run resolves tens of thousands of mentions of a few thousand names
def split_name(name: str) -> tuple[tuple[str, ...], str]:
    """("Peter", "J") first names and the surname, lower-cased: "Peter J Varnham" ->
    (("peter", "j"), "varnham"); "Jan van Dijk" -> (("jan",), "van dijk"). A single word is a
    surname."""
    toks = _tokens(without_post_nominals(name))  # "Alan Hale QPM" is Alan Hale
    if not toks:
        return (), ""
    if len(toks) >= 2 and toks[-2] in _PARTICLES:  # "Jan van Dijk": the surname is "van dijk"
        return tuple(toks[:-2]), f"{toks[-2]} {toks[-1]}"
    return tuple(toks[:-1]), toks[-1]


def first_names_compatible(a: str, b: str) -> bool:
    """Same first name, a known short form of it, or an initial of it."""
    if a == b:
        return True
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    return b in _short_forms().get(a, ()) or a.startswith(b) and len(b) >= 3 or b.startswith(a) and len(a) >= 3


def _fullness(firsts: tuple[str, ...]) -> tuple[int, int]:
    return (len(firsts), sum(len(f) for f in firsts))


def resolve(mentions: Sequence[Mention]) -> list[str | None]:
    """A person id for each mention (None when a bare surname is ambiguous or the name empty).
    Every mention of one written name gets the same id; each distinct name is placed once."""
    by_surname: dict[str, list[int]] = defaultdict(list)
    parts = [split_name(m.name) for m in mentions]
    for i, (_, surname) in enumerate(parts):
        if surname:
            by_surname[surname].append(i)
    out: list[str | None] = [None] * len(mentions)
    for surname, idxs in by_surname.items():
        full = {mentions[i].name for i in idxs if parts[i][0]}
        # clusters of full names, fullest first: a name joins the only cluster whose canonical
        # first name fits; no fit, or an initial / short form that fits two people: a new cluster
        clusters: list[tuple[str, ...]] = []
        cluster_of: dict[str, int] = {}
        for name in sorted(full, key=lambda n: (_fullness(split_name(n)[0]), n), reverse=True):
            firsts = split_name(name)[0]
            fits = [k for k, canon in enumerate(clusters) if first_names_compatible(canon[0], firsts[0])]
            if len(fits) != 1:
                clusters.append(firsts)
                fits = [len(clusters) - 1]
            cluster_of[name] = fits[0]
        ids = [f"person/{slug(' '.join(canon[:1] + (surname,)))}" for canon in clusters]
        seen: dict[str, int] = {}
        for n, pid in enumerate(ids):  # two clusters with one slug ("A Hesketh" twice apart): number them
            seen[pid] = seen.get(pid, 0) + 1
            ids[n] = pid if seen[pid] == 1 else f"{pid}-{seen[pid]}"
        for i in idxs:
            if parts[i][0]:
                out[i] = ids[cluster_of[mentions[i].name]]
        _split_by_organisation(mentions, [i for i in idxs if parts[i][0]], out)
        in_context: dict[str, set[str]] = defaultdict(set)  # context -> ids of full names there
        for i in idxs:
            if parts[i][0]:
                in_context[mentions[i].context].add(out[i])
        for i in idxs:
            if parts[i][0]:
                continue
            # a bare surname joins the only person of that surname in its context, else the only one
            candidates = in_context.get(mentions[i].context) or set(ids)
            if len(candidates) == 1:
                out[i] = next(iter(candidates))
            elif not ids:
                out[i] = f"person/{slug(surname)}"
    return out


def _org_key(organisation: str) -> str:
    """Organisations compared as written but for case, punctuation and apostrophes:
    "Commissioner's Office" = "Commissioner’s Office" = "commissioners office"."""
    return slug(re.sub(r"['’]", "", organisation))


def _split_by_organisation(mentions: Sequence[Mention], idxs: list[int], out: list[str | None]) -> None:
    """One full name stated with two different organisations is two people ("Jo Bloggs,
    Westbury Council" and "Jo Bloggs, Northvale Police"), unless something links them: the
    organisation stated most often keeps the id, each other one gets the id plus its own slug;
    a mention with no organisation stays with the first."""
    orgs_of: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for i in idxs:
        if org := _org_key(mentions[i].organisation):
            orgs_of[out[i]][org] += 1
    for pid, orgs in orgs_of.items():
        if len(orgs) < 2:
            continue
        keep = min(orgs, key=lambda o: (-orgs[o], o))
        for i in idxs:
            org = _org_key(mentions[i].organisation)
            if out[i] == pid and org and org != keep:
                out[i] = f"{pid}-{org}"


@dataclass(frozen=True)
class Attendee:
    """What owner resolution needs of an attendee of the same meeting."""

    person_id: str
    name: str
    rank_name: str | None  # normalised rank, e.g. "Chief Constable"
    role: str | None


def resolve_owner(owner: str | None, attendees: Sequence[Attendee]) -> str | None:
    """The person an action owner names, among the meeting's attendees: "Neil Brockway",
    "Brockway", "ACC Brockway" by name; "Chief Constable" by role or rank when exactly one
    attendee holds it. None for a body ("OPCC", "Force") or anyone not at the meeting."""
    if not owner:
        return None
    from transforms.ranks import split_rank

    _, bare = split_rank(owner)
    firsts, surname = split_name(bare)
    if surname:
        same = [a for a in attendees if split_name(a.name)[1] == surname
                and (not firsts or not split_name(a.name)[0]
                     or first_names_compatible(split_name(a.name)[0][0], firsts[0]))]
        if len({a.person_id for a in same}) == 1:
            return same[0].person_id
    wanted = _words(owner)
    holders = {a.person_id for a in attendees if wanted and wanted in (_words(a.role), _words(a.rank_name))}
    return holders.pop() if len(holders) == 1 else None
