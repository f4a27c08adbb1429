"""product_shares and coverage on constructed data."""

from __future__ import annotations

import math

import pandas as pd
import pytest
from analysis_frames import annual, frame, row

from tradecheck.analysis import (
    InsufficientDataError,
    coverage,
    format_years,
    parse_years,
    product_shares,
)

COM = {"source": "comtrade", "source_file": "constructed_comtrade.csv", "classification": "H5"}


def test_shares_against_total_row():
    df = frame(
        annual("BLR", "CHN", "X", 2021, 200.0, commodity="TOTAL", **COM),
        annual("BLR", "CHN", "X", 2021, 50.0, commodity="31", **COM),
        annual("BLR", "CHN", "X", 2021, 30.0, commodity="44", **COM),
        annual("BLR", "CHN", "X", 2021, 20.0, commodity="3104", **COM),
    )
    s = product_shares(df, digits=2).set_index("commodity")
    assert s.loc["31", "share_pct"] == pytest.approx(25.0)
    assert s.loc["44", "share_pct"] == pytest.approx(15.0)
    assert s.loc["31", "total_how"] == "TOTAL row" and "3104" not in s.index
    all_levels = product_shares(df).set_index("commodity")
    assert all_levels.loc["3104", "share_pct"] == pytest.approx(10.0)


def test_shares_without_total_row_use_sum_of_codes():
    df = frame(
        annual("CHN", "BLR", "X", 2021, 60.0, commodity="84", **COM),
        annual("CHN", "BLR", "X", 2021, 20.0, commodity="87", **COM),
    )
    s = product_shares(df).set_index("commodity")
    assert s.loc["84", "share_pct"] == pytest.approx(75.0)
    assert s.loc["84", "total_how"] == "sum of 2 2-digit codes"
    assert s.loc["84", "direction"] == "B->A"


def test_published_product_against_published_goods_figure_same_side_and_months():
    pub = {"source": "published", "source_file": "constructed.csv"}
    df = frame(
        row(
            "CHN",
            "BLR",
            "M",
            "2024-01",
            "2024-06",
            8.5e8,
            scope="product:potash",
            commodity="product:potash",
            **pub,
        ),
        row("CHN", "BLR", "M", "2024-01", "2024-06", 1.7e9, **pub),
        row("BLR", "CHN", "X", "2024-01", "2024-06", 9.9e9, **pub),  # other side: not used
        row(
            "CHN",
            "BLR",
            "M",
            "2023-01",
            "2023-06",
            1.0e9,
            scope="product:potash",
            commodity="product:potash",
            **pub,
        ),  # no goods total for these months
    )
    s = product_shares(df).set_index("period_end")
    assert s.loc["2024-06", "share_pct"] == pytest.approx(50.0)
    assert s.loc["2024-06", "commodity"] == "product:potash"
    assert math.isnan(s.loc["2023-06", "share_pct"])
    assert "no published all-goods figure" in s.loc["2023-06", "total_how"]


def test_shares_no_detail_is_insufficient(two_sides):
    with pytest.raises(InsufficientDataError, match="no commodity detail"):
        product_shares(two_sides)


def test_coverage_counts_gaps_and_kinds():
    df = frame(
        annual("BLR", "CHN", "X", 2000, 1.0),
        annual("BLR", "CHN", "X", 2001, 1.0),
        annual("BLR", "CHN", "X", 2005, 1.0),
        row("BLR", "CHN", "X", "2006-01", "2006-06", 1.0),
        row("BLR", "CHN", "X", "2006-07", "2006-07", 1.0),
        annual("CHN", "BLR", "M", 2010, 1.0, source="comtrade"),
        annual("BLR", "RUS", "X", 1995, 1.0),
    )
    cov = coverage(df)
    r = cov[(cov["reporter"] == "BLR") & (cov["flow"] == "X")].iloc[0]
    assert (r["rows"], r["first_period"], r["last_period"]) == (6, "1995-01", "2006-07")
    assert r["partners"] == 2
    only_pair = coverage(df, pair=("BLR", "CHN"))
    r = only_pair[(only_pair["reporter"] == "BLR")].iloc[0]
    assert (r["rows"], r["first_year"], r["last_year"]) == (5, 2000, 2006)
    assert r["missing_years"] == "2002-2004" and r["n_missing_years"] == 3
    assert (r["n_annual"], r["n_ytd"], r["n_monthly"], r["n_other"]) == (3, 1, 1, 0)
    assert list(only_pair["source"]) == ["comtrade", "imf_dots"]
    with pytest.raises(InsufficientDataError):
        coverage(df, pair=("BLR", "POL"))
    with pytest.raises(InsufficientDataError):
        coverage(df.iloc[0:0])


def test_year_ranges_round_trip():
    ys = [1992, 1993, 1994, 2001, 2003, 2004]
    assert format_years(ys) == "1992-1994, 2001, 2003-2004"
    assert parse_years(format_years(ys)) == ys
    assert parse_years("") == []
    assert isinstance(coverage(frame(annual("BLR", "CHN", "X", 2000, 1.0))), pd.DataFrame)
