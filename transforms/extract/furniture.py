"""Normalise extracted text and strip site furniture (cookie banners, exit buttons, icons).

The furniture is listed in ``_RULES``: regular expressions, each
either a whole ``line`` (the line is dropped) or an ``inline`` phrase (cut out of the line).

Example::

    >>> clean_text("We use some essential cookies to make our website work.\\r\\n"
    ...            "Venue: Council Chamber. View directions\\r\\n\\r\\n\\r\\nMinutes pdf icon PDF 50 KB ")
    'Venue: Council Chamber\\n\\nMinutes'
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from transforms.extract.page_breaks import drop_page_breaks
from transforms.extract.run_on import break_run_on_lines
from transforms.extract.unwrap import unwrap_lines

#: white space that should read as a plain space (no-break, narrow no-break, figure, thin ...)
_ODD_SPACES = re.compile(r"[\u00a0\u2007\u202f\u2000-\u200a\u3000]")
#: invisible characters that only get in the way of matching (zero-width, BOM, soft hyphen,
#: control characters PDF text layers leave behind)
_INVISIBLE = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\ufffe\u00ad\x00-\x08\x0e-\x1f\x7f]")
#: bullets and dashes in front of a navigation label ("• Share this item")
_LEADING_BULLETS = " \t•·▪*-–>|"
#: typographic ligatures a PDF's text layer keeps ("ﬁnance"): written out as letters
_LIGATURES = str.maketrans({"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",
                            "\ufb05": "st", "\ufb06": "st"})
_LIGATURE_CHARS = re.compile("[\ufb00-\ufb06]")
#: the source tells us it cut the text short (ModernGov "...  view the full minutes text")
_TRUNCATION_CUE = re.compile(r"view the full (?:minutes )?text for item", re.IGNORECASE)


@dataclass(frozen=True)
class FurnitureRule:
    contains: str  # a lower-case literal every match contains: a cheap test before the regex
    pattern: re.Pattern[str]


@dataclass(frozen=True)
class FurnitureRules:
    whole_line: tuple[FurnitureRule, ...]  # matched against a whole line (bullets stripped)
    inline: tuple[FurnitureRule, ...]  # cut out wherever found
    #: any rule's literal, in one pattern: most lines hold none and are passed in one search
    whole_line_literals: re.Pattern[str] = re.compile(r"(?!)")
    inline_literals: re.Pattern[str] = re.compile(r"(?!)")


def _any_of(rules: list[FurnitureRule]) -> re.Pattern[str]:
    return re.compile("|".join(re.escape(r.contains) for r in rules) or r"(?!)")


#: (match, kind, contains, pattern): a whole ``line`` to drop or an ``inline`` phrase to cut;
#: ``contains`` is a lower-case literal every match holds (a cheap test before the pattern)
_RULES = (
    # "Quickly exit this site by pressing the Escape key Leave this site"
    ('line', 'safety_exit', 'exit', r"(?:quick(?:ly)? exit|exit) (?:this|the) (?:site|page)\b.*"),
    # a bare exit button label
    ('line', 'safety_exit', 'this', '(?:leave|exit) this (?:site|page)(?: now)?'),
    # "We use some essential cookies to make our website work..."
    ('line', 'cookie_banner', 'cookie', r"we use (?:some )?(?:essential |necessary |strictly necessary )?cookies\b.*"),
    # "Your cookie preferences have been saved..." / "...see our Cookies notice"
    ("line", "cookie_banner", "cookie",
     r".*\bcookies? (?:preferences|settings|notice|policy)\b.*\b(?:saved|update|manage|change|clicking"
     r"|accept|reject|see our)\b.*"),
    # "You can manage your preferences and cookie settings at any time..."
    ("line", "cookie_banner", "you can",
     r"you can (?:manage|change|update) your (?:cookie )?(?:preferences|settings)\b.*"),
    # cookie buttons left as text
    ("line", "cookie_banner", "cookie",
     "(?:accept|reject|allow|deny) (?:all |additional |analytics |optional |necessary )?cookies"
     "|customi[sz]e cookies|cookie (?:settings|preferences)|manage cookies"),
    # "Sorry, there was a technical problem. Please try again."
    ("line", "site_error_notice", "sorry",
     r"sorry,? there (?:was|has been|is) (?:a|an) (?:technical )?(?:problem|error)\b.*"),
    # "This site is a beta, which means it's a work in progress..."
    ('line', 'beta_banner', 'beta', r"this (?:site|website|service) is (?:a |in )?beta\b.*"),
    # a beta banner worded differently
    ('line', 'beta_banner', 'feedback', r"this is a new (?:site|website|service)\b.*\bfeedback\b.*"),
    # "Technical Error: Error: The request was aborted..." (ModernGov page shell)
    ('line', 'moderngov_template', 'technical error', 'technical error:.*'),
    # "This is a default template, your custom branding appears to be missing."
    ('line', 'moderngov_template', 'default template', r"this is a default template\b.*"),
    # "The custom branding should be at https://... if you cannot load this page..."
    ('line', 'moderngov_template', 'custom branding', r"the custom branding should be at\b.*"),
    # "Skip to content" / "Accessibility Settings Skip to main content"
    ("line", "navigation", "skip to",
     r"(?:.{0,300}\s)?skip to (?:the )?(?:main )?(?:content|navigation|search|footer)\.?"),
    # "Print this page" / "Share this item"
    ('line', 'navigation', 'this', '(?:print|email|share|bookmark) this (?:page|item|article)'),
    # "Back to top"
    ('line', 'navigation', 'back to', 'back to (?:the )?top'),
    # "Accessibility Settings"
    ('line', 'navigation', 'accessibility settings', 'accessibility settings'),
    # a PCC site's campaign strap line
    ('line', 'promotion', 'your voice', 'your commissioner - your voice'),
    # "... can ask questions on your behalf in her Online Public Meeting ... Ask your question and find out more."
    ('line', 'promotion', 'ask your question', r".{0,80}\bask your question and find out more\.?"),
    # "<name> - <area> Deputy Mayor for Policing, Fire and Crime" site header above the page
    ('line', 'site_header', 'deputy mayor', r".{1,60} [-–] .{0,60}\bdeputy mayor for policing(?:,? fire)? and crime"),
    # the alt text of a publisher logo: "... CommissionerNorthants Police Logo"
    ('line', 'site_header', 'logo', r".{0,120}\S\s?logo"),
    # "Minutes pdf icon PDF 50 KB": the icon's alt text after an item title
    ('inline', 'attachment_icon', 'pdf icon', r"[ \t]*\bpdf icon\b"),
    # "... PDF 50 KB": the attachment size after an item title
    ('inline', 'attachment_icon', 'pdf', r"[ \t]*\bPDF[ \t]+\d+(?:[.,]\d+)?[ \t]*[KM]B\b"),
    # "2 Pdf Minutes (108Kb)": the file-type word before a linked title
    ('inline', 'attachment_icon', 'pdf', r"\bpdf[ \t]+(?=[^\n]*\(\d+(?:[.,]\d+)?[ \t]*[km]b\))"),
    # "(108Kb)": the attachment size after a linked title
    ('inline', 'attachment_icon', 'b)', r"[ \t]*\(\d+(?:[.,]\d+)?[ \t]*[km]b\)"),
    # "Venue: Council Chamber, County Hall. View directions"
    ('inline', 'venue_link', 'view directions', r"\.?[ \t]*\bview directions\b"),
    # "...  view the full minutes text for item 106." (the truncated flag is set first)
    ('inline', 'truncation_link', 'view the full', r"\bview the full minutes text for item[ \t]*[\w.]*\w\.?"),
)


@lru_cache(maxsize=1)
def furniture_rules() -> FurnitureRules:
    """``_RULES``, compiled case-insensitively."""
    lines: list[FurnitureRule] = []
    inlines: list[FurnitureRule] = []
    for match, _kind, contains, pattern in _RULES:
        rule = FurnitureRule(contains.lower(), re.compile(pattern, re.IGNORECASE))
        (lines if match == "line" else inlines).append(rule)
    return FurnitureRules(tuple(lines), tuple(inlines), _any_of(lines), _any_of(inlines))


def normalise_text(text: str) -> str:
    """Line ends to ``\\n``, odd spaces to spaces, invisible characters out, ligatures written
    out, trailing spaces stripped. Nothing is reflowed. ``"a\\u00a0b \\r\\nc"`` -> ``"a b\\nc"``."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x0b", "\n").replace("\x0c", "\n")
    text = _ODD_SPACES.sub(" ", _INVISIBLE.sub("", text))
    if _LIGATURE_CHARS.search(text):  # rare: a scan is far cheaper than translating every page
        text = text.translate(_LIGATURES)
    return "\n".join(line.rstrip() for line in text.split("\n"))


