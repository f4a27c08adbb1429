"""``tradecheck init DIR``: lay out an analysis project that builds the report on its own.

The project holds a copy of the shipped default dataset in ``data/raw``, the report notebooks
in ``notebooks/``, empty ``data/processed/`` and ``reports/``, a ``Makefile`` whose
``make report`` runs ``tradecheck report``, an ``environment.yml``, a ``README.md`` and the
``.tradecheck`` marker that makes :func:`tradecheck.paths.project_root` find it.

Examples
--------
>>> from tradecheck.project import init_project
>>> init_project("my-analysis")  # doctest: +SKIP
PosixPath('my-analysis')
"""

from __future__ import annotations

import os
import shutil
import string
from importlib import resources
from pathlib import Path

from tradecheck import __version__, paths
from tradecheck.errors import TradecheckError

__all__ = ["TEMPLATE_FILES", "init_project"]

TEMPLATE_FILES: dict[str, str] = {
    "Makefile": "Makefile",
    "README.md": "README.md",
    "environment.yml": "environment.yml",
    "gitignore": ".gitignore",
}
"""Template file (in ``tradecheck/project/template``) -> name in the project."""

_IGNORE = shutil.ignore_patterns(".*", "__pycache__")
_MARKER_TEXT = (
    "# Marks this folder as a tradecheck analysis project (see tradecheck.paths.project_root).\n"
)


def _check_target(target: Path, force: bool) -> None:
    """Refuse a file, or a non-empty folder unless ``force``."""
    if target.exists() and not target.is_dir():
        raise TradecheckError(f"{target}: exists and is not a folder")
    if target.is_dir() and any(target.iterdir()) and not force:
        raise TradecheckError(
            f"{target}: folder is not empty; use --force to write the project into it "
            "(files of the same name are replaced, others are kept)"
        )


def _write_templates(target: Path) -> None:
    """Write the Makefile, README, environment.yml and .gitignore with the version and the
    report's default SOURCE_DATE_EPOCH filled in."""
    from tradecheck.report.build import DEFAULT_EPOCH

    values = {"version": __version__, "source_date_epoch": str(DEFAULT_EPOCH)}
    folder = resources.files("tradecheck.project") / "template"
    for name, dest in TEMPLATE_FILES.items():
        text = string.Template((folder / name).read_text(encoding="utf-8"))
        (target / dest).write_text(text.safe_substitute(values), encoding="utf-8")


def init_project(directory: str | os.PathLike[str], *, force: bool = False) -> Path:
    """Lay out an analysis project in ``directory`` (created if needed).

    Parameters
    ----------
    directory
        The project folder. It must not exist, or be empty, unless ``force``.
    force
        Write into a non-empty folder: files tradecheck writes are replaced, others kept.

    Returns
    -------
    Path
        The project folder.

    Raises
    ------
    TradecheckError
        If ``directory`` is a file, or a non-empty folder without ``force``.
    """
    target = Path(directory)
    _check_target(target, force)
    target.mkdir(parents=True, exist_ok=True)
    shutil.copytree(
        paths.shipped_dir("raw"), target / "data" / "raw", ignore=_IGNORE, dirs_exist_ok=True
    )
    shutil.copytree(
        paths.shipped_dir("notebooks"), target / "notebooks", ignore=_IGNORE, dirs_exist_ok=True
    )
    for sub in ("data/processed", "reports"):
        (target / sub).mkdir(parents=True, exist_ok=True)
    _write_templates(target)
    (target / paths.MARKER).write_text(_MARKER_TEXT, encoding="utf-8")
    return target
