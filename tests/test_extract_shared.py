"""Every real document in ../shared extracts, without furniture, and none is an error page.
Skipped when ../shared is not beside the project."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest

from transforms.extract import error_page_reason, extract_text
from transforms.models import RawDocument

SHARED = Path(__file__).resolve().parents[2] / "shared"
DOCUMENTS = sorted(
    path for folder in ("seeds", "corpus") if (SHARED / folder).is_dir() for path in (SHARED / folder).iterdir()
)
#: furniture the extract stage must remove, wherever it appears
FURNITURE = re.compile(
    r"We use some essential cookies|Your cookie preferences have been saved|You can manage your preferences"
    r"|Sorry, there was a technical problem|Quickly exit this site|This site is a beta|Technical Error"
    r"|This is a default template|The custom branding should be at|pdf icon|PDF \d+ KB|View directions"
    r"|Skip to (?:main )?content|Print this page|Share this item|Leave this site",
    re.IGNORECASE,
)

pytestmark = [
    pytest.mark.shared,
    pytest.mark.skipif(not DOCUMENTS, reason="../shared is not beside the project"),
]


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_real_document_extracts_without_furniture(path: Path):
    data = path.read_bytes()
    clean = extract_text(RawDocument(hashlib.sha256(data).hexdigest(), str(path), data))
    assert clean.text.strip()
    assert clean.text == clean.text.strip("\n")
    leftover = FURNITURE.search(clean.text)
    assert leftover is None, f"furniture left: {leftover.group(0)!r}"
    assert "\r" not in clean.text and "\u00a0" not in clean.text and "\n\n\n" not in clean.text
    assert error_page_reason(clean.text) is None
    assert error_page_reason(data.decode("utf-8")) is None


def test_seed_with_cut_item_is_flagged_truncated():
    flagged = []
    for path in DOCUMENTS:
        data = path.read_bytes()
        clean = extract_text(RawDocument("x", str(path), data))
        if clean.truncated:
            flagged.append(path.name)
        assert clean.truncated == ("view the full minutes text for item" in data.decode("utf-8"))
    assert flagged
