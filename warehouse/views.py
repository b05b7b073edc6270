"""Analytical views, defined once here: SQL plus a description of every column.

They are created in the published DuckDB file and documented in the data dictionary.
"as of" dates use ``current_date`` at query time, so "overdue" is always today's answer.

Views a dashboard or BI tool reads: ``action_register`` (actions with owner, status and the
sentence they came from), ``attendance_summary`` (per person, body and quarter),
``decision_log``, ``meeting_summary``, ``data_quality_runs``, ``data_quality_quarantine`` and
``data_quality_parse_warnings``, ``data_quality_issues`` and ``people_review``.
Example::

    SELECT name, quarter, attended, meetings_held, attendance_rate
    FROM attendance_summary WHERE body = 'Performance Board' ORDER BY quarter_start;
    -- Jo Bloggs | 2026-Q1 | 2 | 3 | 0.667
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class View:
    name: str
    description: str
    columns: tuple[tuple[str, str], ...]
    sql: str


# Actions and their reports are matched by reference within the same body: "35/24" of the
# Chief Officer's Management Board is not "35/24" of the Police and Crime Panel.
ACTION_STATUS = View(
    "action_status",
    "Per action: its latest reported status, when it was raised and closed, and whether it is "
    "overdue today. Reports of actions whose raising meeting is not in the warehouse appear with "
    "`raised_in_warehouse = false`.",
    (
        ("action_key", "actions.action_id, or `body|ref` for a reported action never seen raised"),
        ("action_id", "actions.action_id (NULL when the raising meeting is not in the warehouse)"),
        ("action_ref", "published reference"),
        ("body", "the body whose action it is"),
        ("organisation", "publisher"),
        ("raised_meeting_id", "meeting that raised it"),
        ("raised_on", "date of the raising meeting"),
        ("owner", "who must do it"),
        ("owner_person_id", "resolved owner"),
        ("description", "action text"),
        ("due_date", "due date when stated"),
        ("latest_status", "open, closed or carried_forward as last reported (open when never reported)"),
        ("latest_status_on", "date of the meeting that last reported it"),
        ("closed_on", "date of the first meeting that reported it closed"),
        ("days_open", "days from raised_on to closed_on, or to today when still open"),
        ("is_overdue", "not closed and due_date before today"),
        ("raised_in_warehouse", "false when only reports of it were found"),
        ("updates", "number of status reports"),
    ),
    """
WITH raised AS (
  SELECT a.*, m.body, m.organisation, m.meeting_date AS raised_on
  FROM actions a JOIN meetings m USING (meeting_id)
),
reports AS (
  SELECT u.*, m.body, m.organisation, m.meeting_date
  FROM action_updates u JOIN meetings m USING (meeting_id)
),
keyed_reports AS (
  SELECT r.*, coalesce(a.action_id, coalesce(r.body, '') || '|' || r.action_ref) AS action_key
  FROM reports r
  LEFT JOIN raised a ON a.action_ref = r.action_ref AND a.body IS NOT DISTINCT FROM r.body
),
latest AS (
  SELECT action_key, arg_max(status, coalesce(meeting_date, DATE '1900-01-01')) AS latest_status,
         max(meeting_date) AS latest_status_on,
         min(meeting_date) FILTER (WHERE status = 'closed') AS closed_on,
         bool_or(status = 'closed') AS ever_closed,
         count(*) AS updates,
         any_value(action_ref) AS action_ref, any_value(body) AS body,
         any_value(organisation) AS organisation
  FROM keyed_reports GROUP BY action_key
),
all_actions AS (
  SELECT a.action_id AS action_key, a.action_id, a.action_ref, a.body, a.organisation,
         a.meeting_id AS raised_meeting_id, a.raised_on, a.owner, a.owner_person_id, a.description,
         a.due_date, coalesce(l.latest_status, lower(a.status_when_raised), 'open') AS latest_status,
         l.latest_status_on, l.closed_on, coalesce(l.updates, 0) AS updates, TRUE AS raised_in_warehouse
  FROM raised a LEFT JOIN latest l ON l.action_key = a.action_id
  UNION ALL
  SELECT l.action_key, NULL, l.action_ref, l.body, l.organisation, NULL, NULL, NULL, NULL, NULL, NULL,
         l.latest_status, l.latest_status_on, l.closed_on, l.updates, FALSE
  FROM latest l WHERE l.action_key NOT IN (SELECT action_id FROM raised)
)
SELECT action_key, action_id, action_ref, body, organisation, raised_meeting_id, raised_on, owner,
       owner_person_id, description, due_date, latest_status, latest_status_on,
       CASE WHEN latest_status = 'closed' THEN closed_on END AS closed_on,
       CASE WHEN raised_on IS NULL THEN NULL
            WHEN latest_status = 'closed' AND closed_on IS NOT NULL THEN date_diff('day', raised_on, closed_on)
            ELSE date_diff('day', raised_on, current_date) END AS days_open,
       coalesce(latest_status <> 'closed' AND due_date < current_date, FALSE) AS is_overdue,
       raised_in_warehouse, updates
