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

#: The read-only material of the project's builders (real third-party files, real texts):
#: ``$TRADECHECK_SHARED`` when set, else the folder named "shared" beside the repository.
#: Not part of the repository nor of the package: tests that read it skip when it is absent.
SHARED = Path(os.environ.get("TRADECHECK_SHARED") or REPO_ROOT.parent / "shared")


def shared_path(*parts: str) -> Path:
    """A path inside :data:`SHARED`; skips the calling test when it does not exist.

    Examples
    --------
    ``shared_path("data", "third_party", "x.csv")`` in a test body or fixture.
    """
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} not available (set TRADECHECK_SHARED to the shared folder)")
    return path


@pytest.fixture
def shared_dir() -> Path:
    """The shared folder (:data:`SHARED`); skips the test when it is absent."""
    return shared_path()


@pytest.fixture
def fixtures_dir() -> Path:
    """``tests/fixtures``."""
    return FIXTURES


@pytest.fixture
def digest() -> Callable[[Path], str]:
    """``digest(path)`` -> SHA-256 of the file's bytes."""

    def _digest(path: Path) -> str:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()

    return _digest
