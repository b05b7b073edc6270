"""Defuse hostile nesting before HTML reaches the parser.

libxml2 silently returns an empty tree for pages nested deeper than its limit, and deep
trees make every later walk slow. Tags deeper than ``MAX_NESTING`` are replaced by a space,
so their text survives and the tree stays shallow. Example::

    >>> flatten_deep_nesting("<div><div><b>x</b></div></div>", max_depth=1)
    '<div>  x  </div>'
"""

from __future__ import annotations

import re

#: far deeper than any real page (council pages stay under ~60), far below libxml2's 2048
MAX_NESTING = 400
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:-]{0,40})\b[^<>]{0,4096}?(/?)>")
#: elements that never have content
_VOID = frozenset("area base br col embed hr img input link meta param source track wbr basefont frame keygen".split())
#: elements the parser closes by itself when a sibling opens, so they do not nest
_SELF_CLOSING_SIBLINGS = frozenset("p li dt dd option optgroup tr td th thead tbody tfoot colgroup rt rp".split())


def flatten_deep_nesting(html: str, max_depth: int = MAX_NESTING) -> str:
    """``html`` with every tag nested deeper than ``max_depth`` replaced by a space (``html``
    itself, untouched, when it is not that deep: the usual case, checked cheaply first)."""
    if html.count("<") <= max_depth or nesting_depth(html) <= max_depth:
        return html
    depth = 0

    def keep_or_flatten(match: re.Match[str]) -> str:
        nonlocal depth
        closing, name, self_closed = match.group(1), match.group(2).lower(), match.group(3)
        if name in _VOID or name in _SELF_CLOSING_SIBLINGS or self_closed:
            return match.group(0)
        if closing:
            too_deep = depth > max_depth
            depth = max(depth - 1, 0)
            return " " if too_deep else match.group(0)
        depth += 1
        return " " if depth > max_depth else match.group(0)

    return _TAG.sub(keep_or_flatten, html)


def nesting_depth(html: str) -> int:
    """The deepest nesting of non-void, non-self-closing tags in ``html`` (approximate)."""
    depth = deepest = 0
    flat = _VOID | _SELF_CLOSING_SIBLINGS
    for closing, name, self_closed in _TAG.findall(html):
        name = name.lower()
        if name in flat or self_closed:
            continue
        if closing:
            depth = depth - 1 if depth else 0
        else:
            depth += 1
            if depth > deepest:
                deepest = depth
    return deepest
