"""sync_sources over the three invented fixture sites, served on 127.0.0.1, then materialise."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from flows.fetch import (
    Archive,
    ClientSettings,
    FolderSource,
    ModernGovSource,
    WebIndexSource,
    materialise,
    sync_sources,
    url_of_file,
)
from flows.fetch.sync import TransientFetchError
from tests.fixtures.sites.site_server import Reply, SiteServer

FAST = ClientSettings(min_host_delay=0.0, retries=1, backoff_base=0.01, backoff_max=0.01,
                      connect_timeout=2.0, read_timeout=2.0, trust_env=False)
TODAY = date(2031, 10, 1)
BOARD_PAGE = "/force/chief-officers-minutes/8-april-2031/"


@pytest.fixture
def server() -> Iterator[SiteServer]:
    with SiteServer() as s:
        yield s


def kent_like_sources(server: SiteServer, **panel: object) -> list:
    return [
        WebIndexSource("force-board", server.url("/force/chief-officers-minutes/"),
                       link_pattern=r"/chief-officers-minutes/[^/?#]+/?$", next_pattern=r"\?(.*&)?page=\d+"),
        WebIndexSource("pcc-notes", server.url("/pcc/meeting-notes/"), link_pattern=r"/meeting-notes/[^/?#]+/$"),
        ModernGovSource("panel", server.url("/democracy"),
                        **({"committee_name": "Eastshire and Westbridge Police & Crime Panel"} | panel)),
    ]


def sync(server: SiteServer, archive: Archive, sources=None, settings: ClientSettings = FAST):
    return sync_sources(sources or kent_like_sources(server), archive, settings, today=TODAY)


def document_urls(report, outcome: str) -> set[str]:
    return {r.url for r in report.records if r.kind == "document" and r.outcome == outcome}


def test_new_pages_are_picked_up_from_all_three_kinds(server: SiteServer, tmp_path: Path) -> None:
    messages: list[str] = []
    archive = Archive(tmp_path / "archive")
    report = sync_sources(kent_like_sources(server), archive, FAST, today=TODAY, progress=messages.append)
    assert document_urls(report, "new") == {server.url(p) for p in (
        "/force/chief-officers-minutes/8-april-2031/", "/force/chief-officers-minutes/11-march-2031/",
        "/force/chief-officers-minutes/14-january-2031/",          # found on the listing's page 2
        "/pcc/meeting-notes/performance-board-9-april-2031/", "/pcc/meeting-notes/performance-board-2-july-2031/",
        "/democracy/ieListDocuments.aspx?CId=55&MId=701", "/democracy/ieListDocuments.aspx?CId=55&MId=702",
    )}   # meeting 703 is after "today"; off-host and robots-disallowed links are never followed
    assert report.failures == []
    assert not server.hits("/force/private/draft-minutes/")
    assert len(messages) == 3 and messages[0].startswith("  source force-board: documents: 3 new")
    meetings_call = next(r.path for r in server.requests if "GetMeetings" in r.path)
    # asked to the end of next year (a URL stable night after night), meetings after today skipped
    assert "lCommitteeId=55" in meetings_call and "sToDate=31%2F12%2F2032" in meetings_call
    log = [json.loads(line) for line in archive.log_path.read_text().splitlines()]
    assert {"url", "source", "fetched_at", "status", "etag", "last_modified", "content_type", "sha256", "size",
            "outcome", "reason"} <= set(log[0])


def test_second_sync_is_not_modified_and_a_changed_page_keeps_its_old_version(
        server: SiteServer, tmp_path: Path) -> None:
    archive = Archive(tmp_path / "archive")
    sync(server, archive)
    first = archive.latest(server.url(BOARD_PAGE))

    again = sync(server, archive)
    assert document_urls(again, "new") == document_urls(again, "changed") == set()
    assert len(document_urls(again, "not_modified")) == 7
    assert server.hits(BOARD_PAGE)[-1].headers["if-none-match"] == first.etag

    corrected = (Path(__file__).parent / "fixtures/sites/force/chief-officers-minutes/8-april-2031.html"
                 ).read_bytes().replace(b"Beech Room", b"Elm Room")
    server.set_body(BOARD_PAGE, corrected)
    third = sync(server, archive)
    assert document_urls(third, "changed") == {server.url(BOARD_PAGE)}
    latest = archive.latest(server.url(BOARD_PAGE))
    assert latest.sha256 != first.sha256
    assert archive.read(first.sha256) != archive.read(latest.sha256)          # both bodies kept
    outcomes = [r.outcome for r in archive.records() if r.url == server.url(BOARD_PAGE)]
    assert outcomes == ["new", "not_modified", "changed"]                     # and every record


def test_unchanged_body_without_validators_is_recognised_by_hash(server: SiteServer, tmp_path: Path) -> None:
    body = b"<html><body><p>Title: Chief Officer's Management Board</p></body></html>"
    server.set(BOARD_PAGE, lambda _req: Reply(200, body, {"Content-Type": "text/html"}, validators=False))
    archive = Archive(tmp_path / "archive")
    sync(server, archive)
    report = sync(server, archive)
    assert server.url(BOARD_PAGE) in document_urls(report, "unchanged")


def test_failures_are_reported_and_do_not_stop_the_run(server: SiteServer, tmp_path: Path) -> None:
    server.set("/force/chief-officers-minutes/11-march-2031/", lambda _req: Reply(404, b"gone"))
    server.set("/pcc/meeting-notes/performance-board-2-july-2031/",
               lambda _req: Reply(200, b"\x89PNG....", {"Content-Type": "image/png"}))
    server.set("/democracy/ieListDocuments.aspx?CId=55&MId=702", lambda _req: Reply(503, b"busy"))
    archive = Archive(tmp_path / "archive")
    report = sync(server, archive)
    by_check = {f.check: f for f in report.failures}
    assert set(by_check) == {"http_404", "content_type_refused", "server_error"}
    assert by_check["http_404"].url.endswith("/11-march-2031/") and by_check["http_404"].source == "force-board"
    assert len(server.hits("/force/chief-officers-minutes/11-march-2031/")) == 1   # 4xx: no retry
    assert by_check["server_error"].transient and not by_check["http_404"].transient
    assert len(document_urls(report, "new")) == 4
    errors = [r for r in archive.records() if r.outcome == "error"]
    assert len(errors) == 3 and all(r.reason for r in errors)
    with pytest.raises(TransientFetchError, match="ieListDocuments"):
        report.raise_for_transient()


def test_moderngov_by_id_with_linked_minutes_documents(server: SiteServer, tmp_path: Path) -> None:
    sources = [ModernGovSource("panel", server.url("/democracy"), committee_id=55, from_date=date(2025, 7, 1),
                               include_documents=True)]
    report = sync(server, Archive(tmp_path / "archive"), sources)
    # meeting 701 is before from_date, 703 after today: only 702, which links no documents
    assert document_urls(report, "new") == {server.url("/democracy/ieListDocuments.aspx?CId=55&MId=702")}
    assert not any("GetCommittees" in r.path for r in server.requests)
    sources = [replace(sources[0], from_date=None)]
    report = sync(server, Archive(tmp_path / "archive2"), sources)
    pdf = [r for r in report.records if r.content_type == "application/pdf"]
    assert len(pdf) == 1 and pdf[0].outcome == "new"                    # the minutes, not the agenda
    assert pdf[0].url == server.url("/democracy/documents/g701/Printed%20minutes.pdf")
    assert any("GetMeeting?lMeetingId=701" in r.path for r in server.requests)


def test_unknown_committee_name_is_a_failure(server: SiteServer, tmp_path: Path) -> None:
    sources = [ModernGovSource("panel", server.url("/democracy"), committee_name="Licensing Committee")]
    report = sync(server, Archive(tmp_path / "archive"), sources)
    assert [f.check for f in report.failures] == ["committee_not_found"]


def test_materialise_gives_stable_safe_names_and_rebuilds_offline(server: SiteServer, tmp_path: Path) -> None:
    archive = Archive(tmp_path / "state" / "archive")
    sync(server, archive)
    server.__exit__()                               # offline from here on
    out = tmp_path / "fetched"
    files = materialise(Archive(tmp_path / "state" / "archive"), out)
    host = f"127.0.0.1_{server.port}"
    names = sorted(p.relative_to(out).as_posix() for p in files)
    assert names == sorted(f"{host}/{n}" for n in (
        "chief-officers-minutes_8-april-2031.html", "chief-officers-minutes_11-march-2031.html",
        "chief-officers-minutes_14-january-2031.html", "meeting-notes_performance-board-9-april-2031.html",
        "meeting-notes_performance-board-2-july-2031.html", "ieListDocuments_CId-55_MId-701.html",
        "ieListDocuments_CId-55_MId-702.html"))
    assert url_of_file(out, out / host / "ieListDocuments_CId-55_MId-701.html") == \
        server.url("/democracy/ieListDocuments.aspx?CId=55&MId=701")
    assert b"Tuesday 8 April 2025" in (out / host / "chief-officers-minutes_8-april-2031.html").read_bytes()
    assert materialise(archive, out) == files       # idempotent


def test_folder_source_is_archived_too(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "board-2031-03-04.txt").write_text("Title: Board\nDate: 4 March 2031\n")
    (folder / "sub" / "panel.html").write_text("<p>Panel</p>")
    (folder / ".hidden").write_text("skip me")
    archive = Archive(tmp_path / "archive")
    first = sync_sources([FolderSource("local", folder)], archive, FAST)
    assert first.count("new") == 2
    (folder / "sub" / "panel.html").write_text("<p>Panel, corrected</p>")
    second = sync_sources([FolderSource("local", folder)], archive, FAST)
    assert (second.count("changed"), second.count("unchanged")) == (1, 1)
    out = tmp_path / "out"
    names = sorted(p.relative_to(out).as_posix() for p in materialise(archive, out))
    assert names == ["local/board-2031-03-04.txt", "local/panel.html"]
    missing = sync_sources([FolderSource("gone", tmp_path / "nope")], archive, FAST)
    assert [f.check for f in missing.failures] == ["folder_missing"]
