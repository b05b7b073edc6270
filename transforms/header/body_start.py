"""Where the minutes' body starts, for layouts whose header holds text that is not minutes
(an attendee table whose roles would read as actions or items)."""

from __future__ import annotations

from collections.abc import Callable

from transforms.attendance.board_table import table_region
from transforms.header.board_header import header_fields


def after_attendee_table(text: str) -> int:
    """The end of the attendee table, else the end of the last labelled header field."""
    region = table_region(text)
    if region is not None:
        return region[1]
    return max((f.span.end for f in header_fields(text).values()), default=0)


BODY_STARTS: dict[str, Callable[[str], int]] = {
    "text_start": lambda text: 0,
    "after_attendee_table": after_attendee_table,
}
