"""The shared folder's location comes from one place (tests/conftest.py) and tests that need
it skip cleanly when it is absent."""

from __future__ import annotations

import conftest
import pytest


def test_shared_defaults_beside_the_repository_or_follows_the_env_var(monkeypatch):
    # SHARED is computed at import; check the rule it follows
    import os

    want = os.environ.get("TRADECHECK_SHARED") or conftest.REPO_ROOT.parent / "shared"
    assert str(conftest.SHARED) == str(want)
    assert (conftest.REPO_ROOT / "pyproject.toml").is_file()


def test_missing_shared_path_skips(monkeypatch, tmp_path):
    monkeypatch.setattr(conftest, "SHARED", tmp_path / "absent")
    with pytest.raises(pytest.skip.Exception, match="TRADECHECK_SHARED"):
        conftest.shared_path("specs", "source_formats.md")


def test_present_shared_path_is_returned(monkeypatch, tmp_path):
    (tmp_path / "specs").mkdir()
    (tmp_path / "specs" / "x.md").write_text("x", encoding="utf-8")
    monkeypatch.setattr(conftest, "SHARED", tmp_path)
    assert conftest.shared_path("specs", "x.md") == tmp_path / "specs" / "x.md"
