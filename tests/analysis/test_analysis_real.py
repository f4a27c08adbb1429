"""Analysis on the real shipped data (data/raw: IMF DOTS, UN Comtrade 2021, published figures).

The assertions are relations that must hold in the real data, checked against the canonical
rows themselves, plus two figures stated in the sources' documentation.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from tradecheck import paths
from tradecheck.analysis import (
    InsufficientDataError,
    annual_levels,
    coverage,
    mirror_gap,
    monthly_levels,
    product_shares,
    seasonal,
    yoy,
)


@pytest.fixture(scope="module")
def real() -> pd.DataFrame:
    from tradecheck.loaders import load

    return load(paths.RAW)


@pytest.fixture(scope="module")
def levels(real) -> pd.DataFrame:
    return annual_levels(real)


def _row_value(df, reporter, flow, year, source):
    partner = "CHN" if reporter == "BLR" else "BLR"
    hit = df[
        (df["reporter"] == reporter)
        & (df["partner"] == partner)
        & (df["flow"] == flow)
        & (df["period_start"] == f"{year}-01")
        & (df["period_end"] == f"{year}-12")
        & (df["source"] == source)
        & (df["commodity"] == "TOTAL")
    ]
    assert len(hit) == 1, hit
    return float(hit["value"].iloc[0])


def test_dots_both_reporters_every_year_1992_2020(levels):
    dots = levels[levels["source"] == "imf_dots"]
    for reporter in ("BLR", "CHN"):
        for direction in ("A->B", "B->A", "total"):
            years = dots[(dots["reporter"] == reporter) & (dots["direction"] == direction)]["year"]
            assert sorted(years) == list(range(1992, 2021)), (reporter, direction)


def test_levels_span_1992_to_2025(levels):
    assert levels["year"].min() == 1992
    assert levels["year"].max() == 2025


def test_levels_values_come_from_rows(real, levels):
    """Every single-row level is a value of the canonical table (nothing invented)."""
    one = levels[levels["flow"] != "X+M"]
    known = set(real["value"].round(2))
    assert set(one["value"].round(2)) <= known
    xm = levels[levels["flow"] == "X+M"].iloc[0]
    parts = levels[
        (levels["year"] == xm["year"])
        & (levels["reporter"] == xm["reporter"])
        & (levels["source"] == xm["source"])
        & (levels["direction"] != "total")
    ]
    assert xm["value"] == pytest.approx(parts["value"].sum())


def test_comtrade_2021_exports_as_documented(levels):
    c = levels[(levels["source"] == "comtrade") & (levels["year"] == 2021)].set_index(
        ["reporter", "direction"]
    )
    assert c.loc[("BLR", "A->B"), "value"] == pytest.approx(556_100_100, abs=1)
    assert c.loc[("CHN", "B->A"), "value"] == pytest.approx(2_729_411_952, abs=1)


def test_mirror_gap_2019_2020_matches_each_sides_rows(real):
    g = mirror_gap(real).set_index(["source", "direction", "year"])
    for year in (2019, 2020):
        ab = g.loc[("imf_dots", "A->B", year)]
        assert ab["exporter_reports"] == _row_value(real, "BLR", "X", year, "imf_dots")
        assert ab["importer_reports"] == _row_value(real, "CHN", "M", year, "imf_dots")
        ba = g.loc[("imf_dots", "B->A", year)]
        assert ba["exporter_reports"] == _row_value(real, "CHN", "X", year, "imf_dots")
        assert ba["importer_reports"] == _row_value(real, "BLR", "M", year, "imf_dots")
        assert ba["cif_fob_ratio"] == pytest.approx(ba["importer_reports"] / ba["exporter_reports"])
    # Belarus has recorded far more imports from China than China recorded exports to
    # Belarus in every year since 2005
    ba_all = mirror_gap(real, sources=["imf_dots"])
    ba_all = ba_all[(ba_all["direction"] == "B->A") & (ba_all["year"] >= 2005)]
    assert len(ba_all) == 16 and (ba_all["gap_pct"] > 0).all()


def test_mirror_comtrade_2021_has_exports_only(real):
    g = mirror_gap(real)
    c = g[g["source"] == "comtrade"]
    assert len(c) == 2 and c["importer_reports"].isna().all()


def test_yoy_real_matches_levels(levels):
    y = yoy(levels)
    r = y[
        (y["source"] == "imf_dots")
        & (y["reporter"] == "CHN")
        & (y["direction"] == "total")
        & (y["year"] == 2020)
    ].iloc[0]
    assert r["yoy_pct"] == pytest.approx(100 * (r["value"] / r["prev_value"] - 1))


def test_coverage_real(real):
    cov = coverage(real, pair=("BLR", "CHN")).set_index(["source", "reporter", "flow"])
    dots = cov.loc[("imf_dots", "BLR", "X")]
    assert (dots["first_period"], dots["last_period"], dots["rows"]) == ("1992-01", "2020-12", 29)
    assert dots["missing_years"] == ""
    assert cov.loc[("comtrade", "CHN", "X"), "rows"] == 1
    pub = cov.xs("published", level="source")
    assert pub["rows"].sum() == int((real["source"] == "published").sum())


def test_product_shares_real_are_value_over_total(real):
    s = product_shares(real)
    ok = s.dropna(subset=["share_pct"])
    assert len(ok) >= 1
    np.testing.assert_allclose(ok["share_pct"], 100 * ok["value"] / ok["total"])
    assert (ok["source"] == "published").all()


def test_no_monthly_series_long_enough_for_stl(real):
    try:
        m = monthly_levels(real)
    except InsufficientDataError:
        return
    for _key, g in m.groupby(["reporter", "source", "direction"]):
        with pytest.raises(InsufficientDataError):
            seasonal(g)
