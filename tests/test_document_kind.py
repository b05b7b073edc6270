"""The document-kind gate: data files and texts with no meeting in them are quarantined as
`not_minutes`; a listing page is kept but yields no meeting facts; real minutes are kept."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from flows.pipeline import run_plain
from flows.settings import Settings
from samplegen.corpus import write_corpus
from tests.conftest import SHARED, table_rows
from transforms.extract import extract_text
from transforms.extract.document_kind import AGENDA, LISTING, MINUTES, NOT_MINUTES, classify
from transforms.models import ExtractionError, RawDocument

LISTING_PAGE = "\n".join(
    ["Police and Crime Panel - meetings"]
    + [f"Minutes - {d} March 20{y} (PDF, 120KB)" for y in range(14, 24) for d in (3,)]
)


@pytest.mark.parametrize("text, why", [
    ('{"meeting": {"body": "Police and Crime Panel", "venue": "Hall"}, "decisions": []}', "JSON data"),
    ('[{"name": "Jo", "status": "present"}]', "JSON data"),
    ("meeting_id,name,status\nm1,Jo Penwick,present\nm1,Al Rae,apologies\nm2,Jo Penwick,present\n", "CSV data"),
    ('<?xml version="1.0"?>\n<meetings><meeting id="3"><date>2024-01-02</date></meeting></meetings>', "XML data"),
    ("import os\n\ndef parse(x):\n    return x\n\nclass Meeting:\n    pass\nfrom a import b\nreturn 1\n",
     "source code"),
    ("The quick brown fox jumps over the lazy dog. It was a sunny day and the garden was full of roses.",
     "no sign of a meeting record"),
])
def test_data_files_and_unrelated_text_are_not_minutes(text, why):
    kind = classify(text)
    assert kind.kind == NOT_MINUTES and why in kind.reason and "not meeting minutes" in kind.reason


def test_minutes_agenda_and_listing_are_told_apart():
    minutes = ("Police and Crime Panel\nMinutes of the meeting held on 1 May 2024\nPresent: Cllr A Jones (Chair)\n"
               "Apologies: Cllr B Smith\n1. Budget\nRESOLVED that the report be noted.")
    agenda = "Police and Crime Panel\nAgenda\nTuesday 3 March 2026, 10:00\n1. Apologies\n2. Budget report\n"
    assert classify(minutes).kind == MINUTES
    assert classify(agenda).kind == AGENDA
    listing = classify(LISTING_PAGE)
    assert listing.kind == LISTING and "10 dated" in listing.cue


def test_extract_refuses_a_json_file_with_a_readable_reason():
    data = json.dumps({"document": "x.txt", "meeting": {"venue": "Hall"}}, indent=2).encode()
    with pytest.raises(ExtractionError) as info:
        extract_text(RawDocument(hashlib.sha256(data).hexdigest(), "x.json", data))
    assert info.value.check == "not_minutes" and info.value.reason == "JSON data, not meeting minutes"


@pytest.mark.slow
def test_generated_corpus_folder_with_its_labels_loads_no_meeting_from_json(tmp_path):
    info = write_corpus(6, tmp_path / "corpus", seed=3)
    (tmp_path / "corpus" / "docs" / "index.txt").write_text(LISTING_PAGE, encoding="utf-8")
    s = run_plain(Settings(source_dir=tmp_path / "corpus", warehouse_dir=tmp_path / "wh",
                           state_dir=tmp_path / "state", workers=1))
    db = s.db_path
    labels = sorted(str(p) for p in info.gold_dir.glob("*.json"))
    assert len(labels) == 6
    rows = table_rows(db, "SELECT d.source_uri, d.status, d.meeting_id, q.check_name, q.reason, d.document_kind "
                          "FROM documents d LEFT JOIN quarantine q USING (document_id) ORDER BY 1")
    by_uri = {r[0]: r[1:] for r in rows}
    for label in labels:
        status, meeting, check, reason, kind = by_uri[label]
        assert (status, meeting, check, kind) == ("quarantined", None, "not_minutes", "not_minutes")
        assert reason == "JSON data, not meeting minutes"
    # no meeting row came from a JSON file, and every generated document still loads
    assert table_rows(db, "SELECT count(*) FROM meetings m JOIN documents d USING (document_id) "
                          "WHERE d.source_uri LIKE '%.json'") == [(0,)]
    assert table_rows(db, "SELECT count(*) FROM meetings") == [(6,)]
    listing = by_uri[str(tmp_path / "corpus" / "docs" / "index.txt")]
    assert listing[0] == "loaded" and listing[1] is None and listing[4] == LISTING
    assert s.documents == s.loaded + s.quarantined == 13


def _texts(folder: Path):
    for path in sorted(folder.glob("*")):
        if path.is_file():
            data = path.read_bytes()
            try:
                yield path, extract_text(RawDocument(hashlib.sha256(data).hexdigest(), str(path), data)).text
            except ExtractionError:
                continue


@pytest.mark.parametrize("part", ["corpus", "seeds"])
def test_no_real_minutes_is_refused(part):
    """Precision: every document in ../shared whose gold label has a meeting is kept."""
    folder = SHARED / part
    if not folder.is_dir():
        pytest.skip("../shared is not beside the project")
    refused = []
    for path, text in _texts(folder):
        gold = SHARED / "gold" / part / (path.stem + ".json")
        has_meeting = gold.exists() and any(json.loads(gold.read_text()).get("meeting", {}).values())
        if has_meeting and classify(text).kind in (NOT_MINUTES, LISTING):
            refused.append(path.name)
    assert refused == []
