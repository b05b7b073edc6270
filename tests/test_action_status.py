"""Actions followed across meetings: raised in one sample meeting, closed in a later one."""

from __future__ import annotations

from datetime import date

import pytest

from flows.pipeline import run_plain
from flows.settings import SAMPLES_DIR, Settings
from tests.conftest import table_rows


@pytest.fixture(scope="module")
def samples_db(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("status")
    return run_plain(Settings(source_dir=SAMPLES_DIR, warehouse_dir=tmp / "wh", state_dir=tmp / "state"),
                     with_checks=False).db_path


def _status(db, ref):
    rows = table_rows(db, f"""SELECT raised_on, latest_status, closed_on, days_open, due_date, is_overdue,
                                     raised_in_warehouse, updates, owner_person_id
                              FROM action_status WHERE action_ref = '{ref}'""")
    assert len(rows) == 1, rows
    return rows[0]


def test_action_raised_then_closed_at_a_later_meeting(samples_db):
    # samples/kent-board-2026-01-20 raises 3/26 (due at the Away Day on 17 February);
    # samples/kent-board-2026-02-03 reports it CLOSED.
    raised, status, closed, days, due, overdue, in_wh, updates, owner = _status(samples_db, "3/26")
    assert (raised, status, closed, days) == (date(2026, 1, 20), "closed", date(2026, 2, 3), 14)
    assert due == date(2026, 2, 17)
    assert overdue is False and in_wh is True and updates == 1
    assert owner == "person/daniel-okafor"


def test_action_carried_forward_stays_open_and_counts_days_to_today(samples_db):
    raised, status, closed, days, due, overdue, in_wh, updates, owner = _status(samples_db, "4/26")
    assert status == "carried_forward" and closed is None
    assert days == (date.today() - date(2026, 1, 20)).days
    assert owner == "person/priya-raman"


def test_report_of_an_action_raised_before_the_warehouse_is_kept_and_flagged(samples_db):
    raised, status, closed, days, due, overdue, in_wh, updates, owner = _status(samples_db, "41/25")
    assert in_wh is False and raised is None and status == "closed"
    assert closed == date(2026, 1, 20)
