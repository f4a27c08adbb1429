"""Loaders: read each source in its real format into the canonical table.

Public API
----------
load(path_or_paths, format=None, **options)
    Read one or more files (or folders), auto-detecting each format, and return one
    validated canonical :class:`pandas.DataFrame` (see :mod:`tradecheck.schema`).
detect(path)
    The :class:`~tradecheck.loaders.base.Loader` that recognises a file.
loaders()
    All registered formats.

Examples
--------
>>> from tradecheck.loaders import loaders
>>> "comtrade_json" in loaders()
True
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pandas as pd

from tradecheck import schema
from tradecheck.errors import LoadError, TradecheckError
from tradecheck.loaders import (  # noqa: F401  (import registers the formats)
    belstat,
    comtrade,
    gacc,
    generic,
    imf,
    published,
)
from tradecheck.loaders.base import Loader, LoadWarning, detect, loaders

__all__ = ["LoadWarning", "Loader", "detect", "iter_files", "load", "loaders"]

_SKIP_SUFFIXES = (".meta.json", ".mapping.json", ".md", ".txt.sha256")
_SKIP_NAMES = {"README", "README.md", "SOURCES.md", ".gitkeep"}


def iter_files(paths: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """Expand folders into the data files below them (sorted; sidecars and READMEs skipped)."""
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            for f in sorted(p.rglob("*")):
                if (
                    f.is_file()
                    and f.name not in _SKIP_NAMES
                    and not f.name.endswith(_SKIP_SUFFIXES)
                    and not f.name.startswith(".")
                ):
                    out.append(f)
        else:
            out.append(p)
    return out


def load(
    path: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    *,
    format: str | None = None,
    validate: bool = True,
    **options: Any,
) -> pd.DataFrame:
    """Load files into one validated canonical table.

    Parameters
    ----------
    path
        A file, a folder (all data files below it), or a list of them.
    format
        Force a loader by name (see :func:`loaders`); default: detect by content.
    validate
        Check the result against :func:`tradecheck.schema.validate` (default True).
    **options
        Passed to the loader (e.g. ``flow="M"`` for a China-customs query CSV whose
        file name does not say the flow).

    Returns
    -------
    pandas.DataFrame
        The canonical table (columns :data:`tradecheck.schema.CANONICAL_COLUMNS`). A Comtrade
        bulk file or CSV over 8 MiB is read by the streaming path (same rows, bounded
        memory); past 1.5 million rows from one such file this raises a LoadError that says
        how to stream it to Parquet instead (:mod:`tradecheck.scale.route` says why).

    Raises
    ------
    LoadError
        For a missing, empty, truncated, mis-encoded or unrecognised file, naming the file,
        the row/column and what was expected. Raw files are only ever read.

    Examples
    --------
    >>> from tradecheck import paths
    >>> df = load(paths.RAW / "published" / "published_figures.csv")  # doctest: +SKIP
    """
    if isinstance(path, (str, os.PathLike)):
        items = [path]
    else:
        items = list(path)
    files = iter_files(items)
    if not files:
        raise LoadError(", ".join(map(str, items)) or "(nothing)", "no data files to load")
    if format and format not in loaders():
        raise LoadError(files[0], f"unknown format {format!r}; known: {', '.join(loaders())}")
    from tradecheck.scale.route import load_streamed, streams

    frames = []
    for f in files:
        ld = loaders()[format] if format else detect(f)
        if not f.exists():
            raise LoadError(f, "no such file")
        try:
            streamed = streams(ld.name, f)
            df = load_streamed(f, **options) if streamed else ld.load(f, **options)
        except TradecheckError:
            raise
        except Exception as exc:  # a loader bug or an input no check anticipated
            if os.environ.get("TRADECHECK_DEBUG"):
                raise
            raise LoadError(
                f,
                f"the {ld.name} loader could not read the file "
                f"({exc.__class__.__name__}: {exc}); expected {ld.description or ld.name}",
            ) from exc
        if not df.empty:
            frames.append(df if streamed else schema.make_frame(df))  # streamed: canonical
    if not frames:
        out = schema.empty_frame()
    else:
        out = pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]
    if validate:
        schema.validate(out)
    return out
