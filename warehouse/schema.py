"""The single definition of every published table.

DuckDB DDL (with column comments), the Parquet/Arrow schema and the data dictionary
(docs/data-dictionary.md) are all generated from ``TABLES``. The names in
``../shared/spec/warehouse-contract.md`` are a public contract: add columns, never rename.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pyarrow as pa

#: DuckDB type -> the pyarrow type (factory name and arguments). pyarrow is imported only when an
#: Arrow schema is built: the parse worker processes read the table list and need no pyarrow.
ARROW_TYPES = {
    "VARCHAR": ("string",),
    "DATE": ("date32",),
    "BOOLEAN": ("bool_",),
    "INTEGER": ("int32",),
    "BIGINT": ("int64",),
    "TIMESTAMP": ("timestamp", "us"),
}


@dataclass(frozen=True)
class Column:
    name: str
    type: str
    description: str
    nullable: bool = True


#: What a table is. ``fact``: rows read from documents, one document per meeting supplying them
#: (the load step keeps the primary document's rows); ``reference``: lookups other tables join to;
#: ``audit``: what the pipeline saw, stopped, warned about and ran.
FACT, REFERENCE, AUDIT = "fact", "reference", "audit"
KINDS = (FACT, REFERENCE, AUDIT)


@dataclass(frozen=True)
class Table:
    name: str
    description: str
    columns: tuple[Column, ...]
    key: tuple[str, ...]  # unique, not null; also the row order of the published files
    kind: str  # FACT, REFERENCE or AUDIT

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"table {self.name}: kind {self.kind!r} is not one of {KINDS}")

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]

    @property
    def parquet_file(self) -> str:
        """The table's Parquet file under a release's (and the warehouse's) ``parquet/`` folder."""
        return f"{self.name}/{self.name}.parquet"


def _c(name: str, type_: str, description: str, nullable: bool = True) -> Column:
    return Column(name, type_, description, nullable)


PROVENANCE = (
    _c("document_id", "VARCHAR", "The document this row was read from (documents.document_id).", False),
    _c("char_start", "INTEGER", "Start offset of the source span in the document's cleaned text.", False),
    _c("char_end", "INTEGER", "End offset (exclusive) of the source span in the cleaned text.", False),
)

FLAG = "BOOLEAN"

TABLES: tuple[Table, ...] = (
    Table("documents", "One row per source document seen (loaded + quarantined).", (
        _c("document_id", "VARCHAR", "Hex sha256 of the raw bytes.", False),
        _c("source_uri", "VARCHAR", "Where it came from: a URL or the file path it was read from.", False),
        _c("meeting_id", "VARCHAR", "The meeting it was parsed into; NULL when it never got that far."),
        _c("status", "VARCHAR", "`loaded` or `quarantined`.", False),
        _c("format", "VARCHAR", "Detected format: text, html, pdf, docx; NULL when unreadable."),
        _c("encoding", "VARCHAR", "How text bytes were decoded (utf-8, cp1252, ...)."),
        _c("adapter", "VARCHAR", "The layout adapter that parsed it."),
        _c("byte_size", "BIGINT", "Size of the raw bytes.", False),
        _c("char_count", "INTEGER", "Length of the cleaned text."),
        _c("truncated", FLAG, "The source says its text was cut (e.g. 'view the full minutes text')."),
        _c("is_primary", FLAG, "This document supplies its meeting's rows (the newest of several)."),
        _c("source_modified", "TIMESTAMP", "Last-modified time of the source when known."),
        _c("parser_version", "VARCHAR", "Fingerprint of the parsing code that read it (unchanged bytes are "
           "re-parsed only when it changes)."),
        _c("document_kind", "VARCHAR", "`minutes`, `agenda` (no minutes), `listing` (an index page: no "
           "meeting facts) or `not_minutes` (quarantined); NULL when no text was read."),
        _c("document_kind_cue", "VARCHAR", "What the kind was judged by, e.g. `JSON data, not meeting minutes`."),
    ), ("document_id",), AUDIT),
    Table("document_text", "The cleaned text of each loaded document: every char_start/char_end "
          "points into it.", (
        _c("document_id", "VARCHAR", "documents.document_id.", False),
        _c("text", "VARCHAR", "Cleaned text (site furniture removed).", False),
    ), ("document_id",), AUDIT),
    Table("meetings", "One row per meeting; two documents of the same meeting give one row.", (
        _c("meeting_id", "VARCHAR", "Body slug + date, e.g. `kent-police-chief-officer-s-management-board-"
           "strategic/2024-10-08`; the document id when body or date is unknown.", False),
        _c("body", "VARCHAR", "The meeting's title as published."),
        _c("organisation", "VARCHAR", "The publisher / host body, e.g. `Kent Police`."),
        _c("meeting_date", "DATE", "The meeting's own date; NULL when the text does not state it."),
        _c("start_time", "VARCHAR", "`HH:MM` (24h) or NULL."),
        _c("end_time", "VARCHAR", "`HH:MM` (24h) or NULL."),
        _c("venue", "VARCHAR", "As written."),
        _c("next_meeting_date", "DATE", "Date of the next meeting when the minutes state it."),
        _c("body_missing", FLAG, "True when the text never names the body (flagged, not guessed).", False),
        _c("adapter", "VARCHAR", "The layout adapter that parsed it."),
        *PROVENANCE,
    ), ("meeting_id",), FACT),
    Table("attendance", "One row per person per meeting. A person named twice for one meeting (present, "
          "then under apologies) is merged into the later statement, its details completed from the earlier "
          "row and the flags combined; the row merged away is in rejected_rows.", (
        _c("attendance_id", "VARCHAR", "Stable id of this row.", False),
        _c("meeting_id", "VARCHAR", "meetings.meeting_id.", False),
        _c("person_id", "VARCHAR", "The resolved person (people.person_id).", False),
        _c("name", "VARCHAR", "Name without rank or annotations: `Tim Smith` from `CC Tim Smith (Chair)`.", False),
        _c("rank", "VARCHAR", "Rank or title prefix as written (`CC`, `A/DCC`, `Chief Constable`, `Cllr`)."),
        _c("rank_code", "VARCHAR", "Normalised rank (ranks.rank_code, e.g. `A/DCC`) when the prefix is a known rank."),
        _c("role", "VARCHAR", "The role column / description."),
        _c("organisation", "VARCHAR", "When the minutes group people by organisation."),
        _c("status", "VARCHAR", "`present`, `apologies` or `absent`.", False),
        _c("is_chair", FLAG, "Listed as chair.", False),
        _c("is_minute_taker", FLAG, "Took the minutes.", False),
        _c("is_observer", FLAG, "Attended as an observer.", False),
        _c("is_representative", FLAG, "Attended on someone's behalf (Rep:, substitute for).", False),
        _c("remote", FLAG, "Joined remotely ((Teams), (MT), (vc), virtual).", False),
        _c("partial", FLAG, "Attended part only ((from 13:30), (Item 6)).", False),
        _c("note", "VARCHAR", "The qualifying text: partial attendance and/or substitution."),
        *PROVENANCE,
    ), ("attendance_id",), FACT),
    Table("agenda_items", "Numbered agenda items.", (
        _c("agenda_item_id", "VARCHAR", "Stable id of this row.", False),
        _c("meeting_id", "VARCHAR", "meetings.meeting_id.", False),
        _c("item_number", "VARCHAR", "As written (`8a`, `105`).", False),
        _c("title", "VARCHAR", "Title without the number.", False),
        *PROVENANCE,
    ), ("agenda_item_id",), FACT),
    Table("actions", "One row per action raised.", (
        _c("action_id", "VARCHAR", "Stable id.", False),
        _c("meeting_id", "VARCHAR", "The meeting that raised it.", False),
        _c("action_ref", "VARCHAR", "The published reference, e.g. `35/24`, or NULL."),
        _c("owner", "VARCHAR", "Who must do it, as named."),
        _c("owner_person_id", "VARCHAR", "Resolved person when the owner is a person."),
        _c("description", "VARCHAR", "The action text.", False),
        _c("due_date", "DATE", "When stated or clearly implied."),
        _c("status_when_raised", "VARCHAR", "Status given where it was raised (an actions table), if any."),
        _c("item_number", "VARCHAR", "The agenda item it was raised under, when known."),
        *PROVENANCE,
    ), ("action_id",), FACT),
    Table("action_updates", "One row per status report of an action at a meeting.", (
        _c("action_update_id", "VARCHAR", "Stable id.", False),
        _c("meeting_id", "VARCHAR", "The meeting that reported it.", False),
        _c("action_ref", "VARCHAR", "As written.", False),
        _c("status", "VARCHAR", "`open`, `closed` or `carried_forward`.", False),
        _c("status_as_written", "VARCHAR", "e.g. `CLOSED`, `discharged`, `carried forward`."),
        *PROVENANCE,
    ), ("action_update_id",), FACT),
    Table("decisions", "Decisions and resolutions, one row each.", (
        _c("decision_id", "VARCHAR", "Stable id.", False),
        _c("meeting_id", "VARCHAR", "meetings.meeting_id.", False),
        _c("item_number", "VARCHAR", "The agenda item it belongs to, when known."),
        _c("kind", "VARCHAR", "`decision` or `resolution` (RESOLVED that ...).", False),
        _c("text", "VARCHAR", "The decision as written.", False),
        *PROVENANCE,
    ), ("decision_id",), FACT),
    Table("people", "One row per resolved person.", (
        _c("person_id", "VARCHAR", "Stable id.", False),
        _c("name", "VARCHAR", "The fullest form of the name seen.", False),
        _c("latest_rank", "VARCHAR", "Rank as written at the person's latest meeting."),
        _c("appearances", "INTEGER", "Attendance rows for this person.", False),
    ), ("person_id",), REFERENCE),
    Table("ranks", "Reference table of rank and title prefixes (attendance.rank_code joins here).", (
        _c("rank_code", "VARCHAR", "Normalised code, acting/temporary included, e.g. `DCC`, `A/DCC`, `T/CS`.", False),
        _c("base_rank_code", "VARCHAR", "The substantive rank, e.g. `DCC` for `A/DCC`.", False),
        _c("rank_name", "VARCHAR", "Full name, e.g. `Acting Deputy Chief Constable`.", False),
        _c("kind", "VARCHAR", "officer, staff, elected or honorific.", False),
        _c("is_acting", FLAG, "An acting rank (A/, Acting).", False),
        _c("is_temporary", FLAG, "A temporary rank (T/, Temporary).", False),
        _c("is_police_officer", FLAG, "A warranted police rank.", False),
        _c("is_police_staff", FLAG, "A police staff grade.", False),
    ), ("rank_code",), REFERENCE),
    Table("document_versions", "Every version of every source seen: a corrected page or approved minutes "
          "replacing a draft is a new version of the same source_uri; earlier versions stay here.", (
        _c("source_uri", "VARCHAR", "The source (URL or file path).", False),
        _c("document_id", "VARCHAR", "sha256 of this version's bytes.", False),
        _c("first_seen_run", "VARCHAR", "runs.run_id of the run that first saw this version.", False),
        _c("is_current", FLAG, "This is the version the source has now.", False),
    ), ("source_uri", "document_id"), AUDIT),
    Table("runs", "One row per pipeline run of this warehouse (published, unchanged, failed or refused), from "
          "the run log beside it (`runs.jsonl`).", (
        _c("run_id", "VARCHAR", "Sortable run id (start time).", False),
        _c("started_at", "TIMESTAMP", "UTC.", False),
        _c("finished_at", "TIMESTAMP", "UTC; NULL while running."),
        _c("source", "VARCHAR", "What was processed: a folder, or `sources.toml` for fetched sources."),
        _c("documents_seen", "INTEGER", "Documents found.", False),
        _c("documents_new", "INTEGER", "Not seen before at that source.", False),
        _c("documents_changed", "INTEGER", "A new version of a source seen before.", False),
        _c("documents_unchanged", "INTEGER", "Same bytes as before: not parsed again.", False),
        _c("documents_quarantined", "INTEGER", "Quarantined in this run's result.", False),
        _c("checks_failed", "INTEGER", "Quality checks that failed (document- and table-level).", False),
        _c("outcome", "VARCHAR", "`published`, `unchanged` (nothing to do), `failed` or `refused` (another run "
           "held the warehouse).", False),
        _c("message", "VARCHAR", "Why it failed, or a one-line summary."),
    ), ("run_id",), AUDIT),
    Table("quarantine", "What a check stopped: one row per failed check; nothing silently dropped.", (
        _c("document_id", "VARCHAR", "documents.document_id.", False),
        _c("source_uri", "VARCHAR", "Where it came from.", False),
        _c("stage", "VARCHAR", "extract, extract_check, normalise or normalise_check.", False),
        _c("check_name", "VARCHAR", "The check that failed.", False),
        _c("reason", "VARCHAR", "Readable reason.", False),
        _c("quarantined_at", "TIMESTAMP", "When the document was first quarantined for this check.", False),
    ), ("document_id", "stage", "check_name"), AUDIT),
    Table("parse_warnings", "Non-fatal oddities met while parsing a loaded document (its text was cut, "
          "no attendee list was found, ...): one row per warning; the document's rows are still loaded.", (
        _c("document_id", "VARCHAR", "documents.document_id.", False),
        _c("warning_index", "INTEGER", "Position of the warning among the document's warnings (0-based).", False),
        _c("code", "VARCHAR", "Short stable tag, e.g. `truncated`, `no_attendees`, `attendee_table_cut`.", False),
        _c("message", "VARCHAR", "Readable description.", False),
        _c("char_start", "INTEGER", "Start offset of the text it concerns in the cleaned text; NULL for "
           "the whole document."),
        _c("char_end", "INTEGER", "End offset (exclusive); NULL for the whole document."),
    ), ("document_id", "warning_index"), AUDIT),
    Table("rejected_rows", "Rows a row check turned away (a blank action owner, a due date out of range, a "
          "reference that does not look like one); the rest of their document loaded. Document-level failures are in "
          "quarantine.", (
        _c("table_name", "VARCHAR", "The table the row would have gone to, e.g. `actions`.", False),
        _c("document_id", "VARCHAR", "documents.document_id (a loaded document).", False),
        _c("row_key", "VARCHAR", "The row's key in that table, e.g. its action_id.", False),
        _c("check_name", "VARCHAR", "The check that failed.", False),
        _c("reason", "VARCHAR", "Readable reason.", False),
        _c("row_json", "VARCHAR", "The row as it was parsed, as JSON.", False),
    ), ("table_name", "document_id", "row_key", "check_name"), AUDIT),
)

BY_NAME = {t.name: t for t in TABLES}


def tables_of(kind: str) -> tuple[str, ...]:
    """Names of the tables of one kind, in schema order."""
    return tuple(t.name for t in TABLES if t.kind == kind)


#: meetings, attendance, agenda_items, actions, action_updates, decisions
FACT_TABLES = tables_of(FACT)


@cache
def arrow_schema(table: Table) -> pa.Schema:
    import pyarrow as pa

    def arrow_type(name: str) -> pa.DataType:
        factory, *args = ARROW_TYPES[name]
        return getattr(pa, factory)(*args)

    return pa.schema([pa.field(c.name, arrow_type(c.type), nullable=c.nullable) for c in table.columns])


def _quote(s: str) -> str:
    return "'" + s.replace("'", "''") + "'"


def create_table_sql(table: Table) -> list[str]:
    """CREATE TABLE plus COMMENT statements for one table."""
    cols = ",\n  ".join(f'"{c.name}" {c.type}{"" if c.nullable else " NOT NULL"}' for c in table.columns)
    stmts = [f'CREATE TABLE "{table.name}" (\n  {cols},\n  PRIMARY KEY ({", ".join(table.key)})\n)',
             f'COMMENT ON TABLE "{table.name}" IS {_quote(table.description)}']
    stmts += [f'COMMENT ON COLUMN "{table.name}"."{c.name}" IS {_quote(c.description)}' for c in table.columns]
    return stmts


def data_dictionary_markdown() -> str:
    """docs/data-dictionary.md, generated."""
    from warehouse.views import VIEWS  # views document themselves beside their SQL

    out = ["# Data dictionary", "",
           "Generated from `warehouse/schema.py` and `warehouse/views.py` by `minutes dictionary`;"
           " do not edit by hand.", "",
           "Every fact row carries `document_id`, `char_start`, `char_end`: the span of the document's "
           "cleaned text (`document_text.text`) it was read from.", "",
           "Kinds: **fact** tables hold what the minutes say (the rows of each meeting's primary "
           "document); **reference** tables are lookups they join to; **audit** tables record what the "
           "pipeline saw, stopped, warned about and ran.", ""]
    for t in TABLES:
        out += [f"## {t.name}", "", t.description, "", f"Kind: {t.kind}. Key: `{', '.join(t.key)}`", "",
                "| column | type | null | meaning |", "|---|---|---|---|"]
        out += [f"| {c.name} | {c.type} | {'yes' if c.nullable else 'no'} | {c.description} |" for c in t.columns]
        out.append("")
    out += ["# Views", ""]
    for v in VIEWS:
        out += [f"## {v.name}", "", v.description, "", "| column | meaning |", "|---|---|"]
        out += [f"| {name} | {desc} |" for name, desc in v.columns]
        out.append("")
    return "\n".join(out)
