"""The Streamlit script: page navigation. Served by ``minutes dashboard`` (see dashboard/server.py)."""

from __future__ import annotations

from collections.abc import Callable

import duckdb
import streamlit as st

from dashboard.screens import actions, attendance, decisions, overview, quality


def _explained(render: Callable[[], None]) -> Callable[[], None]:
    """A page that says what to do when the warehouse predates a view the page reads."""
    def page() -> None:
        try:
            render()
        except duckdb.CatalogException as exc:
            st.error("This warehouse was published by an older version of the pipeline and lacks a table or "
                     "view this page reads. Run `minutes run` again to rebuild it.\n\n"
                     f"`{str(exc).splitlines()[0]}`")

    page.__name__ = render.__module__.rsplit(".", 1)[-1]
    return page


st.set_page_config(page_title="Minutes dashboard", page_icon=":material/description:", layout="wide")

PAGES = [
    st.Page(_explained(overview.render), title="Overview", icon=":material/dashboard:", default=True),
    st.Page(_explained(actions.render), title="Actions", icon=":material/task_alt:", url_path="actions"),
    st.Page(_explained(attendance.render), title="Attendance", icon=":material/groups:", url_path="attendance"),
    st.Page(_explained(decisions.render), title="Decisions", icon=":material/gavel:", url_path="decisions"),
    st.Page(_explained(quality.render), title="Data quality", icon=":material/fact_check:", url_path="quality"),
]

st.navigation(PAGES).run()
