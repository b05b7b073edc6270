"""Decisions: search the decision log by words, filter by body, kind and quarter, read the source."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import charts
from dashboard.ui import multiselect_filter, published_caption, reader, selected_row, show_source, text_filter


def render() -> None:
    r = reader()
    st.title("Decisions")
    published_caption(r)
    df = r.query("SELECT * FROM decision_log ORDER BY meeting_date DESC NULLS LAST, body, char_start")
    words = st.text_input("Search decisions", key="decisions_search", placeholder="e.g. budget approved")
    c1, c2, c3 = st.columns([3, 2, 2])
    with c1:
        df = multiselect_filter(df, "body", "Body", "decisions_body")
    with c2:
        df = multiselect_filter(df, "kind", "Kind", "decisions_kind")
    with c3:
        df = multiselect_filter(df, "quarter", "Quarter", "decisions_quarter")
    df = text_filter(df, ["text", "item_title"], words).reset_index(drop=True)
    st.metric("Decisions found", len(df))
    view = df[["meeting_date", "body", "item_number", "item_title", "kind", "text"]].copy()
    view["meeting_date"] = pd.to_datetime(view.meeting_date).dt.date
    event = st.dataframe(view, hide_index=True, width="stretch", on_select="rerun", selection_mode="single-row",
                         key="decisions_table",
                         column_config={"text": st.column_config.TextColumn("decision", width="large")})
    picked = selected_row(event, df)
    if picked is not None:
        st.subheader("Source sentence")
        row = df.iloc[picked]
        show_source(r, row.document_id, row.char_start, row.char_end, row.meeting_id)
    else:
        st.caption("Pick a row to read the sentence it came from.")
    per_quarter = df.dropna(subset=["quarter"]).groupby(["quarter", "kind"], as_index=False).size()
    if not per_quarter.empty:
        st.altair_chart(charts.counts_per_quarter(per_quarter.rename(columns={"size": "decisions"}), "decisions",
                                                  "kind", "Decisions found, per quarter"), width="stretch")
