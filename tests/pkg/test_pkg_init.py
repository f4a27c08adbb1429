"""``tradecheck init DIR``: the project layout, the refusal to overwrite, --force."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tradecheck import __version__, paths
from tradecheck.cli import main
from tradecheck.errors import TradecheckError
from tradecheck.project import init_project
from tradecheck.report.build import DEFAULT_EPOCH


def _tree(root: Path) -> dict[str, str]:
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file() and not any(part.startswith(".") for part in p.relative_to(root).parts)
    }


def test_init_lays_out_a_project_with_the_shipped_data(tmp_path, monkeypatch):
    monkeypatch.delenv(paths.HOME_ENV, raising=False)
    target = init_project(tmp_path / "proj")
    for sub in ("notebooks", "data/raw", "data/processed", "reports"):
        assert (target / sub).is_dir(), sub
    assert _tree(target / "data" / "raw") == _tree(paths.shipped_dir("raw"))
    assert _tree(target / "notebooks") == _tree(paths.shipped_dir("notebooks"))
    for name in ("README.md", "environment.yml", "Makefile", ".gitignore", paths.MARKER):
        text = (target / name).read_text(encoding="utf-8")
        assert "$version" not in text and "$source_date_epoch" not in text, name
    assert f"tradecheck-{__version__}-py3-none-any.whl" in (target / "environment.yml").read_text()
    assert paths.project_root(target / "notebooks") == target.resolve()
    assert paths.raw_dir(target) == target.resolve() / "data" / "raw"


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_the_project_makefile_report_runs_tradecheck_report(tmp_path):
    target = init_project(tmp_path / "proj")
    # as a user runs it: not as a sub-make of `make test`, without the repository's epoch
    clean = {
        k: v
        for k, v in os.environ.items()
        if k not in ("SOURCE_DATE_EPOCH", "MAKEFLAGS", "MFLAGS", "MAKELEVEL")
    }
    out = subprocess.run(
        ["make", "-n", "report"], cwd=target, capture_output=True, text=True, check=True, env=clean
    ).stdout.splitlines()
    assert out == ["tradecheck build", "tradecheck report"]
    env = subprocess.run(
        ["make", "-s", "--eval=show: ; @echo $$SOURCE_DATE_EPOCH", "show"],
        cwd=target,
        capture_output=True,
        text=True,
        check=True,
        env=clean,
    )
    assert env.stdout.strip() == str(DEFAULT_EPOCH)  # same stamp as the repository's builds


def test_init_refuses_a_non_empty_folder(tmp_path, capsys):
    target = tmp_path / "busy"
    target.mkdir()
    (target / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(TradecheckError, match="not empty"):
        init_project(target)
    assert main(["init", str(target)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith(f"tradecheck: error: {target}: folder is not empty") and "\n" not in err
    assert sorted(p.name for p in target.iterdir()) == ["notes.txt"]


def test_init_force_writes_into_a_non_empty_folder_and_keeps_other_files(tmp_path, capsys):
    target = tmp_path / "busy"
    target.mkdir()
    (target / "notes.txt").write_text("mine", encoding="utf-8")
    (target / "Makefile").write_text("old", encoding="utf-8")
    assert main(["init", "--force", str(target)]) == 0
    assert "make report" in capsys.readouterr().out
    assert (target / "notes.txt").read_text(encoding="utf-8") == "mine"
    assert "$(TRADECHECK) report" in (target / "Makefile").read_text(encoding="utf-8")
    assert (target / "data" / "raw" / "published" / "published_figures.csv").is_file()


def test_init_on_a_file_is_one_line_exit_2(tmp_path, capsys):
    f = tmp_path / "a_file"
    f.write_text("x", encoding="utf-8")
    assert main(["init", str(f)]) == 2
    err = capsys.readouterr().err
    assert err == f"tradecheck: error: {f}: exists and is not a folder\n"
