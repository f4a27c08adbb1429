"""The package's own metadata: one version, and the lazy re-exports listed in __all__."""

from __future__ import annotations

from importlib.metadata import version

import tradecheck


def test_installed_version_is_the_one_written_in_the_package():
    # pyproject.toml reads the version from tradecheck.__version__ (setuptools dynamic attr)
    assert version("tradecheck") == tradecheck.__version__


def test_all_lists_exactly_the_lazy_exports():
    assert set(tradecheck.__all__) == {"__version__", *tradecheck._LAZY}
    for name in tradecheck._LAZY:
        assert callable(getattr(tradecheck, name))
