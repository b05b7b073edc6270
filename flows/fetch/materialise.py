"""Offline rebuild: the latest version of every archived document as files the folder pipeline reads.

``materialise(archive, out_dir)`` needs no network. Each file is a hard link to its archive object
(a copy where linking is impossible), named from its URL (``flows.fetch.names``). A hidden
``.sources.jsonl`` beside them maps each file back to its URL, source and sha256 (hidden files are
skipped by ``flows.stages.discover``).

    >>> import tempfile
    >>> from flows.fetch.archive import Archive
    >>> root = Path(tempfile.mkdtemp())
    >>> archive = Archive(root / "archive")
    >>> _ = archive.add_body("https://d.example.org/ieListDocuments.aspx?CId=5&MId=9", b"<p>m</p>",
    ...                      source="panel", content_type="text/html")
    >>> [p.relative_to(root / "out").as_posix() for p in materialise(archive, root / "out")]
    ['d.example.org/ieListDocuments_CId-5_MId-9.html']
"""

from __future__ import annotations

import json
import os
import shutil
from collections import defaultdict
from pathlib import Path, PurePosixPath

from flows.fetch.archive import Archive, FetchRecord
from flows.fetch.names import file_name_for_url, with_hash

MANIFEST = ".sources.jsonl"


def planned_names(latest: dict[str, FetchRecord]) -> dict[str, PurePosixPath]:
    """url -> relative file name for every archived document; URLs that would collide get a hash."""
    names = {url: file_name_for_url(url, rec.content_type)
             for url, rec in latest.items() if rec.kind == "document" and rec.sha256}
    by_name: dict[PurePosixPath, list[str]] = defaultdict(list)
    for url, name in names.items():
        by_name[PurePosixPath(str(name).lower())].append(url)   # case-insensitive file systems too
    for urls in by_name.values():
        if len(urls) > 1:
            for url in urls:
                names[url] = with_hash(names[url], url)
    return names


def materialise(archive: Archive, out_dir: Path | str) -> list[Path]:
    """Write the latest body of every archived document under ``out_dir``; return the files, sorted.

    Files this function wrote before and no longer names are removed; nothing else in
    ``out_dir`` is touched.
    """
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    root = out_dir.resolve()
    latest = archive.latest_by_url()
    written: dict[Path, FetchRecord] = {}
    for url, name in sorted(planned_names(latest).items()):
        target = (root / name).resolve()
        if root not in target.parents:   # names are sanitised; this is belt and braces
            continue
        _place(archive.object_path(latest[url].sha256), target)
        written[target] = latest[url]
    _remove_stale(root, set(written))
    _write_manifest(root, written)
    return sorted(written)


def _place(obj: Path, target: Path) -> None:
    """Put ``obj`` at ``target`` atomically (hard link, else copy); skip if already the same file."""
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        if target.exists() and os.path.samefile(obj, target):
            return
    except OSError:
        pass
    tmp = target.with_name(f".tmp-{target.name}")
    tmp.unlink(missing_ok=True)
    try:
        os.link(obj, tmp)
    except OSError:
        shutil.copyfile(obj, tmp)
    os.replace(tmp, target)


def _remove_stale(root: Path, keep: set[Path]) -> None:
    for rel in _read_manifest(root):
        old = (root / rel).resolve()
        if old not in keep and root in old.parents and old.is_file():
            old.unlink()


def _read_manifest(root: Path) -> list[str]:
    try:
        lines = (root / MANIFEST).read_text(encoding="utf-8").splitlines()
    except OSError:
        return []
    out = []
    for line in lines:
        try:
            out.append(json.loads(line)["file"])
        except (ValueError, KeyError, TypeError):
            continue
    return out


def _write_manifest(root: Path, written: dict[Path, FetchRecord]) -> None:
    lines = [json.dumps({"file": path.relative_to(root).as_posix(), "url": rec.url, "source": rec.source,
                         "sha256": rec.sha256, "fetched_at": rec.fetched_at, "content_type": rec.content_type,
                         "charset": rec.charset},
                        ensure_ascii=False, sort_keys=True)
             for path, rec in sorted(written.items())]
    tmp = root / f".tmp-{MANIFEST}"
    tmp.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    os.replace(tmp, root / MANIFEST)


def url_of_file(out_dir: Path | str, path: Path | str) -> str | None:
    """The URL a materialised file came from (for ``source_uri``), or None."""
    root = Path(out_dir).resolve()
    try:
        rel = Path(path).resolve().relative_to(root).as_posix()
        lines = (root / MANIFEST).read_text(encoding="utf-8").splitlines()
    except (OSError, ValueError):
        return None
    for line in lines:
        try:
            entry = json.loads(line)
        except ValueError:
            continue
        if entry.get("file") == rel:
            return entry.get("url")
    return None


def manifest_urls(out_dir: Path | str, field: str = "url") -> dict[Path, str]:
    """Every materialised file (absolute path) -> the URL it came from; with
    ``field="charset"``, the charset its Content-Type header gave (files without one left out)."""
    return manifest_fields(out_dir, field)[0]


def manifest_fields(out_dir: Path | str, *fields: str) -> tuple[dict[Path, str], ...]:
    """For each of ``fields``, every materialised file (absolute path) -> that field of its
    manifest entry (files without it left out): the manifest is read and parsed once."""
    root = Path(out_dir).resolve()
    out: tuple[dict[Path, str], ...] = tuple({} for _ in fields)
    try:
        lines = (root / MANIFEST).read_text(encoding="utf-8").splitlines()
    except OSError:
        return out
    for line in lines:
        try:
            entry = json.loads(line)
        except ValueError:
            continue
        if not entry.get("file"):
            continue
        for field, found in zip(fields, out, strict=True):
            if entry.get(field):
                found[root / entry["file"]] = entry[field]
    return out
