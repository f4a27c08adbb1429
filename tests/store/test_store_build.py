"""tradecheck build: raw -> canonical.parquet + manifest.json.

Runs on temporary copies of small real raw files: the shipped published figures (with their
sidecar) and the real Comtrade API answer of tests/fixtures/fetch (no sidecar).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest

from tradecheck import cli, paths, schema
from tradecheck.errors import LoadError
from tradecheck.loaders import load
from tradecheck.store import build as store
from tradecheck.store import manifest as mf

FIX = Path(__file__).resolve().parents[1] / "fixtures"
PUBLISHED = paths.RAW / "published" / "published_figures.csv"
COMTRADE_JSON = FIX / "fetch" / "api_response_real_CHN_2010_A_TOTAL_partners_ARG_DEU.json"


def _hashes(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def _snapshot(folder: Path) -> dict[str, tuple[str, int]]:
    if not folder.exists():
        return {}
    return {
        p.name: (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns)
        for p in sorted(folder.iterdir())
    }


@pytest.fixture
def raw(tmp_path: Path) -> Path:
    r = tmp_path / "raw"
    (r / "published").mkdir(parents=True)
    (r / "comtrade").mkdir()
    shutil.copy2(PUBLISHED, r / "published")
    shutil.copy2(PUBLISHED.with_name(PUBLISHED.name + ".meta.json"), r / "published")
    shutil.copy2(COMTRADE_JSON, r / "comtrade")
    (r / "README.md").write_text("not data\n")
    return r


@pytest.fixture
def out(tmp_path: Path) -> Path:
    return tmp_path / "processed"


def test_build_writes_the_validated_sorted_table(raw, out):
    before = _hashes(raw)
    res = store.run_build(raw, out, progress=False)
    assert not res.skipped and res.files == 2
    assert res.parquet == out / "canonical.parquet" and res.parquet.is_file()
    expected = store.sort_canonical(load(raw))
    got = store.read_processed(res.parquet)
    assert res.rows == len(got) == len(expected) == 135 + 4
    pd.testing.assert_frame_equal(got, expected)
    assert list(got.columns) == list(schema.CANONICAL_COLUMNS)
    # stable Arrow schema, no pandas index or pandas metadata
    pf = pq.ParquetFile(res.parquet)
    assert pf.schema_arrow.names == list(schema.CANONICAL_COLUMNS)
    assert b"pandas" not in (pf.schema_arrow.metadata or {})
    assert str(pf.schema_arrow.field("value").type) == "double"
    assert _hashes(raw) == before  # raw files never modified
    assert sorted(p.name for p in out.iterdir()) == ["canonical.parquet", "manifest.json"]


def test_rows_are_in_deterministic_order(raw, out):
    df = store.read_processed(store.build(raw, out, progress=False))
    keys = list(zip(df["source"], df["source_file"], strict=True))
    assert keys == sorted(keys)
    one_file = df[df["source"] == "published"]
    # within a file, rows of the same series follow their line numbers numerically
    refs = one_file.groupby(
        ["reporter", "partner", "flow", "commodity", "scope", "period_start", "period_end"],
        sort=False,
    )["source_ref"]
    for _, s in refs:
        nums = s.str.extract(r"(\d+)", expand=False).astype(int).tolist()
        assert nums == sorted(nums)


def test_manifest_contents(raw, out):
    store.build(raw, out, progress=False)
    man = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    inputs = {e["path"]: e for e in man["inputs"]}
    assert set(inputs) == {
        "published/published_figures.csv",
        "comtrade/api_response_real_CHN_2010_A_TOTAL_partners_ARG_DEU.json",
    }
    pub = inputs["published/published_figures.csv"]
    assert pub["sha256"] == hashlib.sha256(PUBLISHED.read_bytes()).hexdigest()
    assert pub["bytes"] == PUBLISHED.stat().st_size
    assert pub["vintage"] == "2026-11-29"  # from the sidecar
    assert pub["format"] == "published" and pub["rows"] == 135
    ct = inputs["comtrade/api_response_real_CHN_2010_A_TOTAL_partners_ARG_DEU.json"]
    assert ct["format"] == "comtrade_json" and ct["rows"] == 4
    assert ct["sidecar"] is None and ct["vintage"] is None
    assert man["rows"]["total"] == 139
    assert man["rows"]["by_source"] == {"comtrade": 4, "published": 135}
    assert sum(man["rows"]["by_reporter"].values()) == 139
    assert man["rows"]["by_reporter"]["CHN"] >= 4
    assert man["rows"]["by_file"] == {k: v["rows"] for k, v in inputs.items()}
    env = man["environment"]
    assert set(env) >= {"tradecheck", "python", "pandas", "pyarrow"}
    assert env["pandas"] == pd.__version__
    parquet = out / "canonical.parquet"
    assert man["output"]["sha256"] == hashlib.sha256(parquet.read_bytes()).hexdigest()
    assert man["output"]["bytes"] == parquet.stat().st_size and man["output"]["rows"] == 139
    assert man["overlaps"]["observations"] == 0


def test_second_build_is_skipped_and_force_gives_the_same_bytes(raw, out, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764374400")
    first = store.run_build(raw, out, progress=False)
    snap = _snapshot(out)
    second = store.run_build(raw, out, progress=False)
    assert second.skipped and second.rows == first.rows
    assert _snapshot(out) == snap  # not even rewritten
    forced = store.run_build(raw, out, force=True, progress=False)
    assert not forced.skipped
    after = _snapshot(out)
    assert {k: v[0] for k, v in after.items()} == {k: v[0] for k, v in snap.items()}


def test_changed_inputs_trigger_a_rebuild(raw, out):
    store.build(raw, out, progress=False)
    side = raw / "published" / "published_figures.csv.meta.json"
    meta = json.loads(side.read_text(encoding="utf-8"))
    meta["vintage"] = "2026-12-01"
    side.write_text(json.dumps(meta), encoding="utf-8")
    res = store.run_build(raw, out, progress=False)
    assert not res.skipped
    man = mf.read_manifest(out / "manifest.json")
    assert man is not None
    assert {e["vintage"] for e in man["inputs"]} == {"2026-12-01", None}
    shutil.copy2(COMTRADE_JSON, raw / "comtrade" / "second_copy.json")
    res = store.run_build(raw, out, progress=False)
    assert not res.skipped and res.files == 3 and res.rows == 143
    # the copy duplicates 4 observations: recorded, not silently merged
    assert res.overlaps == 4
    man = mf.read_manifest(out / "manifest.json")
    assert man is not None and man["overlaps"]["observations"] == 4
    assert len(man["overlaps"]["files"]) == 2


def test_changed_output_triggers_a_rebuild(raw, out):
    store.build(raw, out, progress=False)
    (out / "canonical.parquet").write_bytes(b"tampered")
    assert not store.run_build(raw, out, progress=False).skipped
    assert len(store.read_processed(out)) == 139


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("notes.csv", b"this,is\nnot,trade,data\n", "unknown format"),
        ("published/broken.csv", None, "broken.csv"),
    ],
)
def test_bad_file_is_one_clear_error_and_nothing_is_written(raw, out, name, content, message):
    bad = raw / name
    if content is None:  # a published-figures file with a value that is not a number
        text = PUBLISHED.read_text(encoding="utf-8").splitlines()
        header = text[0].split(",")
        cells = text[1].split(",")
        cells[header.index("value_usd")] = "about two billion"
        bad.write_text("\n".join([text[0], ",".join(cells)]) + "\n", encoding="utf-8")
    else:
        bad.write_bytes(content)
    raw_before = _hashes(raw)
    with pytest.raises(LoadError, match=message) as exc:
        store.build(raw, out, progress=False)
    assert bad.name in str(exc.value)
    assert not out.exists() or list(out.iterdir()) == []
    assert _hashes(raw) == raw_before


def test_bad_file_leaves_a_previous_build_untouched(raw, out):
    store.build(raw, out, progress=False)
    snap = _snapshot(out)
    (raw / "junk.bin").write_bytes(b"\x00\x01\x02 binary junk")
    with pytest.raises(LoadError, match=r"junk.bin"):
        store.build(raw, out, force=True, progress=False)
    assert _snapshot(out) == snap


def test_loader_crash_is_reported_naming_the_file(raw, out, monkeypatch):
    from tradecheck.loaders import base

    real = base.loaders()["comtrade_json"]

    def crash(path, **kw):
        raise KeyError("primaryValue")

    monkeypatch.setitem(
        base._REGISTRY,
        "comtrade_json",
        real.__class__(
            real.name, real.source, real.sniff, crash, real.description, real.extensions
        ),
    )
    with pytest.raises(LoadError, match=r"api_response_real_CHN.*KeyError"):
        store.build(raw, out, progress=False)
    assert not out.exists()


def test_failed_write_keeps_old_outputs_and_leaves_no_temp_files(raw, out, monkeypatch):
    store.build(raw, out, progress=False)
    snap = _snapshot(out)

    def boom(*a, **k):
        raise OSError("disk full")

    monkeypatch.setattr(store.pq, "write_table", boom)
    with pytest.raises(OSError, match="disk full"):
        store.build(raw, out, force=True, progress=False)
    assert _snapshot(out) == snap


def test_empty_or_missing_raw_folder(tmp_path):
    with pytest.raises(LoadError, match="not found"):
        store.build(tmp_path / "nope", tmp_path / "out", progress=False)
    (tmp_path / "empty").mkdir()
    with pytest.raises(LoadError, match="no data files"):
        store.build(tmp_path / "empty", tmp_path / "out", progress=False)


def test_read_processed_builds_when_missing_or_says_what_to_do(raw, out):
    with pytest.raises(LoadError, match="tradecheck build"):
        store.read_processed(out, build_if_missing=False)
    df = store.read_processed(out)  # builds from the sibling raw folder
    assert len(df) == 139 and (out / "manifest.json").is_file()
    (out / "other.parquet").write_bytes(b"not parquet")
    with pytest.raises(LoadError, match="not a readable Parquet"):
        store.read_processed(out / "other.parquet")


def test_read_processed_dtypes_match_the_loaders(raw, out):
    df = store.read_processed(store.build(raw, out, progress=False))
    ref = schema.make_frame(load(raw))
    assert dict(df.dtypes) == dict(ref.dtypes)


def test_cli_build(raw, out, capsys):
    args = ["build", "--raw", str(raw), "--out", str(out), "--no-progress"]
    assert cli.main(args) == 0
    assert "139 rows from 2 files" in capsys.readouterr().out
    assert cli.main(args) == 0
    assert "up to date" in capsys.readouterr().out
    (raw / "junk.txt").write_text("hello\n")
    assert cli.main(args) == 2
    err = capsys.readouterr().err
    assert "junk.txt" in err and "Traceback" not in err


def test_output_files_are_world_readable_like_normal_files(raw, out):
    store.build(raw, out, progress=False)
    mask = os.umask(0)
    os.umask(mask)
    for p in out.iterdir():
        assert p.stat().st_mode & 0o777 == 0o666 & ~mask


def test_build_of_the_shipped_raw_data(tmp_path):
    raw = tmp_path / "raw"
    shutil.copytree(paths.RAW, raw)
    before = _hashes(paths.RAW)
    res = store.run_build(raw, tmp_path / "processed", progress=False)
    man = mf.read_manifest(res.manifest)
    assert man is not None
    assert res.rows == man["rows"]["total"] == sum(e["rows"] for e in man["inputs"])
    assert {e["path"].split("/")[0] for e in man["inputs"]} >= {"comtrade", "imf_dots", "published"}
    assert all(e["vintage"] for e in man["inputs"])  # every shipped file has a sidecar
    assert _hashes(paths.RAW) == before


def test_fetched_files_build_end_to_end(raw, out):
    """Replayed downloads (one with data, one empty period) land in raw and build cleanly."""
    import warnings

    from tradecheck.fetch import comtrade
    from tradecheck.fetch._transport import ReplayTransport, Response

    empty = (FIX / "fetch" / "api_response_real_empty.json").read_bytes()
    t = ReplayTransport([Response(200, COMTRADE_JSON.read_bytes()), Response(200, empty)])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        saved = comtrade.fetch("CHN", "ARG,DEU", "2010", out_dir=raw / "fetched", transport=t)
        saved += comtrade.fetch("CHN", "BLR", "2011", out_dir=raw / "fetched", transport=t)
    res = store.run_build(raw, out, progress=False)
    man = mf.read_manifest(res.manifest)
    assert man is not None
    by_file = man["rows"]["by_file"]
    assert by_file[f"fetched/{saved[0].name}"] == 4
    assert by_file[f"fetched/{saved[1].name}"] == 0
    assert res.rows == 139 + 4
    vint = {e["path"]: e["vintage"] for e in man["inputs"]}
    assert (
        vint[f"fetched/{saved[0].name}"]
        == json.loads(saved[0].with_name(saved[0].name + ".meta.json").read_text())["vintage"]
    )
