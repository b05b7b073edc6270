"""One meeting published twice is one meeting row; ranks join to their reference table."""

from __future__ import annotations

import pytest

from flows.pipeline import run_plain
from flows.settings import SAMPLES_DIR, Settings
from tests.conftest import table_rows
from transforms.ranks import rank_table


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("link")
    return run_plain(Settings(source_dir=SAMPLES_DIR, warehouse_dir=tmp / "wh", state_dir=tmp / "state"),
                     with_checks=False).db_path


def test_the_same_meeting_as_text_and_pdf_is_one_meeting_both_documents_point_at_it(db):
    # samples/kent-board-2026-02-03.txt and .pdf are the same meeting
    docs = table_rows(db, """SELECT source_uri, meeting_id, is_primary FROM documents
                             WHERE source_uri LIKE '%kent-board-2026-02-03%' ORDER BY source_uri""")
    assert [d[0].rsplit(".", 1)[1] for d in docs] == ["pdf", "txt"]
    assert docs[0][1] == docs[1][1] == "kent-police-chief-officer-s-management-board-strategic/2026-02-03"
    assert sorted(d[2] for d in docs) == [False, True]  # one of them supplies the rows
    assert table_rows(db, f"SELECT count(*) FROM meetings WHERE meeting_id = '{docs[0][1]}'") == [(1,)]
    # its attendance is listed once, not once per document
    assert table_rows(db, f"""SELECT count(*), count(DISTINCT person_id) FROM attendance
                              WHERE meeting_id = '{docs[0][1]}'""") == [(6, 6)]


def test_attendance_ranks_join_the_reference_table_with_acting_and_temporary_forms(db):
    rows = table_rows(db, """SELECT a.rank, r.rank_code, r.base_rank_code, r.is_acting, r.is_temporary,
                                    r.is_police_officer
                             FROM attendance a JOIN ranks r USING (rank_code) WHERE a.name = 'Ruth Kimber'""")
    assert rows == [("A/ACC", "A/ACC", "ACC", True, False, True)]
    unknown = table_rows(db, """SELECT count(*) FROM attendance
                                WHERE rank_code IS NOT NULL AND rank_code NOT IN (SELECT rank_code FROM ranks)""")
    assert unknown == [(0,)]
    staff = table_rows(db, "SELECT DISTINCT r.is_police_staff FROM attendance a JOIN ranks r USING (rank_code) "
                           "WHERE a.rank = 'PSE'")
    assert staff == [(True,)]


def test_rank_codes_are_unique():
    codes = [r["rank_code"] for r in rank_table()]
    assert len(codes) == len(set(codes))
