"""One member as a panel page lists them: "Cllr Jo Bloggs OBE (Westbury) (Chair)" -> name
"Jo Bloggs", rank "Cllr", organisation "Westbury", is_chair.

What a bracket means: a flag from the shared qualifier table (``quirks/qualifiers.csv``:
"(via Teams)" remote, "(part)" partial, "(in the Chair)" chair), a substitution, an
organisation (``quirks/organisation_words.csv``) or a place standing for the member's council
("(Marlow and Westbury)"), else a role (``quirks/role_nouns.csv``). Titles before a name
that are roles ("Independent Member Jo Bloggs") are in ``quirks/panel_titles.csv``.

Example::

    >>> from transforms.models import Span
    >>> a = person("Cllr Jo Bloggs OBE (Westbury) (via Teams)", Span(0, 41), "present")
    >>> (a.name, a.rank, a.organisation, a.remote)
    ('Jo Bloggs', 'Cllr', 'Westbury', True)
"""

from __future__ import annotations

import re
from functools import lru_cache

# what "(via Teams)", "(part)", "(in the Chair)" mean is shared data: quirks/qualifiers.csv
from transforms.attendance.attendees import classify_qualifier
from transforms.attendance.names import is_organisation, is_role_word, role_and_organisation, role_ending
from transforms.models import Attendance, Span
from transforms.quirks import load_table
from transforms.ranks import split_rank

_POST_NOMINALS = re.compile(r"(?:\s+(?:MBE|OBE|CBE|O\.B\.E\.?|M\.B\.E\.?|QPM|JP|DL|CC|KC|QC))+$")
SUBSTITUTE_NOTE = re.compile(r"substitut(?:e|ing)\s+for\s+(?P<for>.+)$|^(?P<who>.+?)\s+substituting$",
                              re.IGNORECASE)
_SUBSTITUTED_BY = re.compile(r"(?:was\s+)?substituted\s+by\b", re.IGNORECASE)
_SUBSTITUTE_ALONE = re.compile(r"^(?:named\s+)?substitute(?:\s+member)?$", re.IGNORECASE)
#: words that may sit between the capitalised words of a place: "Eastvale West and Marlow"
_PLACE_JOINERS = {"and", "&", "upon", "on", "of", "the", "in", "under", "-"}
_PARTICLES = {"de", "van", "von", "le", "la", "du", "da", "der", "ap", "–", "-"}


@lru_cache(maxsize=1)
def _extra_titles() -> re.Pattern[str]:
    titles = sorted((re.escape(r["title"]) for r in load_table("panel_titles")), key=len, reverse=True)
    return re.compile(rf"^(?P<title>{'|'.join(titles)})\s+(?=[A-Z])")


def _is_place(text: str) -> bool:
    """A bracketed place after a member stands for the council they represent: "(Westbury)",
    "(Eastvale West and Marlow)", "(Stow-on-Wold)". Capitalised words only, no digits, no
    role word, not an abbreviation such as a party's "(LAB)"."""
    words = text.strip(" .").split()
    if not 1 <= len(words) <= 6 or any(c.isdigit() for c in text) or role_ending().search(text.strip(" .")) \
            or any(map(is_role_word, words)):
        return False
    if len(words) == 1 and words[0].isupper():
        return False
    return words[0][:1].isupper() and all(w[:1].isupper() or w.lower() in _PLACE_JOINERS for w in words)


def _split_title(bare: str) -> tuple[str | None, str, str | None]:
    """(rank, name, role) of an entry: split_rank for ranks and titles ("Mayor Jo Bloggs" ->
    rank "Mayor"), and the role-like titles of quirks/panel_titles.csv ("Independent Member
    Jo Bloggs" -> role "Independent Member")."""
    if m := _extra_titles().match(bare):
        return None, bare[m.end():], m.group("title")
    rank, name = split_rank(bare)
    return rank, name, None


def _name_words_ok(name: str, ranked: bool) -> bool:
    words = name.split()
    if not words or len(words) > 5 or (not ranked and len(words) < 2):
        return False
    return all(w[0].isupper() or w.lower() in _PARTICLES for w in words)


