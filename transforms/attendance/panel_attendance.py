"""Who attended, as panel minutes (ModernGov and similar council pages) say it.

* apologies sentences: "Apologies were received from Cllr A Penn (Westbury), Mr Ivo Dale MBE
  and Councillors Rigg and Moss." / "An apology for absence was submitted by Councillor Tom
  Vane (Eastvale Borough Council) (Councillor Ada Lusk substituting)." / "Councillor Cy Dunn
  and Councillor Bo Hale were unable to attend ... and sent their apologies.";
* substitutions: "Mrs Nell Frost substituted for Mr Rigg" (present, representative, note
  "substitute for Rigg"; the member replaced gave apologies);
* attendance blocks under the labels of ``quirks/panel_attendance_labels.csv`` ("Present:",
  "Members present:", "Substitute Members:", "In Attendance:", "Apologies for absence:", also
  after "Minutes:" or a paragraph number, or as an item title with "Minutes:" on the next line),
  line by line until a line reads as a sentence;
  a bracketed organisation closes a group: "Ivy Lowe, Sam Pratt (Northmoor Borough Council)"
  gives both that organisation. Each entry is read by ``panel_person.person``.

Example::

    >>> t = "Apologies were received from Cllr Jo Bloggs (Westbury) and Mr Al Smith MBE."
    >>> [(a.name, a.rank, a.organisation, a.status) for a in find_panel_attendance(t)]
    [('Jo Bloggs', 'Cllr', 'Westbury', 'apologies'), ('Al Smith', 'Mr', None, 'apologies')]
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from transforms.attendance.names import names_organisation, role_ending
from transforms.attendance.panel_person import SUBSTITUTE_NOTE, is_organisation, parens, person
from transforms.models import Attendance, Span
from transforms.quirks import load_table
from transforms.ranks import split_rank
from transforms.text.lines import iter_line_bounds
from transforms.text.literal_guard import GuardedPattern, finditer_in_lines
from transforms.text.phrases import phrase_alternation

_APOLOGY_LIST = re.compile(r"\bapolog(?:y|ies)\b[^.\n]*?\b(?:from|on behalf of|by)[ \t]*:?\s+", re.IGNORECASE)
#: a list line under "Apologies were received from:": a bullet, then a name
_BULLETED = re.compile(r"^[ \t]*[•·▪◦●*\-–][ \t]*(?=\S)")
_GUARDED_APOLOGY_LIST = GuardedPattern(_APOLOGY_LIST)
#: what follows the people in "X and Y were unable to attend and sent apologies", "X had also
#: given apologies"
_SENT_APOLOGIES_WORDS = (r"(?:(?:were|was)\s+unable to attend[^.\n]*?\bapologies\b"
                         r"|(?:had|have|has)\s+(?:also\s+)?(?:given|sent|tendered|submitted)\s+"
                         r"(?:their\s+|his\s+|her\s+)?apologies\b)")
_SENT_APOLOGIES = re.compile(r"(?P<list>[^.\n]*?)\s+" + _SENT_APOLOGIES_WORDS)
#: the part of ``_SENT_APOLOGIES`` after the list: found first, so that the list is only looked for
#: in the sentence holding it (trying the lazy list at every character is quadratic on long lines).
#: It starts at the verb after a space, not at the space: a long run of blanks is then passed once
_SENT_APOLOGIES_TAIL = re.compile(r"(?<=\s)" + _SENT_APOLOGIES_WORDS)


def _substitution_pattern(how: str) -> re.Pattern[str]:
    """ "<substitute> <how> <member replaced>", the member's bracket included."""
    return re.compile(rf"(?P<sub>(?:[A-Z][\w.'’-]*[ \t]+){{1,5}}?)(?P<how>{how})[ \t]+"
                      r"(?P<for>[A-Z][\w'’-]*\.?(?:[ \t]+[A-Z][\w'’-]*\.?){0,3}(?:[ \t]*\([^()\n]*\))?)")


_SUBSTITUTION = _substitution_pattern(r"substituted for|was a named substitute for|was substituting for|"
                                      r"attended as (?:a )?substitute for|substituting for")
#: "County Councillor Al Penn replaced County Councillor Bo Rigg at the meeting."
_REPLACED = _substitution_pattern(r"replaced")
_BLOCK_END = re.compile(r"^[ \t]*(?:Item\b|Minutes\b|No\.|[A-Z][^:\n]{0,40}:[ \t]*$)")
#: a period that ends the sentence: not after an initial ("L.") or a title ("Mr.")
_SENTENCE_END = re.compile(
    r"(?<!\b[A-Z])(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\bCllr)(?<!\bSt)\.(?=\s|$)|[|\n]")
