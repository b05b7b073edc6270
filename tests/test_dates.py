"""Dates as minutes write them: what is a date, what only looks like one."""

from datetime import date

import pytest

from transforms.text.dates import find_dates, parse_date


@pytest.mark.parametrize("text, expected", [
    ("Tuesday 8 October 2024", date(2024, 10, 8)),
    ("27/09/2017", date(2017, 9, 27)),
    ("27.09.17", date(2017, 9, 27)),
    ("Date:14/03/2024", date(2024, 3, 14)),
    ("27/09/98", date(1998, 9, 27)),      # two-digit years pivot: 98 is 1998, not 2098
    ("01/02/69", date(2069, 2, 1)),
    ("01/02/70", date(1970, 2, 1)),
])
def test_dates_read(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", [
    "10.30-12.00",              # a time range, not 30 December 2000
    "Time: 10.30-12.00 hrs",
    "version 1.2.3.4",
    "27/09-2017",               # two different separators
])
def test_not_dates(text):
    assert find_dates(text) == []


def test_time_range_beside_a_date_keeps_only_the_date():
    assert [d for d, _, _ in find_dates("Held 10.30-12.00 on 3/4/2021")] == [date(2021, 4, 3)]