FROM all_actions
""",
)



# A quarter as `2026-Q1` (sorts as text) plus its first day (for charts); NULL for undated meetings.
_QUARTER = ("CASE WHEN {d} IS NOT NULL THEN strftime({d}, '%Y') || '-Q' || quarter({d}) END")
_QUARTER_START = "CAST(date_trunc('quarter', {d}) AS DATE)"


def _quarter_cols(date_col: str) -> str:
    return (f"{_QUARTER.format(d=date_col)} AS quarter, "
            f"{_QUARTER_START.format(d=date_col)} AS quarter_start")


_SOURCE = (
    ("document_id", "the document the source sentence is in (documents.document_id)"),
    ("char_start", "start of the source span in document_text.text (0-based)"),
    ("char_end", "end (exclusive) of the source span in document_text.text"),
    ("source_uri", "where the document came from: a URL or a file path"),
)

# An action's source is the sentence that raised it; an action seen only in reports points at
# its latest report, so every row can still be followed to a sentence.
ACTION_REGISTER = View(
    "action_register",
    "Every action, one row each, with who owns it, when it was raised and is due, its latest "
    "status, whether it is overdue today, and the sentence it came from (the raising sentence, "
    "or the latest report for actions raised before the warehouse begins).",
    (
        ("action_key", "action_status.action_key: actions.action_id, or `body|ref` when never seen raised"),
        ("action_id", "actions.action_id (NULL when only reports of it were found)"),
        ("action_ref", "published reference, e.g. `35/24`"),
        ("body", "the body whose action it is"),
        ("organisation", "publisher"),
        ("owner", "who must do it, as named"),
        ("owner_person_id", "resolved owner (people.person_id)"),
        ("description", "action text"),
        ("item_number", "agenda item it was raised under, when known"),
        ("raised_meeting_id", "meeting that raised it"),
        ("raised_on", "date of the raising meeting"),
        ("due_date", "due date when stated"),
        ("latest_status", "open, closed or carried_forward as last reported (open when never reported)"),
        ("latest_status_on", "date of the meeting that last reported it"),
        ("closed_on", "date of the first meeting that reported it closed (NULL unless closed)"),
        ("days_open", "days from raised_on to closed_on, or to today when still open"),
        ("is_overdue", "not closed and due_date before today"),
        ("days_overdue", "days since due_date when overdue, else NULL"),
        ("raised_in_warehouse", "false when only reports of it were found"),
        ("updates", "number of status reports"),
        ("source_kind", "`raised` (the sentence that raised it) or `reported` (its latest report)"),
        ("source_meeting_id", "the meeting the source sentence belongs to"),
        *_SOURCE,
    ),
    """
WITH last_report AS (
  SELECT coalesce(m.body, '') || '|' || u.action_ref AS action_key, u.meeting_id, u.document_id,
         u.char_start, u.char_end
  FROM action_updates u JOIN meetings m USING (meeting_id)
  QUALIFY row_number() OVER (PARTITION BY action_key
                             ORDER BY m.meeting_date DESC NULLS LAST, u.document_id, u.char_start) = 1
)
SELECT s.action_key, s.action_id, s.action_ref, s.body, s.organisation, s.owner, s.owner_person_id,
       s.description, a.item_number, s.raised_meeting_id, s.raised_on, s.due_date, s.latest_status,
       s.latest_status_on, s.closed_on, s.days_open, s.is_overdue,
       CASE WHEN s.is_overdue THEN date_diff('day', s.due_date, current_date) END AS days_overdue,
       s.raised_in_warehouse, s.updates,
       CASE WHEN a.action_id IS NOT NULL THEN 'raised' ELSE 'reported' END AS source_kind,
       coalesce(a.meeting_id, r.meeting_id) AS source_meeting_id,
       coalesce(a.document_id, r.document_id) AS document_id,
       coalesce(a.char_start, r.char_start) AS char_start,
       coalesce(a.char_end, r.char_end) AS char_end,
       d.source_uri