#: a closed bracket, inside which no separator splits: "(Finance Manager, Westbury Council)"; one
#: longer than a qualifier is more likely an unclosed "(" meeting a later ")"
_CLOSED_BRACKET = re.compile(r"\([^()\n]{0,80}\)")
_SEPARATOR = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+|\s*;\s*|\s+&\s+")
_INNER_RANK = re.compile(r"\s(?=(?:Cllr|Councillor|Mr|Mrs|Ms|Miss|Dr|Professor|Mayor|Colonel|Alderman)\.?\s+[A-Z])")
#: the plural "s" of a role shared by a group: "(Independent Members)", "(Co-opted Members)"
_PLURAL_ROLE = re.compile(r"(?<=Member)s$", re.IGNORECASE)
#: the rest of an organisation's name or a role that an "and" cut off: "Crime", "Crime Commissioner"
_NAME_TAIL = re.compile(r"[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*){0,2}[ \t]*[.;]?$")
_PLURAL_ALONE = re.compile(r"Councillors\s*[:;]?$")
_NARRATIVE = re.compile(r"\b(?:was|were|is|are|had|has|have|substituted|attended|joined|left)\b")
#: lower-case words a list of names may hold: "Cllr A and Cllr B", "X on behalf of Y"
_LIST_WORDS = {"and", "of", "the", "for", "on", "behalf", "via", "from", "to", "in", "at", "by", "de", "van",
               "von", "le", "la", "du", "da", "der", "substitute", "substituting"}



@lru_cache(maxsize=1)
def _labels() -> tuple[re.Pattern[str], dict[str, tuple[str, str]]]:
    """The "Present:" / "Apologies:" labels of quirks/panel_attendance_labels.csv: a pattern for
    a label line (also after "Minutes:" or a paragraph number) and label -> (status, flag)."""
    # "[ \t]*+": a label starts with a word, so giving back indentation never helps a match;
    # backtracking into it made a long blank line quadratic
    rows = {" ".join(r["label"].lower().split()): (r["status"], r["flag"])
            for r in load_table("panel_attendance_labels")}
    words = phrase_alternation(rows)
    pattern = re.compile(
        rf"^[ \t]*+(?:.*?\bMinutes:[ \t]*)?(?:\(?\d{{1,2}}[.)][ \t]*)?(?:(?P<details>Attendance Details)[ \t]*:?"
        rf"|(?P<label>{words})[ \t]*(?::-?|\n\s*Minutes[ \t]*:))[ \t]*(?P<rest>.*)$", re.IGNORECASE | re.MULTILINE)
    return pattern, rows


def _entries(text: str, start: int, end: int) -> list[Span]:
    """Comma/"and"-separated entries of text[start:end], not split inside closed brackets."""
    closed = [(m.start(), m.end()) for m in _CLOSED_BRACKET.finditer(text[start:end])]
    spans, piece = [], start
    for sep in _SEPARATOR.finditer(text, start, end):
        if any(s <= sep.start() - start < e for s, e in closed):
            continue
        spans.append(Span(piece, sep.start()))
        piece = sep.end()
    spans.append(Span(piece, end))
    out = []
    for sp in spans:  # "Cllr P Rigg Mr J Moss": a rank inside starts another person
        inner = [m.start() + 1 for m in _INNER_RANK.finditer(text, sp.start, sp.end)
                 if text.count("(", sp.start, m.start()) <= text.count(")", sp.start, m.start())]
        cuts = [sp.start, *inner, sp.end]
        pieces = [Span(a, b) for a, b in zip(cuts, cuts[1:], strict=False)]
        if inner and split_rank(text[pieces[0].start:pieces[0].end].strip())[0] is None:
            pieces = pieces[1:]  # "Marlow and Westbury Borough Councillor X": a place, not a person
        out.extend(pieces)
    return [s for s in out if text[s.start:s.end].strip()]


