"""Run the docstring examples of the analysis and chart modules."""

from __future__ import annotations

import doctest
import importlib

import matplotlib
import pytest

matplotlib.use("Agg")

MODULES = [
    "tradecheck.analysis._common",
    "tradecheck.analysis.levels",
    "tradecheck.analysis.monthly",
    "tradecheck.analysis.mirror",
    "tradecheck.analysis.products",
    "tradecheck.analysis.coverage",
    "tradecheck.charts.style",
    "tradecheck.charts.plots",
]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    mod = importlib.import_module(name)
    result = doctest.testmod(mod, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0
