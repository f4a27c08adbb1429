"""Run the docstring examples of the core modules."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = [
    "tradecheck.schema",
    "tradecheck.errors",
    "tradecheck.paths",
    "tradecheck.fmt",
    "tradecheck.dates",
]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    mod = importlib.import_module(name)
    result = doctest.testmod(mod, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0
