"""Build hook: ship the default dataset and the report notebooks inside the wheel.

Git keeps one copy of them, in the repository's ``data/raw`` and ``notebooks`` folders (where
``make report`` reads them). When a wheel or sdist is built, every file below those folders is
added as package data at ``tradecheck/_shipped/raw`` and ``tradecheck/_shipped/notebooks``, so
files added later ship without a change here. The mapping is ``tradecheck.paths.SHIPPED``.
Everything else about the package is in pyproject.toml.
"""

from __future__ import annotations

import os
import runpy
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent
SHIPPED: dict[str, str] = runpy.run_path(str(HERE / "src" / "tradecheck" / "paths.py"))["SHIPPED"]
_SKIP = {"__pycache__", ".ipynb_checkpoints"}


def _files(folder: str) -> list[str]:
    """Files below ``folder`` (relative, sorted), without hidden files and caches."""
    root = HERE / folder
    out = []
    for p in root.rglob("*"):
        rel = p.relative_to(root)
        if p.is_file() and not any(part.startswith(".") or part in _SKIP for part in rel.parts):
            out.append(rel.as_posix())
    return sorted(out)


class BuildPyWithShipped(build_py):
    """``build_py`` whose package data also holds the :data:`SHIPPED` folders."""

    def _shipped(self) -> list[tuple[str, str, str, list[str]]]:
        """``(package, source folder, build folder, files)`` entries of the shipped folders."""
        return [
            (
                "tradecheck",
                folder,
                os.path.join(self.build_lib, "tradecheck", "_shipped", name),
                _files(folder),
            )
            for name, folder in SHIPPED.items()
        ]

    def _get_data_files(self):  # type: ignore[no-untyped-def]  # wheel: files to copy
        return [*super()._get_data_files(), *self._shipped()]

    def get_data_files_without_manifest(self):  # type: ignore[no-untyped-def]  # sdist
        return [*super().get_data_files_without_manifest(), *self._shipped()]


setup(cmdclass={"build_py": BuildPyWithShipped})
