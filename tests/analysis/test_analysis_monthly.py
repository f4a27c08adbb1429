"""monthly_levels, ytd_vs_last_year, trailing_12m and seasonal (STL) on constructed data."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from analysis_frames import annual, frame, row

from tradecheck.analysis import (
    InsufficientDataError,
    SeasonalResult,
    monthly_levels,
    seasonal,
    trailing_12m,
    ytd_vs_last_year,
)
from tradecheck.errors import TradecheckError

GACC = {"source": "gacc", "source_file": "constructed_gacc.csv", "valuation": "FOB"}


def _ytd(year: int, m: int, value: float, flow: str = "X") -> dict:
    return row("CHN", "BLR", flow, f"{year}-01", f"{year}-{m:02d}", value, **GACC)


def _month(year: int, m: int, value: float, flow: str = "X") -> dict:
    return row("CHN", "BLR", flow, f"{year}-{m:02d}", f"{year}-{m:02d}", value, **GACC)


# ----------------------------------------------------------------------------- monthly_levels


def test_monthly_from_ytd_differences():
    df = frame(_ytd(2024, 1, 10.0), _ytd(2024, 2, 25.0), _ytd(2024, 3, 45.0))
    m = monthly_levels(df).set_index("period")
    assert m["value"].to_dict() == {"2024-01": 10.0, "2024-02": 15.0, "2024-03": 20.0}
    assert m.loc["2024-03", "how"] == "YTD 2024-03 - YTD 2024-02"
    assert set(m["direction"]) == {"B->A"}


def test_monthly_totals_from_exports_plus_imports():
    df = frame(_month(2024, 5, 10.0, "X"), _month(2024, 5, 4.0, "M"))
    m = monthly_levels(df)
    tot = m[m["direction"] == "total"]
    assert tot["value"].tolist() == [14.0]


def test_monthly_none():
    with pytest.raises(InsufficientDataError, match="single month"):
        monthly_levels(frame(annual("BLR", "CHN", "X", 2020, 1.0)))


# --------------------------------------------------------------------------- ytd_vs_last_year


def test_ytd_from_ytd_rows_hand_computed():
    df = frame(_ytd(2024, 3, 90.0), _ytd(2025, 3, 99.0))
    r = ytd_vs_last_year(df, 2025, 3).iloc[0]
    assert (r["period"], r["base_period"]) == ("2025-01..2025-03", "2024-01..2024-03")
    assert (r["value"], r["base_value"], r["change_abs"]) == (99.0, 90.0, 9.0)
    assert r["change_pct"] == pytest.approx(10.0)
    assert r["how"] == "year-to-date row" and r["status"] == "ok"


def test_ytd_from_monthly_rows_and_mixed():
    cur = [_month(2025, m, v) for m, v in zip((1, 2, 3), (30.0, 40.0, 50.0), strict=True)]
    base = [_month(2024, m, v) for m, v in zip((1, 2, 3), (20.0, 20.0, 20.0), strict=True)]
    r = ytd_vs_last_year(frame(*cur, *base), 2025, 3).iloc[0]
    assert (r["value"], r["base_value"]) == (120.0, 60.0)
    assert r["change_pct"] == pytest.approx(100.0)
    assert r["how"] == "sum of 3 months"
    # current from a YTD row, base from monthly rows
    r2 = ytd_vs_last_year(frame(_ytd(2025, 3, 75.0), *base), 2025, 3).iloc[0]
    assert r2["change_pct"] == pytest.approx(25.0)
    # a month missing in the base: no base
    with pytest.raises(InsufficientDataError, match="no base"):
        ytd_vs_last_year(frame(*cur, *base[:2]), 2025, 3)


def test_ytd_full_year_uses_annual_rows(two_sides):
    out = ytd_vs_last_year(two_sides, 2020, 12)
    r = out[(out["reporter"] == "BLR") & (out["direction"] == "total")].iloc[0]
    assert (r["value"], r["base_value"]) == (496.0, 455.0)
    assert r["change_pct"] == pytest.approx(100 * (496 - 455) / 455)


def test_ytd_keeps_sides_apart_and_flags_missing():
    blr = row("BLR", "CHN", "M", "2025-01", "2025-06", 2.0e9, source="published")
    chn = row("CHN", "BLR", "X", "2024-01", "2024-06", 1.5e9, source="published")
    with pytest.raises(InsufficientDataError) as e:
        ytd_vs_last_year(frame(blr, chn), 2025, 6)
    assert "BLR/published/B->A: no base" in str(e.value)
    assert "CHN/published/B->A: no current" in str(e.value)
    ok = row("BLR", "CHN", "M", "2024-01", "2024-06", 1.6e9, source="published")
    out = ytd_vs_last_year(frame(blr, chn, ok), 2025, 6)
    assert out.set_index("reporter").loc["BLR", "change_pct"] == pytest.approx(25.0)
    assert out.set_index("reporter").loc["CHN", "status"] == "no current"
    assert math.isnan(out.set_index("reporter").loc["CHN", "change_pct"])


def test_ytd_bad_month():
    with pytest.raises(TradecheckError, match=r"1..12"):
        ytd_vs_last_year(frame(_ytd(2024, 3, 1.0)), 2025, 13)


# ------------------------------------------------------------------------------ trailing_12m


def test_trailing_12m_hand_computed():
    s = pd.Series(np.arange(1.0, 15.0), index=pd.period_range("2020-01", periods=14, freq="M"))
    t = trailing_12m(s)
    assert t.isna().sum() == 11
    assert t.iloc[11] == sum(range(1, 13)) == 78
    assert t.iloc[12] == 78 - 1 + 13 == 90
    assert t.iloc[13] == 90 - 2 + 14 == 102


def test_trailing_12m_string_index_and_gaps():
    idx = [f"2020-{m:02d}" for m in range(1, 13)] + [f"2021-{m:02d}" for m in (1, 3, 4)]
    s = pd.Series(1.0, index=idx)
    t = trailing_12m(s)
    assert list(t.index) == idx
    assert t["2020-12"] == 12.0 and t["2021-01"] == 12.0
    assert math.isnan(t["2021-03"]) and math.isnan(t["2021-04"])  # 2021-02 missing
    with pytest.raises(InsufficientDataError, match="12 consecutive months"):
        trailing_12m(pd.Series(1.0, index=pd.period_range("2020-01", periods=11, freq="M")))


def test_trailing_12m_frame_groups():
    df = frame(
        *[_month(2024, m, 1.0) for m in range(1, 13)],
        *[_month(2024, m, 2.0, "M") for m in range(1, 13)],
    )
    t = trailing_12m(monthly_levels(df))
    last = t[t["period"] == "2024-12"].set_index("direction")["trailing_12m"]
    assert last.to_dict() == {"B->A": 12.0, "A->B": 24.0, "total": 36.0}


# ---------------------------------------------------------------------------------- seasonal


PATTERN = np.array([-30.0, -20.0, -5.0, 0.0, 5.0, 10.0, 15.0, 20.0, 10.0, 5.0, 0.0, -10.0])


def _seasonal_series(n: int, start: str = "2018-01") -> pd.Series:
    idx = pd.period_range(start, periods=n, freq="M")
    trend = 1000.0 + 5.0 * np.arange(n)
    return pd.Series(trend + PATTERN[(idx.month - 1).to_numpy()], index=idx)


def test_stl_recovers_constructed_components():
    r = seasonal(_seasonal_series(48))
    assert isinstance(r, SeasonalResult)
    assert (r.start, r.end, r.period, r.dropped) == ("2018-01", "2021-12", 12, 0)
    np.testing.assert_allclose(r.observed, r.trend + r.seasonal + r.resid, atol=1e-9)
    by_month = r.seasonal.groupby(r.seasonal.index.month).mean().to_numpy()
    np.testing.assert_allclose(by_month, PATTERN, atol=1.5)  # pattern sums to zero: recovered
    slope = np.polyfit(np.arange(48), r.trend.to_numpy(), 1)[0]
    assert slope == pytest.approx(5.0, abs=0.1)
    assert r.strength > 0.9


def test_stl_on_noise_has_low_strength():
    rng = np.random.default_rng(0)
    s = pd.Series(
        1000.0 + rng.normal(0, 10, 48), index=pd.period_range("2018-01", periods=48, freq="M")
    )
    assert seasonal(s).strength < 0.5


def test_stl_needs_two_full_years_without_gaps():
    with pytest.raises(InsufficientDataError, match="24 consecutive months"):
        seasonal(_seasonal_series(23))
    s = _seasonal_series(36).drop(pd.Period("2019-04", freq="M"))  # runs of 15 and 20
    with pytest.raises(InsufficientDataError, match=r"longest gap-free run is 2019-05..2020-12"):
        seasonal(s)
    s2 = _seasonal_series(40).drop(pd.Period("2018-10", freq="M"))  # 9 + 30 months
    r = seasonal(s2)
    assert (r.start, r.end, r.dropped) == ("2018-11", "2021-04", 9)


def test_stl_from_monthly_levels_frame_selects_one_series():
    s = _seasonal_series(24, "2023-01")
    recs = [_month(p.year, p.month, v) for p, v in s.items()]
    recs += [_month(p.year, p.month, v / 2, "M") for p, v in s.items()]
    m = monthly_levels(frame(*recs))
    with pytest.raises(TradecheckError, match="several monthly series"):
        seasonal(m)
    r = seasonal(m, direction="B->A")
    assert r.reporter == "CHN" and r.sources == ["gacc"]
    assert r.source_files == ["constructed_gacc.csv"]
    assert r.label == "CHN/gacc/B->A"
