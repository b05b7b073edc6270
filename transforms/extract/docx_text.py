"""DOCX -> text with python-docx: paragraphs and tables in body order.

Tables become ``cell | cell |`` rows like the HTML ones, so the parsers see one layout.
Example::

    >>> docx_to_text(word_bytes)   # a heading, then a two-column attendance table
    'Minutes of the Board\\nName | Role |\\nCC Jo Bloggs | Chief Constable |'
"""

from __future__ import annotations

import io

import docx
from docx.table import Table
from docx.text.paragraph import Paragraph

from transforms.extract.pdf_text import one_line
from transforms.models import ExtractionError


def table_lines(table: Table) -> list[str]:
    """One ``cell | cell |`` line per row; a merged cell is written once."""
    lines: list[str] = []
    for row in table.rows:
        cells, seen = [], set()
        for cell in row.cells:
            if id(cell._tc) in seen:  # python-docx repeats a merged cell for each grid column
                continue
            seen.add(id(cell._tc))
            cells.append(" ".join(cell.text.split()))
        if any(cells):
            lines.append("".join(f"{cell} | " for cell in cells).rstrip())
    return lines


def docx_to_text(data: bytes) -> str:
    """The text of a Word document; ExtractionError("invalid_docx") when it cannot be read."""
    try:
        document = docx.Document(io.BytesIO(data))
        lines: list[str] = []
        for block in document.iter_inner_content():
            if isinstance(block, Paragraph):
                lines.append(block.text)
            elif isinstance(block, Table):
                lines.extend(table_lines(block))
    except Exception as exc:  # python-docx / zipfile / lxml raise many types on broken files
        raise ExtractionError("invalid_docx", f"Word document cannot be read: {one_line(exc)}") from None
    return "\n".join(lines)
