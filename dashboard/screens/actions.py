"""Actions: the register filtered by body, owner, status and overdue; pick a row (or an action in
the list below it) to read the sentence it came from. ``?action=<action_key>`` opens one directly."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import charts
from dashboard.ui import multiselect_filter, published_caption, reader, selected_row, show_source, text_filter

COLUMNS = ["action_ref", "owner", "description", "due_date", "latest_status", "is_overdue", "days_overdue", "body",
           "raised_on", "closed_on", "days_open"]


def _label(row: pd.Series) -> str:
    ref = row.action_ref if pd.notna(row.action_ref) else "(no ref)"
    text = row.description if pd.notna(row.description) else f"reported {row.latest_status}"
    body = row.body if pd.notna(row.body) else "(body not stated)"
    return f"{ref} · {body} · {text[:90]}"


def render() -> None:
    r = reader()
    st.title("Actions")
    published_caption(r)
    df = r.query("SELECT * FROM action_register ORDER BY is_overdue DESC, due_date NULLS LAST, raised_on DESC")
    c1, c2, c3, c4 = st.columns([3, 3, 2, 2], vertical_alignment="bottom")
    with c1:
        df = multiselect_filter(df, "body", "Body", "actions_body")
    with c2:
        df = multiselect_filter(df, "owner", "Owner", "actions_owner")
    with c3:
        df = multiselect_filter(df, "latest_status", "Status", "actions_status")
    with c4:
        if st.toggle("Overdue only", key="actions_overdue"):
            df = df[df.is_overdue]
    df = text_filter(df, ["description", "action_ref", "owner"], st.text_input("Search", key="actions_search"))
    df = df.reset_index(drop=True)

    m1, m2, m3 = st.columns(3)
    m1.metric("Actions shown", len(df))
    m2.metric("Not closed", int((df.latest_status != "closed").sum()))
    m3.metric("Overdue", int(df.is_overdue.sum()))

    view = df[COLUMNS].copy()
    for col in ("raised_on", "due_date", "closed_on"):
        view[col] = pd.to_datetime(view[col]).dt.date
    event = st.dataframe(view, hide_index=True, width="stretch", on_select="rerun", selection_mode="single-row",
                         key="actions_table",
                         column_config={"description": st.column_config.TextColumn(width="large"),
                                        "is_overdue": st.column_config.CheckboxColumn("overdue")})
    _source_panel(r, df, selected_row(event, df))
    overdue = df[df.is_overdue].assign(owner=lambda d: d.owner.fillna("(no owner named)"))
    if not overdue.empty:
        by_owner = overdue.groupby("owner", as_index=False).size().rename(columns={"size": "overdue"})
        st.altair_chart(charts.bars_by(by_owner, "owner", "overdue", "Overdue actions by owner"), width="stretch")


def _source_panel(r, df: pd.DataFrame, picked: int | None) -> None:
    st.subheader("Source sentence")
    if df.empty:
        st.info("No actions match the filters.")
        return
    keys = list(df.action_key)
    wanted = st.query_params.get("action")
    index = picked if picked is not None else (keys.index(wanted) if wanted in keys else None)
    labels = dict(zip(keys, (_label(row) for _, row in df.iterrows()), strict=True))
    key = st.selectbox("Action", keys, index=index, format_func=labels.get, placeholder="Pick an action, or a "
                       "row in the table above", key=f"actions_pick_{index}")
    if key is None:
        return
    row = df[df.action_key == key].iloc[0]
    st.query_params["action"] = key
    facts = [f"**Owner:** {row.owner}" if pd.notna(row.owner) else "**Owner:** not named",
             f"**Status:** {row.latest_status}" + (" — **overdue**" if row.is_overdue else ""),
             f"**Due:** {row.due_date:%d %B %Y}" if pd.notna(row.due_date) else "**Due:** not stated"]
    st.markdown(" · ".join(facts))
    if row.source_kind == "reported":
        st.caption("Raised before the warehouse begins: this is its latest report.")
    show_source(r, row.document_id, row.char_start, row.char_end, row.source_meeting_id)
