"""Attendance: per body, a person x meeting grid, each person's attendance rate, and rates over time."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import charts
from dashboard.ui import as_percent, published_caption, reader

# What a grid cell says about one person at one meeting; empty when the minutes do not list them.
MARKS = {"present": "✔", "apologies": "apologies", "absent": "absent"}
LINES_SHOWN = 8  # people drawn in the rates chart unless chosen: more lines are unreadable


def _mark(row: pd.Series) -> str:
    mark = MARKS.get(row.status, row.status)
    extras = [w for w, flag in (("remote", row.remote), ("rep", row.is_representative), ("part", row.partial))
              if flag]
    return " ".join([mark, *extras])


def render() -> None:
    r = reader()
    st.title("Attendance")
    published_caption(r)
    summary = r.query("SELECT * FROM attendance_summary WHERE body IS NOT NULL")
    if summary.empty:
        st.info("No attendance recorded yet.")
        return
    c1, c2 = st.columns([2, 3])
    body = c1.selectbox("Body", sorted(summary.body.unique()), key="attendance_body")
    summary = summary[summary.body == body]
    quarters = sorted(summary.quarter.dropna().unique())
    chosen = c2.multiselect("Quarters", quarters, key="attendance_quarters", placeholder="All")
    if chosen:
        summary = summary[summary.quarter.isin(chosen)]

    _person_rate(summary)
    _grid(r, body, chosen)
    _rates_chart(summary)
    st.subheader("Per person and quarter")
    st.dataframe(summary.drop(columns=["person_id", "body", "quarter_start"]).sort_values(["quarter", "name"]),
                 hide_index=True, width="stretch",
                 column_config={"attendance_rate": st.column_config.NumberColumn(format="percent")})


def _person_rate(summary: pd.DataFrame) -> None:
    people = summary.groupby("name", as_index=False)[["attended", "meetings_held"]].sum()
    person = st.selectbox("Person", sorted(people.name), key="attendance_person")
    row = people[people.name == person].iloc[0]
    c1, c2, c3 = st.columns(3)
    c1.metric("Attendance rate", as_percent(row.attended / row.meetings_held),
              help="Meetings attended / meetings the body held in the quarters shown")
    c2.metric("Meetings attended", int(row.attended))
    c3.metric("Meetings held", int(row.meetings_held))


def _grid(r, body: str, quarters: list[str]) -> None:
    rows = r.query("""SELECT a.meeting_id, m.meeting_date, p.name, a.status, a.remote, a.is_representative, a.partial,
                             CASE WHEN m.meeting_date IS NOT NULL
                                  THEN strftime(m.meeting_date, '%Y') || '-Q' || quarter(m.meeting_date) END AS quarter
                      FROM attendance a JOIN meetings m USING (meeting_id) LEFT JOIN people p USING (person_id)
                      WHERE m.body = ?""", (body,))
    if quarters:
        rows = rows[rows.quarter.isin(quarters)]
    if rows.empty:
        return
    st.subheader("Who attended which meeting")
    rows["meeting"] = pd.to_datetime(rows.meeting_date).dt.strftime("%Y-%m-%d").fillna(rows.meeting_id)
    rows["mark"] = rows.apply(_mark, axis=1)
    grid = rows.pivot_table(index="name", columns="meeting", values="mark", aggfunc="first", fill_value="")
    grid = grid.reindex(sorted(grid.columns), axis=1)
    st.dataframe(grid, width="stretch", height=min(35 * (len(grid) + 1) + 3, 700))
    st.caption("✔ present · remote: joined remotely · rep: attended on someone's behalf · part: part of the "
               "meeting · blank: not listed in the minutes")


def _rates_chart(summary: pd.DataFrame) -> None:
    dated = summary.dropna(subset=["quarter"])
    if dated.empty:
        return
    busiest = dated.groupby("name").attended.sum().sort_values(ascending=False).index[:LINES_SHOWN]
    names = st.multiselect("People in the chart", sorted(dated.name.unique()), default=sorted(busiest),
                           key="attendance_chart_people")
    data = dated[dated.name.isin(names)].assign(rate=lambda d: d.attendance_rate)
    if not data.empty:
        st.altair_chart(charts.rate_over_time(data), width="stretch")
