"""The person-entry strategy: attendees recognised by what their entries look like, not by a
"Present:" label.

``entry_features`` cuts the top of a page into candidate entries and describes each one; a
small gradient-boosted tree ensemble, trained on labelled pages by
``scripts/train_person_entries.py`` and shipped as ``person_entry_weights.json``, scores them
in pure Python (no scikit-learn at run time). Entries it marks as people are read by the
project's entry parser (name, rank, role, flags); the status comes from the nearest heading
above ("Apologies" -> apologies), present when there is none. A table row's next cell, when it
is not a person, is that person's role.

``MINUTES_PERSON_WEIGHTS`` names another weights file (held-out scoring during training), or
``off`` to switch the strategy off.

>>> t = "Notes of the board\\nAda Hart (AH) Chief Executive\\nSam Dunn (SD) Treasurer\\nJo Ives (JI) Clerk"
>>> [(a.name, a.role) for a in find_person_entries(t)]
[('Ada Hart', 'Chief Executive'), ('Sam Dunn', 'Treasurer'), ('Jo Ives', 'Clerk')]
"""

from __future__ import annotations

import bisect
import json
import math
import os
import re
from array import array
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import cached_property, lru_cache
from pathlib import Path

from transforms.attendance.attendees import classify_qualifier, role_is_representative
from transforms.attendance.entry_features import (
    FEATURES,
    HEADING_KINDS,
    Entry,
    features,
    split_entries,
    worth_reading,
)
from transforms.attendance.prose_entry import is_name_word, is_role_word, parse_person_entry
from transforms.models import Attendance
from transforms.quirks import load_table

WEIGHTS = Path(__file__).with_name("person_entry_weights.json")
ENV = "MINUTES_PERSON_WEIGHTS"
_TITLE_INITIALS_NAME = re.compile(
    r"(?P<name>(?:[A-Z][\w/]*\.?\s+){1,3}?(?:[A-Z]\.?\s+){1,3}[A-Z][\w'’-]+)\s+(?P<rest>[^\s–—-].*)$")
_NAME_COMMA_ROLE = re.compile(r"(?P<name>[^,()]+?\s[^,()]+?),\s+(?P<rest>[A-Z].*)$")
_ROLE_SEP = re.compile(r",\s+|\s+[–—-]\s+")
_STATUS_OF_KIND = {v: k for k, v in HEADING_KINDS.items()}
_KIND_AT, _SINCE_AT = FEATURES.index("heading_kind"), FEATURES.index("since_heading")
NEAR_HEADING = 3  # lines
RUN_THRESHOLD = 0.01  # inside a run of marked entries, a parseable name needs only this


@dataclass(frozen=True)
class _Tree:
    feature: tuple[int, ...]
    threshold: tuple[float, ...]
    left: tuple[int, ...]  # -1 at a leaf
    right: tuple[int, ...]
    value: tuple[float, ...]


@dataclass(frozen=True)
class EntryModel:
    """A boosted tree ensemble over ``FEATURES``: log-odds = init + rate * sum(tree values)."""

    init: float
    rate: float
    trees: tuple[_Tree, ...]
    threshold: float

    def probability(self, row: list[float]) -> float:
        # the trees compare single-precision features, as scikit-learn does (a list of them reads faster)
        row32 = array("f", row).tolist()
        return 1.0 / (1.0 + math.exp(-(self.init + self.rate * self._tree_sum(row32))))

    def walked_sum(self, row32: Sequence[float]) -> float:
        """The trees' leaf values for ``row32`` summed in tree order, walking the node tables."""
        total = 0.0
        for tree in self.trees:
            feature, threshold, left, right = tree.feature, tree.threshold, tree.left, tree.right
            node = 0
            while (child := left[node]) >= 0:
                node = child if row32[feature[node]] <= threshold[node] else right[node]
            total += tree.value[node]
        return total

    @cached_property
    def _tree_sum(self) -> Callable[[Sequence[float]], float]:
        """``walked_sum`` as one Python function generated from the trees (each tree a nested
        comparison, its numbers written exactly): the same sum in the same order, several times
        faster than walking the tables (this is most of the strategy's time)."""
        source = ["def tree_sum(r):", "    t = 0.0"]
        source += [f"    t += {_tree_source(tree, 0)}" for tree in self.trees]
        source.append("    return t")
        namespace: dict[str, object] = {"inf": math.inf, "nan": math.nan}
        exec(compile("\n".join(source), "<person-entry trees>", "exec"), namespace)  # noqa: S102 - our own numbers
        return namespace["tree_sum"]  # type: ignore[return-value]


