"""The contract every publisher-layout adapter meets."""

from __future__ import annotations

from typing import Protocol

from transforms.models import CleanText, ParsedMinutes


class Adapter(Protocol):
    """One publisher layout. ``detect`` scores how well a cleaned text fits this layout
    (0.0 = not at all, 1.0 = certainly); ``parse`` reads it. Both are pure functions and
    must never raise on odd text: unknown fields stay None."""

    name: str

    def detect(self, text: str) -> float: ...

    def parse(self, doc: CleanText) -> ParsedMinutes: ...