def parens(entry: str) -> tuple[str, list[str]]:
    """The entry without bracketed parts, and those parts; an unclosed "(" runs to the end."""
    parts = re.findall(r"\(([^()]*)(?:\)|$)", entry)
    return re.sub(r"\([^()]*(?:\)|$)", " ", entry), [p.strip() for p in parts if p.strip()]


#: the gap between two columns of a table flattened to text: a tab or a run of spaces
_COLUMN_GAP = re.compile(r"[ ]*\t[ \t]*|[ ]{2,}")


def second_column(bare: str) -> tuple[str, list[str]]:
    """ "Jo Bloggs   Westbury Borough Council" (a name and an organisation or role column, as a
    table reads once flattened to text) -> ("Jo Bloggs", ["Westbury Borough Council"]); an entry
    whose gap holds no organisation or role after it stays whole."""
    gap = _COLUMN_GAP.search(bare.strip())
    if gap is None:
        return bare, []
    left, right = bare.strip()[:gap.start()], bare.strip()[gap.end():].strip(" .,;")
    if len(left.split()) < 2 or not right or not (is_organisation(right) or role_ending().search(right)
                                                 or any(map(is_role_word, right.split()))):
        return bare, []
    return left, [right]


def person(entry: str, span: Span, status: str, *, default_rank: str | None = None) -> Attendance | None:
    """One listed person: "Cllr Jo Bloggs OBE (Westbury) (Chair)" -> name "Jo Bloggs", rank "Cllr",
    organisation "Westbury", is_chair. None when the entry is not a person's name."""
    bare, qualifiers = parens(entry)
    bare, column = second_column(bare)
    qualifiers.extend(column)
    bare = " ".join(bare.split()).strip(" .,:;|")
    role = organisation = note = None
    flags = dict.fromkeys(("is_chair", "is_minute_taker", "is_observer", "is_representative", "remote",
                           "partial"), False)
    dash = re.split(r"\s+[–—-]\s+", bare, maxsplit=1)
    if len(dash) == 2 and split_rank(dash[0])[0] is not None or len(dash) == 2 and len(dash[1].split()) > 1:
        bare, extra = dash
        qualifiers.append(extra)
    bare = _POST_NOMINALS.sub("", bare)
    rank, name, title_role = _split_title(bare)
    rank = rank or default_rank
    words = name.split()
    lower = next((i for i, w in enumerate(words) if w[0].islower() and w not in _PARTICLES), None)
    if lower and (rank or title_role):  # "Councillor Jo Bloggs in advance of the meeting"
        name, after = " ".join(words[:lower]), " ".join(words[lower:])
        if after.startswith("of ") and is_organisation(after[3:]):  # "Cllr Jo Bloggs of Westbury Council"
            organisation = after[3:]
    if not _name_words_ok(name, rank is not None or title_role is not None):
        return None
    if rank is None and title_role is None and (is_organisation(name) or role_ending().search(name)):
        return None  # "Westbury Borough Council", "Independent Member" on a line of their own
    role = title_role
    for q in qualifiers:
        sub = SUBSTITUTE_NOTE.search(q)
        meaning = classify_qualifier(q)
        if sub and sub.group("for"):
            flags["is_representative"], note = True, "substitute for " + split_rank(sub.group("for"))[1]
        elif sub or _SUBSTITUTED_BY.match(q):
            continue  # "(Councillor X substituting)", "(substituted by X)": X is read on their own
        elif _SUBSTITUTE_ALONE.match(q):
            flags["is_representative"] = True
        elif meaning is not None and meaning[0] in flags:
            flags[meaning[0]] = True
            note = q if meaning[1] and note is None else note
        elif len(org_role := re.split(r"\s+[–—-]\s+", q, maxsplit=1)) == 2 and is_organisation(org_role[0]):
            organisation, role = org_role[0], role or org_role[1]  # "(Westbury Council – Co-Opted Member)"
        elif (split := role_and_organisation(q))[0] and split[1]:  # "(Finance Manager, Westbury Council)"
            role, organisation = role or split[0], organisation or split[1]
        elif is_organisation(q) or (organisation is None and _is_place(q)):
            organisation = q
        else:
            role = role or q
    return Attendance(name=name, span=span, rank=rank, role=role, organisation=organisation, status=status,
                      note=note, **flags)
