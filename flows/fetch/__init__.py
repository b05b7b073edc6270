"""The fetch layer: find new and corrected minutes on publishers' sites, keep every version.

    sources = load_sources("sources.toml")
    settings = ClientSettings.load("sources.toml")
    archive = Archive.in_state(state_dir)
    report = sync_sources(sources, archive, settings, progress=print)   # network
    files = materialise(archive, state_dir / "fetched")                 # offline; feed to the folder pipeline

See docs/sources.md. Nothing here imports Prefect: a plain loop can use it.
"""

from flows.fetch.archive import Archive, FetchRecord
from flows.fetch.fetcher import FetchResult, PoliteFetcher
from flows.fetch.materialise import materialise, url_of_file
from flows.fetch.names import file_name_for_url
from flows.fetch.settings import ClientSettings
from flows.fetch.sources import (
    FolderSource,
    ModernGovSource,
    Source,
    SourceConfigError,
    WebIndexSource,
    load_sources,
)
from flows.fetch.sync import FetchFailure, SyncReport, TransientFetchError, sync_sources

__all__ = [
    "Archive", "ClientSettings", "FetchFailure", "FetchRecord", "FetchResult", "FolderSource", "ModernGovSource",
    "PoliteFetcher", "Source", "SourceConfigError", "SyncReport", "TransientFetchError", "WebIndexSource",
    "file_name_for_url", "load_sources", "materialise", "sync_sources", "url_of_file",
]
