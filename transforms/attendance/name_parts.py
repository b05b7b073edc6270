"""Parts of a written name that are not the name, and names written surname first.

>>> strip_post_nominals("Alan Hale QPM")
'Alan Hale'
>>> surname_first("Smith, Jane (Chair)")
'Jane Smith (Chair)'
>>> surname_first("Treasurer, Jo Bloggs")
'Treasurer, Jo Bloggs'
"""

from __future__ import annotations

import re

from transforms.ranks import split_rank

#: honours and letters after a name: never part of it ("Alan Hale QPM", "Ivo Dale MBE DL")
POST_NOMINALS = frozenset(
    "qpm kpm obe mbe cbe bem kbe dbe gbe dl jp kc qc mp msp ms mep frs freng phd msc ma bsc llb".split())
#: lower-case words that belong to the surname after them ("Jan van Dijk" -> surname "van Dijk")
PARTICLES = frozenset("van von de der den del della da di du le la ter ten st".split())
_SURNAME_FIRST = re.compile(r"^(?P<surname>[A-Z][\w'’-]+),\s+(?P<first>[A-Z][\w'’.-]*(?:\s+[A-Z]\.?)?)(?=\s|$)")


def strip_post_nominals(name: str) -> str:
    """``name`` without the post-nominal letters at its end; a lone post-nominal is kept."""
    words = name.split()
    while len(words) > 1 and words[-1].strip(".,").lower() in POST_NOMINALS and words[-1].strip(".,").isupper():
        words.pop()
    return " ".join(words)


def surname_first(entry: str) -> str:
    """"Smith, Jane (Chair)" -> "Jane Smith (Chair)", "Brown, Tom - Treasurer" -> "Tom Brown -
    Treasurer"; entries whose first word is a role or rank, or whose second is a role word, stay."""
    m = _SURNAME_FIRST.match(entry)
    if m is None:
        return entry
    # imported here: prose_attendee_entry reads its entries through this module
    from transforms.prose_attendee_entry import is_role_word as _is_role_word

    surname, first = m.group("surname"), m.group("first")
    if _is_role_word(surname) or _is_role_word(first.split()[0]) or split_rank(f"{surname} X")[0] is not None:
        return entry
    rest = entry[m.end():]
    if not re.match(r"\s*(?:$|\(|[–—-]\s|,)", rest):
        return entry  # "Leeds, Bradford and Wakefield": a name ends, or a bracket, dash or comma follows
    return f"{first} {surname}{rest}"