FROM action_status s
LEFT JOIN actions a ON a.action_id = s.action_id
LEFT JOIN last_report r ON s.action_id IS NULL AND r.action_key = s.action_key
LEFT JOIN documents d ON d.document_id = coalesce(a.document_id, r.document_id)
""",
)

# Meetings "held" by a body in a quarter are the meetings of that body in the warehouse; a person
# not listed at one of them counts as not attending it. Undated meetings form a NULL quarter.
ATTENDANCE_SUMMARY = View(
    "attendance_summary",
    "Per person, body and quarter: meetings the body held, how many the person attended (in "
    "person, remotely or as someone's representative), apologies, and the attendance rate = "
    "attended / meetings held by that body in the quarter. Meetings without a date fall in a "
    "NULL quarter.",
    (
        ("person_id", "people.person_id"),
        ("name", "the person's fullest name (people.name)"),
        ("body", "the meeting body"),
        ("organisation", "publisher"),
        ("quarter", "calendar quarter of the meetings, e.g. `2026-Q1` (NULL: undated meetings)"),
        ("quarter_start", "first day of the quarter (for charts)"),
        ("meetings_held", "meetings of this body in the quarter"),
        ("meetings_listed", "of those, meetings whose minutes list the person at all"),
        ("attended", "meetings the person attended (status present, including remote and representative)"),
        ("attended_remotely", "of attended: joined remotely"),
        ("attended_as_representative", "of attended: attended on someone else's behalf (Rep:, substitute)"),
        ("attended_partly", "of attended: attended part of the meeting only"),
        ("apologies", "meetings the person sent apologies for"),
        ("absent", "meetings the person is listed as absent from"),
        ("attendance_rate", "attended / meetings_held, rounded to 3 places (2 of 3 -> 0.667)"),
    ),
    f"""
WITH m AS (
  SELECT meeting_id, body, organisation, {_quarter_cols('meeting_date')} FROM meetings
),
held AS (
  SELECT body, organisation, quarter, count(*) AS meetings_held FROM m GROUP BY ALL
),
person AS (
  SELECT a.person_id, m.body, m.organisation, m.quarter, any_value(m.quarter_start) AS quarter_start,
         count(DISTINCT a.meeting_id) AS meetings_listed,
         count(DISTINCT a.meeting_id) FILTER (WHERE a.status = 'present') AS attended,
         count(DISTINCT a.meeting_id) FILTER (WHERE a.status = 'present' AND a.remote) AS attended_remotely,
         count(DISTINCT a.meeting_id) FILTER (WHERE a.status = 'present' AND a.is_representative)
           AS attended_as_representative,
         count(DISTINCT a.meeting_id) FILTER (WHERE a.status = 'present' AND a.partial) AS attended_partly,
         count(DISTINCT a.meeting_id) FILTER (WHERE a.status = 'apologies') AS apologies,
         count(DISTINCT a.meeting_id) FILTER (WHERE a.status = 'absent') AS absent
  FROM attendance a JOIN m USING (meeting_id)
  GROUP BY a.person_id, m.body, m.organisation, m.quarter
)
SELECT p.person_id, coalesce(pe.name, p.person_id) AS name, p.body, p.organisation, p.quarter,
       p.quarter_start, h.meetings_held, p.meetings_listed, p.attended, p.attended_remotely,
       p.attended_as_representative, p.attended_partly, p.apologies, p.absent,
       round(p.attended / h.meetings_held, 3) AS attendance_rate
FROM person p
JOIN held h ON h.body IS NOT DISTINCT FROM p.body AND h.organisation IS NOT DISTINCT FROM p.organisation
           AND h.quarter IS NOT DISTINCT FROM p.quarter
LEFT JOIN people pe USING (person_id)
""",
)

DECISION_LOG = View(
    "decision_log",
    "Every decision and resolution with its meeting, body, date, agenda item and the sentence it "
    "came from.",
    (
        ("decision_id", "decisions.decision_id"),
        ("meeting_id", "the meeting that decided it"),
        ("meeting_date", "date of the meeting"),
        ("quarter", "calendar quarter of the meeting, e.g. `2026-Q1`"),
        ("quarter_start", "first day of the quarter"),
        ("body", "the meeting body"),
        ("organisation", "publisher"),
        ("item_number", "agenda item number, when known"),
        ("item_title", "that agenda item's title, when the item is in agenda_items"),
        ("kind", "`decision` or `resolution` (RESOLVED that ...)"),
        ("text", "the decision as written"),
        *_SOURCE,
    ),
    f"""
