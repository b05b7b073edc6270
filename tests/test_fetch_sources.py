"""sources.toml: the typed loader, its one-line errors, and the fetch settings."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from flows.fetch import (
    ClientSettings,
    FolderSource,
    ModernGovSource,
    SourceConfigError,
    WebIndexSource,
    load_sources,
)

ROOT = Path(__file__).resolve().parent.parent


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "sources.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_shipped_config_has_the_three_kent_sources() -> None:
    sources = load_sources(ROOT / "sources.toml")
    kent = [s for s in sources if s.name.startswith("kent-")]
    assert [s.kind for s in kent] == ["web_index", "web_index", "moderngov"]
    panel = kent[2]
    assert isinstance(panel, ModernGovSource)
    assert panel.committee_name and panel.base_url.startswith("https://")
    ClientSettings.load(ROOT / "sources.toml")   # its [fetch] table is valid too


def test_each_kind_is_typed(tmp_path: Path) -> None:
    cfg = write(tmp_path, """
[[source]]
name = "local"
kind = "folder"
path = "minutes"

[[source]]
name = "board"
kind = "web_index"
index_url = "https://www.example.org/board/"
link_pattern = '/board/[^/]+/$'
next_pattern = '\\?page=\\d+'
max_pages = 40

[[source]]
name = "panel"
kind = "moderngov"
base_url = "https://democracy.example.org"
committee_id = 55
from_date = 2020-01-31
include_documents = true
""")
    folder, board, panel = load_sources(cfg)
    assert folder == FolderSource("local", tmp_path / "minutes")   # relative to the config file
    assert isinstance(board, WebIndexSource) and board.max_pages == 40 and board.hosts == {"www.example.org"}
    assert panel.committee_id == 55 and panel.from_date == date(2020, 1, 31) and panel.include_documents


@pytest.mark.parametrize(("body", "message"), [
    ('name = "x"\nkind = "ftp"\n', "unknown kind 'ftp'"),
    ('name = "x"\nkind = "web_index"\n', "missing field 'index_url'"),
    ('name = "x"\nkind = "folder"\n', "missing field 'path'"),
    ('name = "x"\nkind = "moderngov"\nbase_url = "https://d.example.org"\n', "'committee_id' or 'committee_name'"),
    ('name = "x"\nkind = "web_index"\nindex_url = "ftp://example.org/"\n', "must be an http(s) URL"),
    ('name = "x"\nkind = "web_index"\nindex_url = "https://e.org/"\nlink_pattern = "(["\n', "not a valid regex"),
    ('name = "x"\nkind = "web_index"\nindex_url = "https://e.org/"\nlink_patern = "a"\n',
     "unknown field 'link_patern'"),
    ('name = "x"\nkind = "web_index"\nindex_url = "https://e.org/"\nmax_pages = 0\n', "positive whole number"),
    ('name = "x"\nkind = "moderngov"\nbase_url = "https://e.org"\ncommittee_id = 1\nfrom_date = "2020"\n',
     "TOML date"),
    ('kind = "folder"\npath = "x"\n', "'name' is missing"),
])
def test_bad_source_gives_one_line_error(tmp_path: Path, body: str, message: str) -> None:
    cfg = write(tmp_path, "[[source]]\n" + body)
    with pytest.raises(SourceConfigError) as err:
        load_sources(cfg)
    text = str(err.value)
    assert message in text and "\n" not in text and str(cfg) in text


def test_duplicate_names_and_bad_toml_are_errors(tmp_path: Path) -> None:
    entry = '[[source]]\nname = "a"\nkind = "folder"\npath = "x"\n'
    with pytest.raises(SourceConfigError, match="two sources are named 'a'"):
        load_sources(write(tmp_path, entry + entry))
    with pytest.raises(SourceConfigError, match="not valid TOML"):
        load_sources(write(tmp_path, "[[source]\nname = "))
    with pytest.raises(SourceConfigError, match="cannot read"):
        load_sources(tmp_path / "missing.toml")


def test_client_settings_layering(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cfg = write(tmp_path, '[fetch]\ncontact_url = "mailto:ops@example.org"\nretries = 5\nmin_host_delay = 1.5\n')
    monkeypatch.setenv("MINUTES_FETCH_RETRIES", "2")
    monkeypatch.setenv("MINUTES_FETCH_RESPECT_ROBOTS", "true")
    s = ClientSettings.load(cfg, read_timeout=7.0, connect_timeout=None)
    assert (s.contact_url, s.retries, s.min_host_delay, s.read_timeout, s.connect_timeout) == \
        ("mailto:ops@example.org", 2, 1.5, 7.0, 10.0)
    assert s.user_agent == "minutes-pipeline/0.1 (+mailto:ops@example.org)"
    assert ClientSettings(retries=4, backoff_base=1, backoff_max=5).retry_delays() == [1, 2, 4, 5]
    with pytest.raises(ValueError, match="unknown \\[fetch\\] setting 'retry'"):
        ClientSettings.load(write(tmp_path, "[fetch]\nretry = 1\n"))
