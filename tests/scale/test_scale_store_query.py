"""Partitioned store (tradecheck.store.partitioned) and DuckDB queries (tradecheck.store.query):
layout, determinism, round trip, and window values identical to the pandas path
(tradecheck.derive.window_value)."""

from __future__ import annotations

import itertools
import warnings
from pathlib import Path

import pandas as pd
import pytest

from tradecheck import loaders, paths, schema
from tradecheck.claims.model import Claim, Period
from tradecheck.derive import window_value
from tradecheck.errors import SchemaError, TradecheckError
from tradecheck.store.partitioned import partition_files, read_partitioned, write_partitioned
from tradecheck.store.query import StoreQuery, claim_windows, open_store, window_sum

FIX = Path(__file__).resolve().parents[1] / "fixtures" / "bulk"


def _row(
    rep: str,
    par: str,
    flow: str,
    s: str,
    e: str,
    v: float,
    src: str = "belstat",
    vintage: str = "2025-01-01",
    **kw: object,
) -> dict[str, object]:
    return dict(
        reporter=rep,
        partner=par,
        flow=flow,
        period_start=s,
        period_end=e,
        value=v,
        source=src,
        source_file=f"{src}.csv",
        source_ref=f"line {int(v) % 997 + 2}",
        vintage=vintage,
        **kw,
    )


@pytest.fixture(scope="module")
def table() -> pd.DataFrame:
    """Constructed rows exercising every way a window is covered (or not)."""
    rows = []
    # BLR monthly exports 2022-01..2023-06 (belstat), one revised month (two vintages)
    for y, m in itertools.product((2022, 2023), range(1, 13)):
        if (y, m) > (2023, 6):
            continue
        rows.append(_row("BLR", "CHN", "X", f"{y}-{m:02d}", f"{y}-{m:02d}", 100.0 + m))
    rows.append(_row("BLR", "CHN", "X", "2022-03", "2022-03", 555.0, vintage="2025-06-01"))
    # BLR imports: annual rows only (comtrade)
    for y in (2021, 2022, 2023):
        rows.append(_row("BLR", "CHN", "M", f"{y}-01", f"{y}-12", 9000.0 + y, src="comtrade"))
    # CHN imports from BLR: YTD rows (gacc) 2023-01..03, 01..06, 01..09 and a 2023 annual row
    for m, v in ((3, 300.0), (6, 650.0), (9, 990.0)):
        rows.append(_row("CHN", "BLR", "M", "2023-01", f"2023-{m:02d}", v, src="gacc"))
    rows.append(_row("CHN", "BLR", "M", "2023-01", "2023-12", 1400.0, src="gacc"))
    # CHN exports to BLR: comtrade annual 2022 and imf_dots annual 2021..2022 (two sources)
    rows.append(_row("CHN", "BLR", "X", "2022-01", "2022-12", 7000.0, src="comtrade"))
    for y in (2021, 2022):
        rows.append(_row("CHN", "BLR", "X", f"{y}-01", f"{y}-12", 6900.0 + y, src="imf_dots"))
    # a chapter row that must never be added to TOTAL, and another pair
    rows.append(
        _row("BLR", "CHN", "X", "2022-01", "2022-12", 50.0, commodity="27", classification="H6")
    )
    rows.append(_row("BLR", "RUS", "X", "2022-01", "2022-12", 1e6))
    # published figures of unstated side (total trade, T)
    rows.append(
        {
            "reporter": "XXX",
            "partner": "XXX",
            "flow": "T",
            "period_start": "2022-01",
            "period_end": "2022-12",
            "value": 5.1e9,
            "source": "published",
            "source_file": "published.csv",
            "source_ref": "https://example.org/x",
            "vintage": "2023-01-20",
            "exporter": "BLR",
            "importer": "CHN",
            "bound": "approx",
            "classification": "published",
        }
    )
    return schema.validate(schema.make_frame(rows))


