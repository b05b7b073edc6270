"""Altair charts for the pages: built from plain DataFrames, no Streamlit here.

>>> import pandas as pd
>>> df = pd.DataFrame({"quarter": ["2026-Q1", "2026-Q1"], "body": ["A", "B"], "meetings": [3, 1]})
>>> counts_per_quarter(df, "meetings", "body", "Meetings").to_dict()["mark"]["type"]
'bar'
"""

from __future__ import annotations

import altair as alt
import pandas as pd

# Streamlit fits the whole chart (axes and legend included) into the spec's height, so the
# height grows with what the legend must list.
HEIGHT = 240
LEGEND_ROW = 22


def _height(df: pd.DataFrame, colour: str) -> int:
    return HEIGHT + LEGEND_ROW * (df[colour].nunique() + 1)


def counts_per_quarter(df: pd.DataFrame, value: str, colour: str, title: str) -> alt.Chart:
    """Stacked bars: ``value`` per ``quarter``, coloured by ``colour`` (body, kind, ...)."""
    return (
        alt.Chart(df, title=title, height=_height(df, colour))
        .mark_bar()
        .encode(
            x=alt.X("quarter:N", title=None, sort="ascending", axis=alt.Axis(labelAngle=0)),
            y=alt.Y(f"{value}:Q", title=None, axis=alt.Axis(tickMinStep=1, format="d")),
            color=alt.Color(f"{colour}:N", title=colour.replace("_", " ").capitalize(),
                            legend=alt.Legend(orient="bottom", columns=1, labelLimit=400)),
            tooltip=["quarter", colour, value],
        )
    )


def raised_and_closed(df: pd.DataFrame) -> alt.Chart:
    """Actions raised vs reported closed per quarter (grouped bars). ``df``: quarter, measure, actions."""
    return (
        alt.Chart(df, title="Actions raised and closed per quarter", height=HEIGHT + 2 * LEGEND_ROW)
        .mark_bar()
        .encode(
            x=alt.X("quarter:N", title=None, axis=alt.Axis(labelAngle=0)),
            xOffset="measure:N",
            y=alt.Y("actions:Q", title=None, axis=alt.Axis(tickMinStep=1, format="d")),
            color=alt.Color("measure:N", title=None, legend=alt.Legend(orient="bottom")),
            tooltip=["quarter", "measure", "actions"],
        )
    )


def bars_by(df: pd.DataFrame, label: str, value: str, title: str) -> alt.Chart:
    """Horizontal bars, longest first (e.g. overdue actions per owner)."""
    return (
        alt.Chart(df, title=title, height=90 + 32 * len(df))
        .mark_bar()
        .encode(
            y=alt.Y(f"{label}:N", sort="-x", title=None, axis=alt.Axis(labelLimit=320)),
            x=alt.X(f"{value}:Q", title=None, axis=alt.Axis(tickMinStep=1, format="d")),
            tooltip=[label, value],
        )
    )


def rate_over_time(df: pd.DataFrame) -> alt.Chart:
    """Attendance rate per quarter, one line per person. ``df``: quarter_start, quarter, name, rate."""
    return (
        alt.Chart(df, title="Attendance rate per quarter",
                  height=HEIGHT + 80 + LEGEND_ROW * ((df["name"].nunique() + 2) // 3))
        .mark_line(point=True)
        .encode(
            x=alt.X("quarter_start:T", title="Quarter", axis=alt.Axis(format="%Y Q%q", tickCount="month")),
            y=alt.Y("rate:Q", title="Attended / meetings held", scale=alt.Scale(domain=[0, 1]),
                    axis=alt.Axis(format="%")),
            color=alt.Color("name:N", title="Person", legend=alt.Legend(orient="bottom", columns=3)),
            tooltip=["name", "quarter", alt.Tooltip("rate:Q", format=".0%"), "attended", "meetings_held"],
        )
    )
