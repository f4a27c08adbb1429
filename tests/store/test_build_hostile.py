"""`tradecheck build` with hostile or damaged things in data/: never a traceback.

Constructed inputs: copies of the shipped published figures and a real Comtrade API answer
from tests/fixtures, beside damaged manifests and sidecars written here.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest

from tradecheck import cli, paths
from tradecheck.errors import LoadError
from tradecheck.store import build as store
from tradecheck.store import manifest as mf

FIX = Path(__file__).resolve().parents[1] / "fixtures"
PUBLISHED = paths.RAW / "published" / "published_figures.csv"
COMTRADE_JSON = FIX / "fetch" / "api_response_real_CHN_2010_A_TOTAL_partners_ARG_DEU.json"
DEEP = "[" * 100_000 + "]" * 100_000


@pytest.fixture
def raw(tmp_path: Path) -> Path:
    r = tmp_path / "raw"
    (r / "published").mkdir(parents=True)
    (r / "comtrade").mkdir()
    shutil.copy2(PUBLISHED, r / "published")
    shutil.copy2(PUBLISHED.with_name(PUBLISHED.name + ".meta.json"), r / "published")
    shutil.copy2(COMTRADE_JSON, r / "comtrade")
    return r


@pytest.fixture
def out(tmp_path: Path) -> Path:
    return tmp_path / "processed"


def _args(raw: Path, out: Path) -> list[str]:
    return ["build", "--raw", str(raw), "--out", str(out), "--no-progress"]


def _hashes(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.mark.parametrize(
    "content",
    [
        "{not json",
        "[]",
        DEEP,
        json.dumps({"manifest_format": 1, "output": "x", "inputs": []}),
        json.dumps(
            {
                "manifest_format": 1,
                "inputs": [{"path": 1, "sha256": None, "bytes": "x"}],
                "output": {"sha256": "a", "rows": 1, "bytes": 1},
            }
        ),
    ],
    ids=["not-json", "list", "deep", "output-not-object", "inputs-wrong-types"],
)
def test_corrupt_manifest_is_rebuilt_with_one_warning(raw, out, capsys, content):
    assert cli.main(_args(raw, out)) == 0
    (out / "manifest.json").write_text(content)
    capsys.readouterr()
    assert cli.main(_args(raw, out)) == 0
    res = capsys.readouterr()
    warnings = [x for x in res.err.splitlines() if x.strip()]
    assert len(warnings) == 1 and warnings[0].startswith("tradecheck: warning: manifest.json")
    assert warnings[0].endswith("; rebuilding") and "Traceback" not in res.err
    assert "139 rows from 2 files" in res.out
    assert mf.load_manifest(out / "manifest.json") == (
        mf.read_manifest(out / "manifest.json"),
        None,
    )
    assert len(store.read_processed(out, build_if_missing=False)) == 139


@pytest.mark.parametrize(
    "name",
    [
        "published/published_figures.csv.meta.json",
        "comtrade/api_response_real_CHN_2010_A_TOTAL_partners_ARG_DEU.json.meta.json",
        "mine/tidy.csv.mapping.json",
    ],
)
def test_deeply_nested_sidecar_is_one_line(raw, out, capsys, name):
    (raw / "mine").mkdir()
    (raw / "mine" / "tidy.csv").write_text("reporter,partner,flow,period,value\nBLR,CHN,X,2020,1\n")
    (raw / name).write_text(DEEP)
    before = _hashes(raw)
    assert cli.main(_args(raw, out)) == 2
    err = capsys.readouterr().err
    lines = err.splitlines()
    assert len(lines) == 1 and "Traceback" not in err
    assert Path(name).name in lines[0] and "JSON nested too deeply" in lines[0]
    assert not out.exists() or list(out.iterdir()) == []
    assert _hashes(raw) == before


@pytest.mark.parametrize("content", ["[1, 2]", '{"vintage": '])
def test_broken_provenance_sidecar_is_one_line(raw, out, capsys, content):
    side = raw / "published" / "published_figures.csv.meta.json"
    side.write_text(content)
    assert cli.main(_args(raw, out)) == 2
    line = capsys.readouterr().err.strip()
    assert "\n" not in line and "published_figures.csv.meta.json" in line
    assert "expected a provenance sidecar" in line


def test_deeply_nested_data_json_is_one_line(raw, out, capsys):
    f = raw / "comtrade" / "deep.json"
    f.write_text('{"elapsedTime": 1, "count": 1, "error": "", "data": ' + DEEP + "}")
    assert cli.main(_args(raw, out)) == 2
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1 and "deep.json" in err and "Traceback" not in err


def _kill_between_renames(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make the build die (as from a kill) right after the Parquet's rename."""

    def killed(*a, **k):
        raise KeyboardInterrupt

    monkeypatch.setattr(mf, "atomic_write_bytes", killed)


def test_kill_between_the_two_renames_is_detected(raw, out, monkeypatch, capsys):
    store.build(raw, out, progress=False)
    old_manifest = (out / "manifest.json").read_bytes()
    (raw / "published" / "published_figures.csv").write_text(
        PUBLISHED.read_text(encoding="utf-8").rstrip("\n").rsplit("\n", 1)[0] + "\n",
        encoding="utf-8",
    )  # one row fewer: the new Parquet differs from the old one
    with monkeypatch.context() as m:
        _kill_between_renames(m)
        with pytest.raises(KeyboardInterrupt):
            store.build(raw, out, progress=False)
    assert (out / "manifest.json").read_bytes() == old_manifest  # new Parquet, old manifest
    with pytest.raises(LoadError, match=r"not the file its manifest names.*tradecheck build"):
        store.read_processed(out, build_if_missing=False)
    assert cli.main(_args(raw, out)) == 0
    assert "up to date" not in capsys.readouterr().out  # rebuilt, not trusted
    assert len(store.read_processed(out, build_if_missing=False)) == 138


def test_kill_during_the_first_build_leaves_nothing_readable(raw, out, monkeypatch):
    with monkeypatch.context() as m:
        _kill_between_renames(m)
        with pytest.raises(KeyboardInterrupt):
            store.build(raw, out, progress=False)
    assert (out / "canonical.parquet").exists() and not (out / "manifest.json").exists()
    with pytest.raises(LoadError, match=r"no manifest\.json beside it"):
        store.read_processed(out, build_if_missing=False)
    assert len(store.read_processed(out)) == 139  # rebuilt from the sibling raw folder
    assert mf.read_manifest(out / "manifest.json") is not None


def test_other_parquet_files_are_read_without_a_manifest(raw, out, tmp_path):
    store.build(raw, out, progress=False)
    copy = tmp_path / "elsewhere.parquet"
    shutil.copy2(out / "canonical.parquet", copy)
    assert len(store.read_processed(copy, build_if_missing=False)) == 139


def test_escape_codes_in_a_file_name_never_reach_the_terminal(raw, out, capsys):
    name = "red\x1b[31mtidy.csv"
    (raw / name).write_text("reporter,partner,flow,period,value\nBLR,CHN,X,2020,1\n")
    assert cli.main(["build", "--raw", str(raw), "--out", str(out)]) == 0  # with progress bar
    res = capsys.readouterr()
    assert "\x1b[31m" not in res.err + res.out
    (raw / name).write_text("reporter,partner,flow,period,value\nBLR,CHN,X,2020,n/a\n")
    assert cli.main(_args(raw, out)) == 2
    err = capsys.readouterr().err
    assert "\x1b" not in err and "red\\x1b[31mtidy.csv" in err and len(err.splitlines()) == 1
