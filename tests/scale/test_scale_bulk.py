"""Streaming bulk ingest (tradecheck.scale.bulk): same rows as the small loader, filters,
bad input with line numbers, atomic output."""

from __future__ import annotations

import gzip
import warnings
import zlib
from pathlib import Path

import pandas as pd
import pytest

from tradecheck import loaders, schema
from tradecheck.errors import LoadError, TradecheckError, UnknownCountryError
from tradecheck.scale.bulk import BULK_COLUMNS, ingest, m49_codes

FIX = Path(__file__).resolve().parents[1] / "fixtures" / "bulk"
BULK = FIX / "bulk_small.txt.gz"
WEB = FIX / "website_small.csv"

pytestmark = pytest.mark.filterwarnings("ignore::tradecheck.loaders.base.LoadWarning")


@pytest.fixture(params=["isal", "zlib"])
def inflate(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Run a test with ISA-L inflation (when installed) and with pyarrow's zlib stream."""
    from tradecheck.scale import bulk

    if request.param == "zlib":
        monkeypatch.setattr(bulk, "_igzip_threaded", None)
    elif bulk._igzip_threaded is None:
        pytest.skip("isal not installed")
    return str(request.param)


def _bulk_lines() -> list[list[str]]:
    """The fixture's data lines split into cells (header excluded)."""
    text = gzip.decompress(BULK.read_bytes()).decode("utf-8")
    return [ln.split("\t") for ln in text.splitlines()[1:]]


def _expected_lines(keep) -> set[str]:  # type: ignore[no-untyped-def]
    """source_ref values that must survive, computed from the raw cells (independently of
    the loader): only totals of customs procedure, transport mode and second partner, and
    only flows X/M/RX/RM."""
    idx = {c: i for i, c in enumerate(BULK_COLUMNS)}
    out = set()
    for n, cells in enumerate(_bulk_lines(), start=2):
        total = (
            cells[idx["partner2Code"]] in ("0", "")
            and cells[idx["motCode"]] in ("0", "")
            and cells[idx["customsCode"]] in ("C00", "")
        )
        if total and cells[idx["flowCode"]] in ("X", "M", "RX", "RM") and keep(cells, idx):
            out.add(f"line {n}")
    return out


def test_fixture_is_the_real_34_column_layout() -> None:
    header = gzip.decompress(BULK.read_bytes()).decode().splitlines()[0].split("\t")
    assert tuple(header) == BULK_COLUMNS
    assert len(header) == 34
    assert {"CIFValue", "FOBValue"} <= set(header)


@pytest.mark.parametrize("block_size", [1 << 22, 2048])
def test_streaming_equals_small_loader_on_bulk(block_size: int, inflate: str) -> None:
    small = loaders.load(BULK)
    big = ingest(BULK, progress=False, block_size=block_size)
    assert isinstance(big, pd.DataFrame)
    pd.testing.assert_frame_equal(small, big)


def test_streaming_equals_small_loader_on_website_csv() -> None:
    small = loaders.load(WEB)
    big = ingest(WEB, progress=False, block_size=1024)
    pd.testing.assert_frame_equal(small, big)
    assert "CIV" in set(big["reporter"])  # the cp1252 row was decoded


def test_breakdown_rows_are_dropped() -> None:
    df = ingest(BULK, progress=False)
    assert set(df["source_ref"]) == _expected_lines(lambda c, i: True)
    # every BLR/CHN 2023 TOTAL export appears once, not once per breakdown row
    tot = df[
        (df["commodity"] == "TOTAL")
        & (df["flow"] == "X")
        & (df["period_end"] == "2023-12")
        & df["reporter"].isin(["BLR", "CHN"])
        & df["partner"].isin(["BLR", "CHN"])
    ]
    assert tot.groupby("reporter").size().to_dict() == {"BLR": 1, "CHN": 1}
    assert "XIP" not in set(df["flow"])


def test_pair_filter_keeps_exactly_the_pair_rows() -> None:
    df = ingest(BULK, reporters=["BLR", "CHN"], partners=["BLR", "CHN"], progress=False)
    want = _expected_lines(
        lambda c, i: (
            c[i["reporterCode"]] in ("112", "156") and c[i["partnerCode"]] in ("112", "156")
        )
    )
    assert set(df["source_ref"]) == want
    assert set(df["reporter"]) == {"BLR", "CHN"} and set(df["partner"]) == {"BLR", "CHN"}
    small = loaders.load(BULK)
    sub = small[small["reporter"].isin(["BLR", "CHN"]) & small["partner"].isin(["BLR", "CHN"])]
    pd.testing.assert_frame_equal(sub.reset_index(drop=True), df)


@pytest.mark.parametrize("level,lengths", [("TOTAL", {"TOTAL"}), (2, {2}), (4, {4}), (6, {6})])
def test_cmd_level_filter(level, lengths) -> None:  # type: ignore[no-untyped-def]
    df = ingest(BULK, cmd_level=level, progress=False)
    assert not df.empty
    got = {c if c == "TOTAL" else len(c) for c in df["commodity"]}
    assert got == lengths
    want = _expected_lines(
        lambda c, i: (
            (c[i["cmdCode"]] == "TOTAL")
            if level == "TOTAL"
            else (c[i["cmdCode"]] != "TOTAL" and len(c[i["cmdCode"]]) == level)
        )
    )
    assert set(df["source_ref"]) == want


def test_country_filters_accept_codes_names_and_comtrade_codes() -> None:
    by_iso = ingest(BULK, reporters=["BLR"], progress=False)
    by_code = ingest(BULK, reporters=[112], progress=False)
    by_name = ingest(BULK, reporters=["Belarus"], progress=False)
    pd.testing.assert_frame_equal(by_iso, by_code)
    pd.testing.assert_frame_equal(by_iso, by_name)
    usa = ingest(BULK, reporters=["USA"], progress=False)  # file has Comtrade's code 842
    assert usa["reporter"].tolist() == ["USA"]
    world = ingest(BULK, partners=["W00"], progress=False)
    assert set(world["partner"]) == {"W00"} and len(world) == 2  # ARG 1962 and BLR 2023
    assert "112" in m49_codes(["BLR"])[0]


def test_bad_filter_values() -> None:
    with pytest.raises(UnknownCountryError):
        ingest(BULK, reporters=["Atlantis"], progress=False)
    with pytest.raises(TradecheckError, match="cmd_level"):
        ingest(BULK, cmd_level=3, progress=False)  # type: ignore[arg-type]


def test_out_writes_parquet_atomically(tmp_path: Path) -> None:
    out = tmp_path / "sub" / "pair.parquet"
    got = ingest(BULK, reporters=["BLR", "CHN"], partners=["BLR", "CHN"], out=out, progress=False)
    assert got == out and out.exists()
    back = pd.read_parquet(out)
    want = ingest(BULK, reporters=["BLR", "CHN"], partners=["BLR", "CHN"], progress=False)
    assert list(back.columns) == list(schema.CANONICAL_COLUMNS)
    pd.testing.assert_frame_equal(schema.make_frame(back), want)
    assert [p.name for p in out.parent.iterdir()] == ["pair.parquet"]  # no temp file left


def test_progress_bar_reports_bytes(capsys: pytest.CaptureFixture[str]) -> None:
    ingest(BULK, progress=True)
    err = capsys.readouterr().err
    assert "ingest bulk_small.txt.gz" in err


# ----------------------------------------------------------------------------- bad input


@pytest.fixture(scope="module")
def big_text() -> str:
    """~43,000 lines of fixture rows (the pair rows repeated), as text."""
    text = gzip.decompress(BULK.read_bytes()).decode()
    header, *rows = text.splitlines(keepends=True)
    return header + "".join(rows[1:] * 1000)


@pytest.mark.parametrize("filters", [{}, {"reporters": ["BLR"], "cmd_level": "TOTAL"}])
def test_wrong_column_count_deep_in_a_large_file(
    tmp_path: Path, big_text: str, inflate: str, filters: dict
) -> None:
    lines = big_text.splitlines(keepends=True)
    bad = lines[:30000] + ["20260000000000099\tC\tA\t20230101\n"] + lines[30000:]
    f = tmp_path / "bad.txt.gz"
    f.write_bytes(gzip.compress("".join(bad).encode()))
    out = tmp_path / "out.parquet"
    with pytest.raises(LoadError) as info:
        ingest(f, out=out, progress=False, block_size=64 * 1024, **filters)
    assert info.value.row == 30001  # header is line 1; the bad line is the 30,001st
    assert "expected 34 columns" in str(info.value) and "got 4" in str(info.value)
    assert not out.exists() and list(tmp_path.iterdir()) == [f]  # nothing half-written


def test_truncated_gzip_names_the_last_complete_line(
    tmp_path: Path, big_text: str, inflate: str
) -> None:
    whole = gzip.compress(big_text.encode())
    f = tmp_path / "cut.txt.gz"
    f.write_bytes(whole[: len(whole) // 2])
    # independent count of the complete lines that survive the cut: everything zlib can
    # still decompress from the cut bytes
    complete = zlib.decompressobj(31).decompress(f.read_bytes()).count(b"\n")
    out = tmp_path / "o.parquet"
    with pytest.raises(LoadError, match="truncated") as info:
        ingest(f, out=out, progress=False)
    assert info.value.row == complete + 1
    assert f"line {complete}" in str(info.value)
    assert not out.exists() and list(tmp_path.iterdir()) == [f]


def test_existing_output_survives_a_failed_run(tmp_path: Path, big_text: str) -> None:
    out = tmp_path / "o.parquet"
    ingest(BULK, out=out, progress=False)
    before = out.read_bytes()
    f = tmp_path / "cut.txt.gz"
    whole = gzip.compress(big_text.encode())
    f.write_bytes(whole[: len(whole) // 3])
    with pytest.raises(LoadError):
        ingest(f, out=out, progress=False)
    assert out.read_bytes() == before


def test_header_from_another_format(tmp_path: Path) -> None:
    f = tmp_path / "imts.csv"
    f.write_text(
        "STRUCTURE,STRUCTURE_ID,ACTION,COUNTRY,COUNTERPART_COUNTRY,TIME_PERIOD,"
        "OBS_VALUE\ndataflow,IMF:IMTS,I,BLR,CHN,2020-M01,1.0\n",
        encoding="utf-8",
    )
    with pytest.raises(LoadError, match="header is not a UN Comtrade") as info:
        ingest(f, progress=False)
    assert info.value.row == 1
    g = tmp_path / "legacy.txt.gz"
    g.write_bytes(
        gzip.compress(b"Classification\tYear\tPeriod\tTrade Value (US$)\nH5\t2020\t2020\t1\n")
    )
    with pytest.raises(LoadError, match="line 1"):
        ingest(g, progress=False)


def test_bad_value_in_a_kept_row_names_its_real_line(tmp_path: Path, big_text: str) -> None:
    lines = big_text.splitlines(keepends=True)
    cells = lines[20000].split("\t")
    assert cells[7] in ("112", "156")  # a pair row, so it reaches the normaliser
    cells[BULK_COLUMNS.index("primaryValue")] = "12x"
    lines[20000] = "\t".join(cells)
    f = tmp_path / "v.txt.gz"
    f.write_bytes(gzip.compress("".join(lines).encode()))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with pytest.raises(LoadError) as info:
            ingest(f, reporters=["BLR", "CHN"], progress=False, block_size=64 * 1024)
    assert info.value.row == 20001
    assert info.value.column == "primaryValue"


@pytest.mark.parametrize(
    "content,match",
    [
        (b"", "empty"),
        (b"\x1f\x8b\x08\x00garbage", "gzip"),
    ],
)
def test_empty_or_broken_files(tmp_path: Path, content: bytes, match: str, inflate: str) -> None:
    f = tmp_path / "x.txt.gz"
    f.write_bytes(content)
    with pytest.raises(LoadError, match=match):
        ingest(f, progress=False)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(LoadError, match="no such file"):
        ingest(tmp_path / "nope.gz", progress=False)


def test_cli_ingest(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import argparse

    from tradecheck.scale import _cli

    parser = argparse.ArgumentParser()
    _cli.register(parser.add_subparsers())
    out = tmp_path / "pair.parquet"
    args = parser.parse_args(
        [
            "ingest",
            str(BULK),
            "--reporters",
            "BLR,CHN",
            "--partners",
            "BLR,CHN",
            "--cmd-level",
            "TOTAL",
            "--out",
            str(out),
            "--store",
            str(tmp_path / "store"),
            "--no-progress",
        ]
    )
    assert args.func(args) == 0
    assert "11 canonical rows" in capsys.readouterr().out
    assert len(pd.read_parquet(out)) == 11
    assert (tmp_path / "store" / "source=comtrade" / "reporter=BLR").is_dir()


def test_corrupt_gzip_in_the_middle(tmp_path: Path, big_text: str, inflate: str) -> None:
    data = bytearray(gzip.compress(big_text.encode()))
    mid = len(data) // 2
    data[mid : mid + 64] = bytes(64)  # a damaged stretch of the compressed stream
    f = tmp_path / "bad.txt.gz"
    f.write_bytes(bytes(data))
    with pytest.raises(LoadError) as info:
        ingest(f, progress=False, out=tmp_path / "o.parquet")
    assert info.value.row is not None and info.value.row > 1
    assert not (tmp_path / "o.parquet").exists()


def test_one_warning_like_the_small_loader() -> None:
    from tradecheck.loaders.base import LoadWarning

    with warnings.catch_warnings(record=True) as small:
        warnings.simplefilter("always")
        loaders.load(BULK)
    with warnings.catch_warnings(record=True) as big:
        warnings.simplefilter("always")
        ingest(BULK, progress=False, block_size=2048)
    msgs = [str(w.message) for w in big if issubclass(w.category, LoadWarning)]
    assert msgs == [str(w.message) for w in small if issubclass(w.category, LoadWarning)]
    assert len(msgs) == 1 and "4 row(s) of second-partner breakdown" in msgs[0]
    assert big[0].filename == __file__  # points at the caller of ingest


def test_notes_of_several_blocks_are_added_up() -> None:
    from tradecheck.loaders.base import LoadWarning
    from tradecheck.scale.bulk import _warn_notes

    notes = [
        "x.gz: dropped 3 row(s) of mode-of-transport breakdown (motCode other than 0)",
        (
            "x.gz: dropped 2 row(s) of mode-of-transport breakdown (motCode other than 0); "
            "1 row(s) of flow DX (a part of X/M, not an equivalent)"
        ),
    ]
    with pytest.warns(LoadWarning) as rec:
        _warn_notes(Path("x.gz"), notes)
    assert len(rec) == 1
    msg = str(rec[0].message)
    assert "5 row(s) of mode-of-transport breakdown" in msg and "1 row(s) of flow DX" in msg


# ------------------------------------------------- line numbers when rows are not lines


def _pair_lines_of(text: str) -> set[str]:
    """Line numbers of the pair rows that survive the rules, counted on ``text`` itself
    (blank lines and CR endings included), independently of the reader."""
    idx = {c: i for i, c in enumerate(BULK_COLUMNS)}
    out = set()
    for n, line in enumerate(text.split("\n")[1:], start=2):
        cells = line.rstrip("\r").split("\t")
        if len(cells) != len(BULK_COLUMNS):
            continue  # blank line
        total = (
            cells[idx["partner2Code"]] in ("0", "")
            and cells[idx["motCode"]] in ("0", "")
            and cells[idx["customsCode"]] in ("C00", "")
        )
        if (
            total
            and cells[idx["flowCode"]] in ("X", "M", "RX", "RM")
            and cells[idx["reporterCode"]] in ("112", "156")
            and cells[idx["partnerCode"]] in ("112", "156")
        ):
            out.add(f"line {n}")
    return out


@pytest.mark.parametrize("block_size", [1 << 22, 4096, 100])
@pytest.mark.parametrize(
    "layout", ["blank lines", "crlf", "crlf and blank lines", "no final newline"]
)
def test_pair_rows_keep_their_real_lines(
    tmp_path: Path, big_text: str, layout: str, block_size: int
) -> None:
    """Blocks with blank lines or CR endings (rows != lines) and blocks smaller than a line
    (the partial line is carried on) name the same lines as a plain reading of the file."""
    lines = big_text.splitlines(keepends=True)[:3000]
    if "blank" in layout:  # blank lines spread through the file, some right after a pair row
        lines = [ln + ("\n" if i % 7 == 3 else "") for i, ln in enumerate(lines)]
    if "crlf" in layout:
        lines = [ln.replace("\n", "\r\n") for ln in lines]
    text = "".join(lines)
    if layout == "no final newline":
        text = text.rstrip("\n")
    f = tmp_path / "pair.txt.gz"
    f.write_bytes(gzip.compress(text.encode()))
    want = _pair_lines_of(text)
    assert len(want) > 50
    df = ingest(
        f, reporters=["BLR", "CHN"], partners=["BLR", "CHN"], progress=False, block_size=block_size
    )
    assert set(df["source_ref"]) == want and len(df) == len(want)


@pytest.mark.parametrize("seed", range(5))
def test_nth_true_equals_flatnonzero(seed: int) -> None:
    import numpy as np

    from tradecheck.scale.bulk import _SEGMENT, _nth_true

    rng = np.random.default_rng(seed)
    n = int(rng.integers(1, 5 * _SEGMENT))
    flags = rng.random(n) < rng.choice([0.0005, 0.01, 0.5])
    flags[_SEGMENT - 1 : _SEGMENT + 1] = True  # on both sides of a segment boundary
    flags[-1] = bool(seed % 2)
    every = np.flatnonzero(flags)
    ks = np.unique(np.concatenate(([0, len(every) - 1], rng.integers(0, len(every), 50))))
    assert _nth_true(flags, ks).tolist() == every[ks].tolist()


@pytest.mark.parametrize("seed", range(4))
def test_buffer_equality_equals_arrow_equal(seed: int) -> None:
    """canon._eq reads the string buffers itself: same answer as pyarrow's equal on short
    codes, rare and frequent, sliced arrays, empty cells and non-ASCII text."""
    import numpy as np
    import pyarrow as pa
    import pyarrow.compute as pc

    from tradecheck.scale.canon import _eq

    words = ["", "0", "00", "C00", "C01", "TOTAL", "TOTAL2", "TOTA", "52", "M", "A", "é", "X"]
    rng = np.random.default_rng(seed)
    for n in (0, 1, 7, 300):
        p = rng.dirichlet(np.ones(len(words)) * 0.3)  # some codes frequent, some rare
        arr = pa.array([words[i] for i in rng.choice(len(words), n, p=p)], pa.string())
        for a in (arr, arr.slice(min(2, n), max(n - 3, 0)), pa.repeat("", n)):
            for w in words:
                want = pc.equal(a, w).to_numpy(zero_copy_only=False)
                assert _eq(a, w).tolist() == want.tolist(), (a, w)
