"""Where tradecheck reads and writes (tradecheck.paths): one test per branch of the rule.

Every project folder here is constructed under tmp_path.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tradecheck import paths

PACKAGE = Path(paths.__file__).resolve().parent


@pytest.fixture
def clean_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """No TRADECHECK_HOME, the user cache under tmp_path; returns that cache folder."""
    monkeypatch.delenv(paths.HOME_ENV, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg-cache"))
    return tmp_path / "xdg-cache" / "tradecheck"


def _project(folder: Path, *, raw: bool = False, marker: bool = False) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    if raw:
        (folder / "data" / "raw").mkdir(parents=True)
    if marker:
        (folder / paths.MARKER).write_text("# constructed\n", encoding="utf-8")
    return folder


def test_home_env_wins_over_a_project_folder(clean_env, tmp_path, monkeypatch):
    home = tmp_path / "elsewhere"  # need not exist yet
    monkeypatch.chdir(_project(tmp_path / "cwd", raw=True))
    monkeypatch.setenv(paths.HOME_ENV, str(home))
    assert paths.project_root() == home.resolve()
    assert paths.processed_dir() == home.resolve() / "data" / "processed"


def test_empty_home_env_counts_as_unset(clean_env, tmp_path, monkeypatch):
    monkeypatch.setenv(paths.HOME_ENV, "  ")
    monkeypatch.chdir(_project(tmp_path / "cwd"))
    assert paths.project_root() is None


def test_current_folder_with_data_raw_is_the_project(clean_env, tmp_path, monkeypatch):
    proj = _project(tmp_path / "p", raw=True)
    monkeypatch.chdir(proj)
    assert paths.processed_dir() == proj.resolve() / "data" / "processed"
    assert paths.raw_dir() == proj.resolve() / "data" / "raw"
    assert paths.reports_dir() == proj.resolve() / "reports"


def test_current_folder_with_marker_is_the_project_and_reads_shipped_raw(
    clean_env, tmp_path, monkeypatch
):
    proj = _project(tmp_path / "p", marker=True)
    monkeypatch.chdir(proj)
    assert paths.processed_dir() == proj.resolve() / "data" / "processed"
    assert paths.raw_dir() == paths.shipped_dir("raw")  # no data/raw of its own


def test_nearest_marked_parent_is_the_project(clean_env, tmp_path, monkeypatch):
    proj = _project(tmp_path / "p", marker=True)
    (proj / "notebooks" / "sub").mkdir(parents=True)
    monkeypatch.chdir(proj / "notebooks" / "sub")
    assert paths.project_root() == proj.resolve()


def test_parent_with_only_data_raw_is_not_a_project(clean_env, tmp_path, monkeypatch):
    outer = _project(tmp_path / "outer", raw=True)
    (outer / "inner").mkdir()
    monkeypatch.chdir(outer / "inner")
    assert paths.project_root() is None


def test_outside_a_project_the_store_is_the_user_cache(clean_env, tmp_path, monkeypatch):
    empty = tmp_path / "empty"
    empty.mkdir()
    monkeypatch.chdir(empty)
    assert paths.processed_dir() == clean_env.resolve() / "data" / "processed"
    assert PACKAGE not in paths.processed_dir().parents
    assert paths.raw_dir() == paths.shipped_dir("raw")
    assert paths.reports_dir() == empty.resolve()
    assert paths.download_dir() == empty.resolve() / "data" / "raw"


def test_shipped_data_holds_the_default_dataset():
    raw = paths.shipped_dir("raw")
    assert (raw / "published" / "published_figures.csv").is_file()
    assert (raw / "published" / "published_figures.csv.meta.json").is_file()
    assert (paths.shipped_dir("notebooks") / "inputs" / "default_claims.txt").is_file()
    with pytest.raises(KeyError):
        paths.shipped_dir("nothing")


def test_module_attributes_follow_the_current_folder(clean_env, tmp_path, monkeypatch):
    a = _project(tmp_path / "a", raw=True)
    b = _project(tmp_path / "b", raw=True)
    monkeypatch.chdir(a)
    assert paths.CANONICAL_PARQUET == a.resolve() / "data" / "processed" / "canonical.parquet"
    monkeypatch.chdir(b)
    assert paths.MANIFEST == b.resolve() / "data" / "processed" / "manifest.json"
    assert paths.ROOT == b.resolve()
    with pytest.raises(AttributeError):
        _ = paths.NO_SUCH_PATH


def test_pinned_home_sets_and_restores_the_variable(clean_env, tmp_path, monkeypatch):
    proj = _project(tmp_path / "p", raw=True)
    monkeypatch.chdir(proj)
    with paths.pinned_home() as root:
        assert root == proj.resolve()
        monkeypatch.chdir(tmp_path)  # a kernel starts elsewhere: still the same project
        assert paths.processed_dir() == proj.resolve() / "data" / "processed"
    import os

    assert paths.HOME_ENV not in os.environ
