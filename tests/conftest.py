"""Shared test helpers: the fixtures folder, the shared folder and a file fingerprint (to prove
inputs are unchanged)."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
REPO_ROOT = Path(__file__).resolve().parent.parent


def shared_root() -> Path:
    """The read-only material of the project's builders (real third-party files, real texts):
    ``$TRADECHECK_SHARED`` when set, else the folder named "shared" beside the repository.

    It is part of neither the repository nor the package: tests reach it only through the
    :func:`shared_file` fixture, which skips the test when the file is absent.
    """
    return Path(os.environ.get("TRADECHECK_SHARED") or REPO_ROOT.parent / "shared")


@pytest.fixture
def shared_file() -> Callable[..., Path]:
    """``shared_file("data", "third_party", "x.csv")`` -> that path inside :func:`shared_root`;
    skips the calling test when it does not exist."""

    def _get(*parts: str) -> Path:
        path = shared_root().joinpath(*parts)
        if not path.exists():
            pytest.skip(f"{path} not available (set TRADECHECK_SHARED to the shared folder)")
        return path

    return _get


@pytest.fixture
def digest() -> Callable[[Path], str]:
    """``digest(path)`` -> SHA-256 of the file's bytes."""

    def _digest(path: Path) -> str:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()

    return _digest
