"""One person's entry in a prose attendee list, read into an ``Attendance``.

Entries put the name and the role in either order, with optional initials in brackets:
"Ada Hart (Chief of Staff)", "Head of Legal Services Sam Dunn (SD)",
"Jon Carver (JC) Co-Chair – Police & Crime Commissioner", "CC Fenner – Chair",
"Jo Bloggs Police & Crime Commissioner (PCC) for Northshire".
Role words, section labels and qualifier words are data under ``transforms/quirks``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from transforms.attendance.attendees import classify_qualifier
from transforms.attendance.names import is_role_word, surname_first
from transforms.models import Attendance, Span
from transforms.quirks import load_table
from transforms.ranks import split_rank
from transforms.text.spans import clean

#: a bracket holding a person's initials: "(JM)", "(JMc)", "(LWi)", "(DV-P)"
_INITIALS = re.compile(r"\(\s*([A-Z][A-Za-z]{0,3}(?:-[A-Z])?)\s*\)")
_PAREN = re.compile(r"\(([^()]*)\)")
_DASH = re.compile(r"\s+[–—-]\s+|\s+[–—]|^[–—-]\s*")
_CHAIR = re.compile(r"^(?:Co-?\s?)?Chair(?:man|person|woman)?\b[\s,:]*", re.IGNORECASE)
_LEAD_PUNCT = re.compile(r"^[\s,;:–—-]+")
_FLAGS = ("is_chair", "is_minute_taker", "is_observer", "is_representative", "remote", "partial")


def is_name_word(word: str) -> bool:
    """A word that can be part of a person's name: capitalised, or a particle ("van")."""
    return bool(re.fullmatch(r"[A-Z][\w'’.\-]*|(?:de|van|von|le|la|da|di)", word))


@lru_cache(maxsize=1)
def _sections() -> dict[str, tuple[str, str]]:
    return {r["label"]: (r["status"], r["flag"]) for r in load_table("attendee_sections")}


def section_label(label: str) -> tuple[str, str] | None:
    """(status, flag) of an attendee section label: "In the Chair" -> ("present",
    "is_chair"); "Apologies" -> ("apologies", ""); other text -> None."""
    return _sections().get(clean(label).lower().strip(" :-*_"))


def initials_at(entry: str) -> re.Match[str] | None:
    """The first "(XX)" that follows a name word, i.e. a person's initials; "(PCC)" after a
    role word ("Commissioner (PCC)") is an abbreviation of the role, not initials."""
    for m in _INITIALS.finditer(entry):
        before = entry[:m.start()].split()
        if before and is_name_word(before[-1]) and not is_role_word(before[-1]):
            if split_rank(before[-1])[0] is None or len(before) > 1:
                return m
    return None


def parse_person_entry(entry: str, span: Span, *, status: str = "present",
                       organisation: str | None = None) -> Attendance | None:
    """``entry`` as an Attendance, or None when it does not name a person.

    >>> a = parse_person_entry("Head of Legal Services Sam Dunn (SD)", Span(0, 36))
    >>> (a.name, a.role)
    ('Sam Dunn', 'Head of Legal Services')
    >>> a = parse_person_entry("Jon Carver (JC) Co-Chair – Police & Crime Commissioner (VC)", Span(0, 59))
    >>> (a.name, a.role, a.is_chair, a.remote)
    ('Jon Carver', 'Police & Crime Commissioner', True, True)
    """
    flags = dict.fromkeys(_FLAGS, False)
    notes: list[str] = []
    text = _take_qualifiers(clean(entry), flags, notes)
    text = surname_first(text) or text
    if (m := initials_at(text)) is not None:
        name_part, role = _split_with_initials(text[:m.start()], text[m.end():], m.group(1))
    else:
        name_part, role = _split_without_initials(text)
    if role and (chair := _CHAIR.match(role)) and not role.lower().startswith("vice"):
        flags["is_chair"] = True
        role = _LEAD_PUNCT.sub("", role[chair.end():])
    if role and re.match(r"(?:note|minute)[\s-]?taker\b", role, re.IGNORECASE):
        flags["is_minute_taker"] = True
    rank, name = split_rank(name_part)
    name = clean(name).strip(" ,.;:")
    if not _valid_name(name, rank):
        return None
    role = clean(role).strip(" ,;:") if role else None
    return Attendance(name=name, span=span, rank=rank, role=role or None,
                      organisation=organisation, status=status,
                      note="; ".join(notes) or None, **flags)


def _take_qualifiers(text: str, flags: dict[str, bool], notes: list[str]) -> str:
    """Remove known bracketed qualifiers ("(Minutes)", "(Joined at 10:05)", "(VC)"), noting
    them. A short capitalised bracket is kept as initials when it is no qualifier word, or
    when it spells the initials of the words just before it ("Mia Tate (MT)")."""
    def replace(m: re.Match[str]) -> str:
        known = classify_qualifier(m.group(1))
        if _INITIALS.fullmatch(m.group(0)) and (known is None or _spells_initials(text[:m.start()], m.group(1))):
            return m.group(0)  # initials, or an abbreviation inside a role
        if known is None:
            return m.group(0)
        flags[known[0]] = True
        if known[1]:
            notes.append(clean(m.group(1)).strip(" .:"))
        return " "
    return clean(_PAREN.sub(replace, text))


