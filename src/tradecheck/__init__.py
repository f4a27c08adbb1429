"""tradecheck: check published trade-statistics claims against the real sources.

Data flows one way: raw files -> :mod:`tradecheck.loaders` -> one validated canonical table
(:mod:`tradecheck.schema`) -> :mod:`tradecheck.store` (data/processed) -> :mod:`tradecheck.analysis`
and :mod:`tradecheck.claims` -> notebooks -> :mod:`tradecheck.report`.

The most used functions are re-exported here (imported lazily):

- :func:`load` — read source files into the canonical table;
- :func:`parse` — structured claims from a text;
- :func:`check` — verdicts on the claims of a text against the data;
- :func:`build` — raw files -> data/processed (Parquet + manifest).
"""

from __future__ import annotations

from typing import Any

# The one place the version is written (pyproject.toml reads it: [tool.setuptools.dynamic]).
__version__ = "0.1.0"

_LAZY = {
    "load": ("tradecheck.loaders", "load"),
    "parse": ("tradecheck.claims.parse", "parse"),
    "check": ("tradecheck.claims.check", "check"),
    "build": ("tradecheck.store.build", "build"),
    "read_processed": ("tradecheck.store.build", "read_processed"),
}

__all__ = ["__version__", "build", "check", "load", "parse", "read_processed"]  # = _LAZY


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        mod, attr = _LAZY[name]
        return getattr(importlib.import_module(mod), attr)
    raise AttributeError(f"module 'tradecheck' has no attribute {name!r}")
