"""tradecheck: check published trade-statistics claims against the real sources.

Data flows one way: raw files -> :mod:`tradecheck.loaders` -> one validated canonical table
(:mod:`tradecheck.schema`) -> :mod:`tradecheck.store` (data/processed) -> :mod:`tradecheck.analysis`
and :mod:`tradecheck.claims` -> notebooks -> :mod:`tradecheck.report`.

The most used functions are re-exported here (imported lazily):

- :func:`load` — read source files into the canonical table;
- :func:`parse` — structured claims from a text;
- :func:`check` — verdicts on the claims of a text against the data (a list of
  :class:`CheckResult`, each with ``summary()``, ``to_frame()`` and a notebook display);
- :func:`check_frame` — verdicts on many statements, one row per claim;
- :func:`plot_claim` — one claim against each side's figure on a real value axis;
- :func:`build` — raw files -> data/processed (Parquet + manifest).

Errors a user can cause raise :class:`TradecheckError` (the command line's exit status 2).
"""

from __future__ import annotations

from typing import Any

# The one place the version is written (pyproject.toml reads it: [tool.setuptools.dynamic]).
__version__ = "0.1.0"

_LAZY = {
    "load": ("tradecheck.loaders", "load"),
    "parse": ("tradecheck.claims.parse", "parse"),
    "check": ("tradecheck.claims.check", "check"),
    "check_frame": ("tradecheck.claims.check", "check_frame"),
    "plot_claim": ("tradecheck.claims.plot", "plot_claim"),
    "Claim": ("tradecheck.claims.model", "Claim"),
    "CheckResult": ("tradecheck.claims.model", "CheckResult"),
    "Reading": ("tradecheck.claims.model", "Reading"),
    "Interval": ("tradecheck.claims.tolerance", "Interval"),
    "TradecheckError": ("tradecheck.errors", "TradecheckError"),
    "build": ("tradecheck.store.build", "build"),
    "read_processed": ("tradecheck.store.build", "read_processed"),
}

__all__ = [
    "CheckResult",
    "Claim",
    "Interval",
    "Reading",
    "TradecheckError",
    "__version__",
    "build",
    "check",
    "check_frame",
    "load",
    "parse",
    "plot_claim",
    "read_processed",
]  # the names of _LAZY and __version__ (a test keeps the two in step)


def __dir__() -> list[str]:
    return sorted(__all__)


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        mod, attr = _LAZY[name]
        return getattr(importlib.import_module(mod), attr)
    raise AttributeError(f"module 'tradecheck' has no attribute {name!r}")
