"""HTML -> plain text with lxml, laid out the way the minutes parsers expect.

Block elements start new lines, list items start with "- ", a table row becomes
``cell | cell |`` and a header row of ``<th>`` cells is followed by ``---|---|``. Scripts,
styles, frames and the like are dropped; nothing is ever executed. Example::

    >>> html_to_text("<h1>Board</h1><table><tr><th>Name</th><th>Role</th></tr>"
    ...              "<tr><td>CC Jo Bloggs (Chair)</td><td>Chief Constable</td></tr></table>"
    ...              "<ul><li>Apologies</li></ul><script>alert(1)</script>")
    'Board\\nName | Role |\\n---|---|\\nCC Jo Bloggs (Chair) | Chief Constable |\\n- Apologies'
"""

from __future__ import annotations

import re

from lxml import etree

from transforms.extract.html_depth import flatten_deep_nesting

DROPPED = frozenset("script style noscript template iframe object embed svg head math canvas".split())
BLOCKS = frozenset(
    "p div h1 h2 h3 h4 h5 h6 li tr br section article header footer table ul ol dl dt dd "
    "blockquote pre main nav aside form fieldset figure figcaption address hr caption "
    "thead tbody tfoot details summary".split()
)
_SPACES = re.compile(r"\s+")
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*>", re.IGNORECASE)
_ANY_TAG = re.compile(r"<[^<>]*>")
#: caps on colspan/rowspan: a hostile page must not blow a row up into millions of cells
MAX_COLSPAN, MAX_ROWSPAN = 50, 500


class _Lines:
    """Collects text into lines: inline text joins the current line, blocks break it."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.current: list[str] = []
        self.ends_in_space = True  # at a line start, leading white space is dropped
        self.pre_depth = 0

    def add(self, text: str | None) -> None:
        if not text:
            return
        if self.pre_depth:
            first, *rest = text.split("\n")
            self.current.append(first)
            for part in rest:
                self.lines.append("".join(self.current).rstrip())
                self.current = [part]
            self.ends_in_space = False
            return
        folded = _SPACES.sub(" ", text)
        if self.ends_in_space:
            folded = folded.lstrip()
        if folded:
            self.current.append(folded)
            self.ends_in_space = folded.endswith(" ")

    def add_line(self, line: str) -> None:
        """A finished line (a table row) on its own."""
        self.break_line()
        self.lines.append(line)

    def break_line(self, blank: bool = False) -> None:
        joined = "".join(self.current)
        line = joined.rstrip() if self.pre_depth else joined.strip()
        if line.strip() and line != "-":  # "-" alone is an empty list item
            self.lines.append(line)
        elif blank and self.lines and self.lines[-1]:
            self.lines.append("")  # <br><br> on an empty line: one blank line, never more
        self.current = []
        self.ends_in_space = True

    def text(self) -> str:
        self.break_line()
        return "\n".join(self.lines).strip("\n")


class _Table:
    """One table being read: rows of folded cell texts, and whether each row is all <th>."""

    def __init__(self) -> None:
        self.cells: list[str] = []
        self.cell: list[str] | None = None
        self.all_th = True
        self.nested = 0  # tables open inside the current cell
        self.span = (1, 1)  # colspan, rowspan of the cell being read
        self.below: dict[int, tuple[str, int]] = {}  # column -> (text, rows left) of rowspans

    def add(self, text: str | None) -> None:
        if text and self.cell is not None:
            self.cell.append(text)

    def fill_spanned(self) -> None:
        """Repeat the cells of earlier rows that span down into this row's next columns."""
        while len(self.cells) in self.below:
            column = len(self.cells)
            text, left = self.below.pop(column)
            self.cells.append(text)
            if left > 1:
                self.below[column] = (text, left - 1)

    def end_cell(self, text: str) -> None:
        """A cell read: placed after any cells spanning down into it, repeated across its
        columns (colspan) and remembered for the rows below (rowspan)."""
        self.fill_spanned()
        columns, rows = self.span
        for _ in range(columns):
            if rows > 1:
                self.below[len(self.cells)] = (text, rows - 1)
            self.cells.append(text)
        self.cell, self.span = None, (1, 1)


def _tag(el: etree._Element) -> str:
    """The element's name (lxml's HTML parser lower-cases it); "" for comments and the like."""
    return el.tag if isinstance(el.tag, str) else ""


