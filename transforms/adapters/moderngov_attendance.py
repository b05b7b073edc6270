"""Who attended, as panel minutes (ModernGov and similar council pages) say it.

* apologies sentences: "Apologies were received from Cllr A Birch (Halton), Mr Evan Morris MBE
  and Councillors Dakin and May." / "An apology for absence was submitted by Councillor John
  Harrison (Bracknell Forest Council) (Councillor Dorothy Hayes substituting)." / "Councillor
  John Furey and Councillor Bernie Spoor were unable to attend ... and sent their apologies.";
* substitutions: "Mrs Mary Lawes substituted for Mr Webb" (present, representative, note
  "substitute for Webb"; the member replaced gave apologies);
* attendance blocks under labels ("Present:", "In Attendance:", "Officers:", "Apologies for
  absence:"), where a bracketed organisation closes a group: "Julie Butcher, Peter Bell
  (Stockton-on-Tees Borough Council)" gives both that organisation.

Example::

    >>> t = "Apologies were received from Cllr Jo Bloggs (Halton) and Mr Al Smith MBE."
    >>> [(a.name, a.rank, a.organisation, a.status) for a in find_panel_attendance(t)]
    [('Jo Bloggs', 'Cllr', 'Halton', 'apologies'), ('Al Smith', 'Mr', None, 'apologies')]
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from transforms.models import Attendance, Span
from transforms.quirks import load_table
from transforms.ranks import split_rank

_APOLOGY_LIST = re.compile(r"\bapolog(?:y|ies)\b[^.\n]*?\b(?:from|on behalf of|by)\s+", re.IGNORECASE)
_SENT_APOLOGIES = re.compile(r"(?P<list>[^.\n]*?)\s+(?:were|was)\s+unable to attend[^.\n]*?\bapologies\b")
_SUBSTITUTION = re.compile(
    r"(?P<sub>(?:[A-Z][\w.'’-]*\s+){1,5}?)(?P<how>substituted for|was a named substitute for|"
    r"was substituting for|attended as (?:a )?substitute for)\s+"
    r"(?P<for>(?:[A-Z][\w.'’-]*\s*){1,4}(?:\([^()\n]*\))?)")
_BLOCK_LABEL = re.compile(
    r"^[ \t]*(?:(?P<details>Attendance Details)[ \t]*:?|(?P<label>Present|Members present|Also present|"
    r"In attendance|Officers|Apologies(?: for absence)?|Absent)[ \t]*:)[ \t]*(?P<rest>.*)$",
    re.IGNORECASE | re.MULTILINE)
_BLOCK_END = re.compile(r"^[ \t]*(?:Item\b|Minutes\b|No\.|[A-Z][^:\n]{0,40}:[ \t]*$)")
#: a period that ends the sentence: not after an initial ("L.") or a title ("Mr.")
_SENTENCE_END = re.compile(
    r"(?<!\b[A-Z])(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\bCllr)(?<!\bSt)\.(?=\s|$)|[|\n]")
_SEPARATOR = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+|\s*;\s*|\s+&\s+")
_INNER_RANK = re.compile(r"\s(?=(?:Cllr|Councillor|Mr|Mrs|Ms|Miss|Dr|Professor|Mayor)\.?\s+[A-Z])")
_POST_NOMINALS = re.compile(r"(?:\s+(?:MBE|OBE|CBE|O\.B\.E\.?|M\.B\.E\.?|QPM|JP|DL|CC|KC|QC))+$")
_SUBSTITUTE_NOTE = re.compile(r"substitut(?:e|ing)\s+for\s+(?P<for>.+)$|^(?P<who>.+?)\s+substituting$",
                              re.IGNORECASE)
_CHAIR = re.compile(r"^(?:Chair|Chairman|Chairperson|Chairwoman)$", re.IGNORECASE)
_PARTICLES = {"de", "van", "von", "le", "la", "du", "da", "der", "ap", "–", "-"}
_STATUS = {"apologies": "apologies", "apologies for absence": "apologies", "absent": "absent"}


@lru_cache(maxsize=1)
def _organisation_words() -> re.Pattern[str]:
    words = [re.escape(r["word"]) for r in load_table("organisation_words")]
    return re.compile(rf"\b(?:{'|'.join(words)})\b")


@lru_cache(maxsize=1)
def _role_ending() -> re.Pattern[str]:
    words = [re.escape(r["word"]) for r in load_table("role_nouns")]
    return re.compile(rf"(?:^(?:Leader|Chair)\b|\b(?:{'|'.join(words)})$)", re.IGNORECASE)


@lru_cache(maxsize=1)
def _extra_titles() -> re.Pattern[str]:
    titles = sorted((re.escape(r["title"]) for r in load_table("panel_titles")), key=len, reverse=True)
    return re.compile(rf"^(?P<title>{'|'.join(titles)})\s+(?=[A-Z])")


def _is_organisation(text: str) -> bool:
    return bool(_organisation_words().search(text)) and not _role_ending().search(text.strip(" ."))


def _split_title(bare: str) -> tuple[str | None, str]:
    """split_rank, plus the panel titles of quirks/panel_titles.csv ("Mayor Andy Preston")."""
    rank, name = split_rank(bare)
    if rank is None and (m := _extra_titles().match(bare)):
        return m.group("title"), bare[m.end():]
    return rank, name


def _name_words_ok(name: str, ranked: bool) -> bool:
    words = name.split()
    if not words or len(words) > 5 or (not ranked and len(words) < 2):
        return False
    return all(w[0].isupper() or w.lower() in _PARTICLES for w in words)


def _parens(entry: str) -> tuple[str, list[str]]:
    """The entry without bracketed parts, and those parts; an unclosed "(" runs to the end."""
    parts = re.findall(r"\(([^()]*)(?:\)|$)", entry)
    return re.sub(r"\([^()]*(?:\)|$)", " ", entry), [p.strip() for p in parts if p.strip()]


def person(entry: str, span: Span, status: str, *, default_rank: str | None = None) -> Attendance | None:
    """One listed person: "Cllr Jo Bloggs OBE (Halton) (Chair)" -> name "Jo Bloggs", rank "Cllr",
    organisation "Halton", is_chair. None when the entry is not a person's name."""
    bare, qualifiers = _parens(entry)
    bare = " ".join(bare.split()).strip(" .,:;")
    role = organisation = note = None
    flags = {"is_chair": False, "is_representative": False}
    dash = re.split(r"\s+[–—-]\s+", bare, maxsplit=1)
    if len(dash) == 2 and split_rank(dash[0])[0] is not None or len(dash) == 2 and len(dash[1].split()) > 1:
        bare, extra = dash
        qualifiers.append(extra)
    bare = _POST_NOMINALS.sub("", bare)
    rank, name = _split_title(bare)
    rank = rank or default_rank
    words = name.split()
    lower = next((i for i, w in enumerate(words) if w[0].islower() and w not in _PARTICLES), None)
    if lower and rank:  # "Councillor Fiona White in advance of the meeting"
        name = " ".join(words[:lower])
    if not _name_words_ok(name, rank is not None):
        return None
    for q in qualifiers:
        sub = _SUBSTITUTE_NOTE.search(q)
        if _CHAIR.match(q):
            flags["is_chair"] = True
        elif sub and sub.group("for"):
            flags["is_representative"], note = True, "substitute for " + split_rank(sub.group("for"))[1]
        elif sub:
            continue  # "(Councillor X substituting)": X is listed on their own by the caller
        elif len(org_role := re.split(r"\s+[–—-]\s+", q, maxsplit=1)) == 2 and _is_organisation(org_role[0]):
            organisation, role = org_role[0], role or org_role[1]  # "(Bucks Council – Co-Opted Member)"
        elif _is_organisation(q):
            organisation = q
        else:
            role = role or q
    return Attendance(name=name, span=span, rank=rank, role=role, organisation=organisation, status=status,
                      note=note, **flags)


