"""Run the docstring examples of the fetch and store modules."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = [
    "tradecheck.fetch.comtrade",
    "tradecheck.fetch.imf",
    "tradecheck.fetch._transport",
    "tradecheck.fetch._sidecar",
    "tradecheck.store.manifest",
    "tradecheck.store.build",
]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    mod = importlib.import_module(name)
    result = doctest.testmod(mod, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0