def _render(root: etree._Element) -> str:
    out = _Lines()
    tables: list[_Table] = []

    def add(text: str | None) -> None:
        if tables and tables[-1].cell is not None:
            tables[-1].add(text)
        else:
            out.add(text)  # outside tables, or a caption / stray text between rows

    for event, el in etree.iterwalk(root, events=("start", "end")):
        tag = _tag(el)
        if event == "start":
            if not isinstance(el.tag, str) or tag in DROPPED:
                continue  # comments, processing instructions, dropped subtrees: skipped below
            _open(tag, out, tables)
            if tag in ("td", "th") and tables and tables[-1].cell == [] and not tables[-1].nested:
                tables[-1].span = (_span(el, "colspan", MAX_COLSPAN), _span(el, "rowspan", MAX_ROWSPAN))
            add(el.text)
        else:
            if isinstance(el.tag, str) and tag not in DROPPED:
                _close(tag, out, tables)
            add(el.tail)
    return out.text()


def _span(el: etree._Element, attribute: str, cap: int) -> int:
    """A cell's colspan/rowspan: 1 when absent or not a number, at most ``cap`` (hostile pages)."""
    match = re.match(r"\s*(\d+)", el.get(attribute) or "")
    return min(max(int(match.group(1)), 1), cap) if match else 1


def _open(tag: str, out: _Lines, tables: list[_Table]) -> None:
    in_cell = bool(tables) and tables[-1].cell is not None
    if tag == "table" and not in_cell:
        out.break_line()
        tables.append(_Table())
    elif tables and not in_cell and tag == "tr":
        tables[-1].cells, tables[-1].all_th = [], True
    elif tables and not in_cell and tag in ("td", "th"):
        tables[-1].cell = []
        tables[-1].all_th &= tag == "th"
    elif in_cell:
        tables[-1].nested += tag == "table"
        if tag in BLOCKS or tag in ("td", "th"):
            tables[-1].add(" ")  # a nested table or list inside a cell reads as one line
    elif tag == "pre":
        out.break_line()
        out.pre_depth += 1
    elif tag == "br":
        out.break_line(blank=True)
    elif tag in BLOCKS:
        out.break_line()
        if tag == "li":
            out.add("- ")


def _close(tag: str, out: _Lines, tables: list[_Table]) -> None:
    if not tables:
        if tag == "pre":
            out.pre_depth = max(out.pre_depth - 1, 0)
        if tag in BLOCKS and tag != "br":
            out.break_line()
        return
    table = tables[-1]
    if table.nested:
        table.nested -= tag == "table"
        if tag in BLOCKS or tag in ("td", "th"):
            table.add(" ")
    elif table.cell is not None and tag in ("td", "th"):
        table.end_cell(_SPACES.sub(" ", "".join(table.cell)).strip())
    elif table.cell is None and tag == "tr":
        table.fill_spanned()
        if any(table.cells):
            out.add_line("".join(f"{cell} | " for cell in table.cells).rstrip())
            if table.all_th:
                out.add_line("---|" * len(table.cells))
        table.cells = []
    elif table.cell is None and tag == "table":
        tables.pop()
        out.break_line()


def _strip_dropped(root: etree._Element) -> None:
    """Remove dropped elements (keeping the text that follows them) and any comments left."""
    doomed = list(root.iter(*DROPPED, etree.Comment, etree.ProcessingInstruction))
    for el in doomed:
        if el.getparent() is not None:
            _drop_keep_tail(el)


def _drop_keep_tail(el: etree._Element) -> None:
    """Remove ``el`` and its subtree; the text after it stays where it was."""
    parent, tail = el.getparent(), el.tail
    if tail:
        previous = el.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(el)


def html_to_text(html: str) -> str:
    """Plain text of an HTML document (a whole page or a fragment, possibly cut off)."""
    html = flatten_deep_nesting(_XML_DECLARATION.sub("", html, count=1))
    # plain etree (not lxml.html): no per-element class lookup, which is most of the cost
    parser = etree.HTMLParser(huge_tree=True, remove_comments=True, remove_pis=True, no_network=True)
    try:
        root = etree.fromstring(html, parser=parser)
    except (etree.ParserError, ValueError, etree.XMLSyntaxError):
        return _crude_text(html)
    if root is None:
        return _crude_text(html)
    _strip_dropped(root)
    text = _render(root)
    # libxml2 gives up silently on some inputs: never lose a page's text that way
    return text if text.strip() else _crude_text(html)


def _crude_text(html: str) -> str:
    """Tag-stripped text, the fallback when the parser returns nothing."""
    without_dropped = re.sub(
        r"<(script|style|noscript|template|svg|head)\b.*?</\1\s*>", " ", html, flags=re.IGNORECASE | re.DOTALL
    )
    return "\n".join(line.strip() for line in _ANY_TAG.sub(" ", without_dropped).splitlines() if line.strip())