def _entries(text: str, start: int, end: int) -> list[Span]:
    """Comma/"and"-separated entries of text[start:end], not split inside closed brackets."""
    closed = [(m.start(), m.end()) for m in re.finditer(r"\([^(),]*\)", text[start:end])]
    spans, piece = [], start
    for sep in _SEPARATOR.finditer(text, start, end):
        if any(s <= sep.start() - start < e for s, e in closed):
            continue
        spans.append(Span(piece, sep.start()))
        piece = sep.end()
    spans.append(Span(piece, end))
    out = []
    for sp in spans:  # "Cllr P Feacey Mr J Moreland": a rank inside starts another person
        inner = [m.start() + 1 for m in _INNER_RANK.finditer(text, sp.start, sp.end)
                 if text.count("(", sp.start, m.start()) <= text.count(")", sp.start, m.start())]
        cuts = [sp.start, *inner, sp.end]
        pieces = [Span(a, b) for a, b in zip(cuts, cuts[1:], strict=False)]
        if inner and split_rank(text[pieces[0].start:pieces[0].end].strip())[0] is None:
            pieces = pieces[1:]  # "Nuneaton and Bedworth Borough Councillor X": a place, not a person
        out.extend(pieces)
    return [s for s in out if text[s.start:s.end].strip()]


