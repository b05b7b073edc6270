"""Owners of actions as written, resolved to the full names of the meeting's people.

Two rules, kept apart on purpose until a decision joins them (they differ in output, so one
rule would change published owners and a golden):

* ``owner_names`` (formal action lines): each owner in "T/CS Tarrant, JW and Chief
  Constable" on its own: a lone surname or initials becomes the one attendee it fits, a role
  stays; several owners are joined with " and ";
* ``owner_names_all_or_none`` (commissioners' board notes): "NA/SM" or "DCC Nolan" resolved
  through the initials in brackets the attendee list gives ("Nia Ames (NA)") or a rank and
  surname; several owners are joined with "/", and unless every one resolves the owner stays
  as written.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from transforms.models import Attendance
from transforms.ranks import split_rank
from transforms.text.spans import clean

#: "the force will consult ...", "the secretariat to circulate ...": a group named in lower case
#: owns the action ("the minutes to be circulated" is passive: no owner)
COLLECTIVE_OWNER = re.compile(r"^(?P<who>[Tt]he[ \t]+[a-z]{3,})[ \t]+(?:(?:is|are)[ \t]+)?(?:to|will|shall|should|must)"
                              r"[ \t]+(?!be\b)[a-z]")
#: "... brought to a future meeting.  Action: RJ": the owner written after the action, as a
#: flattened "Action | Owner" column reads
_OWNER_AFTER = re.compile(r"[ \t]+Action(?:[ \t]+by)?[ \t]*[:–—-][ \t]*(?P<owner>[A-Z][\w/&,' .-]{0,40}?)[ \t.]*$")
_OWNER_SPLIT = re.compile(r"\s*(?:,|&|\band\b)\s*|\s+/\s+")  # not "T/CS"


def owner_after(description: str) -> tuple[str, str | None]:
    """An action's text without the owner written after it, and that owner: "Report to the
    board.  Action: RJ" -> ("Report to the board.", "RJ"); no such owner -> (text, None).

    >>> owner_after("Update the risk register.  Action: Jo Hale")
    ('Update the risk register.', 'Jo Hale')
    """
    after = _OWNER_AFTER.search(description)
    if after is None or len(after.group("owner").split()) > 4:
        return description, None
    return description[:after.start()].rstrip(), after.group("owner").strip(" .,")


def owner_names(written: str, people: Sequence[Attendance] = ()) -> str | None:
    """An owner as named, without rank; a lone surname or initials becomes the full name of
    the one attendee it fits: "T/CS Tarrant" -> "Sam Tarrant" when he attended; "JW" ->
    "Jane Wood"; "Chief Constable" stays "Chief Constable"."""
    names = []
    for part in _OWNER_SPLIT.split(clean(written)):
        _, name = split_rank(part)
        name = name.strip(" .")
        if name:
            names.append(_resolve_name(name, people))
    return " and ".join(names) or None


def _resolve_name(name: str, people: Sequence[Attendance]) -> str:
    if len(name.split()) != 1:
        return name
    by_initials, by_surname = _names_by(tuple(p.name for p in people))
    if name.isupper() and 2 <= len(name) <= 4:
        fits = set(by_initials.get(name, ()))
    elif by_surname is not None:
        fits = set(by_surname.get(name.lower(), ()))
    else:  # a blank name among the people: the plain comparison (and its IndexError) as ever
        fits = {p.name for p in people if p.name.split()[-1].lower() == name.lower()}
    return fits.pop() if len(fits) == 1 else name


@lru_cache(maxsize=16)
def _names_by(names: tuple[str, ...]) -> tuple[dict[str, set[str]], dict[str, set[str]] | None]:
    """(initials -> names, lower-case surname -> names) of a meeting's people, built once rather
    than for every owner read (a long page names hundreds of owners and people).

    >>> _names_by(("Jane Wood", "Jo Bloggs"))[0]["JW"]
    {'Jane Wood'}
    """
    by_initials: dict[str, set[str]] = {}
    by_surname: dict[str, set[str]] | None = {}
    for name in names:
        words = name.split()
        for key in _initials_of(words):
            by_initials.setdefault(key, set()).add(name)
        if not words:
            by_surname = None
        elif by_surname is not None:
            by_surname.setdefault(words[-1].lower(), set()).add(name)
    return by_initials, by_surname


def _initials_of(words: list[str]) -> set[str]:
    """The initials a name is written as: every word ("Jo Ann Hale" -> "JAH"), first and last
    ("JH"), and a hyphenated surname's parts ("Rae Hart-Lane" -> "RH", "RHL").

    >>> sorted(_initials_of(["Rae", "Hart-Lane"]))
    ['RH', 'RHL']
    """
    if not words:
        return {""}
    parts = [p for w in words for p in w.split("-") if p]
    keys = {"".join(w[0] for w in words).upper(), "".join(p[0] for p in parts).upper()}
    if len(words) > 2:
        keys.add((words[0][0] + words[-1][0]).upper())
    return keys


def owner_names_all_or_none(owner: str, people: list[Attendance], text: str) -> str:
    """Initials and rank-plus-surname to the attendee's full name: "NA/SM" -> "Nia Ames/
    Sol Marsh", "DCC Nolan" -> "Sara Nolan"; a role or body stays as written."""
    parts = re.split(r"\s*/\s*|\s+(?:and|&)\s+", owner)
    names = [_person_for(part, people, text) for part in parts]
    if all(names):
        return "/".join(n for n in names if n)
    return owner


def _person_for(part: str, people: list[Attendance], text: str) -> str | None:
    if re.fullmatch(r"[A-Z][A-Za-z]{1,3}", part) and part[1:].upper() == part[1:]:
        for p in people:
            entry = text[p.span.start:p.span.end]
            if re.search(rf"\(\s*{re.escape(part)}\s*\)", entry):
                return p.name
        matches = [p.name for p in people if "".join(w[0] for w in p.name.split()).upper() == part]
        return matches[0] if len(matches) == 1 else None
    rank, rest = split_rank(part)
    if rank and rest:
        matches = [p.name for p in people if p.name.split()[-1] == rest.split()[-1]]
        return matches[0] if len(matches) == 1 else None
    return None
