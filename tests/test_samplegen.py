"""The sample-corpus generator: deterministic, every layout, labels the parsers agree with."""

from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
from pathlib import Path

import pytest

from samplegen import labels
from samplegen.cli import add_commands
from samplegen.corpus import write_corpus
from samplegen.pdf import text_pdf
from samplegen.people import NameMaker, new_cast

ROOT = Path(__file__).resolve().parent.parent
SCORER = ROOT.parent / "shared" / "eval" / "score.py"
GOLD_KEYS = {"document", "meeting", "attendance", "agenda_items", "actions", "action_updates", "decisions"}


def _digests(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_same_seed_gives_byte_identical_files(tmp_path):
    a, b = write_corpus(120, tmp_path / "a", seed=3), write_corpus(120, tmp_path / "b", seed=3)
    assert _digests(a.out) == _digests(b.out)
    assert _digests(a.out) != _digests(write_corpus(120, tmp_path / "c", seed=4).out)


def test_every_document_has_one_gold_file_in_the_label_format(tmp_path):
    info = write_corpus(60, tmp_path, seed=1)
    docs = sorted(p.name for p in info.docs_dir.iterdir())
    golds = sorted(info.gold_dir.glob("*.json"))
    assert len(docs) == len(golds) == 60
    for path in golds:
        gold = json.loads(path.read_text())
        assert set(gold) == GOLD_KEYS
        assert gold["document"] in docs
        assert set(gold["meeting"]) >= {"body", "meeting_date", "venue", "next_meeting_date"}


def test_the_corpus_mixes_layouts_and_formats(tmp_path):
    info = write_corpus(400, tmp_path, seed=2)
    assert set(info.by_layout) == {"kent_board", "pcc_notes", "moderngov"}
    assert set(info.by_format) == {"txt", "html", "pdf"}
    assert info.by_format["pdf"] < 0.1 * info.documents
    assert any(p.name.endswith("-fragment.txt") for p in info.docs_dir.iterdir())


def test_rewriting_a_folder_replaces_the_earlier_corpus(tmp_path):
    write_corpus(40, tmp_path, seed=1)
    info = write_corpus(10, tmp_path, seed=1)
    assert len(list(info.docs_dir.iterdir())) == len(list(info.gold_dir.iterdir())) == 10


def test_actions_raised_in_one_meeting_are_reported_on_later(tmp_path):
    info = write_corpus(200, tmp_path, seed=5)
    raised, updated = set(), set()
    for path in sorted(info.gold_dir.glob("*-comb-*.json")):  # file names sort by body, then date
        gold = json.loads(path.read_text())
        updated |= {u["ref"] for u in gold["action_updates"] if u["ref"] in raised}
        raised |= {a["ref"] for a in gold["actions"]}
    assert updated, "no later meeting reported on an earlier action"


def test_cast_changes_over_time():
    import random

    rng = random.Random(1)
    cast = new_cast(rng, [("DCC", "Deputy Chief Constable"), ("ACC", "Local Policing")] * 3)
    for _ in range(200):
        cast.step(rng, leave_chance=0.05)
    assert any("left" in e for e in cast.events)
    assert any(e.startswith("confirmed") for e in cast.events)  # an acting A/ACC made substantive


def test_names_are_not_reused_within_a_body():
    import random

    names = NameMaker(random.Random(0))
    surnames = [names.new()[1] for _ in range(100)]
    assert len(set(surnames)) == 100


def test_pdf_text_layer_reads_back():
    from transforms.extract import extract_text
    from transforms.models import RawDocument

    data = text_pdf(["Title: Example Board (Chair)", "Date: Tuesday 3 February 2026"])
    text = extract_text(RawDocument("x", "x.pdf", data)).text
    assert "Example Board (Chair)" in text and "3 February 2026" in text


def test_labels_leave_false_flags_out():
    row = labels.attendee("Jo Penby", rank="ACC", is_chair=True, remote=False)
    assert row == {"name": "Jo Penby", "rank": "ACC", "status": "present", "is_chair": True}
    with pytest.raises(ValueError):
        labels.attendee("Jo Penby", chair=True)


def test_cli_registers_sample_corpus(tmp_path, capsys):
    ap = argparse.ArgumentParser()
    add_commands(ap.add_subparsers(dest="command"))
    args = ap.parse_args(["sample-corpus", "--n", "9", "--out", str(tmp_path), "--seed", "1"])
    assert args.func(args) == 0
    assert "wrote 9 documents" in capsys.readouterr().out
    assert len(list((tmp_path / "docs").iterdir())) == 9


def test_ten_thousand_documents_are_quick_to_write(tmp_path):
    info = write_corpus(2000, tmp_path, seed=9)
    assert info.seconds < 12  # 10,000 in well under a minute


@pytest.mark.slow
def test_parsers_score_at_least_098_on_a_generated_corpus(tmp_path):
    """50 generated documents through the plain loop (no gates), scored by ../shared/eval/score.py."""
    if not SCORER.exists():
        pytest.skip("../shared/eval/score.py is not beside the project")
    from flows.pipeline import run_plain
    from flows.settings import Settings

    info = write_corpus(50, tmp_path / "corpus", seed=11)
    # one process: this checks the labels, not the worker pool (bench/run.py measures that)
    summary = run_plain(Settings(source_dir=info.docs_dir, warehouse_dir=tmp_path / "wh",
                                 state_dir=tmp_path / "state", workers=1), with_checks=False)
    assert summary.loaded == 50
    out = tmp_path / "score.json"
    subprocess.run([sys.executable, str(SCORER), str(summary.db_path), str(info.gold_dir), "--quiet",
                    "--json", str(out)], check=True, capture_output=True)
    report = json.loads(out.read_text())
    assert report["meeting"]["field_accuracy"] >= 0.98
    for entity in ("attendance", "agenda_items", "actions", "action_updates", "decisions"):
        assert report[entity]["f1"] >= 0.98, (entity, report[entity])