def _tree_source(tree: _Tree, node: int) -> str:
    """A Python expression for ``tree``'s value below ``node`` of a row ``r``."""
    child = tree.left[node]
    if child < 0:
        return repr(float(tree.value[node]))
    return (f"({_tree_source(tree, child)} if r[{int(tree.feature[node])}] <= {float(tree.threshold[node])!r}"
            f" else {_tree_source(tree, tree.right[node])})")


@lru_cache(maxsize=4)
def load_model(path: str) -> EntryModel:
    """The model stored at ``path``; its feature list must be this code's ``FEATURES``."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    if tuple(data["features"]) != FEATURES:
        raise ValueError(f"{path}: weights were trained on other features; retrain them")
    trees = tuple(_Tree(*(tuple(t[k]) for k in ("feature", "threshold", "left", "right", "value")))
                  for t in data["trees"])
    return EntryModel(float(data["init"]), float(data["learning_rate"]), trees, float(data["threshold"]))


def _model() -> EntryModel | None:
    chosen = os.environ.get(ENV, "")
    if chosen.lower() == "off":
        return None
    return load_model(chosen or str(WEIGHTS))


def scored_entries(text: str) -> list[tuple[Entry, list[float], float]]:
    """Every candidate entry of the page's top with its features and person probability."""
    model = _model()
    if model is None or not worth_reading(text):
        return []
    entries = split_entries(text)
    rows = features(entries, text)
    return [(e, r, model.probability(r) if is_candidate(r) else 0.0) for e, r in zip(entries, rows, strict=True)]


_SENT, _PAST, _WORDS = FEATURES.index("sentence"), FEATURES.index("past_tense"), FEATURES.index("words")
_CAPS = FEATURES.index("cap_share")


#: a line that introduces the list below it ("... questions submitted by:")
_INTRO_LINE = re.compile(r"^[^\n:]{0,200}:[ \t]*$", re.MULTILINE)
#: what such a line says when the people listed did not sit at the meeting: they sent questions
_NOT_ATTENDING = re.compile(r"\b(?:questions?|petitions?|questioners?)\b", re.IGNORECASE)


def _under_questioners(intros: list[tuple[int, bool]], pos: int) -> bool:
    """The nearest introducing line above ``pos`` lists people who sent questions: "The Panel had
    been notified of questions submitted by:" / "• Ms Ann Bee" is no attendance list."""
    at = bisect.bisect_right(intros, (pos, True)) - 1
    return at >= 0 and intros[at][1]


def is_candidate(row: list[float]) -> bool:
    """Entries the model judges: some capitalised word, and not a sentence ("Mr Hill declared
    that he was ..."; the apologies and substitution rules read those); a short past-tense line
    ("Cllr Ash (substituted)") is judged."""
    return row[_CAPS] > 0 and not (row[_SENT] or row[_PAST] and row[_WORDS] > 6)


def find_person_entries(text: str) -> list[Attendance]:
    """The attendees whose entries the model marks as people (see the module doc)."""
    scored = scored_entries(text)
    if not scored:
        return []
    threshold = _model().threshold  # type: ignore[union-attr]  # scored implies a model
    marked = _in_runs([p >= threshold and e.heading is None for e, _, p in scored], scored)
    people: list[Attendance] = []
    intros = [(m.start(), bool(_NOT_ATTENDING.search(m.group()))) for m in _INTRO_LINE.finditer(text)]
    for i, (entry, row, _) in enumerate(scored):
        if not marked[i] or not _supported(scored, marked, i) or _under_questioners(intros, entry.span.start):
            continue
        status = _STATUS_OF_KIND.get(int(row[_KIND_AT]), "present")
        person = parse_person_entry(_initials_name_apart(entry.text), entry.span, status=status)
        if person is None or not is_person_name(person.name):
            continue
        role_cell = _role_cell(scored, i, threshold)
        if role_cell is not None and person.role is None:
            person = replace(person, role=role_cell,
                             is_representative=person.is_representative or role_is_representative(role_cell))
        person = _role_as_qualifier(person)
        if not any(same_person(person, p) for p in people):
            people.append(person)
    return people


def with_person_entries(people: Sequence[Attendance], text: str, *, few: int = 1) -> list[Attendance]:
    """The rule-based ``people``, and when ``few`` or fewer of them are present (the rules
    found no list, only apologies, or one name), the people this strategy finds that the rules
    did not (the rules' reading of a person wins)."""
    found = list(people)
    if sum(p.status == "present" for p in found) > few:
        return found
    for person in find_person_entries(text):
        # a name inside an entry the rules read ("Cllr Al Penn (substituted by Cllr Bo Rigg)") is theirs
        inside = any(p.span.start <= person.span.start and person.span.end <= p.span.end for p in people)
        if not inside and not any(same_person(person, p) for p in found):
            found.append(person)
    return found


