"""The quality gates with real Great Expectations (imported once for this module).

Every frame here is invented: short fake document ids, made-up bodies and people.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from expectations import Checker, Failure
from expectations.suites import ACTION_REF_PATTERN, extract_suites, normalise_suites, publish_suites
from warehouse.schema import BY_NAME

TODAY = date(2025, 6, 1)  # so dates up to 2026-12-31 are fine
DOC_A, DOC_B, DOC_C = "a" * 64, "b" * 64, "c" * 64


@pytest.fixture(scope="module")
def docs_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("gx") / "data-docs"


@pytest.fixture(scope="module")
def checker(docs_dir) -> Checker:
    return Checker(docs_dir, today=TODAY)


# --- invented rows ---------------------------------------------------------------------------

def extract_frame(**overrides) -> pd.DataFrame:
    rows = [
        {"document_id": DOC_A, "source_uri": "https://example.org/minutes/a", "format": "html",
         "char_count": 5200, "error_page_reason": None, "replacement_char_share": 0.0},
        {"document_id": DOC_B, "source_uri": "/data/b.pdf", "format": "pdf",
         "char_count": 880, "error_page_reason": None, "replacement_char_share": 0.001},
    ]
    rows[1].update(overrides)
    return pd.DataFrame(rows)


def _span(doc: str, start: int = 0, end: int = 10) -> dict:
    return {"document_id": doc, "char_start": start, "char_end": end}


def fact_tables() -> dict[str, pd.DataFrame]:
    """A clean batch of two documents (B describes the same meeting as A)."""
    meeting = {"meeting_id": "example-board/2024-10-08", "body": "Example Board", "organisation": "Example Police",
               "meeting_date": date(2024, 10, 8), "start_time": "10:00", "end_time": None, "venue": "Room 1",
               "next_meeting_date": date(2024, 11, 12), "body_missing": False, "adapter": "generic"}
    flags = dict(is_chair=False, is_minute_taker=False, is_observer=False, is_representative=False,
                 remote=False, partial=False)
    person = {"meeting_id": "example-board/2024-10-08", "rank": "CC", "rank_code": "CC", "role": None,
              "organisation": None, "note": None}
    return {
        "meetings": pd.DataFrame([{**meeting, **_span(DOC_A)}, {**meeting, **_span(DOC_B)}]),
        "attendance": pd.DataFrame([
            {**person, **flags, "attendance_id": "att1", "person_id": "person/jo-bloggs", "name": "Jo Bloggs",
             "status": "present", **_span(DOC_A, 20, 35)},
            {**person, **flags, "attendance_id": "att2", "person_id": "person/sam-doe", "name": "Sam Doe",
             "status": "apologies", **_span(DOC_B, 40, 52)},
        ]),
        "agenda_items": pd.DataFrame([{"agenda_item_id": "item1", "meeting_id": "example-board/2024-10-08",
                                       "item_number": "8a", "title": "Budget", **_span(DOC_A, 60, 75)}]),
        "actions": pd.DataFrame([
            {"action_id": "act1", "meeting_id": "example-board/2024-10-08", "action_ref": "12/24",
             "owner": "Jo Bloggs", "owner_person_id": None, "description": "Circulate the plan",
             "due_date": date(2024, 12, 1), "status_when_raised": None, "item_number": "8a",
             **_span(DOC_A, 80, 120)},
            {"action_id": "act2", "meeting_id": "example-board/2024-10-08", "action_ref": None,
             "owner": "OPCC", "owner_person_id": None, "description": "Report back",
             "due_date": None, "status_when_raised": None, "item_number": None, **_span(DOC_B, 80, 99)},
        ]),
        "action_updates": pd.DataFrame([{"action_update_id": "upd1", "meeting_id": "example-board/2024-10-08",
                                         "action_ref": "9/24", "status": "closed", "status_as_written": "CLOSED",
                                         **_span(DOC_A, 130, 150)}]),
        "decisions": pd.DataFrame([{"decision_id": "dec1", "meeting_id": "example-board/2024-10-08",
                                    "item_number": "8a", "kind": "resolution", "text": "RESOLVED that ...",
                                    **_span(DOC_B, 160, 190)}]),
    }


def with_row(tables: dict[str, pd.DataFrame], table: str, **changes) -> dict[str, pd.DataFrame]:
    """The clean batch plus one copy of the table's first row, changed, from document C."""
    row = {**tables[table].iloc[0].to_dict(), "document_id": DOC_C, **changes}
    return {**tables, table: pd.concat([tables[table], pd.DataFrame([row])], ignore_index=True)}


