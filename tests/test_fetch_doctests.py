"""The worked examples in flows/fetch docstrings stay true."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = ["archive", "check", "coverage", "fetcher", "hosts", "links", "materialise", "moderngov", "names",
           "politeness", "settings", "sources", "sync"]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    module = importlib.import_module(f"flows.fetch.{name}")
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0
