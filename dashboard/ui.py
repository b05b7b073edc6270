"""Streamlit helpers shared by the pages: the reader, filters, figures and the source panel."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

import pandas as pd
import streamlit as st

from dashboard.data import WarehouseMissing, WarehouseReader, warehouse_dir_from_env
from dashboard.source import is_web_address, source_excerpt

SOURCE_CSS = """
<style>
.minutes-source { font-family: Georgia, serif; line-height: 1.6; padding: .8rem 1rem;
                  border-left: 4px solid #c9a227; background: #faf8f0; border-radius: 4px; }
.minutes-source mark { background: #ffe066; padding: 0 .15rem; }
</style>
"""


@st.cache_resource
def _reader_for(path: str) -> WarehouseReader:
    return WarehouseReader(path)


def reader() -> WarehouseReader:
    """The process-wide reader of the warehouse this app serves; stops the page when none is published."""
    r = _reader_for(str(warehouse_dir_from_env()))
    try:
        r.version()
    except WarehouseMissing as exc:
        st.warning(f"{exc}. This page will show it once a warehouse is published (reload the page).")
        st.stop()
    return r


def published_caption(r: WarehouseReader) -> None:
    at = datetime.fromtimestamp(r.db_path.stat().st_mtime).strftime("%Y-%m-%d %H:%M")
    st.caption(f"Warehouse `{r.warehouse_dir}`, published {at}. Figures are as of today.")


def multiselect_filter(df: pd.DataFrame, column: str, label: str, key: str,
                       default: Sequence[str] = ()) -> pd.DataFrame:
    """A multiselect over the column's values; nothing chosen means no filter."""
    options = sorted(v for v in df[column].dropna().unique())
    chosen = st.multiselect(label, options, default=[d for d in default if d in options], key=key,
                            placeholder="All")
    return df[df[column].isin(chosen)] if chosen else df


def text_filter(df: pd.DataFrame, columns: Sequence[str], text: str) -> pd.DataFrame:
    """Rows where any of ``columns`` contains every word of ``text`` (case-insensitive)."""
    words = text.lower().split()
    if not words:
        return df
    haystack = df[list(columns)].fillna("").astype(str).agg(" ".join, axis=1).str.lower()
    mask = pd.Series(True, index=df.index)
    for w in words:
        mask &= haystack.str.contains(w, regex=False)
    return df[mask]


def as_percent(rate: float | None) -> str:
    """A rate as a percentage with one decimal, as the pages show it.

    >>> as_percent(2 / 3), as_percent(None)
    ('66.7%', '–')
    """
    return "–" if rate is None or pd.isna(rate) else f"{rate:.1%}"


def selected_row(event, df: pd.DataFrame) -> int | None:
    """Position in ``df`` of the row picked in an ``st.dataframe(on_select=...)``, if any."""
    rows = list(getattr(getattr(event, "selection", None), "rows", []) or [])
    return rows[0] if rows and rows[0] < len(df) else None


def show_source(r: WarehouseReader, document_id: str | None, start: int | None, end: int | None,
                meeting_id: str | None = None) -> None:
    """The highlighted source sentence with its meeting and a link to the original document."""
    if not document_id or start is None or pd.isna(start):
        st.info("No source span recorded for this row.")
        return
    doc = r.query("""SELECT d.source_uri, t.text, m.body, m.meeting_date
                     FROM documents d LEFT JOIN document_text t USING (document_id)
                     LEFT JOIN meetings m ON m.meeting_id = coalesce(?, d.meeting_id)
                     WHERE d.document_id = ?""", (meeting_id, document_id))
    if doc.empty or doc.text.isna().all():
        st.info("The source text of this row is not in the warehouse.")
        return
    row = doc.iloc[0]
    when = row.meeting_date.strftime("%d %B %Y") if pd.notna(row.meeting_date) else "date not stated"
    st.markdown(f"**{row.body if pd.notna(row.body) else 'Body not stated'}**, {when} "
                f"· characters {int(start)}–{int(end)}")
    st.markdown(SOURCE_CSS + source_excerpt(row.text, int(start), int(end)).html(), unsafe_allow_html=True)
    if is_web_address(row.source_uri):
        st.link_button("Open the original page", row.source_uri)
    else:
        st.caption(f"Source file: `{row.source_uri}`")
