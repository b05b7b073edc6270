"""Decisions told in a sentence rather than under a "RESOLVED" or "Decision:" label: the
body or the person who decides as the subject, a verb of deciding, in the past tense::

    It was agreed that the Panel would write to the Commissioner.
    The Board agreed to defer the estates report.
    Members unanimously approved the treasury management strategy.
    The Commissioner approved the business case.   (not "The Commissioner agreed to look into it")
    Councillor Ann Brook was elected as Chair for the ensuing year.
    The minutes of the meeting held on 3 May 2030 were approved as a correct record.

A sentence counts from a line start or after the end of the sentence before it, up to its
full stop or the end of its line. What narrates is not a decision: "had agreed", "would
approve", "asked whether the Board agreed", "agreed with the comments", "agreed, adding
that ...", "noted" (a panel notes a great deal it does not decide on). Deciders and verbs
are patterns below; the minutes' own subjects ("The minutes ... were approved") come from
``quirks/decision_subjects.csv``.

Example::

    >>> [d.text for d in find_decision_sentences("4. Estates\\nThe report was discussed. The Board agreed to "
    ...     "defer it.\\nMembers had agreed to this last year.\\n")]
    ['The Board agreed to defer it.']
"""

from __future__ import annotations

import re
from functools import lru_cache

from transforms.models import Decision, Span
from transforms.quirks import load_table
from transforms.text.spans import clean

#: who decides: a body, its members, or the impersonal "It was"
_BODIES = (r"(?:The\s+)?(?:Police\s+and\s+Crime\s+)?(?:Panel|Board|Committee|Sub-Committee|Authority|Group|Forum|"
           r"Meeting|Members)")
#: an office holder decides only with a verb that cannot be a promise or a courtesy: "The
#: Commissioner agreed to consider this" answers a question, "The PCC approved the strategy" decides
_OFFICE_HOLDERS = r"(?:The\s+)?(?:Commissioner|PCC|PFCC|Chief\s+Constable|Chair|Chairman|Chairperson|Deputy\s+PCC)"
_VERBS = r"(?:agreed|approved|decided|resolved|endorsed|ratified|accepted|rejected|deferred|supported)"
_RULINGS = r"(?:approved|decided|endorsed|ratified|rejected)"
_ADVERBS = r"(?:(?:unanimously|also|further|therefore|then|formally)\s+)?"
_PATTERNS = (
    # "It was agreed that ...", "It was unanimously resolved to ..."
    re.compile(rf"It\s+was\s+{_ADVERBS}{_VERBS}\b"),
    # "The Board agreed to ...", "Members unanimously approved ..."
    re.compile(rf"{_BODIES}\s+{_ADVERBS}{_VERBS}\b"),
    # "The PCC approved the capital strategy"
    re.compile(rf"{_OFFICE_HOLDERS}\s+{_ADVERBS}{_RULINGS}\b"),
    # "Councillor Ann Brook was elected as Chair", "Mr Tom Vane was re-appointed Vice-Chair"
    re.compile(r"(?:[A-Z][\w'’.-]*\s+){1,4}(?:was|were)\s+(?:duly\s+|unanimously\s+)?(?:re-?)?(?:elected|appointed)"
               r"\s+(?:as\s+)?(?:the\s+)?(?:[A-Z][\w-]*\s+)?(?:Chair|Vice|Chairman|Chairperson|Deputy)"),
)
#: a sentence: from a line start or after ". ", to its full stop or the line's end
_SENTENCE = re.compile(r"(?:^|(?<=[.!?]\s))[ \t]*(?P<s>[A-Z][^\n]*?(?:\.(?=\s|$)|$))", re.MULTILINE)
#: a cheap look before the patterns: a sentence that decides holds one of these
_CUE = re.compile(r"agreed|approved|decided|resolved|endorsed|ratified|accepted|rejected|deferred|supported|"
                  r"elected|appointed|confirmed|signed", re.IGNORECASE)


@lru_cache(maxsize=1)
def _minutes_approved() -> re.Pattern[str]:
    """"The minutes of ... were approved": the subjects of quirks/decision_subjects.csv."""
    words = "|".join(re.escape(r["subject"]) for r in load_table("decision_subjects"))
    return re.compile(rf"(?:The\s+)?(?:{words})\b.*?\b(?:was|were)\s+(?:\w+\s+)?"
                      rf"(?:approved|agreed|confirmed|accepted|signed)\b", re.IGNORECASE)


#: agreement in conversation, not a decision: "agreed with the comments", "agreed, adding ..."
_CONCURS = re.compile(rf"{_VERBS}(?:\s+with\b|,\s+\w+ing\b)")


def _decides(sentence: str) -> bool:
    if not _CUE.search(sentence):
        return False
    m = next((m for p in _PATTERNS if (m := p.match(sentence))), None)
    if m is not None:
        return _CONCURS.match(sentence, m.end() - len(m.group().split()[-1])) is None
    return bool(_minutes_approved().match(sentence))


def find_decision_sentences(text: str, start: int = 0, end: int | None = None) -> list[Decision]:
    """Every sentence in text[start:end] that tells a decision, as a Decision of kind
    "decision" (item numbers are left to the caller)."""
    end = len(text) if end is None else end
    found: list[Decision] = []
    for m in _SENTENCE.finditer(text, start, end):
        sentence = m.group("s")
        if len(sentence.split()) >= 4 and _decides(sentence):
            found.append(Decision(text=clean(sentence), kind="decision", span=Span(m.start("s"), m.end("s"))))
    return found
