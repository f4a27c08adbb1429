"""Shared test helpers: the fixtures folder, the shared folder and a file fingerprint (to prove
inputs are unchanged)."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

import pytest
from _shared_path import shared_root  # tests/_shared_path.py: the one rule

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def fixtures_dir() -> Path:
    """``tests/fixtures``."""
    return FIXTURES


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


@pytest.fixture(autouse=True)
def _keeps_working_directory():
    """Fail the test that leaves the process in another directory (a later test's relative
    paths and doctests would silently read another folder); monkeypatch.chdir is undone before
    this check runs."""
    before = Path.cwd()
    yield
    after = Path.cwd()
    assert after == before, f"this test left the working directory at {after} (was {before})"
