"""Qualifiers are looked up by word; the answer is the one the plain loop over every qualifier
gives (the first in table order, longest word first)."""

from __future__ import annotations

import re

from transforms.attendance.attendees import _qualifiers, classify_qualifier, role_is_representative
from transforms.text.spans import clean


def _loop_classify(text: str):
    low = clean(text).lower().strip(" .:")
    for q in _qualifiers():
        if q.match == "exact" and low == q.word:
            return q.flag, q.keep_as_note
        if q.match == "prefix" and (low == q.word or low.startswith(q.word + " ")):
            return q.flag, q.keep_as_note
    return None


def _loop_representative(role):
    if not role:
        return False
    low = role.strip().lower()
    return any(q.match == "role_prefix" and re.match(rf"{re.escape(q.word)}\b[:.]?", low) for q in _qualifiers())


def test_every_qualifier_word_and_its_variants_classify_as_the_loop_did():
    texts = ["", " ", "RHL", "from 13:30", "MT", "Chair.", "  vice chair : ", "items 4 to 6", "Rep: Crime Directorate"]
    for q in _qualifiers():
        for form in (q.word, q.word.upper(), f"{q.word} 5", f"{q.word}s", f"{q.word}. ", f"{q.word}:x",
                     f"{q.word} from item 4 onwards", f"x {q.word}", f"{q.word.title()}  Smith"):
            texts.append(form)
    for text in texts:
        assert classify_qualifier(text) == _loop_classify(text), text
        assert role_is_representative(text) == _loop_representative(text), text
    assert any(classify_qualifier(t) for t in texts) and any(role_is_representative(t) for t in texts)
