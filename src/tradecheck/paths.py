"""Project paths, anchored on the repository (or ``TRADECHECK_HOME``), never on the CWD.

Examples
--------
>>> from tradecheck import paths
>>> paths.RAW.name
'raw'
"""

from __future__ import annotations

import os
from pathlib import Path


def _find_root() -> Path:
    env = os.environ.get("TRADECHECK_HOME")
    if env:
        return Path(env).resolve()
    here = Path(__file__).resolve()
    for parent in here.parents:
        if (parent / "pyproject.toml").exists() and (parent / "data").is_dir():
            return parent
    return Path.cwd().resolve()


ROOT: Path = _find_root()
DATA: Path = ROOT / "data"
RAW: Path = DATA / "raw"
PROCESSED: Path = DATA / "processed"
NOTEBOOKS: Path = ROOT / "notebooks"
REPORTS: Path = ROOT / "reports"
CANONICAL_PARQUET: Path = PROCESSED / "canonical.parquet"
MANIFEST: Path = PROCESSED / "manifest.json"
