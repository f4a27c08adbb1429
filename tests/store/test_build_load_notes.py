"""The loaders' drop notices during a build: collected into the build's load report (result
and manifest), shown once by ``tradecheck build``, never raised as warnings -- so an implicit
build inside ``tradecheck.check`` stays quiet.

Input: a copy of a shipped GACC bulletin (data/raw/gacc) whose loader drops a row of
missing values on purpose.
"""

from __future__ import annotations

import shutil
import warnings
from pathlib import Path

import pytest

from tradecheck import cli, paths
from tradecheck.loaders import load, load_report
from tradecheck.loaders.report import ReportedWarning
from tradecheck.store import build as store
from tradecheck.store import manifest as mf

GACC = paths.RAW / "gacc" / "gacc_bulletin_t2_by_country_2026-06_BLR.html"


@pytest.fixture
def raw(tmp_path: Path) -> Path:
    r = tmp_path / "raw" / "gacc"
    r.mkdir(parents=True)
    shutil.copy2(GACC, r)
    shutil.copy2(GACC.with_name(GACC.name + ".meta.json"), r)
    return r.parent


def _expected(raw: Path) -> list[str]:
    """What the loader itself reports for the file (its own LoadReport)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return load_report(load(raw / "gacc" / GACC.name)).lines()


def test_build_collects_drops_into_its_report_not_warnings(raw, tmp_path):
    expected = _expected(raw)
    assert expected and "dropped" in expected[0]  # the file really has a drop to report
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        res = store.run_build(raw, tmp_path / "processed", progress=False)
    assert not [w for w in caught if issubclass(w.category, ReportedWarning)]
    assert [line.split(": ", 1)[1] for line in res.load_notes] == [
        line.split(": ", 1)[1] for line in expected
    ]
    man = mf.read_manifest(res.manifest)
    assert man is not None and man["load_report"] == list(res.load_notes)


def test_implicit_build_in_read_processed_is_quiet(raw, tmp_path):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        df = store.read_processed(tmp_path / "processed")
    assert len(df) > 0
    assert not [w for w in caught if issubclass(w.category, ReportedWarning)]


def test_cli_shows_the_drops_once_as_notes(raw, tmp_path, capsys):
    args = ["build", "--raw", str(raw), "--out", str(tmp_path / "processed"), "--no-progress"]
    assert cli.main(args) == 0
    err = capsys.readouterr().err
    notes = [ln for ln in err.splitlines() if ln.startswith("note: ")]
    assert len(notes) == len(_expected(raw)) and "warning" not in err.lower()
    assert cli.main(args) == 0  # up to date: nothing loaded, nothing repeated
    assert "note: " not in capsys.readouterr().err