def _list_people(text: str, start: int, end: int, status: str) -> list[Attendance]:
    """People of a list until the first entry that is not one; a role after a person
    ("Mr S Vali, Independent Co-opted member") is that person's role."""
    people: list[Attendance] = []
    default_rank = None
    for sp in _entries(text, start, end):
        entry = text[sp.start:sp.end].strip()
        if plural := re.match(r"\s*Councillors\s+", text[sp.start:sp.end]):
            # "Councillors Dakin, May and Smith": the title covers the names that follow
            default_rank, sp = "Councillor", Span(sp.start + plural.end(), sp.end)
            entry = text[sp.start:sp.end].strip()
        if people and people[-1].organisation is None and "(" not in entry and _is_organisation(entry):
            people[-1] = replace(people[-1], organisation=entry.rstrip(". "))
            continue
        found = person(entry, sp, status, default_rank=default_rank)
        if found is None and _INNER_RANK.search(" " + entry) is None and people and entry[:1].isupper() \
                and people[-1].role is None and not _is_organisation(entry) and len(entry.split()) <= 6:
            people[-1] = replace(people[-1], role=entry.rstrip(". "))
            continue
        if found is None:
            if entry[:1].islower():
                break
            continue
        people.append(found)
        for q in _parens(entry)[1]:
            sub = _SUBSTITUTE_NOTE.search(q)
            if sub and sub.group("who"):
                s = person(sub.group("who"), sp, "present")
                if s:
                    people.append(replace(s, is_representative=True, note="substitute for " + found.name))
    return people


def _sentence_end(text: str, start: int) -> int:
    m = _SENTENCE_END.search(text, start)
    return m.start() if m else len(text)


def _apologies(text: str) -> list[Attendance]:
    people: list[Attendance] = []
    for m in _APOLOGY_LIST.finditer(text):
        people.extend(_list_people(text, m.end(), _sentence_end(text, m.end()), "apologies"))
    for m in _SENT_APOLOGIES.finditer(text):
        people.extend(_list_people(text, m.start("list"), m.end("list"), "apologies"))
    return people


def _substitutions(text: str) -> list[Attendance]:
    people: list[Attendance] = []
    for m in _SUBSTITUTION.finditer(text):
        sentence_start = max(text.rfind(". ", 0, m.end("sub")) + 2, text.rfind("\n", 0, m.end("sub")) + 1)
        begin = max(m.start("sub"), sentence_start)
        sub = person(text[begin:m.end("sub")], Span(begin, m.end("sub")), "present")
        replaced = person(m.group("for"), Span(m.start("for"), m.end("for")), "apologies")
        if sub is None or replaced is None:
            continue
        people.append(replace(sub, is_representative=True, note="substitute for " + replaced.name))
        people.append(replaced)
    return people


def _blocks(text: str) -> list[Attendance]:
    """Lists under "Present:", "In Attendance:", "Apologies for absence:" labels."""
    people: list[Attendance] = []
    for m in _BLOCK_LABEL.finditer(text):
        status = _STATUS.get((m.group("label") or "").lower(), "present")
        pos = m.start("rest") if m.group("rest").strip() else m.end() + 1
        while pos < len(text) and text[pos] in " \t\n":  # blank lines under the label
            pos += 1
        while pos < len(text):
            line_end = text.find("\n", pos)
            line_end = len(text) if line_end < 0 else line_end
            line = text[pos:line_end]
            if _BLOCK_END.match(line) or not line.strip():
                break
            found = _grouped_line(text, pos, line_end, status)
            if not found:
                break
            people.extend(found)
            pos = line_end + 1
    return people


def _grouped_line(text: str, start: int, end: int, status: str) -> list[Attendance]:
    """One list line; a bracketed organisation closes a group of people before it."""
    people = _list_people(text, start, end, status)
    group: list[int] = []
    for i, p in enumerate(people):
        group.append(i)
        if "(" in text[p.span.start:p.span.end]:
            for j in group:
                people[j] = replace(people[j], organisation=people[j].organisation or p.organisation)
            group = []
    return people


def _same_person(a: Attendance, b: Attendance) -> bool:
    """"May" and "Karen May", "Webb" and "P Webb" are one person."""
    wa, wb = a.name.lower().split(), b.name.lower().split()
    return wa == wb or (len(wa) == 1 and wa[-1] == wb[-1]) or (len(wb) == 1 and wa[-1] == wb[-1])


def find_panel_attendance(text: str) -> list[Attendance]:
    """Everyone the page lists as present, giving apologies or substituting (see module doc)."""
    found: list[Attendance] = []
    for candidate in [*_blocks(text), *_apologies(text), *_substitutions(text)]:
        twin = next((i for i, p in enumerate(found) if _same_person(p, candidate)), None)
        if twin is None:
            found.append(candidate)
        elif len(candidate.name.split()) > len(found[twin].name.split()):
            found[twin] = replace(candidate, status=found[twin].status)
    return found