WITH items AS (
  SELECT meeting_id, item_number, min(title) AS title FROM agenda_items GROUP BY ALL
)
SELECT d.decision_id, d.meeting_id, m.meeting_date, {_quarter_cols('m.meeting_date')}, m.body,
       m.organisation, d.item_number, i.title AS item_title, d.kind, d.text, d.document_id,
       d.char_start, d.char_end, doc.source_uri
FROM decisions d
LEFT JOIN meetings m USING (meeting_id)
LEFT JOIN items i ON i.meeting_id = d.meeting_id AND i.item_number = d.item_number
LEFT JOIN documents doc ON doc.document_id = d.document_id
""",
)


def _count_by_meeting(table: str, expr: str = "count(*)", alias: str = "n") -> str:
    return f"(SELECT meeting_id, {expr} AS {alias} FROM {table} GROUP BY meeting_id)"


MEETING_SUMMARY = View(
    "meeting_summary",
    "One row per meeting: who came, who sent apologies, actions raised and closed, decisions.",
    (
        ("meeting_id", "meetings.meeting_id"),
        ("body", "the meeting body"),
        ("organisation", "publisher"),
        ("meeting_date", "date of the meeting"),
        ("quarter", "calendar quarter, e.g. `2026-Q1`"),
        ("quarter_start", "first day of the quarter"),
        ("attendees", "people present (including remote and representatives)"),
        ("remote", "of attendees: joined remotely"),
        ("representatives", "of attendees: attending on someone else's behalf"),
        ("apologies", "people who sent apologies"),
        ("absent", "people listed as absent"),
        ("agenda_items", "numbered agenda items"),
        ("actions_raised", "actions raised at this meeting"),
        ("action_updates", "status reports of actions given at this meeting"),
        ("actions_closed", "of those reports, how many reported an action closed"),
        ("decisions", "decisions and resolutions"),
        ("document_id", "the document the meeting's rows come from"),
        ("source_uri", "where that document came from: a URL or a file path"),
    ),
    f"""
WITH people_at AS (
  SELECT meeting_id,
         count(DISTINCT person_id) FILTER (WHERE status = 'present') AS attendees,
         count(DISTINCT person_id) FILTER (WHERE status = 'present' AND remote) AS remote,
         count(DISTINCT person_id) FILTER (WHERE status = 'present' AND is_representative) AS representatives,
         count(DISTINCT person_id) FILTER (WHERE status = 'apologies') AS apologies,
         count(DISTINCT person_id) FILTER (WHERE status = 'absent') AS absent
  FROM attendance GROUP BY meeting_id
),
updates AS (
  SELECT meeting_id, count(*) AS action_updates, count(*) FILTER (WHERE status = 'closed') AS actions_closed
  FROM action_updates GROUP BY meeting_id
)
SELECT m.meeting_id, m.body, m.organisation, m.meeting_date, {_quarter_cols('m.meeting_date')},
       coalesce(p.attendees, 0) AS attendees, coalesce(p.remote, 0) AS remote,
       coalesce(p.representatives, 0) AS representatives, coalesce(p.apologies, 0) AS apologies,
       coalesce(p.absent, 0) AS absent, coalesce(ai.n, 0) AS agenda_items, coalesce(ac.n, 0) AS actions_raised,
       coalesce(u.action_updates, 0) AS action_updates, coalesce(u.actions_closed, 0) AS actions_closed,
       coalesce(de.n, 0) AS decisions, m.document_id, doc.source_uri
