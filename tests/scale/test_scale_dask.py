"""The Dask path (tradecheck.scale.dask_path) on a local distributed cluster equals the pandas
path, and both agree with tradecheck.derive.window_value where they give a value."""

from __future__ import annotations

import itertools

import pandas as pd
import pytest

from tradecheck import schema
from tradecheck.derive import window_value
from tradecheck.scale import dask_path as dp
from tradecheck.store.partitioned import write_partitioned

pytestmark = [
    pytest.mark.slow,
    # dask 2026.8 calls reset_index(inplace=True), deprecated in pandas 3.1
    pytest.mark.filterwarnings("ignore:The inplace keyword"),
]

WINDOWS = [
    ("2022-01", "2022-12"),
    ("2023-01", "2023-06"),
    ("2022-07", "2023-06"),
    ("2022-01", "2023-12"),
    ("2021-01", "2023-12"),
    ("2023-03", "2023-03"),
]


def _table() -> pd.DataFrame:
    """Constructed monthly and annual rows for three reporters and two sources, with gaps,
    a revised month, chapter rows and a non-USD row."""
    rows = []
    n = 0
    for rep, par in (("BLR", "CHN"), ("CHN", "BLR"), ("RUS", "CHN")):
        for flow in ("X", "M"):
            for y, m in itertools.product((2022, 2023), range(1, 13)):
                if rep == "RUS" and (y, m) == (2023, 5):
                    continue  # a gap
                n += 1
                rows.append(
                    {
                        "reporter": rep,
                        "partner": par,
                        "flow": flow,
                        "period_start": f"{y}-{m:02d}",
                        "period_end": f"{y}-{m:02d}",
                        "value": float(n),
                        "source": "comtrade",
                        "source_file": "c.csv",
                        "source_ref": f"line {n}",
                        "vintage": "2024-05-01",
                    }
                )
            for y in (2021, 2022, 2023):
                n += 1
                rows.append(
                    {
                        "reporter": rep,
                        "partner": par,
                        "flow": flow,
                        "period_start": f"{y}-01",
                        "period_end": f"{y}-12",
                        "value": 1000.0 + n,
                        "source": "imf_dots",
                        "source_file": "d.xlsx",
                        "source_ref": f"row {n}",
                        "vintage": "2024-02-01",
                    }
                )
    rows.append(
        {
            "reporter": "BLR",
            "partner": "CHN",
            "flow": "X",
            "period_start": "2022-03",
            "period_end": "2022-03",
            "value": 777.0,
            "source": "comtrade",
            "source_file": "c2.csv",
            "source_ref": "line 9",
            "vintage": "2025-01-01",
        }
    )  # revision: latest wins
    rows.append(
        {
            "reporter": "BLR",
            "partner": "CHN",
            "flow": "X",
            "period_start": "2022-01",
            "period_end": "2022-12",
            "value": 5.0,
            "commodity": "27",
            "classification": "H6",
            "source": "comtrade",
            "source_file": "c.csv",
            "source_ref": "line 999",
            "vintage": "2024-05-01",
        }
    )  # a chapter: not in TOTAL
    rows.append(
        {
            "reporter": "BLR",
            "partner": "CHN",
            "flow": "X",
            "period_start": "2022-01",
            "period_end": "2022-12",
            "value": 5.0,
            "currency": "CNY",
            "source": "belstat",
            "source_file": "b.csv",
            "source_ref": "line 3",
            "vintage": "2024-05-01",
        }
    )
    return schema.validate(schema.make_frame(rows))


