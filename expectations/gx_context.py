"""Importing Great Expectations quietly and making its in-memory (ephemeral) context.

GX costs seconds to import and sends analytics unless told not to, so it is imported here,
once, when a ``Checker`` is made; never at import of ``expectations``.

>>> gx = import_gx()                              # doctest: +SKIP
>>> context = ephemeral_context(gx, Path("docs"))  # doctest: +SKIP
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from types import ModuleType

DATA_DOCS_SITE = "local_site"


def import_gx() -> ModuleType:
    """``great_expectations`` with analytics off and its logging kept to warnings."""
    # Read at import time. (Progress bars are switched off in the context config instead of
    # TQDM_DISABLE: GX passes `disable=` explicitly, and the variable would reach every tqdm.)
    os.environ["GX_ANALYTICS_ENABLED"] = "false"
    import great_expectations as gx

    for name in ("great_expectations", "great_expectations.core", "great_expectations.data_context"):
        logger = logging.getLogger(name)
        logger.setLevel(max(logger.level, logging.WARNING))
    return gx


def ephemeral_context(gx: ModuleType, data_docs_dir: Path | None):
    """An in-memory GX context: no project folder, nothing written except Data Docs, and those
    only into ``data_docs_dir`` (no site at all when it is None)."""
    from great_expectations.data_context.types.base import (
        DataContextConfig,
        InMemoryStoreBackendDefaults,
        ProgressBarsConfig,
    )

    sites = {}
    if data_docs_dir is not None:
        sites[DATA_DOCS_SITE] = {
            "class_name": "SiteBuilder",
            "show_how_to_buttons": False,
            "store_backend": {"class_name": "TupleFilesystemStoreBackend",
                              "base_directory": str(Path(data_docs_dir).resolve())},
            "site_index_builder": {"class_name": "DefaultSiteIndexBuilder"},
        }
    config = DataContextConfig(
        # init_temp_docs_sites=False: the default ephemeral site points at a temp folder.
        store_backend_defaults=InMemoryStoreBackendDefaults(init_temp_docs_sites=False),
        data_docs_sites=sites,
        # The validator draws tqdm bars unless the context says not to (TQDM_DISABLE is not read).
        progress_bars=ProgressBarsConfig(globally=False, metric_calculations=False),
        analytics_enabled=False,
    )
    return gx.get_context(mode="ephemeral", project_config=config)