FROM meetings m
LEFT JOIN people_at p USING (meeting_id)
LEFT JOIN updates u USING (meeting_id)
LEFT JOIN {_count_by_meeting('agenda_items')} ai USING (meeting_id)
LEFT JOIN {_count_by_meeting('actions')} ac USING (meeting_id)
LEFT JOIN {_count_by_meeting('decisions')} de USING (meeting_id)
LEFT JOIN documents doc ON doc.document_id = m.document_id
""",
)

DATA_QUALITY_RUNS = View(
    "data_quality_runs",
    "Pipeline runs, newest first by run_id, with how long each took and which is the latest "
    "(and latest published) run. Data quality has three views: this one, data_quality_quarantine "
    "and data_quality_parse_warnings.",
    (
        ("run_id", "runs.run_id (sortable: start time)"),
        ("started_at", "UTC"),
        ("finished_at", "UTC; NULL while running"),
        ("duration_seconds", "finished_at - started_at in seconds"),
        ("source", "what was processed"),
        ("documents_seen", "documents found"),
        ("documents_new", "not seen before"),
        ("documents_changed", "a new version of a source seen before"),
        ("documents_unchanged", "same bytes as before"),
        ("documents_quarantined", "quarantined in this run's result"),
        ("checks_failed", "quality checks that failed"),
        ("outcome", "`published`, `unchanged`, `failed` or `refused`"),
        ("message", "why it failed, or a one-line summary"),
        ("is_latest", "the most recent run"),
        ("is_latest_published", "the most recent run that published (the warehouse you are reading)"),
    ),
    """
SELECT run_id, started_at, finished_at,
       round(epoch(finished_at) - epoch(started_at), 1) AS duration_seconds,
       source, documents_seen, documents_new, documents_changed, documents_unchanged,
       documents_quarantined, checks_failed, outcome, message,
       run_id = max(run_id) OVER () AS is_latest,
       coalesce(run_id = max(run_id) FILTER (WHERE outcome = 'published') OVER (), FALSE) AS is_latest_published
FROM runs
""",
)

# One row per document (not per failed check) because "which documents are missing and why"
# is the question; the per-check rows stay in the quarantine table.
DATA_QUALITY_QUARANTINE = View(
    "data_quality_quarantine",
    "One row per quarantined document: where it came from, every check it failed with the "
    "readable reasons, when it was first quarantined and by which run.",
    (
        ("document_id", "documents.document_id"),
        ("source_uri", "where it came from: a URL or a file path"),
        ("format", "detected format (NULL when unreadable)"),
        ("byte_size", "size of the raw bytes"),
        ("checks_failed", "number of failed checks"),
        ("stages", "stages whose checks failed, e.g. `extract_check, normalise`"),
        ("check_names", "the failed checks, comma-separated"),
        ("reasons", "`stage/check: reason` for every failed check, `; `-separated"),
        ("first_quarantined_at", "when it was first quarantined (UTC)"),
        ("first_quarantined_run_id", "the run that started last at or before then (NULL: no run log)"),
    ),
    """
WITH q AS (
  SELECT document_id, min(source_uri) AS source_uri, count(*) AS checks_failed,
         string_agg(DISTINCT stage, ', ' ORDER BY stage) AS stages,
         string_agg(check_name, ', ' ORDER BY stage, check_name) AS check_names,
         string_agg(stage || '/' || check_name || ': ' || reason, '; ' ORDER BY stage, check_name) AS reasons,
         min(quarantined_at) AS first_quarantined_at
  FROM quarantine GROUP BY document_id
),
with_run AS (
  SELECT q.*, r.run_id AS first_quarantined_run_id
  FROM q ASOF LEFT JOIN runs r ON q.first_quarantined_at >= r.started_at
)
SELECT w.document_id, w.source_uri, d.format, d.byte_size, w.checks_failed, w.stages, w.check_names,
       w.reasons, w.first_quarantined_at, w.first_quarantined_run_id
FROM with_run w LEFT JOIN documents d USING (document_id)
""",
)

# Near-identical spellings are offered, never merged: "Varnam" and "Varnham" may be one person
# misspelt or two people; someone who knows the board decides. Two names seen at one meeting
# are two people, which shared_meetings shows.
PEOPLE_REVIEW = View(
    "people_review",
    "Pairs of people whose names are spelt almost alike (same first name, surnames nearly the "
    "same): candidates for a person to review, not merged by the pipeline.",
    (
        ("person_id_a", "people.person_id of the first of the pair (the smaller id)"),
        ("name_a", "its name"),
        ("appearances_a", "its attendance rows"),
        ("person_id_b", "people.person_id of the second"),
        ("name_b", "its name"),
        ("appearances_b", "its attendance rows"),
        ("surname_similarity", "Jaro-Winkler similarity of the two surnames (1 = the same)"),
        ("shared_meetings", "meetings where both appear: above 0, they are two people"),
    ),
    """
