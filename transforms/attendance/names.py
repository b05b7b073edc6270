"""Names as people write them, made into one form whatever strategy read them.

* Post-nominal letters are not part of a name: "Alan Hale QPM" -> "Alan Hale"; a role that
  opens with them loses them ("OBE, Independent Member" -> "Independent Member"). The letters
  are data: ``quirks/post_nominals.csv``.
* Surname first, as registers write it: "Smith, Jane" -> "Jane Smith" (``surname_first``),
  used by the entry reader before it splits a name from its role.
* An organisation is not a person: "Westbury Borough Council" (``is_organisation``), used by
  every list reader that meets one beside a name.

Particles keep their surname ("Jan van Dijk" stays whole); ``transforms.identity`` keys people
by the full name.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from transforms.models import Attendance
from transforms.quirks import load_table
from transforms.ranks import split_rank

#: "Smith, Jane", "O'Neill, Sam J.", "Brown-Lee, Tom" opening an entry; what follows is the rest
_SURNAME_FIRST = re.compile(
    r"^(?P<surname>(?:(?:van|von|de|der|du|le|la|da|di)[ \t]+)?[A-Z][a-z'’][\w'’-]*),[ \t]+"
    r"(?P<first>(?:[A-Z][a-z][\w'’-]*|[A-Z]\.?)(?:[ \t]+(?:[A-Z][a-z][\w'’-]*|[A-Z]\.?)){0,2})"
    r"(?P<rest>[ \t]*(?:\(.*|[-–—:][ \t].*)?)$")


@lru_cache(maxsize=1)
def _letters() -> frozenset[str]:
    return frozenset(r["letters"] for r in load_table("post_nominals"))


def without_post_nominals(name: str) -> str:
    """ "Alan Hale QPM" -> "Alan Hale"; "Sarah Lowe OBE DL" -> "Sarah Lowe"; a name that is
    only letters stays as it is."""
    words = name.split()
    while len(words) > 1 and words[-1].strip(",.") in _letters():
        words.pop()
    return " ".join(words) if len(words) < len(name.split()) else name


def _role_without_post_nominals(role: str | None) -> str | None:
    if role is None:
        return None
    m = re.match(r"^((?:[A-Za-z]{2,5}[,\s]+)+)", role)
    if not m or not all(w in _letters() for w in re.split(r"[,\s]+", m.group(1).strip(", "))):
        return role
    return role[m.end():].strip(" ,;:-–") or None


def tidy_person(person: Attendance) -> Attendance:
    """``person`` with post-nominal letters out of the name and the front of the role, and the
    organisation a role names as the organisation ("Chief Executive, Westbury Borough Council" ->
    role "Chief Executive"; a role "Thames Valley Police" is kept as the role too)."""
    name, role = without_post_nominals(person.name), _role_without_post_nominals(person.role)
    organisation = person.organisation
    if role and organisation is None:  # a role that is only an organisation stays the role as well
        split_role, organisation = role_and_organisation(role)
        role = split_role or role
    if name == person.name and role == person.role and organisation == person.organisation:
        return person
    return replace(person, name=name, role=role, organisation=organisation)


def surname_first(entry: str) -> str | None:
    """ "Smith, Jane (Chair)" -> "Jane Smith (Chair)"; None when ``entry`` is not written
    surname first. A rank or role word ("Treasurer, Jo Bloggs") is no surname.

    >>> surname_first("Brown, Tom - Treasurer")
    'Tom Brown - Treasurer'
    """
    m = _SURNAME_FIRST.match(entry.strip())
    if m is None or _is_title_word(m.group("surname").split()[-1]) or _is_title_word(m.group("first").split()[0]):
        return None
    return f"{m.group('first')} {m.group('surname')}{m.group('rest')}"


@lru_cache(maxsize=1)
def _role_words() -> frozenset[str]:
    return frozenset(r["word"].lower() for r in load_table("role_words"))


def is_role_word(word: str) -> bool:
    """"Chief", "Head", "Commissioner’s" start or belong to a role; "Jolene" does not."""
    return word.lower().strip(",.:;()") in _role_words()


def _is_title_word(word: str) -> bool:
    """A role word ("Treasurer", quirks/role_words.csv) or a rank ("Chief", "Supt") is no name."""
    return is_role_word(word) or split_rank(word)[0] is not None


@lru_cache(maxsize=1)
def _organisation_words() -> re.Pattern[str]:
    words = [re.escape(r["word"]) for r in load_table("organisation_words")]
    return re.compile(rf"\b(?:{'|'.join(words)})\b")


@lru_cache(maxsize=1)
def role_ending() -> re.Pattern[str]:
    """A role at the end of a text ("... Independent Member") or "Leader"/"Chair" at its start."""
    words = [re.escape(r["word"]) for r in load_table("role_nouns")]
    return re.compile(rf"(?:^(?:Leader|Chair)\b|\b(?:{'|'.join(words)})$)", re.IGNORECASE)


def is_role(text: str) -> bool:
    """A role standing alone as a list entry, with no name in it: "Independent Member",
    "Chief Executive"; not "Cllr Jo Bloggs" or "Tom Vane"."""
    words = text.strip(" .").split()
    if not words or split_rank(text.strip())[0] is not None:
        return False
    return bool(role_ending().search(text.strip(" ."))) or all(is_role_word(w) for w in words)


def is_organisation(text: str) -> bool:
    """ "Westbury Borough Council", "OPCC", "Northshire Police": an organisation word and no
    role at the end ("Leader of Westbury Borough Council" is a role) and no rank in front
    ("Councillor Jo Bloggs of Westbury Borough Council" is a person)."""
    if not _organisation_words().search(text):
        return False
    if role_ending().search(text.strip(" .")):
        return text.lstrip().startswith("Office of ")  # "Office of the Police and Crime Commissioner"
    rank, rest = split_rank(text.strip())
    return rank is None or not rest[:1].isupper()  # "Mayor of London Office" stays one


#: between a role and the organisation after it: "Chief Executive – Office of the PCC", "Head of
#: Finance, Westbury Borough Council"
_ROLE_ORGANISATION_SEP = re.compile(r",[ \t]+|[ \t]+[–—-][ \t]+")


def names_organisation(text: str) -> bool:
    """An organisation, not a role about one: "Thames Valley Police" yes, "Head of Kent Police" no."""
    words = text.split()
    return bool(words) and is_organisation(text) and not is_role_word(words[0])


def role_and_organisation(role: str) -> tuple[str | None, str | None]:
    """A role as written, split into the role and the organisation it names.

    >>> role_and_organisation("Chief Executive – Office of the Police and Crime Commissioner")
    ('Chief Executive', 'Office of the Police and Crime Commissioner')
    >>> role_and_organisation("Thames Valley Police"), role_and_organisation("Head of Kent Police")
    ((None, 'Thames Valley Police'), ('Head of Kent Police', None))
    """
    text = role.strip(" .")
    *head, last = _ROLE_ORGANISATION_SEP.split(text)
    if head and names_organisation(last) and not is_organisation(head[0]):
        return text[:len(text) - len(last)].rstrip(" ,–—-\t"), last
    if names_organisation(text):
        return None, text
    return role, None
