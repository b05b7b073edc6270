"""Rank and title prefixes: recognise them at the start of a name and normalise them.

"A/DCC" -> code DCC, acting; "T/CS" -> CS, temporary; "C/Supt." -> CS; "Supt." -> Supt;
"Chief Constable" -> CC. The table is ``quirks/ranks.csv``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from transforms.quirks import load_table

_ACTING = re.compile(r"^(?:A/|Acting\s+|A\.)", re.IGNORECASE)
_TEMPORARY = re.compile(r"^(?:T/|Temporary\s+|T\.)", re.IGNORECASE)


@dataclass(frozen=True)
class Rank:
    written: str  # as in the text, e.g. "A/DCC"
    code: str  # e.g. "DCC"
    name: str  # e.g. "Deputy Chief Constable"
    kind: str  # officer | staff | elected | honorific
    is_acting: bool
    is_temporary: bool


@lru_cache(maxsize=1)
def _aliases() -> dict[str, tuple[str, str, str]]:
    """lower-cased alias (without trailing dot) -> (code, name, kind)."""
    table: dict[str, tuple[str, str, str]] = {}
    for row in load_table("ranks"):
        entry = (row["rank_code"], row["rank_name"], row["kind"])
        for alias in [row["rank_code"], *row["aliases"].split("|")]:
            table[alias.lower().rstrip(".")] = entry
    return table


@lru_cache(maxsize=1)
def _prefix_re() -> re.Pattern[str]:
    # All-capital codes (DI, PC, CC) match only in capitals, so that "Di Vance" keeps her name;
    # words (Supt, Chief Constable, Cllr) match in any case.
    aliases = sorted(_aliases(), key=len, reverse=True)
    written = {a: a for a in aliases}
    for row in load_table("ranks"):
        for alias in [row["rank_code"], *row["aliases"].split("|")]:
            written[alias.lower().rstrip(".")] = alias.rstrip(".")
    caps = [written[a] for a in aliases if written[a].isupper()]
    words = [a for a in aliases if not written[a].isupper()]

    def alt(items: list[str]) -> str:
        return "|".join(re.escape(a).replace(r"\ ", r"\s+") for a in items)

    return re.compile(
        rf"^(?P<rank>(?:(?:A|T)/|(?i:acting|temporary)\s+)*(?:(?i:{alt(words)})|{alt(caps)})\.?)(?=\s|$)"
    )


def normalise_rank(written: str) -> Rank | None:
    """The Rank for a prefix as written, or None when it is not one we know."""
    rest = written.strip()
    acting = temporary = False
    while True:
        if m := _ACTING.match(rest):
            acting, rest = True, rest[m.end():]
        elif m := _TEMPORARY.match(rest):
            temporary, rest = True, rest[m.end():]
        else:
            break
    entry = _aliases().get(" ".join(rest.split()).lower().rstrip("."))
    if entry is None:
        return None
    return Rank(written.strip(), entry[0], entry[1], entry[2], acting, temporary)


def split_rank(name: str) -> tuple[str | None, str]:
    """Split a leading rank/title off a name: "CC Tam Smyth" -> ("CC", "Tam Smyth");
    "Chief Constable Alan Marden" -> ("Chief Constable", "Alan Marden"). Several titles
    ("Cllr Dr Jane Smith") come off together. A lone rank word is not split from nothing."""
    rest = name.strip()
    ranks: list[str] = []
    while m := _prefix_re().match(rest):
        remainder = rest[m.end():].strip()
        if not remainder or not remainder[0].isalpha():
            break
        ranks.append(m.group("rank"))
        rest = remainder
    return (" ".join(ranks) if ranks else None), rest


def rank_code(rank: Rank) -> str:
    """The reference code of a rank as written, acting/temporary included: "A/DCC", "T/CS", "DCC"."""
    return ("A/" if rank.is_acting else "") + ("T/" if rank.is_temporary else "") + rank.code


def rank_table() -> list[dict[str, object]]:
    """The reference table of ranks for the warehouse (``ranks``): every code, and for police
    officer and staff ranks its acting (A/) and temporary (T/) forms."""
    rows: list[dict[str, object]] = []
    for r in load_table("ranks"):
        forms = [("", False, False)]
        if r["kind"] in ("officer", "staff"):
            forms += [("A/", True, False), ("T/", False, True)]
        for prefix, acting, temporary in forms:
            name = ("Acting " if acting else "Temporary " if temporary else "") + r["rank_name"]
            rows.append({"rank_code": prefix + r["rank_code"], "base_rank_code": r["rank_code"], "rank_name": name,
                         "kind": r["kind"], "is_acting": acting, "is_temporary": temporary,
                         "is_police_officer": r["kind"] == "officer", "is_police_staff": r["kind"] == "staff"})
    return rows
