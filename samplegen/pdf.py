"""A minimal PDF writer for plain lines of text: one Helvetica line per text line, new pages as
needed. No third-party import, so thousands of PDFs take seconds, and no dates or ids in the
file, so the same lines always give the same bytes.

    >>> data = text_pdf(["Title: Example Board", "Date: Tuesday 3 February 2026"])
    >>> data.startswith(b"%PDF-1.4") and data.rstrip().endswith(b"%%EOF")
    True
"""

from __future__ import annotations

FONT_SIZE = 9
LEADING = 12
TOP, LEFT, PAGE_W, PAGE_H = 800, 40, 595, 842
LINES_PER_PAGE = (TOP - 40) // LEADING


def _escape(line: str) -> bytes:
    raw = line.encode("latin-1", "replace")
    return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def _page_stream(lines: list[str]) -> bytes:
    parts = [b"BT", f"/F1 {FONT_SIZE} Tf {LEADING} TL {LEFT} {TOP} Td".encode()]
    for line in lines:
        parts.append(b"(" + _escape(line) + b") Tj T*")
    parts.append(b"ET")
    return b"\n".join(parts)


def text_pdf(lines: list[str]) -> bytes:
    """PDF bytes showing ``lines`` top to bottom (blank lines kept as blank)."""
    pages = [lines[i:i + LINES_PER_PAGE] for i in range(0, max(len(lines), 1), LINES_PER_PAGE)]
    n = len(pages)
    # objects: 1 catalog, 2 pages, 3 font, then per page: page object, content stream
    page_ids = [4 + 2 * k for k in range(n)]
    objects: list[bytes] = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [" + b" ".join(f"{p} 0 R".encode() for p in page_ids)
        + f"] /Count {n} >>".encode(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    for k, page in enumerate(pages):
        stream = _page_stream(page)
        objects.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {PAGE_W} {PAGE_H}] "
                       f"/Resources << /Font << /F1 3 0 R >> >> /Contents {page_ids[k] + 1} 0 R >>".encode())
        objects.append(f"<< /Length {len(stream)} >>\nstream\n".encode() + stream + b"\nendstream")
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)
