"""Dates and times written the ways minutes write them.

    >>> from datetime import date
    >>> long_date(date(2026, 1, 20))
    'Tuesday 20 January 2026'
    >>> panel_date(date(2025, 10, 7))
    'Tuesday, 7th October, 2025'
    >>> day_month(date(2026, 2, 17))
    '17 February'
"""

from __future__ import annotations

from datetime import date, timedelta

DAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
MONTHS = "January February March April May June July August September October November December".split()


def long_date(d: date) -> str:
    return f"{DAYS[d.weekday()]} {d.day} {MONTHS[d.month - 1]} {d.year}"


def comma_date(d: date) -> str:
    """'Wednesday, 12 November 2025' (commissioners' notes)."""
    return f"{DAYS[d.weekday()]}, {d.day} {MONTHS[d.month - 1]} {d.year}"


def plain_date(d: date) -> str:
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


def day_month(d: date) -> str:
    return f"{d.day} {MONTHS[d.month - 1]}"


def ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def panel_date(d: date) -> str:
    return f"{DAYS[d.weekday()]}, {ordinal(d.day)} {MONTHS[d.month - 1]}, {d.year}"


def slash_date(d: date) -> str:
    return f"{d.day:02d}/{d.month:02d}/{d.year}"


def hhmm(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def am_pm(minutes: int) -> str:
    """600 -> '10.00 am', 870 -> '2.30 pm'."""
    h, m = divmod(minutes, 60)
    return f"{(h - 1) % 12 + 1}.{m:02d} {'am' if h < 12 else 'pm'}"


def next_weekday(d: date, weekday: int) -> date:
    return d + timedelta(days=(weekday - d.weekday()) % 7)


def outside_holidays(d: date, step: timedelta) -> date:
    """``d``, or ``d`` moved on by ``step`` until it is clear of the Christmas break.

    >>> outside_holidays(date(2025, 12, 23), timedelta(days=14))
    datetime.date(2026, 1, 6)
    """
    while (d.month, d.day) >= (12, 22) or (d.month, d.day) <= (1, 2):
        d += step
    return d