def list_people(text: str, start: int, end: int, status: str) -> list[Attendance]:
    """People of a list until the first entry that is not one; a role after a person
    ("Mr T Vane, Independent Co-opted member") is that person's role."""
    people: list[Attendance] = []
    default_rank = None
    lent: tuple[str, Span] | None = None  # the organisation or role just given to the person before
    for sp in _entries(text, start, end):
        entry = text[sp.start:sp.end].strip()
        if _PLURAL_ALONE.match(entry):  # "Councillors: Rigg, Moss": the title alone, then names
            default_rank = "Councillor"
            continue
        if plural := re.match(r"\s*Councillors\s+", text[sp.start:sp.end]):
            # "Councillors Rigg, Moss and Hale": the title covers the names that follow
            default_rank, sp = "Councillor", Span(sp.start + plural.end(), sp.end)
            entry = text[sp.start:sp.end].strip()
        if people and people[-1].organisation is None and "(" not in entry and names_organisation(entry):
            people[-1], lent = replace(people[-1], organisation=entry.rstrip(". ;")), ("organisation", sp)
            continue
        found = person(entry, sp, status, default_rank=default_rank)
        if found is None and lent is not None and _NAME_TAIL.match(entry):
            # "…, Mayor's Office for Policing and Crime", "…, Police and Crime Commissioner": no separator
            field, began = lent
            people[-1] = replace(people[-1], **{field: text[began.start:sp.end].strip().rstrip(". ;")})
            continue
        lent = None
        # a role after a person: "Mr T Vane, Independent Co-opted member", "…, independent co-opted member"
        role_like = entry[:1].isupper() or role_ending().search(entry.rstrip(". ")) is not None
        if found is None and _INNER_RANK.search(" " + entry) is None and people and role_like \
                and people[-1].role is None and not names_organisation(entry) and len(entry.split()) <= 6:
            people[-1], lent = replace(people[-1], role=entry.rstrip(". ;")), ("role", sp)
            continue
        if found is None:
            if entry[:1].islower():
                break
            continue
        people.append(found)
        for q in parens(entry)[1]:
            sub = SUBSTITUTE_NOTE.search(q)
            if sub and sub.group("who"):
                s = person(sub.group("who"), sp, "present")
                if s:
                    people.append(replace(s, is_representative=True, note="substitute for " + found.name))
    return people


def _sentence_end(text: str, start: int) -> int:
    m = _SENTENCE_END.search(text, start)
    return m.start() if m else len(text)


def _sent_apologies(text: str) -> list[re.Match[str]]:
    """The matches of ``_SENT_APOLOGIES.finditer(text)``, found in linear time: the list starts
    where the sentence holding the next tail starts (the earliest start a match can have).

    >>> [m.group("list") for m in _sent_apologies("Item 3.\\nCllr Al Penn was unable to attend and sent apologies.")]
    ['Cllr Al Penn']
    """
    found: list[re.Match[str]] = []
    if "apologies" not in text:  # the tail's word: no tail, no match
        return found
    pos = 0
    while (tail := _SENT_APOLOGIES_TAIL.search(text, pos)) is not None:
        start = max(pos, text.rfind(".", pos, tail.start()) + 1, text.rfind("\n", pos, tail.start()) + 1)
        m = _SENT_APOLOGIES.match(text, start)
        if m is None:  # cannot happen (the tail follows a list free of "." and newlines); be safe
            pos = tail.start() + 1
            continue
        found.append(m)
        pos = m.end()
    return found


def find_apology_sentences(text: str) -> list[Attendance]:
    people: list[Attendance] = []
    # a page without "apolog" in any case needs no (slow, case-blind) scan
    lists = _APOLOGY_LIST.finditer(text) if _GUARDED_APOLOGY_LIST.could_match(text) else ()
    for m in lists:
        if "\n" in m.group(0):  # "Apologies were received from:" then one name a line
            people.extend(bulleted_people(text, m.start() + m.group(0).rfind("\n") + 1, "apologies"))
            continue
        people.extend(_grouped_people(text, m.end(), _sentence_end(text, m.end()), "apologies"))
    for m in _sent_apologies(text):
        people.extend(_grouped_people(text, m.start("list"), m.end("list"), "apologies"))
    return people


def bulleted_people(text: str, pos: int, status: str) -> list[Attendance]:
    """People on the bulleted (or plain list) lines from ``pos`` until a line that reads as a
    sentence, or a blank line not followed by another bullet."""
    people: list[Attendance] = []
    after_blank = False
    for line_start, line_end in iter_line_bounds(text, pos):
        line = text[line_start:line_end]
        if not line.strip():
            after_blank = True
            continue
        bullet = _BULLETED.match(line)
        if not (bullet or (_is_list_line(line) and not after_blank)):
            break
        after_blank = False
        found = list_people(text, line_start + (bullet.end() if bullet else 0), line_end, status)
        if not found:
            break
        people.extend(found)
    return people


