"""The docstring examples of the scale and store-query modules run."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = [
    "tradecheck.scale.bulk",
    "tradecheck.scale.dask_path",
    "tradecheck.store.partitioned",
    "tradecheck.store.query",
]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    mod = importlib.import_module(name)
    result = doctest.testmod(mod, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0
    assert result.attempted > 0