@pytest.fixture(scope="module")
def root(table: pd.DataFrame, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_partitioned(table, tmp_path_factory.mktemp("s") / "store")


def test_layout_and_round_trip(table: pd.DataFrame, root: Path) -> None:
    files = [f.relative_to(root).as_posix() for f in partition_files(root)]
    assert "source=belstat/reporter=BLR/year=2022/part-0.parquet" in files
    assert "source=published/reporter=XXX/year=2022/part-0.parquet" in files
    assert len(files) == len(
        {(r["source"], r["reporter"], r["period_start"][:4]) for _, r in table.iterrows()}
    )
    back = read_partitioned(root)
    key = list(schema.CANONICAL_COLUMNS)
    a = table.sort_values(key).reset_index(drop=True)
    b = back.sort_values(key).reset_index(drop=True)
    pd.testing.assert_frame_equal(a, b)
    only = read_partitioned(root, source="gacc", reporter="CHN", years=[2023])
    assert len(only) == 4 and set(only["source"]) == {"gacc"}


def test_write_is_deterministic_and_replaces_atomically(
    table: pd.DataFrame, tmp_path: Path
) -> None:
    r1 = write_partitioned(table, tmp_path / "a")
    r2 = write_partitioned(table.sample(frac=1.0, random_state=3), tmp_path / "b")
    f1 = {f.relative_to(r1): f.read_bytes() for f in r1.rglob("*") if f.is_file()}
    f2 = {f.relative_to(r2): f.read_bytes() for f in r2.rglob("*") if f.is_file()}
    assert f1 == f2  # same rows in any order -> byte-identical store
    small = table[table["source"] == "gacc"]
    write_partitioned(small, r1)  # replace the store as a whole
    assert {f.relative_to(r1).parts[0] for f in partition_files(r1)} == {"source=gacc"}
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_invalid_table_is_refused(table: pd.DataFrame, tmp_path: Path) -> None:
    bad = table.copy()
    bad.loc[0, "flow"] = "Q"
    with pytest.raises(SchemaError):
        write_partitioned(bad, tmp_path / "s")
    assert not (tmp_path / "s").exists()


def test_no_store_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(TradecheckError, match="no partitioned store"):
        window_sum(
            tmp_path / "none",
            reporter="BLR",
            exporter="BLR",
            importer="CHN",
            start="2022-01",
            end="2022-12",
        )


WINDOWS = [
    ("2022-01", "2022-12"),
    ("2022-01", "2022-03"),
    ("2022-03", "2022-03"),
    ("2023-01", "2023-06"),
    ("2023-01", "2023-12"),
    ("2022-07", "2023-06"),
    ("2021-01", "2022-12"),
    ("2021-01", "2023-12"),
    ("2023-04", "2023-06"),
    ("2023-07", "2023-09"),
    ("2023-10", "2023-12"),
    ("2023-02", "2023-02"),
    ("2020-01", "2020-12"),
]
DIRECTIONS = [
    ("BLR", "BLR", "CHN"),
    ("BLR", "CHN", "BLR"),
    ("CHN", "CHN", "BLR"),
    ("CHN", "BLR", "CHN"),
    ("XXX", "BLR", "CHN"),
    ("BLR", "BLR", "RUS"),
]


@pytest.mark.parametrize("source", [None, "belstat", "comtrade", "imf_dots", "gacc"])
def test_window_sum_equals_pandas_window_value(
    table: pd.DataFrame, root: Path, source: str | None
) -> None:
    covered = 0
    for (rep, a, b), (s, e) in itertools.product(DIRECTIONS, WINDOWS):
        want = window_value(
            table, reporter=rep, exporter=a, importer=b, start=s, end=e, source=source
        )
        got = window_sum(root, reporter=rep, exporter=a, importer=b, start=s, end=e, source=source)
        assert (got is None) == (want is None), (rep, a, b, s, e, source)
        if want is not None:
            covered += 1
            assert got == want.value, (rep, a, b, s, e, source)
    if source is None:
        assert covered >= 15  # the cases are not all "None == None"


def test_window_semantics_spot_checks(root: Path) -> None:
    # revised March 2022 (latest vintage 555) replaces 103
    q1 = sum(100.0 + m for m in (1, 2)) + 555.0
    assert (
        window_sum(
            root, reporter="BLR", exporter="BLR", importer="CHN", start="2022-01", end="2022-03"
        )
        == q1
    )
    # a month missing -> None, never a partial sum
    assert (
        window_sum(
            root, reporter="BLR", exporter="BLR", importer="CHN", start="2023-01", end="2023-07"
        )
        is None
    )
    # YTD differencing: Jul..Sep = YTD Sep - YTD Jun
    assert (
        window_sum(
            root, reporter="CHN", exporter="BLR", importer="CHN", start="2023-07", end="2023-09"
        )
        == 990.0 - 650.0
    )
    # chapter rows never enter TOTAL; commodity selects them
    assert (
        window_sum(
            root,
            reporter="BLR",
            exporter="BLR",
            importer="CHN",
            start="2022-01",
            end="2022-12",
            commodity="27",
        )
        == 50.0
    )
    # two sources: None picks the first that covers (alphabetical), never mixes
    assert (
        window_sum(
            root, reporter="CHN", exporter="CHN", importer="BLR", start="2022-01", end="2022-12"
        )
        == 7000.0
    )
    assert (
        window_sum(
            root, reporter="CHN", exporter="CHN", importer="BLR", start="2021-01", end="2022-12"
        )
        == 6900.0 * 2 + 2021 + 2022
    )


def test_flow_kinds_match_pandas(table: pd.DataFrame, root: Path) -> None:
    q = open_store(root)
    for kind, (s, e) in itertools.product(("total", "balance"), WINDOWS):
        for rep in ("BLR", "CHN", "XXX"):
            want = window_value(
                table, reporter=rep, exporter="BLR", importer="CHN", start=s, end=e, flow_kind=kind
            )  # type: ignore[arg-type]
            got = q.window_value(
                reporter=rep, exporter="BLR", importer="CHN", start=s, end=e, flow_kind=kind
            )
            assert (got is None) == (want is None)
            if want is not None:
                assert got.value == want.value and got.how == want.how


def test_open_store_is_cached_and_refreshed(table: pd.DataFrame, tmp_path: Path) -> None:
    r = write_partitioned(table, tmp_path / "s")
    q1 = open_store(r)
    assert open_store(r) is q1
    write_partitioned(table[table["source"] == "gacc"], r)
    q2 = open_store(r)
    assert q2 is not q1 and isinstance(q2, StoreQuery)
    assert (
        window_sum(
            r, reporter="BLR", exporter="BLR", importer="CHN", start="2022-01", end="2022-12"
        )
        is None
    )


def test_claim_windows(table: pd.DataFrame, root: Path) -> None:
    claims = [
        Claim(
            span="c1",
            quantity="level",
            value=5.1e9,
            currency="USD",
            bound="approx",
            direction="both",
            reporter=None,
            period=Period("2022-01", "2022-12"),
            base_period=None,
        ),
        Claim(
            span="c2",
            quantity="pct_change",
            value=10.0,
            currency=None,
            bound="eq",
            direction="CHN->BLR",
            reporter="CHN",
            period=Period("2022-01", "2022-12"),
            base_period=Period("2021-01", "2021-12"),
        ),
    ]
    cw = claim_windows(claims, root)
    c1 = cw[cw["claim"] == 0].set_index("reporter")
    assert c1.loc["XXX", "value"] == 5.1e9 and c1.loc["XXX", "sources"] == "published"
    # BLR's exports (belstat) and imports (comtrade) come from two sources: a total is
    # never pieced together across sources
    assert pd.isna(c1.loc["BLR", "value"])
    for r in cw.itertuples():  # every row is what the pandas path gives
        want = window_value(
            table,
            reporter=r.reporter,
            exporter=r.exporter,
            importer=r.importer,
            start=r.start,
            end=r.end,
            flow_kind=r.flow_kind,
        )  # type: ignore[arg-type]
        assert (want is None) == pd.isna(r.value)
        assert want is None or want.value == r.value
    c2 = cw[cw["claim"] == 1].set_index("role")
    assert c2.loc["period", "value"] == 7000.0
    assert c2.loc["base_period", "value"] == 6900.0 + 2021  # comtrade lacks 2021: imf_dots
    assert list(claim_windows([c.to_json() for c in claims], root)["value"].fillna(-1)) == list(
        cw["value"].fillna(-1)
    )


def test_real_comtrade_figure_through_the_store(tmp_path: Path) -> None:
    """The shipped real Comtrade extract: Belarus -> China 2021 exports, 556,100,100 US$
    (the file's own row), read back through the partitioned store and DuckDB."""
    f = paths.RAW / "comtrade" / "comtrade_exports_2021A_all_pairs_subset_columns.csv"
    if not f.exists():
        pytest.skip("real Comtrade extract not shipped in data/raw")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        df = loaders.load(f)
    r = write_partitioned(df, tmp_path / "store")
    assert (
        window_sum(
            r, reporter="BLR", exporter="BLR", importer="CHN", start="2021-01", end="2021-12"
        )
        == 556_100_100.0
    )
    assert (
        window_sum(
            r, reporter="CHN", exporter="CHN", importer="BLR", start="2021-01", end="2021-12"
        )
        == 2_729_411_952.0
    )
    assert (
        window_sum(
            r, reporter="BLR", exporter="BLR", importer="CHN", start="2021-01", end="2021-06"
        )
        is None
    )


def test_bulk_ingest_to_store(tmp_path: Path) -> None:
    """Streaming ingest -> store -> DuckDB window, equal to pandas on the same rows."""
    from tradecheck.scale.bulk import ingest

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        df = ingest(
            FIX / "bulk_small.txt.gz",
            reporters=["BLR", "CHN"],
            partners=["BLR", "CHN"],
            progress=False,
        )
    r = write_partitioned(df, tmp_path / "store")
    for rep, a, b in DIRECTIONS[:4]:
        for s, e in (("2023-01", "2023-12"), ("2024-01", "2024-03"), ("2024-01", "2024-02")):
            want = window_value(df, reporter=rep, exporter=a, importer=b, start=s, end=e)
            got = window_sum(r, reporter=rep, exporter=a, importer=b, start=s, end=e)
            assert got == (None if want is None else want.value)
    assert (
        window_sum(
            r, reporter="BLR", exporter="BLR", importer="CHN", start="2024-01", end="2024-03"
        )
        == 1.0e8 * 6 + 3 * 112
    )