def _spells_initials(before: str, initials: str) -> bool:
    """"Mia Tate" + "MT" -> True: the capitals agree with the last words' first letters."""
    capitals = "".join(c for c in initials if c.isupper())
    words = before.split()
    return len(words) >= len(capitals) > 0 and \
        "".join(w[0] for w in words[-len(capitals):]).upper() == capitals


def _split_with_initials(before: str, after: str, initials: str) -> tuple[str, str | None]:
    """"Jo Bloggs" + "– Treasurer" -> name, role; "Head of Legal Jo Bloggs" + "" -> the name
    is the last words (as many as the initials when they agree), the role what precedes."""
    after = _LEAD_PUNCT.sub("", after).strip()
    before = clean(before)
    if after and _CHAIR.fullmatch(after.strip()) is None and len(before.split()) <= 5:
        rank, rest = split_rank(before)
        if rank is not None or all(is_name_word(w) for w in rest.split()):
            return before, after
    rank, rest = split_rank(before)
    words = rest.split()
    if rank is not None and len(words) <= 3 and all(is_name_word(w) for w in words):
        return before, after or None
    k = _name_length(words, initials)
    role = " ".join(words[:-k])
    role = re.sub(r"^(?:the|and)\s+", "", role, flags=re.IGNORECASE)
    role = " ".join(x for x in (role, after) if x)
    return " ".join(words[-k:]), role or None


def _name_length(words: list[str], initials: str) -> int:
    """How many trailing words are the name: as many as agree with the initials, else two."""
    capitals = "".join(c for c in initials if c.isupper())
    for k in (3, 2, 1):
        tail = words[-k:]
        if len(words) >= k and "".join(w[0] for w in tail).upper() == capitals:
            return k
    return min(2, len(words)) or 1


def role_then_name(entry: str) -> tuple[str, str] | None:
    """(role, name) of an entry written role first with no initials, when the role ends in a
    role word and two name words follow: "Chief Finance Officer Ann Lee-Ross" ->
    ("Chief Finance Officer", "Ann Lee-Ross"); "Director of Commercial Services" -> None."""
    words = clean(entry).split()
    if len(words) < 3:
        return None
    name, role = words[-2:], words[:-2]  # three trailing words could be "Legal Services Jo"
    if is_role_word(role[-1]) and all(is_name_word(w) and not is_role_word(w) for w in name):
        return " ".join(role), " ".join(name)
    return None


#: "Jo Lee, Secretary to the Board": two to four words, a comma, then a role
_NAME_COMMA_ROLE = re.compile(r"^(?P<name>[^\s,()]+(?:[ \t]+[^\s,()]+){1,3}),[ \t]+(?P<role>(?P<first>[^\s,]+).*)$")


def _split_without_initials(text: str) -> tuple[str, str | None]:
    """"CC Fenner – Chair" -> ("CC Fenner", "Chair"); "Jo Lee (Chief of Staff)" ->
    ("Jo Lee", "Chief of Staff"); "Jo Lee Police & Crime Commissioner" -> name, role."""
    dash = _DASH.search(text)
    if dash and dash.start() > 0:
        return text[:dash.start()], text[dash.end():]
    paren = re.match(r"^(?P<name>[^()]+?)\s*\((?P<role>[^()]+)\)\s*$", text)
    if paren:
        return paren.group("name"), paren.group("role")
    comma = _NAME_COMMA_ROLE.match(text)  # "Jo Lee, Secretary": a name, then a role
    if comma and all(is_name_word(w) for w in comma.group("name").split()) and is_role_word(comma.group("first")):
        return comma.group("name"), comma.group("role")
    rank, rest = split_rank(text)
    words = rest.split()
    n = 0
    while n < len(words) and n < 4 and is_name_word(words[n]) and not is_role_word(words[n]):
        n += 1
    if n == 0 and rank is None and (found := role_then_name(text)) is not None:
        return found[1], found[0]
    if n == len(words) or n == 0:
        return text, None
    name = " ".join(words[:n])
    return (f"{rank} {name}" if rank else name), " ".join(words[n:])


#: an initial: one capital letter, with or without its full stop ("A" in "Cllr A Brown")
_INITIAL = re.compile(r"[A-Z]\.?")


@lru_cache(maxsize=1)
def _not_name_words() -> frozenset[str]:
    return frozenset(r["word"] for r in load_table("not_name_words"))


def _valid_name(name: str, rank: str | None) -> bool:
    words = name.split()
    if not words or len(words) > 4 or (rank is None and len(words) < 2):
        return False
    if any(w.lower() in _not_name_words() and not _INITIAL.fullmatch(w) for w in words[:-1]) or \
            words[-1].lower() in _not_name_words():
        return False  # "The PCC welcomed ..." is a sentence, not a person ("Cllr A Brown" is)
    if any(ch.isdigit() for ch in name):
        return False
    return all(is_name_word(w) for w in words) and not all(is_role_word(w) for w in words)