def final_tables() -> dict[str, pd.DataFrame]:
    facts = fact_tables()
    documents = pd.DataFrame([
        {"document_id": DOC_A, "source_uri": "a", "meeting_id": "example-board/2024-10-08", "status": "loaded",
         "format": "html", "encoding": "utf-8", "adapter": "generic", "byte_size": 100, "char_count": 90,
         "truncated": False, "is_primary": True, "source_modified": None, "parser_version": "v1",
         "document_kind": "minutes", "document_kind_cue": "a Present: list"},
        {"document_id": DOC_C, "source_uri": "c", "meeting_id": None, "status": "quarantined",
         "format": "html", "encoding": "utf-8", "adapter": None, "byte_size": 10, "char_count": 3,
         "truncated": False, "is_primary": False, "source_modified": None, "parser_version": "v1",
         "document_kind": None, "document_kind_cue": None},
    ])
    quarantine = pd.DataFrame([{"document_id": DOC_C, "source_uri": "c", "stage": "extract_check",
                                "check_name": "expect_column_values_to_be_between(char_count>=40)",
                                "reason": "too short", "quarantined_at": pd.Timestamp("2025-06-01")}])
    people = pd.DataFrame([{"person_id": "person/jo-bloggs", "name": "Jo Bloggs", "latest_rank": "CC",
                            "appearances": 1}])
    return {**facts, "meetings": facts["meetings"].iloc[:1], "documents": documents,
            "quarantine": quarantine, "people": people}


def only(failures: list[Failure], check_name: str, table: str | None = None) -> Failure:
    found = [f for f in failures if f.check_name == check_name and (table is None or f.table == table)]
    assert len(found) == 1, f"expected one {check_name} failure in {failures}"
    return found[0]


# --- suites as data (no GX) ------------------------------------------------------------------

def test_check_names_are_unique_within_each_suite():
    for suites in (extract_suites(), normalise_suites(TODAY), publish_suites()):
        for suite in suites.values():
            names = [c.name for c in suite.checks]
            assert len(names) == len(set(names)), suite.name


@pytest.mark.parametrize("ref", ["35/24", "17/2022", "683a", "PCP 1/21", "398", "A12", "3.2", "12/24a"])
def test_action_ref_pattern_accepts_published_forms(ref):
    assert re.search(ACTION_REF_PATTERN, ref)


@pytest.mark.parametrize("ref", ["", "Action 35/24 was closed", "The Chief Constable to report back",
                                 "35/24 and 36/24", "ACTION", "12345678"])
def test_action_ref_pattern_rejects_sentences(ref):
    assert not re.search(ACTION_REF_PATTERN, ref)


# --- after extract ---------------------------------------------------------------------------

def test_clean_documents_pass(checker):
    assert checker.check_documents(extract_frame()) == []


def doc_id(number: int) -> str:
    return f"{number:064x}"


# Each bad document of a batch, the checks it must fail (and only those documents may fail them).
BAD_DOCUMENTS = [
    ({"char_count": 0}, ("expect_column_values_to_be_between(char_count not empty)",
                         "expect_column_values_to_be_between(char_count>=40)")),
    ({"char_count": 12}, ("expect_column_values_to_be_between(char_count>=40)",)),
    ({"error_page_reason": "page not found"}, ("expect_column_values_to_be_null(error_page_reason)",)),
    ({"replacement_char_share": 0.2}, ("expect_column_values_to_be_between(replacement_char_share)",)),
    ({"format": "odt"}, ("expect_column_values_to_be_in_set(format)",)),
]