#: "Cllr Fay Hunt (substituted by Cllr Gus Irwin)"; "Cllr Hal Jones was in attendance as the
#: deputy for Cllr Ivy King"
_SUBSTITUTED_BY = re.compile(
    r"(?P<for>(?:[A-Z][\w.'’-]*[ \t]+){1,4}?[A-Z][\w'’-]*)[ \t]*\((?:was[ \t]+)?substituted by[ \t]+"
    r"(?P<sub>[A-Z][^()\n]{2,60}?)\)")
#: a word of a name or an organisation: a period only after an initial or a title, so that a name
#: at a sentence's end does not run into the next sentence
_NAME_WORD = r"(?:(?:[A-Z]|Mr|Mrs|Ms|Dr|Cllr|St)\.|[A-Z][\w'’-]*)"
_DEPUTY_FOR = re.compile(
    r"(?P<sub>(?:[A-Z][\w.'’-]*[ \t]+){1,5}?)(?:(?:was[ \t]+in[ \t]+attendance|attended)"
    r"(?:[ \t]+(?P<when>(?:from|until)[ \t]+[Ii]tem[ \t]+\d+[a-z]?)[ \t]*,?)?[ \t]+as|was)[ \t]+"
    r"(?:the[ \t]+|a[ \t]+)?(?:deputy|substitute|representative)[ \t]+for[ \t]+"
    rf"(?P<for>{_NAME_WORD}(?:[ \t]+(?:(?:of|and|upon)[ \t]+)?{_NAME_WORD}){{0,4}})")


def find_substitutions(text: str) -> list[Attendance]:
    """The substitute (present, representative) and the member substituted (apologies) of each
    substitution sentence: "X substituted for Y", "Y (substituted by X)", "X was in attendance as
    the deputy for Y", "X replaced Y"."""
    people: list[Attendance] = []
    # every wording of a pattern holds its word: only lines with it are searched
    for pattern, word in ((_SUBSTITUTION, "substitut"), (_SUBSTITUTED_BY, "substituted by"), (_DEPUTY_FOR, " for "),
                          (_REPLACED, " replaced ")):
        for m in finditer_in_lines(pattern, text, word):
            people.extend(_substitution(text, m))
    return people


def _substitution(text: str, m: re.Match[str]) -> list[Attendance]:
    """[substitute, member] for one match, or [] when either is no person; the substitute's
    name starts no earlier than its sentence."""
    full_stop = text.rfind(". ", 0, m.end("sub"))
    sentence_start = max(full_stop + 2 if full_stop >= 0 else 0, text.rfind("\n", 0, m.end("sub")) + 1)
    begin = max(m.start("sub"), sentence_start)
    sub = person(text[begin:m.end("sub")], Span(begin, m.end("sub")), "present")
    replaced = person(m.group("for"), Span(m.start("for"), m.end("for")), "apologies")
    if sub is not None and replaced is None and is_organisation(m.group("for")):
        # "Cllr Al Penn was in attendance as the deputy for Westbury Borough Council"
        return [_substitute(sub, m.group("for"), m.groupdict().get("when"))]
    if sub is None or replaced is None:
        return []
    return [_substitute(sub, replaced.name, m.groupdict().get("when")), replaced]


def _substitute(sub: Attendance, replaced: str, when: str | None) -> Attendance:
    """The substitute for ``replaced``; "from Item 7" makes the attendance partial."""
    note = "substitute for " + replaced
    return replace(sub, is_representative=True, partial=sub.partial or when is not None,
                   note=f"{when}; {note}" if when else note)


def _is_list_line(line: str) -> bool:
    """A line of names, not a sentence: "Cllr Al Penn (Chair), Bo Rigg and Cy Dunn (part)" yes;
    "The Panel extended its thanks to Councillor Al Penn." no (its words run in lower case)."""
    bare = parens(line)[0]
    if _NARRATIVE.search(bare) or re.match(r"\s*\(?\d{1,2}[.)]\s", bare):
        return False
    running = [w for w in re.findall(r"[A-Za-z][\w'’-]*", bare) if w[0].islower() and w not in _LIST_WORDS]
    return len(running) <= 2


