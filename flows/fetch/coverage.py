"""The coverage table of ``docs/coverage.md``: which bodies of which police force areas have an
entry in ``sources.toml``, which are fetched, and where nothing usable is known.

``minutes sources coverage --out docs/coverage.md`` rewrites the file; a test keeps it in step
with ``sources.toml``.

    >>> len(TERRITORIAL_AREAS)
    41
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from flows.fetch.sources import Source

#: The 41 police force areas of England and Wales that have a Police and Crime Panel (London's
#: two forces have none: the Assembly's Police and Crime Committee and the City's Police Authority
#: Board). Spelt as the ``area`` field of sources.toml spells them.
TERRITORIAL_AREAS = (
    "Avon and Somerset", "Bedfordshire", "Cambridgeshire", "Cheshire", "Cleveland", "Cumbria", "Derbyshire",
    "Devon and Cornwall", "Dorset", "Durham", "Essex", "Gloucestershire", "Greater Manchester",
    "Hampshire and Isle of Wight", "Hertfordshire", "Humberside", "Kent", "Lancashire", "Leicestershire",
    "Lincolnshire", "Merseyside", "Norfolk", "Northamptonshire", "Northumbria", "North Yorkshire",
    "Nottinghamshire", "South Yorkshire", "Staffordshire", "Suffolk", "Surrey", "Sussex", "Thames Valley",
    "Warwickshire", "West Mercia", "West Midlands", "West Yorkshire", "Wiltshire",
    "Dyfed-Powys", "Gwent", "North Wales", "South Wales",
)
COLUMNS = (("panel", "Police and Crime Panel"), ("commissioner_board", "Commissioner's board"),
           ("force_board", "Chief officer board"))
NO_ENTRY = "–"


def status(src: Source) -> str:
    """How far an entry goes: fetched (confirmed), fetched (unconfirmed), or listed only."""
    if not src.enabled:
        return "listed, not fetched"
    return "fetched" if src.checked else "fetched, unconfirmed"


def coverage_counts(sources: Iterable[Source]) -> dict[str, Counter]:
    """body_kind -> Counter of statuses, over described entries."""
    out: dict[str, Counter] = {kind: Counter() for kind, _ in COLUMNS}
    for src in sources:
        if src.body_kind in out:
            out[src.body_kind][status(src)] += 1
    return out


def coverage_markdown(sources: list[Source]) -> str:
    by_cell: dict[tuple[str, str], list[Source]] = {}
    for src in sources:
        if src.area and src.body_kind:
            by_cell.setdefault((src.area, src.body_kind), []).append(src)
    panels = [a for a in TERRITORIAL_AREAS if (a, "panel") in by_cell]
    fetched_panels = [a for a in panels if any(s.enabled for s in by_cell[(a, "panel")])]
    counts = coverage_counts(sources)
    lines = [
        "# Coverage: which police governance bodies have a source",
        "",
        "Generated from `sources.toml` by `minutes sources coverage --out docs/coverage.md`; do not edit",
        "by hand. *fetched*: enabled, host and listing confirmed from a published address;",
        "*fetched, unconfirmed*: enabled, but the committee is looked up by name or the listing is",
        "believed rather than seen; *listed, not fetched*: `enabled = false` (the host or listing is not",
        f"confirmed, or it is a CMIS/egenda site with no listing reader yet); {NO_ENTRY}: no entry: nothing",
        "usable found (no minutes or notes of that body in the corpus, and no listing page located on its",
        "public pages in this pass). That is a gap to research, not proof that the body publishes nothing.",
        "The notes in `sources.toml` say where each fact comes from.",
        "",
        f"Territorial Police and Crime Panels with an entry: **{len(panels)} of {len(TERRITORIAL_AREAS)}**, "
        f"of which {len(fetched_panels)} are fetched.",
        "",
        "Entries by kind (the panel row includes London's Police and Crime Committee):",
        "",
        "| kind | fetched | fetched, unconfirmed | listed, not fetched | entries |",
        "|---|---:|---:|---:|---:|",
    ]
    for kind, label in COLUMNS:
        c = counts[kind]
        lines.append(f"| {label} | {c['fetched']} | {c['fetched, unconfirmed']} | {c['listed, not fetched']} | "
                     f"{sum(c.values())} |")
    lines += ["", "## The 41 territorial force areas", "",
              "| area | " + " | ".join(label for _, label in COLUMNS) + " |",
              "|---|" + "---|" * len(COLUMNS)]
    for area in TERRITORIAL_AREAS:
        lines.append(f"| {area} | " + " | ".join(_cell(by_cell.get((area, kind), [])) for kind, _ in COLUMNS) + " |")
    others = sorted({a for a, _ in by_cell} - set(TERRITORIAL_AREAS))
    if others:
        lines += ["", "## London and non-territorial bodies", "",
                  "| area | " + " | ".join(label for _, label in COLUMNS) + " |",
                  "|---|" + "---|" * len(COLUMNS)]
        for area in others:
            lines.append(f"| {area} | " + " | ".join(_cell(by_cell.get((area, kind), [])) for kind, _ in COLUMNS)
                         + " |")
    return "\n".join(lines) + "\n"


def _cell(sources: list[Source]) -> str:
    if not sources:
        return NO_ENTRY
    return "<br>".join(f"`{s.name}` ({status(s)})" for s in sources)
