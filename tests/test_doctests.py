"""Run the docstring examples of every module of the package, so that an example that goes
stale when behaviour changes fails here (the claim reader's examples are its documentation)."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import tradecheck
from tradecheck import paths


def _modules() -> list[str]:
    names = [tradecheck.__name__]
    for info in pkgutil.walk_packages(tradecheck.__path__, prefix="tradecheck."):
        if not info.name.endswith("__main__"):
            names.append(info.name)
    return sorted(names)


MODULES = _modules()


def test_the_walk_finds_the_reader():
    assert "tradecheck.claims.lexicon" in MODULES and "tradecheck.fmt" in MODULES


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name, monkeypatch):
    # the examples show paths relative to the project root (loaders.base.display_path), so
    # they run from there, whatever directory an earlier test of the same worker left
    monkeypatch.chdir(paths.ROOT)
    mod = importlib.import_module(name)
    result = doctest.testmod(mod, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0
