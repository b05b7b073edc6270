"""Where minutes are published: the ``[[source]]`` entries of ``sources.toml``, typed.

Three kinds of source, each a frozen dataclass:

* ``folder``    -- a local folder, read recursively (``path``);
* ``web_index`` -- an index page whose links lead to minutes pages (``index_url``, optional
  ``link_pattern``, ``next_pattern``, ``max_pages``);
* ``moderngov`` -- a ModernGov site's web service (``base_url`` and ``committee_id`` or
  ``committee_name``, optional ``from_date``).

``kind`` says how a body's minutes are *listed*. What the body *is* rides along as optional
description fields, common to every kind (``SourceInfo``): ``body``, ``organisation``, ``area``
(the police force area), ``body_kind`` (``panel`` / ``commissioner_board`` / ``force_board``),
``checked`` (whether host and listing were confirmed from a published address), ``note``, and
``enabled`` (false: described and checked, never fetched, e.g. while its listing is not known)
and ``adapter`` (the layout adapter its documents should need; ``minutes sources check`` tests it).

Example::

    >>> import tempfile, pathlib
    >>> cfg = pathlib.Path(tempfile.mkdtemp()) / "sources.toml"
    >>> _ = cfg.write_text('[[source]]\\nname = "board"\\nkind = "web_index"\\n'
    ...                    'index_url = "https://example.org/minutes/"\\n')
    >>> load_sources(cfg)[0].index_url
    'https://example.org/minutes/'
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field, fields
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit


class SourceConfigError(ValueError):
    """A bad ``sources.toml``: the message is one line naming the file, the source and the fault."""


BODY_KINDS = ("panel", "commissioner_board", "force_board")


@dataclass(frozen=True, kw_only=True)
class SourceInfo:
    """What a source is, for coverage reports; fetching ignores it. ``None``: not stated.

    ``checked`` is True when the host and the listing (committee id, index page) were read from a
    published address (an archived page's URL, the publisher's own page), False when they are
    believed but were not confirmed; ``None`` for entries that predate the field.
    """

    body: str | None = None
    organisation: str | None = None
    area: str | None = None
    body_kind: str | None = None
    checked: bool | None = None
    note: str | None = None
    enabled: bool = True     # False: listed (coverage, ``minutes sources check``) but not fetched
    adapter: str | None = None   # the layout adapter its documents are expected to need (a hint)


@dataclass(frozen=True)
class FolderSource(SourceInfo):
    """Every file under ``path`` (hidden files and folders skipped)."""

    name: str
    path: Path
    kind: str = field(default="folder", init=False)

    @property
    def hosts(self) -> frozenset[str]:
        return frozenset()


@dataclass(frozen=True)
class WebIndexSource(SourceInfo):
    """An index page listing minutes pages.

    ``link_pattern``: a regex (``re.search``) the absolute URL of a link must match to be a minutes
    page; when absent, every link below the index page's own path is one. ``next_pattern``: a regex
    for the index's own "next page" links, followed up to ``max_index_pages`` pages.
    ``max_pages`` caps the minutes pages fetched per run. ``allowed_hosts`` adds hosts (besides the
    index page's) that links and redirects may lead to.
    """

    name: str
    index_url: str
    link_pattern: str | None = None
    next_pattern: str | None = None
    max_pages: int | None = None
    max_index_pages: int = 20
    allowed_hosts: tuple[str, ...] = ()
    kind: str = field(default="web_index", init=False)

    @property
    def hosts(self) -> frozenset[str]:
        return frozenset({_host(self.index_url), *(h.lower() for h in self.allowed_hosts)})


@dataclass(frozen=True)
class ModernGovSource(SourceInfo):
    """A committee on a ModernGov site, found through ``mgWebService.asmx``.

    ``committee_id`` wins over ``committee_name`` (matched case- and space-insensitively against
    GetCommittees). Meetings from ``from_date`` (default: all) to ``to_date`` (default: today).
    ``include_documents`` also fetches the meeting's linked documents whose title matches
    ``document_pattern`` (the minutes PDF), besides its ``ieListDocuments.aspx`` page.
    """

    name: str
    base_url: str
    committee_id: int | None = None
    committee_name: str | None = None
    from_date: date | None = None
    to_date: date | None = None
    include_documents: bool = False
    document_pattern: str = r"(?i)\bminutes\b"
    allowed_hosts: tuple[str, ...] = ()
    kind: str = field(default="moderngov", init=False)

    @property
    def hosts(self) -> frozenset[str]:
        return frozenset({_host(self.base_url), *(h.lower() for h in self.allowed_hosts)})


Source = FolderSource | WebIndexSource | ModernGovSource

KINDS: dict[str, type] = {"folder": FolderSource, "web_index": WebIndexSource, "moderngov": ModernGovSource}
REQUIRED: dict[str, tuple[str, ...]] = {
    "folder": ("path",),
    "web_index": ("index_url",),
    "moderngov": ("base_url",),
}
_URL_FIELDS = ("index_url", "base_url")
_REGEX_FIELDS = ("link_pattern", "next_pattern", "document_pattern")
_TEXT_FIELDS = ("path", "committee_name", "body", "organisation", "area", "note", "adapter")


def _host(url: str) -> str:
    return (urlsplit(url).hostname or "").lower()


def load_sources(path: Path | str) -> list[Source]:
    """The sources of a TOML file, in file order. Raises ``SourceConfigError`` on any fault."""
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise SourceConfigError(f"{path}: cannot read the file: {exc.strerror or exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise SourceConfigError(f"{path}: not valid TOML: {exc}") from None
    entries = data.get("source", [])
    if not isinstance(entries, list):
        raise SourceConfigError(f"{path}: 'source' must be an array of tables ([[source]])")
    sources = [parse_source(entry, where=f"{path}: source #{i + 1}", base_dir=path.parent)
               for i, entry in enumerate(entries)]
    seen: set[str] = set()
    for src in sources:
        if src.name in seen:
            raise SourceConfigError(f"{path}: two sources are named {src.name!r}; names must be unique")
        seen.add(src.name)
    return sources


def parse_source(entry: Any, *, where: str = "source", base_dir: Path = Path(".")) -> Source:
    """One ``[[source]]`` table as a typed source.

    >>> parse_source({"name": "pcp", "kind": "moderngov", "base_url": "https://d.example.org",
    ...               "committee_id": 7}).committee_id
    7
    """
    if not isinstance(entry, dict):
        raise SourceConfigError(f"{where}: must be a table")
    name = entry.get("name")
    if not isinstance(name, str) or not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]*", name):
        raise SourceConfigError(f"{where}: 'name' is missing or not a simple name (letters, digits, . _ -)")
    where = f"{where} ({name})"
    kind = entry.get("kind")
    if kind not in KINDS:
        raise SourceConfigError(f"{where}: unknown kind {kind!r}; expected one of {', '.join(KINDS)}")
    cls = KINDS[kind]
    allowed = {f.name for f in fields(cls) if f.init}
    unknown = sorted(set(entry) - allowed - {"kind"})
    if unknown:
        raise SourceConfigError(f"{where}: unknown field {unknown[0]!r} for kind {kind!r}")
    for req in REQUIRED[kind]:
        if req not in entry:
            raise SourceConfigError(f"{where}: missing field {req!r} (required for kind {kind!r})")
    values = {k: v for k, v in entry.items() if k != "kind"}
    _check_values(values, kind, where)
    if kind == "folder":
        folder = Path(values["path"]).expanduser()
        values["path"] = folder if folder.is_absolute() else base_dir / folder
    for key in ("allowed_hosts",):
        if key in values:
            values[key] = tuple(str(h).lower() for h in values[key])
    return cls(**values)


def _check_values(values: dict[str, Any], kind: str, where: str) -> None:
    def bad(key: str, what: str) -> SourceConfigError:
        return SourceConfigError(f"{where}: {key!r} must be {what}, not {values[key]!r}")

    for key, value in values.items():
        if key in _URL_FIELDS or key in _TEXT_FIELDS or key in _REGEX_FIELDS:
            if not isinstance(value, str) or not value.strip():
                raise bad(key, "a non-empty string")
        if key in _URL_FIELDS:
            parts = urlsplit(value)
            if parts.scheme not in ("http", "https") or not parts.hostname:
                raise bad(key, "an http(s) URL")
        if key in _REGEX_FIELDS:
            try:
                re.compile(value)
            except re.error as exc:
                raise SourceConfigError(f"{where}: {key!r} is not a valid regex: {exc}") from None
        if key in ("max_pages", "max_index_pages", "committee_id"):
            if not isinstance(value, int) or isinstance(value, bool) or value < 1:
                raise bad(key, "a positive whole number")
        if key in ("from_date", "to_date") and (not isinstance(value, date) or hasattr(value, "hour")):
            raise bad(key, "a TOML date such as 2013-01-01")
        if key in ("include_documents", "checked", "enabled") and not isinstance(value, bool):
            raise bad(key, "true or false")
        if key == "allowed_hosts" and (not isinstance(value, list) or not all(isinstance(h, str) for h in value)):
            raise bad(key, "a list of host names")
        if key == "body_kind" and value not in BODY_KINDS:
            raise bad(key, f"one of {', '.join(BODY_KINDS)}")
    if kind == "moderngov" and "committee_id" not in values and "committee_name" not in values:
        raise SourceConfigError(f"{where}: missing field 'committee_id' or 'committee_name' (one is required "
                                "for kind 'moderngov')")
