"""Regenerate the PDF and DOCX sample documents from the text samples (needs the dev extras).

    .venv/bin/python scripts/make_sample_binaries.py

samples/kent-board-2026-02-03.pdf is the same meeting as the .txt (a meeting published twice:
one meetings row); samples/pcc-board-2026-02-11.docx is a further commissioner's board meeting.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import docx
from fpdf import FPDF

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def write_pdf(text: str, out: Path) -> None:
    pdf = FPDF()
    pdf.set_creation_date(datetime(2026, 2, 3, tzinfo=UTC))  # reproducible bytes
    pdf.add_page()
    pdf.set_font("Helvetica", size=10)
    for line in text.splitlines():
        pdf.multi_cell(0, 5, line.encode("latin-1", "replace").decode("latin-1") or " ",
                       new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(out))


def write_docx(paragraphs: list[str], table: list[list[str]], out: Path) -> None:
    d = docx.Document()
    for p in paragraphs:
        d.add_paragraph(p)
    t = d.add_table(rows=0, cols=len(table[0]))
    for row in table:
        cells = t.add_row().cells
        for cell, value in zip(cells, row, strict=True):
            cell.text = value
    d.add_paragraph("Date of next Performance & Delivery Board: 13 May 2026")
    d.core_properties.created = d.core_properties.modified = datetime(2026, 2, 11)
    d.save(str(out))


def main() -> None:
    write_pdf((SAMPLES / "kent-board-2026-02-03.txt").read_text(encoding="utf-8"),
              SAMPLES / "kent-board-2026-02-03.pdf")
    write_docx([
        "Meeting Notes",
        "Title: Performance and Delivery Board",
        "Date & time: Wednesday, 11 February 2026, 1000hrs",
        "Venue: Commissioner's Meeting Room, Police Headquarters, Station Road, Eastbridge",
        "Attendees: Office of the Police and Crime Commissioner: Margaret Ellery (Police and Crime "
        "Commissioner), Tom Varga (Chief Executive)",
        "Eastshire Police: Chief Constable Robert Linden, Assistant Chief Constable Mark Devlin",
        "1. Welcome & Introduction",
        "The Commissioner welcomed those present.",
        "2. Notes of Previous Meeting",
        "The notes of the previous meeting were agreed. The update on 101 call answering times was "
        "provided and the action was closed.",
        "3. Neighbourhood Policing",
        "The Chief Constable provided a summary of the supporting paper.",
        "Overview of Actions",
    ], [["", "Status", "Owner", "Due date"],
        ["Report on neighbourhood patrol hours by ward", "Open", "Chief Constable", "13/05/2026"]],
        SAMPLES / "pcc-board-2026-02-11.docx")


if __name__ == "__main__":
    main()