WITH p AS (
  SELECT person_id, name, appearances,
         lower(split_part(name, ' ', 1)) AS first_name,
         lower(regexp_extract(name, '(\\S+)$', 1)) AS surname
  FROM people WHERE name LIKE '% %'
),
pairs AS (
  SELECT a.person_id AS person_id_a, a.name AS name_a, a.appearances AS appearances_a,
         b.person_id AS person_id_b, b.name AS name_b, b.appearances AS appearances_b,
         round(jaro_winkler_similarity(a.surname, b.surname), 3) AS surname_similarity
  FROM p a JOIN p b ON a.first_name = b.first_name AND a.person_id < b.person_id AND a.surname <> b.surname
  WHERE jaro_winkler_similarity(a.surname, b.surname) >= 0.9
)
SELECT pairs.*,
       (SELECT count(DISTINCT x.meeting_id) FROM attendance x JOIN attendance y USING (meeting_id)
        WHERE x.person_id = pairs.person_id_a AND y.person_id = pairs.person_id_b) AS shared_meetings
FROM pairs
""",
)

# Loaded documents the parser found odd: their rows are published, but a reader of a figure
# from them should know (a truncated page, a meeting without an attendee list).
DATA_QUALITY_PARSE_WARNINGS = View(
    "data_quality_parse_warnings",
    "One row per loaded document and warning code: how many times the parser warned, what it "
    "said, and where the document came from (the per-warning rows, with spans, are in parse_warnings).",
    (
        ("document_id", "documents.document_id"),
        ("source_uri", "where it came from: a URL or a file path"),
        ("adapter", "the layout adapter that parsed it"),
        ("meeting_id", "the meeting it was parsed into"),
        ("code", "the warning code, e.g. `truncated`, `no_attendees`"),
        ("warnings", "number of warnings of this code in the document"),
        ("messages", "the distinct messages, `; `-separated"),
    ),
    """
SELECT w.document_id, d.source_uri, d.adapter, d.meeting_id, w.code, count(*) AS warnings,
       string_agg(DISTINCT w.message, '; ' ORDER BY w.message) AS messages
FROM parse_warnings w LEFT JOIN documents d USING (document_id)
GROUP BY w.document_id, d.source_uri, d.adapter, d.meeting_id, w.code
""",
)

# Both kinds of data-quality problem in one list: a document that did not load at all, and a
# row that did not load while the rest of its document did.
DATA_QUALITY_ISSUES = View(
    "data_quality_issues",
    "Every data-quality problem, both kinds: one row per failed check of a quarantined document "
    "(`document quarantined`: nothing of it loaded) and one row per rejected row (`row rejected`: "
    "the rest of its document loaded).",
    (
        ("kind", "`document quarantined` or `row rejected`"),
        ("document_id", "documents.document_id"),
        ("source_uri", "where the document came from"),
        ("table_name", "for a rejected row, the table it would have gone to; NULL for a document"),
        ("row_key", "for a rejected row, its key in that table"),
        ("stage", "the stage whose check failed (`normalise_check` for rejected rows, `publish` for merged "
                  "attendance rows)"),
        ("check_name", "the check that failed"),
        ("reason", "readable reason"),
    ),
    """
SELECT 'document quarantined' AS kind, q.document_id, q.source_uri, CAST(NULL AS VARCHAR) AS table_name,
       CAST(NULL AS VARCHAR) AS row_key, q.stage, q.check_name, q.reason
FROM quarantine q
UNION ALL
SELECT 'row rejected' AS kind, r.document_id, d.source_uri, r.table_name, r.row_key,
       CASE WHEN r.check_name LIKE 'expect_%' THEN 'normalise_check' ELSE 'publish' END AS stage,
       r.check_name, r.reason
FROM rejected_rows r LEFT JOIN documents d USING (document_id)
""",
)

VIEWS: tuple[View, ...] = (ACTION_STATUS, ACTION_REGISTER, ATTENDANCE_SUMMARY, DECISION_LOG, MEETING_SUMMARY,
                           DATA_QUALITY_RUNS, DATA_QUALITY_QUARANTINE, DATA_QUALITY_PARSE_WARNINGS,
                           DATA_QUALITY_ISSUES, PEOPLE_REVIEW)


def create_view_sql(view: View) -> list[str]:
    stmts = [f'CREATE VIEW "{view.name}" AS {view.sql}',
             f"COMMENT ON VIEW \"{view.name}\" IS '{view.description.replace(chr(39), chr(39) * 2)}'"]
    for name, desc in view.columns:
        stmts.append(f"COMMENT ON COLUMN \"{view.name}\".\"{name}\" IS '{desc.replace(chr(39), chr(39) * 2)}'")
    return stmts
