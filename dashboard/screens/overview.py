"""Overview: headline figures and trends (meetings, actions open and overdue, decisions per quarter),
and what was decided in a chosen quarter."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import charts
from dashboard.ui import published_caption, reader

BODIES_COLOURED = 10
HEADLINE_SQL = """
SELECT (SELECT count(*) FROM meetings) AS meetings,
       (SELECT count(*) FROM decisions) AS decisions,
       (SELECT count(*) FROM action_register WHERE latest_status <> 'closed') AS open_actions,
       (SELECT count(*) FROM action_register WHERE is_overdue) AS overdue_actions,
       (SELECT count(*) FROM documents WHERE status = 'quarantined') AS quarantined
"""


def render() -> None:
    r = reader()
    st.title("Police governance minutes")
    published_caption(r)
    h = r.query(HEADLINE_SQL).iloc[0]
    cols = st.columns(5)
    cols[0].metric("Meetings", int(h.meetings))
    cols[1].metric("Decisions", int(h.decisions))
    cols[2].metric("Open actions", int(h.open_actions))
    cols[3].metric("Overdue actions", int(h.overdue_actions))
    cols[4].metric("Quarantined documents", int(h.quarantined))

    meetings = r.query("""SELECT quarter, coalesce(body, '(body not stated)') AS body, count(*) AS meetings
                          FROM meeting_summary WHERE quarter IS NOT NULL GROUP BY ALL ORDER BY quarter""")
    meetings = _top_bodies(meetings)
    decisions = r.query("""SELECT quarter, kind, count(*) AS decisions FROM decision_log
                           WHERE quarter IS NOT NULL GROUP BY ALL ORDER BY quarter""")
    left, right = st.columns(2)
    if not meetings.empty:
        left.altair_chart(charts.counts_per_quarter(meetings, "meetings", "body", "Meetings per quarter"),
                          width="stretch")
    if not decisions.empty:
        right.altair_chart(charts.counts_per_quarter(decisions, "decisions", "kind", "Decisions per quarter"),
                           width="stretch")
    actions = r.query("""SELECT quarter, 'raised' AS measure, sum(actions_raised) AS actions FROM meeting_summary
                         WHERE quarter IS NOT NULL GROUP BY ALL
                         UNION ALL
                         SELECT quarter, 'reported closed', sum(actions_closed) FROM meeting_summary
                         WHERE quarter IS NOT NULL GROUP BY ALL ORDER BY 1""")
    left, right = st.columns(2)
    if not actions.empty and actions.actions.sum() > 0:
        left.altair_chart(charts.raised_and_closed(actions), width="stretch")
    status = r.query("""SELECT CASE WHEN is_overdue THEN 'overdue' ELSE latest_status END AS status,
                               count(*) AS actions FROM action_register GROUP BY ALL""")
    if not status.empty:
        right.altair_chart(charts.bars_by(status, "status", "actions", "Actions by latest status"),
                           width="stretch")
    _decided_in_quarter(r)


def _top_bodies(meetings: pd.DataFrame, keep: int = BODIES_COLOURED) -> pd.DataFrame:
    """Bodies beyond the ``keep`` with most meetings become one "other bodies" colour: a legend
    of forty bodies helps nobody."""
    top = meetings.groupby("body").meetings.sum().nlargest(keep).index
    lumped = meetings.assign(body=meetings.body.where(meetings.body.isin(top), "(other bodies)"))
    return lumped.groupby(["quarter", "body"], as_index=False).meetings.sum()


def _decided_in_quarter(r) -> None:
    quarters = r.query("SELECT DISTINCT quarter FROM decision_log WHERE quarter IS NOT NULL ORDER BY quarter DESC")
    if quarters.empty:
        return
    st.subheader("What was decided")
    quarter = st.selectbox("Quarter", list(quarters.quarter), index=0, key="overview_quarter",
                           help="Latest quarter with decisions first")
    decided = r.query("""SELECT meeting_date, body, kind, text FROM decision_log WHERE quarter = ?
                         ORDER BY meeting_date DESC, body""", (quarter,))
    decided["meeting_date"] = pd.to_datetime(decided.meeting_date).dt.date
    st.dataframe(decided, hide_index=True, width="stretch",
                 column_config={"text": st.column_config.TextColumn("decision", width="large")})