@pytest.fixture(scope="module")
def bad_document_failures(checker) -> list[Failure]:
    good = extract_frame()
    bad = [{**good.iloc[1].to_dict(), "document_id": doc_id(i), **change}
           for i, (change, _) in enumerate(BAD_DOCUMENTS)]
    return checker.check_documents(pd.concat([good, pd.DataFrame(bad)], ignore_index=True))


@pytest.mark.parametrize("case", range(len(BAD_DOCUMENTS)))
def test_bad_documents_are_named(bad_document_failures, case):
    for check_name in BAD_DOCUMENTS[case][1]:
        failure = only(bad_document_failures, check_name)
        assert failure.suite == "extract" and failure.table == "documents"
        expected = {doc_id(i) for i, (_, checks) in enumerate(BAD_DOCUMENTS) if check_name in checks}
        assert set(failure.document_ids) == expected
        assert failure.reason.startswith("Expected ") and " e.g. " in failure.reason


def test_no_other_failures_and_good_documents_never_named(bad_document_failures):
    for failure in bad_document_failures:
        cases = [i for i, (_, checks) in enumerate(BAD_DOCUMENTS) if failure.check_name in checks]
        assert cases, f"unexpected failure {failure}"
        assert set(failure.document_ids) == {doc_id(i) for i in cases}


# --- after normalise -------------------------------------------------------------------------

def test_clean_batch_passes(checker):
    assert checker.check_facts(fact_tables()) == []


def test_empty_tables_pass(checker):
    tables = {name: df.iloc[0:0] for name, df in fact_tables().items()}
    tables["actions"] = pd.DataFrame()  # a batch with no actions at all: no columns either
    assert checker.check_facts(tables) == []
    assert checker.check_facts({}) == []


def test_the_callers_frames_are_not_changed(checker):
    tables = fact_tables()
    before = {name: df.copy() for name, df in tables.items()}
    checker.check_facts(tables)
    for name, df in tables.items():
        pd.testing.assert_frame_equal(df, before[name])


def test_duplicate_key_names_both_documents(checker):
    failures = checker.check_facts(with_row(fact_tables(), "decisions", decision_id="dec1", document_id=DOC_B))
    failure = only(failures, "expect_column_values_to_be_unique(decision_id)")
    assert failure.document_ids == (DOC_B,)


def test_an_action_id_repeats_across_documents_of_one_meeting_but_not_within_one(checker):
    # a corrected page keeps its actions' ids: the same id from two documents is fine
    assert not [f for f in checker.check_facts(with_row(fact_tables(), "actions", action_id="act2"))
                if "action_id" in f.check_name]
    failures = checker.check_facts(with_row(fact_tables(), "actions", action_id="act2", document_id=DOC_B))
    failure = only(failures, "expect_compound_columns_to_be_unique(action_id,document_id)")
    assert failure.document_ids == (DOC_B,)


def test_one_meeting_from_two_documents_is_fine_but_not_twice_from_one(checker):
    tables = fact_tables()
    assert checker.check_facts(tables) == []  # same meeting_id from documents A and B
    failures = checker.check_facts(with_row(tables, "meetings", document_id=DOC_A))
    failure = only(failures, "expect_compound_columns_to_be_unique(meeting_id,document_id)")
    assert failure.document_ids == (DOC_A,)


