"""Shared test helpers: the fixtures folder, the shared folder and a file fingerprint (to prove
inputs are unchanged)."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"


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
