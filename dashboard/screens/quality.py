"""Data quality: the last runs, the quarantined documents with their reasons, and the Great
Expectations Data Docs of the latest published run (served by the dashboard at /data-docs/)."""

from __future__ import annotations

import streamlit as st

from dashboard.ui import published_caption, reader

DATA_DOCS_URL = "/data-docs/index.html"


def render() -> None:
    r = reader()
    st.title("Data quality")
    published_caption(r)
    counts = r.query("""SELECT count(*) FILTER (WHERE status = 'loaded') AS loaded,
                               count(*) FILTER (WHERE status = 'quarantined') AS quarantined FROM documents""").iloc[0]
    runs = r.query("SELECT * FROM data_quality_runs ORDER BY run_id DESC LIMIT 50")
    c1, c2, c3 = st.columns(3)
    c1.metric("Documents loaded", int(counts.loaded))
    c2.metric("Documents quarantined", int(counts.quarantined))
    c3.metric("Latest run", runs.outcome.iloc[0] if not runs.empty else "no run log")

    if (r.warehouse_dir / "data-docs" / "index.html").exists():
        st.link_button("Open the quality report (Great Expectations Data Docs)", DATA_DOCS_URL)
    else:
        st.caption("No Great Expectations Data Docs in this warehouse (the run skipped the checks).")

    st.subheader("Quarantined documents")
    quarantine = r.query("SELECT * FROM data_quality_quarantine ORDER BY first_quarantined_at DESC, source_uri")
    if quarantine.empty:
        st.success("No document is quarantined.")
    else:
        st.dataframe(quarantine.drop(columns=["document_id"]), hide_index=True, width="stretch",
                     column_config={"reasons": st.column_config.TextColumn(width="large")})

    st.subheader("Last runs")
    if runs.empty:
        st.info("No runs recorded in this warehouse yet.")
    else:
        st.dataframe(runs, hide_index=True, width="stretch")
