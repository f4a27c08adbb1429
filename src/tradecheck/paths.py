"""Where tradecheck reads and writes: the analysis project, the shipped data, the user cache.

Nothing here is anchored on the source checkout: the folders follow the *analysis project* in
use, found from ``$TRADECHECK_HOME`` or the current folder (:func:`project_root`). Outside a
project the processed store goes to the user cache and the raw data is the default dataset
shipped inside the package (:func:`processed_dir`, :func:`raw_dir`).

The module attributes ``ROOT``, ``RAW``, ``PROCESSED``, ``NOTEBOOKS``, ``REPORTS``,
``CANONICAL_PARQUET`` and ``MANIFEST`` are computed on every access (PEP 562), so they follow
the current folder and ``$TRADECHECK_HOME`` at the moment they are read.

Examples
--------
>>> from tradecheck import paths
>>> paths.RAW.name
'raw'
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

HOME_ENV = "TRADECHECK_HOME"
"""Environment variable naming the analysis project folder (wins over the current folder)."""

MARKER = ".tradecheck"
"""File that marks a folder as a tradecheck analysis project (written by ``tradecheck init``)."""

SHIPPED: dict[str, str] = {"raw": "data/raw", "notebooks": "notebooks"}
"""Folders shipped inside the wheel as ``tradecheck/_shipped/<key>``, copied at build time from
these folders of the repository (setup.py reads this mapping; git keeps one copy)."""

_SHIPPED_IN_PACKAGE = "_shipped"


def is_project(folder: Path) -> bool:
    """True when ``folder`` holds the marker file or a ``data/raw`` folder."""
    return (folder / MARKER).is_file() or (folder / "data" / "raw").is_dir()


def project_root(cwd: Path | None = None) -> Path | None:
    """The analysis project in use, or None outside any project.

    Rule, first match wins:

    1. ``$TRADECHECK_HOME`` when set and not empty (the folder need not exist yet);
    2. the current folder, when it is a project (:func:`is_project`: a ``.tradecheck`` marker
       file or a ``data/raw`` folder);
    3. the nearest parent of the current folder that holds the ``.tradecheck`` marker (so a
       notebook running in ``<project>/notebooks`` finds its project);
    4. None.

    Parameters
    ----------
    cwd
        The folder to start from (default: the current folder).
    """
    env = os.environ.get(HOME_ENV, "").strip()
    if env:
        return Path(env).expanduser().resolve()
    here = (cwd or Path.cwd()).resolve()
    if is_project(here):
        return here
    for parent in here.parents:
        if (parent / MARKER).is_file():
            return parent
    return None


def user_cache_home() -> Path:
    """The per-user cache folder (platformdirs; e.g. ``~/.cache/tradecheck`` on Linux)."""
    import platformdirs

    return Path(platformdirs.user_cache_dir("tradecheck", appauthor=False))


def home(cwd: Path | None = None) -> Path:
    """The folder that holds ``data/processed``: the project, else the user cache."""
    return project_root(cwd) or user_cache_home()


def processed_dir(cwd: Path | None = None) -> Path:
    """Where the processed store (``canonical.parquet``, ``manifest.json``) lives.

    Rule: ``<project>/data/processed`` when an analysis project is in use (see
    :func:`project_root`: ``$TRADECHECK_HOME``, else the current folder or its nearest marked
    parent), otherwise ``<user cache>/data/processed`` (:func:`user_cache_home`). Never inside
    the installed package, and never in a source checkout unless it is the project in use.
    """
    return home(cwd) / "data" / "processed"


def shipped_dir(name: str) -> Path:
    """A folder shipped with the package: ``"raw"`` (default dataset) or ``"notebooks"``.

    In an installed wheel it is ``tradecheck/_shipped/<name>`` (read-only). In an editable or
    in-place install of the repository that folder is not built, and the repository's own
    folder (:data:`SHIPPED`) is the same data, so it is read from there.

    Raises
    ------
    FileNotFoundError
        If neither exists (a broken installation).
    """
    package = Path(__file__).resolve().parent
    built = package / _SHIPPED_IN_PACKAGE / name
    if built.is_dir():
        return built
    checkout = package.parents[1]  # src/tradecheck -> the repository of an editable install
    repo_copy = checkout / SHIPPED[name]
    if (checkout / "pyproject.toml").is_file() and repo_copy.is_dir():
        return repo_copy
    raise FileNotFoundError(f"{built}: the shipped {name} folder is missing from tradecheck")


def raw_dir(cwd: Path | None = None) -> Path:
    """Raw data read by default: ``<home>/data/raw`` when it exists, else the shipped dataset."""
    own = home(cwd) / "data" / "raw"
    return own if own.is_dir() else shipped_dir("raw")


def download_dir(cwd: Path | None = None) -> Path:
    """Where fetched files are saved: ``data/raw`` of the project, else of the current folder
    (never the shipped dataset)."""
    return (project_root(cwd) or (cwd or Path.cwd()).resolve()) / "data" / "raw"


def notebooks_dir(cwd: Path | None = None) -> Path:
    """The report notebooks: ``<home>/notebooks`` when it exists, else the shipped ones."""
    own = home(cwd) / "notebooks"
    return own if own.is_dir() else shipped_dir("notebooks")


def reports_dir(cwd: Path | None = None) -> Path:
    """Where reports are written: ``<project>/reports``, else the current folder."""
    root = project_root(cwd)
    return root / "reports" if root is not None else (cwd or Path.cwd()).resolve()


@contextlib.contextmanager
def pinned_home() -> Iterator[Path]:
    """Set ``$TRADECHECK_HOME`` to :func:`home` for child processes (notebook kernels run in
    another folder and must use the same project or cache); restored afterwards."""
    old = os.environ.get(HOME_ENV)
    root = home()
    os.environ[HOME_ENV] = str(root)
    try:
        yield root
    finally:
        if old is None:
            os.environ.pop(HOME_ENV, None)
        else:
            os.environ[HOME_ENV] = old


_DYNAMIC = {
    "ROOT": lambda: home(),
    "RAW": lambda: raw_dir(),
    "PROCESSED": lambda: processed_dir(),
    "NOTEBOOKS": lambda: notebooks_dir(),
    "REPORTS": lambda: reports_dir(),
    "CANONICAL_PARQUET": lambda: processed_dir() / "canonical.parquet",
    "MANIFEST": lambda: processed_dir() / "manifest.json",
}


def __getattr__(name: str) -> Path:
    """``paths.RAW`` etc., computed now (see the module docstring)."""
    try:
        return _DYNAMIC[name]()
    except KeyError:
        raise AttributeError(f"module 'tradecheck.paths' has no attribute {name!r}") from None