def find_labelled_blocks(text: str) -> list[Attendance]:
    """Lists under "Present:", "In Attendance:", "Apologies for absence:" labels."""
    people: list[Attendance] = []
    pattern, labels = _labels()
    for m in pattern.finditer(text):
        status, flag = labels.get(" ".join((m.group("label") or "").lower().split()), ("present", ""))
        pos = m.start("rest") if m.group("rest").strip() else m.end() + 1
        while pos < len(text) and text[pos] in " \t\n":  # blank lines under the label
            pos += 1
        while pos < len(text):
            line_end = text.find("\n", pos)
            line_end = len(text) if line_end < 0 else line_end
            line = text[pos:line_end]
            if _BLOCK_END.match(line) or not line.strip() or not _is_list_line(line):
                break
            found = _grouped_people(text, pos, line_end, status)
            if not found and people and _lends_organisation(people, line):
                pos = line_end + 1
                continue
            if not found:
                break
            if flag:  # "Substitute Members:" -> each one represents another member
                found = [replace(p, **{flag: True}) for p in found]
            people.extend(found)
            pos = line_end + 1
    return people


def _lends_organisation(people: list[Attendance], line: str) -> bool:
    """A line holding only the organisation of the person on the line before: set it there."""
    if people[-1].organisation is not None or not is_organisation(line.strip(" .")):
        return False
    people[-1] = replace(people[-1], organisation=line.strip(" ."))
    return True


def _grouped_people(text: str, start: int, end: int, status: str) -> list[Attendance]:
    """The people of one list line or sentence; a bracketed organisation closes a group of people
    before it: "Councillors Rigg and Moss (Westbury Council)" gives both that organisation, and a
    plural role ("Ann Bee and Cy Dunn (Independent Members)") gives each the singular."""
    people = list_people(text, start, end, status)
    group: list[int] = []
    for i, p in enumerate(people):
        group.append(i)
        if "(" in text[p.span.start:p.span.end]:
            role = _PLURAL_ROLE.sub("", p.role) if p.role and len(group) > 1 and _PLURAL_ROLE.search(p.role) else None
            # a role with the organisation ("(Finance Manager, Westbury Council)") is that person's own
            shared = p.organisation if p.role is None else None
            for j in group:  # one with a role of their own ("Mr T Vane, co-opted member") is not lent it
                lent = people[j].organisation or (shared if people[j].role is None or j == i else None)
                people[j] = replace(people[j], organisation=lent, role=role or people[j].role)
            group = []
    return people


def _same_person(a: Attendance, b: Attendance) -> bool:
    """"Moss" and "Kay Moss", "Rigg" and "P Rigg" are one person."""
    wa, wb = a.name.lower().split(), b.name.lower().split()
    return wa == wb or (len(wa) == 1 and wa[-1] == wb[-1]) or (len(wb) == 1 and wa[-1] == wb[-1])


def merge_people(*groups: list[Attendance]) -> list[Attendance]:
    """The people of several readings, each once: a later reading of the same person ("May"
    and "Kerry Mayne") only lends a fuller name."""
    people = [p for group in groups for p in group]
    found: list[Attendance] = []
    if any(not p.name.split() for p in people):  # (no reader gives a blank name) compare all pairs
        by_last = None
    else:  # twins share their last word: compare only those, not every pair (long lists)
        by_last: dict[str, list[int]] | None = {}
    for candidate in people:
        last = candidate.name.lower().split()[-1] if by_last is not None else ""
        among = by_last.get(last, ()) if by_last is not None else range(len(found))
        twin = next((i for i in among if _same_person(found[i], candidate)), None)
        if twin is None:
            if by_last is not None:
                by_last.setdefault(last, []).append(len(found))
            found.append(candidate)
        elif len(candidate.name.split()) > len(found[twin].name.split()):
            found[twin] = replace(candidate, status=found[twin].status)
    return found


def find_sentence_attendance(text: str) -> list[Attendance]:
    """Only the people that sentences name: apologies ("Apologies were received from ...",
    "... were unable to attend and sent their apologies") and substitutions."""
    return merge_people(find_apology_sentences(text), find_substitutions(text))


def find_panel_attendance(text: str) -> list[Attendance]:
    """Everyone the page lists as present, giving apologies or substituting (see module doc)."""
    return merge_people(find_labelled_blocks(text), find_apology_sentences(text), find_substitutions(text))