# Each bad row (a copy of the table's first row, changed) comes from its own document.
BAD_ROWS = [
    ("actions", {"action_ref": "Action 12/24 was discussed at length"},
     "expect_column_values_to_match_regex(action_ref)"),
    ("action_updates", {"action_ref": "see the minutes of the last meeting"},
     "expect_column_values_to_match_regex(action_ref)"),
    ("meetings", {"meeting_date": date(1999, 12, 31)}, "expect_column_values_to_be_between(meeting_date)"),
    ("meetings", {"next_meeting_date": date(2027, 1, 1)}, "expect_column_values_to_be_between(next_meeting_date)"),
    ("actions", {"due_date": date(2027, 3, 1)}, "expect_column_values_to_be_between(due_date)"),
    ("actions", {"owner": "   "}, "expect_column_values_to_match_regex(owner not blank)"),
    ("actions", {"description": ""},
     "expect_column_values_to_match_regex(description not blank)"),
    ("attendance", {"is_chair": None}, "expect_column_values_to_not_be_null(is_chair)"),
    ("attendance", {"remote": None}, "expect_column_values_to_not_be_null(remote)"),
    ("attendance", {"status": "late"}, "expect_column_values_to_be_in_set(status)"),
    ("action_updates", {"status": "pending"}, "expect_column_values_to_be_in_set(status)"),
    ("decisions", {"kind": "motion"}, "expect_column_values_to_be_in_set(kind)"),
    ("meetings", {"body": None, "body_missing": False}, "expect_column_values_to_be_in_set(body_or_body_missing)"),
    ("agenda_items", {"char_start": -1},
     "expect_column_values_to_be_between(char_start)"),
    ("decisions", {"char_start": 50, "char_end": 40},
     "expect_column_pair_values_a_to_be_greater_than_b(char_end,char_start)"),
]


@pytest.fixture(scope="module")
def bad_row_failures(checker) -> list[Failure]:
    tables = fact_tables()
    for i, (table, change, _) in enumerate(BAD_ROWS):
        key = BY_NAME[table].key[0]  # a fresh key, so no bad row is also a duplicate
        tables = with_row(tables, table, **{key: f"bad-{i}", "document_id": doc_id(i), **change})
    return checker.check_facts(tables)


#: checks that reject the failing row (rejected_rows) instead of quarantining its document
ROW_REJECTS = {("actions", "expect_column_values_to_match_regex(action_ref)"),
               ("action_updates", "expect_column_values_to_match_regex(action_ref)"),
               ("actions", "expect_column_values_to_be_between(due_date)"),
               ("actions", "expect_column_values_to_match_regex(owner not blank)"),
               ("actions", "expect_column_values_to_match_regex(description not blank)")}


def _blamed(failure: Failure) -> set[str]:
    return set(failure.document_ids) | {r.document_id for r in failure.rejected_rows}


@pytest.mark.parametrize("case", range(len(BAD_ROWS)), ids=[f"{t}-{c}" for t, _, c in BAD_ROWS])
def test_each_bad_row_is_caught_with_its_document(bad_row_failures, case):
    table, _, check_name = BAD_ROWS[case]
    failure = only(bad_row_failures, check_name, table)
    assert failure.suite == "normalise"
    expected = {doc_id(i) for i, (t, _, c) in enumerate(BAD_ROWS) if (t, c) == (table, check_name)}
    assert _blamed(failure) == expected
    assert failure.reason.startswith("Expected ") and " e.g. " in failure.reason
    if (table, check_name) in ROW_REJECTS:  # the row goes, its document stays
        assert failure.document_ids == ()
        keys = {f"bad-{i}" for i, (t, _, c) in enumerate(BAD_ROWS) if (t, c) == (table, check_name)}
        assert {r.row_key for r in failure.rejected_rows} == keys
        assert all(r.reason.startswith("Expected ") and "this row has" in r.reason for r in failure.rejected_rows)
    else:
        assert failure.rejected_rows == ()


def test_no_other_failures_and_clean_rows_never_blamed(bad_row_failures):
    for failure in bad_row_failures:
        cases = [i for i, (t, _, c) in enumerate(BAD_ROWS) if (t, c) == (failure.table, failure.check_name)]
        assert cases, f"unexpected failure {failure}"
        assert _blamed(failure) == {doc_id(i) for i in cases}