def same_person(a: Attendance, b: Attendance) -> bool:
    """Same last word and no first names that disagree: "Rigg" / "Bo Rigg" are one person."""
    wa, wb = a.name.lower().split(), b.name.lower().split()
    if not wa or not wb or wa[-1] != wb[-1]:
        return False
    return len(wa) == 1 or len(wb) == 1 or wa[0][0] == wb[0][0]


@lru_cache(maxsize=1)
def _organisation_words() -> frozenset[str]:
    return frozenset(r["word"].lower() for r in load_table("organisation_words"))


def _is_organisation(text: str) -> bool:
    words = text.split()
    return any(w.lower() in _organisation_words() for w in words) and not is_role_word(words[-1])


def is_person_name(name: str) -> bool:
    """Not an organisation ("West Lindsey District Council"), a role ("Independent Member"),
    a possessive ("Ann Lee's") or a row of initials ("I")."""
    words = name.split()
    if _is_organisation(name) or is_role_word(words[-1]):
        return False
    if name.endswith(("'s", "’s")):
        return False
    return max(len(w.strip(".")) for w in words) > 1


def _initials_name_apart(text: str) -> str:
    """"Mr R Price Local Policing Directorate" -> "Mr R Price – Local Policing Directorate": a
    title, initials and a surname is the whole name; what follows is the role. So is a name of
    two to five words before a comma: "Ann Lee, Chief Executive, Northshire Council"."""
    m = _TITLE_INITIALS_NAME.match(text)
    if m:
        return f"{m.group('name')} – {m.group('rest')}"
    m = _NAME_COMMA_ROLE.match(text)  # "Mr I Fell, Secretary to the Panel." -> "Mr I Fell – Secretary ..."
    if m and all(is_name_word(w) for w in m.group("name").split()):
        return f"{m.group('name')} – {m.group('rest').rstrip('.')}"
    return text


def _role_as_qualifier(person: Attendance) -> Attendance:
    """A "role" that is a qualifier word ("Minutes", "Minute taker") sets its flag instead; one
    that names an organisation ("Westbury Borough Council") is the organisation, and so is an
    organisation after the role ("Chief Constable, Northmoor Constabulary")."""
    if person.role and person.organisation is None and _is_organisation(person.role) \
            and not any(is_role_word(w) for w in person.role.split()):
        return replace(person, role=None, organisation=person.role)
    *role, last = _ROLE_SEP.split(person.role or "", maxsplit=5)
    if role and person.organisation is None and _is_organisation(last):
        # "Chief Constable, Northmoor Constabulary", "Chief Executive - Office of the PCC"
        person = replace(person, role=", ".join(role), organisation=last.rstrip(". "))
    known = classify_qualifier(person.role) if person.role else None
    if known is None or not hasattr(person, known[0]):
        return person
    return replace(person, role=None, **{known[0]: True})


def _in_runs(marked: list[bool], scored: list[tuple[Entry, list[float], float]]) -> list[bool]:
    """An entry between a marked entry and another marked entry (or the heading that closes
    the run) belongs to the run: "DCC Moor / Ann Lee – Head of Finance / Insp Rook – Staff Officer"."""
    low = RUN_THRESHOLD
    out = list(marked)
    for i in range(1, len(scored) - 1):
        entry, _, p = scored[i]
        if marked[i] or entry.heading is not None or p < low or not marked[i - 1]:
            continue
        nxt = scored[i + 1][0]
        if marked[i + 1] or nxt.heading is not None:
            out[i] = True
    return out


def _supported(scored: list[tuple[Entry, list[float], float]], marked: list[bool], i: int) -> bool:
    """A lone person-like entry counts only under an attendance heading a few lines above; in a
    run of entries, another person-like one must be near (a name in a discussion is not a list)."""
    row = scored[i][1]
    if row[_KIND_AT] > 0 and row[_SINCE_AT] <= NEAR_HEADING:
        return True
    return any(marked[j] for j in range(max(0, i - 2), min(len(marked), i + 3)) if j != i)


def _role_cell(scored: list[tuple[Entry, list[float], float]], i: int, threshold: float) -> str | None:
    """The next cell of a table row or tabbed line, when it is not itself a person."""
    entry = scored[i][0]
    if i + 1 >= len(scored):
        return None
    nxt, _, p = scored[i + 1]
    if nxt.line != entry.line or nxt.heading is not None or p >= threshold or entry.cells > 3:
        return None
    return nxt.text if len(nxt.text.split()) <= 8 and not any(ch.isdigit() for ch in nxt.text) else None
