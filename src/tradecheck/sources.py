"""The source-metadata registry: one row per data source in ``tradecheck/data/sources.csv``.

Every place that names a source or draws it reads this table: the schema (the allowed
``source`` values), the claim checker's reading labels, the charts' legends, source lines
and line styles, and the loader registry (a loader must declare a known source). Adding a
source is one row here plus its loader (see ``docs/add_a_source.md``).

Columns of ``sources.csv``
--------------------------
id
    The value of the canonical ``source`` column (``comtrade``, ``gacc``...).
name
    How a sentence names it ("China's statistics (China customs (GACC))").
short_name
    Legends and compact labels ("GACC").
citation
    The source line under a chart ("IMF, Direction of Trade Statistics").
linestyle
    ``solid``, a dash pattern of on/off lengths in points (``6 2 1 2``), or empty for a
    source drawn as markers (published figures).
publisher
    Who publishes the data (for docs and provenance).
loaders
    The module that reads it, relative to ``src/tradecheck``.

Examples
--------
>>> get("gacc").short_name, get("gacc").name
('GACC', 'China customs (GACC)')
>>> "published" in ids()
True
>>> linestyles()["imf_imts"]
(0, (6.0, 2.0))
"""

from __future__ import annotations

import csv
import functools
import io
from dataclasses import dataclass
from importlib import resources
from typing import Any

__all__ = ["Source", "citations", "get", "ids", "linestyles", "names", "registry", "short_names"]


@dataclass(frozen=True)
class Source:
    """One row of ``sources.csv`` (see the module docstring for the columns)."""

    id: str
    name: str
    short_name: str
    citation: str
    linestyle: str
    publisher: str
    loaders: str

    @property
    def dash(self) -> Any:
        """The matplotlib linestyle: ``"-"``, ``(0, (on, off, ...))``, or None for markers."""
        if not self.linestyle:
            return None
        if self.linestyle == "solid":
            return "-"
        return (0, tuple(float(x) for x in self.linestyle.split()))


@functools.cache
def registry() -> dict[str, Source]:
    """Every source by id, in the order of ``sources.csv``.

    Raises
    ------
    ValueError
        A row with a missing field or a repeated id (a packaging error, not user input).
    """
    text = resources.files("tradecheck").joinpath("data/sources.csv").read_text("utf-8")
    out: dict[str, Source] = {}
    for i, row in enumerate(csv.DictReader(io.StringIO(text)), start=2):
        src = Source(**{k: (v or "").strip() for k, v in row.items()})
        if not (src.id and src.name and src.short_name and src.citation) or src.id in out:
            raise ValueError(f"sources.csv line {i}: empty field or repeated id {src.id!r}")
        out[src.id] = src
    return out


def ids() -> tuple[str, ...]:
    """The allowed values of the canonical ``source`` column."""
    return tuple(registry())


def get(source_id: str) -> Source:
    """The registry row of ``source_id`` (``KeyError`` for an unknown id)."""
    return registry()[source_id]


def names() -> dict[str, str]:
    """id -> name used in sentences."""
    return {k: s.name for k, s in registry().items()}


def short_names() -> dict[str, str]:
    """id -> short name for legends."""
    return {k: s.short_name for k, s in registry().items()}


def citations() -> dict[str, str]:
    """id -> name on a chart's source line."""
    return {k: s.citation for k, s in registry().items()}


def linestyles() -> dict[str, Any]:
    """id -> matplotlib linestyle, for sources drawn as lines (not the marker-only ones)."""
    return {k: s.dash for k, s in registry().items() if s.dash is not None}