@pytest.fixture(scope="module")
def setup(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    table = _table()
    root = write_partitioned(table, tmp_path_factory.mktemp("d") / "store")
    client = dp.local_client(n_workers=2, processes=False)
    yield table, root, client
    client.close()
    client.cluster.close()


def _norm(df: pd.DataFrame, by: list[str]) -> pd.DataFrame:
    """Sorted, values as float64 and text as plain objects (Dask returns Arrow strings)."""
    out = df.sort_values(by).reset_index(drop=True)
    return out.astype({c: ("float64" if c == "value" else object) for c in out.columns})


def test_read_store_is_the_canonical_table(setup) -> None:  # type: ignore[no-untyped-def]
    table, root, client = setup
    ddf = dp.read_store(root)
    assert ddf.npartitions == len(list(root.rglob("*.parquet")))
    got = client.compute(ddf).result()
    key = list(schema.CANONICAL_COLUMNS)
    pd.testing.assert_frame_equal(
        schema.make_frame(got).sort_values(key).reset_index(drop=True),
        table.sort_values(key).reset_index(drop=True),
    )
    sub = dp.read_store(root, reporter=["RUS"], years=[2023])
    assert sub.npartitions == 2  # comtrade and imf_dots files of RUS 2023 only


def test_filter_equals_pandas(setup) -> None:  # type: ignore[no-untyped-def]
    table, root, client = setup
    kw = {
        "reporter": ["BLR", "CHN"],
        "exporter": "BLR",
        "flows": ["X", "M"],
        "commodity": "TOTAL",
        "start": "2022-04",
        "end": "2023-02",
    }
    want = dp.filter_rows(table, **kw)
    got = client.compute(dp.filter_rows(dp.read_store(root), **kw)).result()
    key = list(schema.CANONICAL_COLUMNS)
    assert len(want) > 0
    pd.testing.assert_frame_equal(
        schema.make_frame(got).sort_values(key).reset_index(drop=True),
        want.sort_values(key).reset_index(drop=True),
    )


def test_annual_totals_equal_pandas(setup) -> None:  # type: ignore[no-untyped-def]
    table, root, client = setup
    want = dp.annual_totals(table)
    got = client.compute(dp.annual_totals(dp.read_store(root))).result()
    by = dp.SERIES_KEYS + ["year"]
    pd.testing.assert_frame_equal(_norm(got, by), _norm(want, by))
    assert set(want["how"]) == {"annual row", "sum of 12 monthly rows"}
    # RUS 2023 comtrade has a gap: no monthly total for that year
    rus = want[(want["reporter"] == "RUS") & (want["source"] == "comtrade")]
    assert set(rus["year"]) == {"2022"}


def test_window_sums_equal_pandas_and_derive(setup) -> None:  # type: ignore[no-untyped-def]
    table, root, client = setup
    want = dp.window_sums(table, WINDOWS)
    got = client.compute(dp.window_sums(dp.read_store(root), WINDOWS)).result()
    by = dp.SERIES_KEYS + ["start", "end"]
    pd.testing.assert_frame_equal(_norm(got, by), _norm(want, by))
    assert {
        "exact row",
        "sum of 12 monthly rows",
        "sum of 6 monthly rows",
        "sum of 2 calendar years",
    } <= set(want["how"])
    for r in want.itertuples():
        wv = window_value(
            table,
            reporter=r.reporter,
            exporter=r.exporter,
            importer=r.importer,
            start=r.start,
            end=r.end,
            source=r.source,
        )
        assert wv is not None and wv.value == r.value, r
    # and nothing is reported where derive finds no full coverage from monthly/annual rows
    have = {
        (r.source, r.reporter, r.exporter, r.importer, r.start, r.end) for r in want.itertuples()
    }
    for (rep, par), flow, src, (s, e) in itertools.product(
        (("BLR", "CHN"), ("RUS", "CHN")), ("X", "M"), ("comtrade", "imf_dots"), WINDOWS
    ):
        a, b = (rep, par) if flow == "X" else (par, rep)
        wv = window_value(table, reporter=rep, exporter=a, importer=b, start=s, end=e, source=src)
        assert (wv is not None) == ((src, rep, a, b, s, e) in have), (rep, flow, src, s, e)
