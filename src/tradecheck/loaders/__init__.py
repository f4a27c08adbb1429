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
load_report(df)
    The :class:`~tradecheck.loaders.report.LoadReport` of a loaded table: rows dropped by
    reason and notes, per file.

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
from tradecheck.loaders import report as _report
from tradecheck.loaders.base import Loader, LoadWarning, detect, loaders
from tradecheck.loaders.report import LoadReport

__all__ = [
    "LoadReport",
    "LoadWarning",
    "Loader",
    "detect",
    "iter_files",
    "load",
    "load_report",
    "loaders",
]

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
    allow_empty: bool = False,
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
    allow_empty
        Accept a result with zero rows even when rows were dropped (default False: that is
        an error, because it is what a misread file looks like).
    **options
        Passed to the loader (e.g. ``flow="M"`` for a China-customs query CSV whose
        file name does not say the flow).

    Returns
    -------
    pandas.DataFrame
        The canonical table (columns :data:`tradecheck.schema.CANONICAL_COLUMNS`); its
        :class:`~tradecheck.loaders.report.LoadReport` (rows dropped by reason, notes) is
        ``load_report(df)``. A Comtrade
        bulk file or CSV over 8 MiB is read by the streaming path (same rows, bounded
        memory); past 1.5 million rows from one such file this raises a LoadError that says
        how to stream it to Parquet instead (:mod:`tradecheck.scale.route` says why).

    Raises
    ------
    LoadError
        For a missing, empty, truncated, mis-encoded or unrecognised file, naming the file,
        the row/column and what was expected; and for a load that ends with zero rows
        because rows were dropped (unless ``allow_empty=True``). Raw files are only ever read.

    Examples
    --------
    >>> from tradecheck import paths
    >>> df = load(paths.RAW / "published" / "published_figures.csv")  # doctest: +SKIP
    """
    items = [path] if isinstance(path, (str, os.PathLike)) else list(path)
    files = iter_files(items)
    if not files:
        raise LoadError(", ".join(map(str, items)) or "(nothing)", "no data files to load")
    if format and format not in loaders():
        raise LoadError(files[0], f"unknown format {format!r}; known: {', '.join(loaders())}")
    with _report.collecting() as rep:
        frames = [df for f in files if not (df := _load_one(f, format, options)).empty]
    out = (
        pd.concat(frames, ignore_index=True)
        if len(frames) > 1
        else (frames[0] if frames else schema.empty_frame())
    )
    if out.empty and rep.n_dropped and not allow_empty:
        where = files[0] if len(files) == 1 else f"{len(files)} files ({files[0]} ...)"
        raise LoadError(
            where,
            f"no rows loaded: {rep.n_dropped} row(s) were dropped ({rep.reasons()}); if an "
            "empty result is right, pass allow_empty=True (CLI: --allow-empty)",
        )
    if validate:
        schema.validate(out)
    _report.attach(out, rep)
    return out


def _load_one(f: Path, format: str | None, options: dict[str, Any]) -> pd.DataFrame:
    """One file through its loader (forced by ``format`` or detected), as a canonical frame;
    an unexpected exception becomes a :class:`LoadError` naming the file and the loader."""
    from tradecheck.scale.route import load_streamed, streams

    ld = loaders()[format] if format else detect(f)
    if not f.exists():
        raise LoadError(f, "no such file")
    try:
        streamed = streams(ld.name, f)  # big bulk files: bounded memory (scale.route)
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
    return df if df.empty or streamed else schema.make_frame(df)  # streamed: canonical


def load_report(df: pd.DataFrame) -> LoadReport:
    """The :class:`~tradecheck.loaders.report.LoadReport` of a table returned by :func:`load`.

    Raises
    ------
    TradecheckError
        If ``df`` is not the table :func:`load` returned (a copy or a derived table has none).

    Examples
    --------
    >>> from tradecheck import paths
    >>> df = load(paths.RAW / "comtrade")  # doctest: +SKIP
    >>> load_report(df).n_dropped  # doctest: +SKIP
    0
    """
    rep = _report.report_of(df)
    if rep is None:
        raise TradecheckError("this table has no load report: expected the table load() returned")
    return rep