def test_an_action_without_owner_passes_flagged_by_its_null(checker):
    # the text does not say who owns it: the action loads with owner NULL
    assert checker.check_facts(with_row(fact_tables(), "actions", owner=None)) == []


def test_a_meeting_without_body_but_flagged_passes(checker):
    assert checker.check_facts(with_row(fact_tables(), "meetings", body=None, body_missing=True)) == []


def test_missing_column_is_a_table_level_failure(checker):
    tables = fact_tables()
    tables["actions"] = tables["actions"].drop(columns=["owner"])
    failures = checker.check_facts(tables)
    assert failures and all(f.table == "actions" and f.document_ids == () for f in failures)
    assert any("owner" in f.check_name for f in failures)


# --- before publish --------------------------------------------------------------------------

def test_clean_final_tables_pass(checker):
    assert checker.check_final(final_tables()) == []


def test_final_failures_are_table_level(checker):
    tables = final_tables()
    tables["actions"] = pd.concat([tables["actions"], tables["actions"].iloc[:1]], ignore_index=True)
    failure = only(checker.check_final(tables), "expect_column_values_to_be_unique(action_id)")
    assert failure.suite == "publish" and failure.document_ids == ()
    assert "'act1'" in failure.reason


def test_dangling_meeting_id_stops_the_publish(checker):
    tables = final_tables()
    tables["decisions"] = tables["decisions"].assign(meeting_id="no-such-meeting/2024-01-01")
    failure = only(checker.check_final(tables), "expect_column_values_to_be_in_set(meeting_id_in_meetings)")
    assert failure.table == "decisions" and failure.document_ids == ()


def test_document_statuses_and_count(checker):
    tables = final_tables()
    tables["documents"] = tables["documents"].assign(status=["loaded", "pending"])
    failures = checker.check_final(tables)
    only(failures, "expect_column_values_to_be_in_set(status)", "documents")
    count = only(failures, "expect_table_row_count_to_equal(documents)")
    assert "found 2 instead of 1" in count.reason
    assert only(checker.check_final(final_tables(), expected_documents=3),
                "expect_table_row_count_to_equal(documents)").document_ids == ()


def test_quarantined_document_needs_a_quarantine_row(checker):
    tables = final_tables()
    tables["quarantine"] = tables["quarantine"].iloc[0:0]
    only(checker.check_final(tables), "expect_column_values_to_be_in_set(quarantine_explained)")


def test_final_compound_key_of_quarantine(checker):
    tables = final_tables()
    tables["quarantine"] = pd.concat([tables["quarantine"]] * 2, ignore_index=True)
    failure = only(checker.check_final(tables), "expect_compound_columns_to_be_unique(document_id,stage,check_name)")
    assert failure.table == "quarantine" and failure.document_ids == ()


def test_final_checks_only_the_tables_given(checker):
    assert checker.check_final({"people": final_tables()["people"]}) == []


# --- Data Docs -------------------------------------------------------------------------------

def test_build_data_docs_writes_a_readable_index(checker, docs_dir):
    checker.check_documents(extract_frame(format="odt"))  # at least one failure to show
    index = checker.build_data_docs()
    assert index == docs_dir / "index.html" and index.is_file()
    text = index.read_text(encoding="utf-8")
    for suite in ("extract.documents", "normalise.actions", "publish.documents"):
        assert suite in text
    assert "minutes-offline-summary" in text and "expect_column_values_to_be_in_set(format)" in text
    linked = re.findall(r'href="(validations/[^"]+\.html)"', text)
    assert linked and all((docs_dir / page).is_file() for page in linked)
    assert sorted(p.name for p in docs_dir.parent.iterdir()) == ["data-docs"]  # nothing beside it
    assert not (Path.cwd() / "gx").exists()


def test_no_data_docs_without_a_folder(checker):
    quiet = Checker(None, today=TODAY)
    assert quiet.check_documents(extract_frame()) == []
    assert quiet.build_data_docs() is None


def test_schema_tables_all_have_publish_suites():
    assert set(publish_suites()) == set(BY_NAME)
