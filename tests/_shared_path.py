"""Where the project builders' shared folder is: the one rule, imported by conftest.py and by
test modules that need it at import time (skip marks)."""

from __future__ import annotations

import os
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent


def shared_root() -> Path:
    """The read-only material of the project's builders (real third-party files, real texts):
    ``$TRADECHECK_SHARED`` when set, else the folder named "shared" beside the repository.

    It is part of neither the repository nor the package: tests reach it only through the
    :func:`shared_file` fixture, which skips the test when the file is absent.
    """
    return Path(os.environ.get("TRADECHECK_SHARED") or REPO_ROOT.parent / "shared")
