"""Placeholder: being written."""

from __future__ import annotations

from transforms.models import CleanText, Meeting, ParsedMinutes


class _Adapter:
    name = "pcc_notes"

    def detect(self, text: str) -> float:
        return 0.0 if "pcc_notes" != "generic" else 0.1

    def parse(self, doc: CleanText) -> ParsedMinutes:
        return ParsedMinutes(document_id=doc.document_id, adapter=self.name, meeting=Meeting())


ADAPTER = _Adapter()
