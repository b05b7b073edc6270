"""Analytical views, defined once here: SQL plus a description of every column.

They are created in the published DuckDB file and documented in the data dictionary.
"as of" dates use ``current_date`` at query time, so "overdue" is always today's answer.
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

VIEWS: tuple[View, ...] = (ACTION_STATUS,)


def create_view_sql(view: View) -> list[str]:
    stmts = [f'CREATE VIEW "{view.name}" AS {view.sql}',
             f"COMMENT ON VIEW \"{view.name}\" IS '{view.description.replace(chr(39), chr(39) * 2)}'"]
    for name, desc in view.columns:
        stmts.append(f"COMMENT ON COLUMN \"{view.name}\".\"{name}\" IS '{desc.replace(chr(39), chr(39) * 2)}'")
    return stmts
