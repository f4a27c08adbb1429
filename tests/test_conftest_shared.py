"""The shared folder's location comes from one place (tests/conftest.py) and tests that need
it skip cleanly when it is absent."""

from __future__ import annotations

from pathlib import Path

import pytest


def test_env_var_names_the_shared_folder(monkeypatch, tmp_path, shared_file):
    (tmp_path / "specs").mkdir()
    (tmp_path / "specs" / "x.md").write_text("x", encoding="utf-8")
    monkeypatch.setenv("TRADECHECK_SHARED", str(tmp_path))
    assert shared_file("specs", "x.md") == tmp_path / "specs" / "x.md"


def test_absent_file_skips_the_test(monkeypatch, tmp_path, shared_file):
    monkeypatch.setenv("TRADECHECK_SHARED", str(tmp_path / "absent"))
    with pytest.raises(pytest.skip.Exception, match="TRADECHECK_SHARED"):
        shared_file("specs", "source_formats.md")


def test_default_is_the_folder_beside_the_repository(monkeypatch, shared_file):
    monkeypatch.delenv("TRADECHECK_SHARED", raising=False)
    beside = Path(__file__).resolve().parents[1].parent / "shared"
    if beside.exists():
        assert shared_file() == beside
    else:
        with pytest.raises(pytest.skip.Exception):
            shared_file()