def is_furniture_line(line: str) -> bool:
    """True when the whole line is site furniture. ``"• Share this item"`` -> True."""
    core = line.lstrip(_LEADING_BULLETS).rstrip()
    lowered = core.lower()
    rules = furniture_rules()
    if not rules.whole_line_literals.search(lowered):
        return False
    return any(rule.contains in lowered and rule.pattern.fullmatch(core) for rule in rules.whole_line)


def strip_inline_furniture(line: str) -> str:
    """The line with furniture phrases cut out.
    ``"Minutes pdf icon PDF 50 KB"`` -> ``"Minutes"``."""
    lowered = line.lower()
    rules = furniture_rules()
    if not rules.inline_literals.search(lowered):
        return line.rstrip()
    for rule in rules.inline:
        if rule.contains in lowered:
            line = rule.pattern.sub("", line)
    return line.rstrip()


def says_truncated(text: str) -> bool:
    """True when the text says part of it was cut ("view the full minutes text for item 6")."""
    return _TRUNCATION_CUE.search(text) is not None


def collapse_blank_lines(lines: list[str]) -> list[str]:
    """Runs of blank lines become one; blank lines at the start and the end go."""
    kept: list[str] = []
    for line in lines:
        if line.strip() or (kept and kept[-1].strip()):
            kept.append(line if line.strip() else "")
    while kept and not kept[-1].strip():
        kept.pop()
    return kept


def clean_text(text: str) -> str:
    """Normalised text without furniture lines or phrases, PDF page breaks
    (``page_breaks.drop_page_breaks``) and blank runs collapsed; hard-wrapped
    lines are joined (``unwrap.unwrap_lines``) and run-on lines broken before attendance labels
    (``run_on.break_run_on_lines``)."""
    kept: list[str] = []
    for line in normalise_text(text).split("\n"):
        if is_furniture_line(line):
            continue
        stripped = strip_inline_furniture(line)
        # a line that was only furniture phrases ("pdf icon PDF 20 KB") goes too
        if line.strip() and not stripped.strip():
            continue
        kept.append(stripped)
    return "\n".join(collapse_blank_lines(break_run_on_lines(unwrap_lines(drop_page_breaks(kept)))))
