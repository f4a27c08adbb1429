"""One way in: `tradecheck load` / tc.load stream big Comtrade files (tradecheck.scale.route),
and the streaming path gives the same table as the small loader on the same input."""

from __future__ import annotations

import argparse
import gzip
import sys
import warnings
from pathlib import Path

import pandas as pd
import pytest

from tradecheck import loaders, schema
from tradecheck.errors import LoadError
from tradecheck.loaders import comtrade
from tradecheck.scale import bulk, route

FIX = Path(__file__).resolve().parents[1] / "fixtures" / "bulk"
BULK = FIX / "bulk_small.txt.gz"
BENCH = Path(__file__).resolve().parents[2] / "benchmarks"

pytestmark = pytest.mark.filterwarnings("ignore::tradecheck.loaders.base.LoadWarning")


@pytest.fixture(scope="module")
def synth(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A constructed bulk file: 30,000 synthetic rows in the real 34-column layout (the
    benchmark generator: many countries incl. Comtrade's own codes, monthly and annual,
    breakdown rows, re-exports, every commodity level)."""
    sys.path.insert(0, str(BENCH))
    try:
        from gen_bulk import generate
    finally:
        sys.path.remove(str(BENCH))
    return generate(30_000, seed=3, work=tmp_path_factory.mktemp("synth"))


def _small(path: Path) -> pd.DataFrame:
    """The small loader's table (whole file in memory, pandas rules)."""
    return schema.validate(schema.make_frame(comtrade.load_bulk(path)))


@pytest.mark.parametrize("block_size", [bulk.DEFAULT_BLOCK, 256 * 1024, 4096])
def test_streaming_equals_small_loader_on_many_blocks(synth: Path, block_size: int) -> None:
    small = _small(synth)
    assert len(small) > 20_000 and small["reporter"].nunique() > 50
    big = bulk.ingest(synth, progress=False, block_size=block_size)
    assert isinstance(big, pd.DataFrame)
    pd.testing.assert_frame_equal(small, big)


def test_sums_are_exact(synth: Path) -> None:
    """Per reporter and flow, the streamed values add up to exactly the small loader's."""
    small = _small(synth).groupby(["reporter", "flow", "commodity"])["value"].sum()
    big = bulk.ingest(synth, progress=False, block_size=8192)
    assert isinstance(big, pd.DataFrame)
    pd.testing.assert_series_equal(
        small, big.groupby(["reporter", "flow", "commodity"])["value"].sum(), check_exact=True
    )


def test_streamed_parquet_equals_small_table(synth: Path, tmp_path: Path) -> None:
    out = bulk.ingest(synth, out=tmp_path / "all.parquet", progress=False, block_size=65536)
    back = pd.read_parquet(out)
    assert list(back.columns) == list(schema.CANONICAL_COLUMNS)
    pd.testing.assert_frame_equal(schema.make_frame(back), _small(synth))


def test_row_groups_of_several_blocks_keep_the_table(
    synth: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Blocks (each with its own dictionaries) joined into larger row groups: the same rows,
    in file order, and row groups of at least ROW_GROUP_ROWS rows but the last."""
    import pyarrow.parquet as pq

    monkeypatch.setattr(bulk, "ROW_GROUP_ROWS", 5_000)
    out = bulk.ingest(synth, out=tmp_path / "g.parquet", progress=False, block_size=65536)
    meta = pq.ParquetFile(out).metadata
    sizes = [meta.row_group(i).num_rows for i in range(meta.num_row_groups)]
    assert len(sizes) > 3 and min(sizes[:-1]) >= 5_000
    pd.testing.assert_frame_equal(schema.make_frame(pd.read_parquet(out)), _small(synth))


def test_vectorised_rules_take_every_block_of_a_clean_file(
    synth: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The equality above must come from the vectorised path, not the pandas fallback."""
    calls = []
    monkeypatch.setattr(bulk._Stream, "slow", lambda *a: calls.append(a))
    bulk.ingest(synth, progress=False, block_size=65536)
    assert calls == []


def test_anomalous_block_falls_back_to_the_exact_error(tmp_path: Path) -> None:
    """An unknown country code deep in a file: same message, line and column as the small
    loader's."""
    text = gzip.decompress(BULK.read_bytes()).decode()
    header, *rows = text.splitlines(keepends=True)
    col = {c: i for i, c in enumerate(comtrade.BULK_FIELDS)}
    kept = [
        i
        for i, r in enumerate(rows)
        if (c := r.split("\t"))[col["partner2Code"]] == "0"
        and c[col["motCode"]] == "0"
        and c[col["customsCode"]] == "C00"
        and c[col["flowCode"]] in ("X", "M")
    ]
    n = kept[3]
    cells = rows[n].split("\t")
    cells[col["partnerCode"]] = "998"
    rows[n] = "\t".join(cells)
    f = tmp_path / "bad.txt.gz"
    f.write_bytes(gzip.compress((header + "".join(rows)).encode()))
    with pytest.raises(LoadError) as small:
        comtrade.load_bulk(f)
    with pytest.raises(LoadError) as big:
        bulk.ingest(f, progress=False)
    assert str(big.value) == str(small.value)
    assert big.value.row == n + 2 and big.value.column == "partnerCode"


# ------------------------------------------------------------------------------ routing


def _spy(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    seen: list[Path] = []
    real = bulk.ingest

    def spy(path, **kw):  # type: ignore[no-untyped-def]
        seen.append(Path(path))
        return real(path, **kw)

    monkeypatch.setattr(bulk, "ingest", spy)
    return seen


def test_threshold_routes_big_files_only(monkeypatch: pytest.MonkeyPatch) -> None:
    size = BULK.stat().st_size
    seen = _spy(monkeypatch)
    monkeypatch.setattr(route, "STREAM_BYTES", size)  # not over the threshold: small path
    small = loaders.load(BULK)
    assert seen == []
    monkeypatch.setattr(route, "STREAM_BYTES", size - 1)  # one byte over: streamed
    big = loaders.load(BULK)
    assert seen == [BULK]
    pd.testing.assert_frame_equal(small, big)


def test_only_comtrade_formats_stream(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(route, "STREAM_BYTES", 0)
    assert route.streams("comtrade_bulk", BULK)
    assert not route.streams("imf_imts", BULK)
    semi = tmp_path / "semi.csv"  # a dialect the streaming reader does not read
    semi.write_text("reporterISO;partnerISO;flowCode;period;primaryValue\n", encoding="utf-8")
    assert not route.streams("comtrade_csv", semi)


def test_load_stops_past_the_row_budget(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(route, "STREAM_BYTES", 0)
    monkeypatch.setattr(route, "LOAD_MAX_ROWS", 5)
    with pytest.raises(LoadError, match=r"more than 5 canonical rows.*--out rows\.parquet"):
        loaders.load(BULK)


def _cli(args: list[str]) -> int:
    from tradecheck.loaders import _cli

    parser = argparse.ArgumentParser()
    _cli.register(parser.add_subparsers())
    ns = parser.parse_args(["load", *args])
    return int(ns.func(ns))


@pytest.mark.parametrize("suffix", [".parquet", ".csv"])
def test_cli_load_streams_the_same_table_and_summary(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    suffix: str,
) -> None:
    small_out, big_out = tmp_path / f"small{suffix}", tmp_path / f"big{suffix}"
    with warnings.catch_warnings():
        assert _cli([str(BULK), "--out", str(small_out)]) == 0
    small = capsys.readouterr()
    monkeypatch.setattr(route, "STREAM_BYTES", 0)
    monkeypatch.setattr(route, "load_streamed", None)  # the CLI must not build a frame
    assert _cli([str(BULK), "--out", str(big_out)]) == 0
    big = capsys.readouterr()
    assert big.out == small.out.replace(str(small_out), str(big_out))
    notes = [ln for ln in big.err.splitlines() if ln.startswith("note:")]  # beside a tqdm bar
    assert notes and notes == small.err.splitlines()
    if suffix == ".csv":
        assert big_out.read_bytes() == small_out.read_bytes()
    else:
        pd.testing.assert_frame_equal(pd.read_parquet(big_out), pd.read_parquet(small_out))


def test_cli_load_without_out_prints_the_summary(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _cli([str(BULK)])
    small = capsys.readouterr().out
    monkeypatch.setattr(route, "STREAM_BYTES", 0)
    _cli([str(BULK)])
    assert capsys.readouterr().out == small
    assert small.startswith(f"{len(loaders.load(BULK))} rows from 1 file(s)")


def test_unusual_cells_take_the_full_parse_and_match(tmp_path: Path) -> None:
    """Rows without primaryValue (CIF/FOB used), without period (refPeriodId used) or
    without classificationCode need the columns the lean parse leaves out: same table."""
    text = gzip.decompress(BULK.read_bytes()).decode()
    header, *rows = text.splitlines(keepends=True)
    col = {c: i for i, c in enumerate(comtrade.BULK_FIELDS)}
    kept = [
        i
        for i, r in enumerate(rows)
        if (c := r.split("\t"))[col["partner2Code"]] == "0"
        and c[col["motCode"]] == "0"
        and c[col["customsCode"]] == "C00"
    ]
    for n, name in zip(kept[1:8:3], ("primaryValue", "period", "classificationCode"), strict=True):
        cells = rows[n].split("\t")
        cells[col[name]] = ""
        rows[n] = "\t".join(cells)
    f = tmp_path / "unusual.txt.gz"
    f.write_bytes(gzip.compress((header + "".join(rows)).encode()))
    big = bulk.ingest(f, progress=False)
    pd.testing.assert_frame_equal(_small(f), big)


@pytest.mark.parametrize("dense_cells", [route._DENSE_CELLS, 0])
def test_counts_over_blocks_equal_a_pandas_groupby(
    synth: Path, dense_cells: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The running summary counts (numpy on dictionary codes and month ranks) over blocks
    with different dictionaries, plain-string blocks among them, equal one pandas groupby of
    the whole table -- counted densely (bincount) and, for large key spaces, by sorting."""
    import pyarrow as pa

    monkeypatch.setattr(route, "_DENSE_CELLS", dense_cells)

    df = bulk.ingest(synth, progress=False)
    assert isinstance(df, pd.DataFrame)
    whole = pa.Table.from_pandas(df, preserve_index=False)
    counts = route.Counts()
    for i, start in enumerate(range(0, len(df), 7_000)):
        part = whole.slice(start, 7_000)
        if i % 2:  # dictionary columns, each block with its own dictionaries
            part = pa.table(
                {
                    n: c.dictionary_encode() if pa.types.is_string(c.type) else c
                    for n, c in zip(part.column_names, part.columns, strict=True)
                }
            )
        counts.add(part)
    counts.add(whole.slice(0, 0))
    want = (
        df.groupby(["source", "reporter", "flow"], sort=True)
        .agg(rows=("value", "size"), first=("period_start", "min"), last=("period_end", "max"))
        .reset_index()
    )
    got = counts.groups()
    assert len(got) > 100
    pd.testing.assert_frame_equal(got, want, check_dtype=False)
    assert counts.files == set(df["source_file"])


# ------------------------------------------------------------- threads: order and errors


def _in_thread(fn, timeout: float = 120):  # type: ignore[no-untyped-def]
    """Run ``fn`` in a thread; fail (instead of hanging the suite) if it deadlocks."""
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(1) as pool:
        fut = pool.submit(fn)
        return fut.result(timeout=timeout)


def test_parquet_is_the_same_whatever_the_blocks_in_flight(synth: Path, tmp_path: Path) -> None:
    """Blocks converted by two workers and written by a third thread: the file has the same
    rows in the same order for 4 KiB blocks (hundreds in flight one after another) as for
    one block."""
    import pyarrow.parquet as pq

    one = bulk.ingest(synth, out=tmp_path / "one.parquet", progress=False, block_size=1 << 26)
    many = bulk.ingest(synth, out=tmp_path / "many.parquet", progress=False, block_size=4096)
    old, new = pq.read_table(one), pq.read_table(many)
    assert old.num_rows > 20_000
    assert old.equals(new)


def test_writer_error_surfaces_without_hanging(
    synth: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The Parquet writer thread fails on its third row group (a full disk, constructed):
    the error reaches the caller, the reader threads stop, nothing is left behind."""
    import pyarrow.parquet as pq

    calls = []
    real = pq.ParquetWriter.write_table

    def failing(self, table, *a, **k):  # type: ignore[no-untyped-def]
        calls.append(table.num_rows)
        if len(calls) == 3:
            raise OSError(28, "No space left on device")
        return real(self, table, *a, **k)

    monkeypatch.setattr(pq.ParquetWriter, "write_table", failing)
    monkeypatch.setattr(bulk, "ROW_GROUP_ROWS", 1_000)
    out = tmp_path / "o.parquet"
    with pytest.raises(OSError, match="No space left"):
        _in_thread(lambda: bulk.ingest(synth, out=out, progress=False, block_size=8192))
    assert len(calls) == 3  # no row group written after the failure
    assert list(tmp_path.iterdir()) == []


def test_cli_load_bad_row_mid_file_is_one_line(
    synth: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A short row in the middle of a streamed file (constructed): exit 2 and one line naming
    the file and the line, while the other threads are mid-file; no traceback, no output."""
    from tradecheck import cli

    lines = gzip.decompress(synth.read_bytes()).decode().splitlines(keepends=True)
    mid = len(lines) // 2
    f = tmp_path / "bad.txt.gz"
    f.write_bytes(gzip.compress("".join([*lines[:mid], "1\tC\tA\n", *lines[mid:]]).encode()))
    monkeypatch.setattr(route, "STREAM_BYTES", 0)
    out = tmp_path / "o.parquet"
    assert _in_thread(lambda: cli.main(["load", str(f), "--out", str(out)])) == 2
    err = [ln for ln in capsys.readouterr().err.splitlines() if "error" in ln]
    assert len(err) == 1 and err[0].split("\r")[-1].startswith("tradecheck: error:")
    assert f"line {mid + 1}" in err[0] and "bad.txt.gz" in err[0]
    assert "Traceback" not in err[0] and not out.exists()
